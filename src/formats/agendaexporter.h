#pragma once

#include "agendaitem.h"
#include "conference.h"
#include "reminderplanner.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Plenary {

/** How an agenda is exported. */
struct AgendaExportOptions
{
    QDateTime timestamp; ///< DTSTAMP of every event; the current time when invalid
    /** Minutes before the start for each event's VALARM; nullopt when reminders are off altogether. */
    std::optional<int> reminderMinutes = ReminderSettings::kDefaultMinutesBefore;
    QSet<QString> remindersOff; ///< keys of items whose reminder is switched off: no VALARM for them
    bool utcOnly = false;       ///< every time in UTC and no VTIMEZONE (for readers that choke on zones)
};

/**
 * Writes a user's agenda as an iCalendar file that calendar apps import (Google Calendar, Thunderbird,
 * Apple Calendar), with X-PLENARY-* properties that let AgendaImporter rebuild the agenda on another
 * machine.
 *
 * Each item becomes a VEVENT with a UID that stays the same across exports (`<session id>@<conference
 * id>.plenary` or `<personal id>@...`), so importing an export again updates rather than duplicates; times
 * carry a TZID with a matching VTIMEZONE, personal items in their own zone. A starred session that is no
 * longer in the schedule is exported with STATUS:CANCELLED. Items without a start are left out.
 */
class AgendaExporter
{
public:
    static QByteArray write(const Conference &conference, const QList<AgendaItem> &items,
                            const AgendaExportOptions &options = {});

    /** The UID an item gets in exports of `conferenceId`. */
    static QString uid(const QString &conferenceId, const AgendaItem &item);
};

} // namespace Plenary
