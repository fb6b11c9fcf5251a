#pragma once

#include "agendaitem.h"
#include "conference.h"
#include "parseerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Plenary {

/** One agenda entry read back from a Plenary agenda export. */
struct ImportedAgendaItem
{
    QString conferenceId; ///< X-PLENARY-CONFERENCE: the conference the entry belongs to
    AgendaItem item;
    bool reminderOff = false; ///< the user had switched this item's reminder off

    friend bool operator==(const ImportedAgendaItem &, const ImportedAgendaItem &) = default;
};

/** What AgendaImporter::parse() read: the entries, or an error saying why not. */
struct AgendaImportResult
{
    QList<ImportedAgendaItem> items;
    ParseError error;
    QStringList warnings; ///< events skipped on the way (not from Plenary, missing ids, unreadable times)

    bool ok() const { return !error.isError(); }
};

/**
 * Reads an agenda exported by AgendaExporter back into agenda entries, so that an agenda can move to
 * another machine. Only events with X-PLENARY-* properties are taken; other events are skipped with a
 * warning. Never throws; hostile input gives an error or warnings, not a crash.
 */
class AgendaImporter
{
public:
    static constexpr qsizetype kMaxInputBytes = 16 * 1024 * 1024;

    static AgendaImportResult parse(const QByteArray &data, const QString &sourceName = {});

    /**
     * The session of `conference` an imported session entry stands for: the one with its id and guid, else
     * the occurrence of its guid at the same start, else its guid's only occurrence; null when there is none
     * (the entry then stays in the agenda as "no longer in the schedule").
     */
    static const Session *matchSession(const Conference &conference, const AgendaItem &item);
};

} // namespace Plenary
