#pragma once

#include <QString>

namespace Plenary {

/** A person who presents sessions; identified by a stable id within one conference. */
struct Speaker
{
    QString id;
    QString name;
    QString company;
    QString bio;       ///< plain text
    QString avatarUrl; ///< absolute http(s) URL or empty

    friend bool operator==(const Speaker &, const Speaker &) = default;
};

} // namespace Plenary
