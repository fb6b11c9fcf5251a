#pragma once

#include "importoptions.h"
#include "importresult.h"

#include <QByteArray>

namespace Plenary {

/** Reads Plenary's own feed JSON (feed-format.md) with nlohmann_json. */
class PlenaryFeedParser
{
public:
    /** Parses a whole document; never throws, never crashes on hostile input; the conference comes back
     * normalized. */
    static ImportResult parse(const QByteArray &data, const ImportOptions &options = {});
};

} // namespace Plenary
