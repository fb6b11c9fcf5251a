#pragma once

#include "importoptions.h"
#include "importresult.h"

#include <QByteArray>

namespace Plenary {

/** Reads iCalendar (RFC 5545) schedules: unfolds lines as bytes before UTF-8 decoding, then maps VEVENTs to
 * sessions. */
class ICalendarParser
{
public:
    /**
     * Parses a whole document; never throws, never crashes on hostile input; the conference comes back
     * normalized.
     *
     * Time zones: a TZID is used when this system knows it (IANA, Windows name, IANA suffix of a vendor path,
     * or the VTIMEZONE's X-LIC-LOCATION); a VTIMEZONE with one fixed offset is used as that offset. Rules
     * inside VTIMEZONE (RRULE) are not evaluated: other unknown TZIDs fall back to X-WR-TIMEZONE, then
     * options.fallbackTimeZone, then UTC, with a warning. Floating times are read in the conference zone
     * (X-WR-TIMEZONE, else the TZID most events use, else options.fallbackTimeZone, else UTC). Ambiguous
     * local times take their first occurrence, times in a DST gap the offset before the gap (RFC 5545
     * §3.3.5). Invalid UTF-8 is replaced by U+FFFD with a warning; RRULE/RDATE import the first occurrence
     * only.
     */
    static ImportResult parse(const QByteArray &data, const ImportOptions &options = {});
};

} // namespace Plenary
