#pragma once

#include "importoptions.h"
#include "importresult.h"

#include <QByteArray>

namespace Plenary {

/** Reads iCalendar (RFC 5545) schedules: unfolds lines as bytes before UTF-8 decoding, then maps VEVENTs to sessions. */
class ICalendarParser
{
public:
    /** Parses a whole document; never throws, never crashes on hostile input; the conference comes back normalized. */
    static ImportResult parse(const QByteArray &data, const ImportOptions &options = {});
};

} // namespace Plenary
