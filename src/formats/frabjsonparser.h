#pragma once

#include "importoptions.h"
#include "importresult.h"

#include <QByteArray>

namespace Plenary {

/** Reads frab/C3VOC schedule.json in the classic days/rooms layout and the v2 schedule.events layout,
 * leniently. */
class FrabJsonParser
{
public:
    /** Parses a whole document; never throws, never crashes on hostile input; the conference comes back
     * normalized. */
    static ImportResult parse(const QByteArray &data, const ImportOptions &options = {});
};

} // namespace Plenary
