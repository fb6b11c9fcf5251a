#pragma once

#include "conference.h"

#include <QByteArray>

namespace Plenary {

/** Writes a conference as Plenary feed JSON (feed-format.md) with nlohmann_json. */
class PlenaryFeedWriter
{
public:
    /** The feed document; `indent` < 0 writes compact JSON. */
    static QByteArray write(const Conference &conference, int indent = -1);
};

} // namespace Plenary
