#pragma once

#include <QString>

namespace Plenary {

/** One floor of the venue (or a separate off-site venue), ordered by level. */
struct Floor
{
    QString id;
    QString name;
    int level = 0;

    friend bool operator==(const Floor &, const Floor &) = default;
};

} // namespace Plenary
