#pragma once

#include <QByteArray>
#include <QString>

namespace Plenary {

/** The schedule formats Plenary reads, told apart by content (never by file name). */
enum class ScheduleFormat {
    Unknown,
    PlenaryFeed,  ///< Plenary's own feed JSON (see feed-format.md)
    PentabarfXml, ///< Pentabarf/frab schedule.xml (FOSDEM, CCC, pretalx, wafer)
    FrabJson,     ///< frab/C3VOC schedule.json: classic `conference.days[].rooms{}` or v2 `schedule.events[]`
    ICalendar,    ///< RFC 5545 iCalendar
};

/** Machine name of a format, as printed by `plenary-convert --summary` ("pentabarf-xml", ...). */
QString scheduleFormatName(ScheduleFormat format);

/**
 * Tells the format from the first bytes of a document (after a BOM and white space). For JSON it looks
 * for the distinguishing keys near the start; it never parses the whole input.
 */
ScheduleFormat detectScheduleFormat(const QByteArray &data);

} // namespace Plenary
