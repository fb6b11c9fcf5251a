#pragma once

#include "importoptions.h"
#include "importresult.h"

#include <QByteArray>

namespace Plenary {

/** Reads Pentabarf/frab schedule.xml (FOSDEM, CCC, pretalx, wafer exports) leniently, with QXmlStreamReader.
 */
class PentabarfXmlParser
{
public:
    /** Parses a whole document; never throws, never crashes on hostile input; the conference comes back
     * normalized. */
    static ImportResult parse(const QByteArray &data, const ImportOptions &options = {});
};

} // namespace Plenary
