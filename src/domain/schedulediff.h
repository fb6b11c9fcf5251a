#pragma once

#include "conference.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QSet>
#include <QString>

namespace Plenary {

/** What the user knew about one session occurrence: enough to say "before → after". */
struct SessionSnapshot
{
    QString sessionId; ///< empty when there is no such occurrence (vanished, or not there before)
    QString title;
    QDateTime start;
    QDateTime end;
    QString roomId;
    QString place; ///< as AgendaItem::placeOf() words it

    bool exists() const { return !sessionId.isEmpty(); }
    static SessionSnapshot of(const Conference &conference, const Session &session);

    friend bool operator==(const SessionSnapshot &, const SessionSnapshot &) = default;
};

/** How one session of the user's agenda changed between two versions of a schedule. */
struct AgendaChange
{
    enum Change {
        Moved = 0x01,         ///< starts at another time
        EndChanged = 0x02,    ///< runs for a different length of time
        RoomChanged = 0x04,   ///< takes place in another room
        Cancelled = 0x08,     ///< still listed, but its title now says it is cancelled
        Vanished = 0x10,      ///< no longer in the schedule
        Returned = 0x20,      ///< back in the schedule after it had vanished
        NewOccurrence = 0x40, ///< the event got another occurrence (`after`) besides the starred one
        Renumbered = 0x80,    ///< the occurrence id changed ("guid#2" became "guid"); internal, not news
    };
    Q_DECLARE_FLAGS(Changes, Change)

    Changes changes;
    QString guid;
    SessionSnapshot before; ///< the occurrence in the agenda, as it was
    SessionSnapshot after;  ///< the matching occurrence now; for NewOccurrence, the added one

    /** Whether the user should hear about it (anything but a bare renumbering). */
    bool isNoteworthy() const;

    /** The id the agenda should use for this session from now on (the old one when it vanished). */
    QString currentSessionId() const;

    friend bool operator==(const AgendaChange &, const AgendaChange &) = default;
};

/**
 * Compares two versions of a conference for the sessions in a user's agenda. Sessions are matched by guid
 * and occurrence: among the occurrences of one guid, first those at the same start and room, then at the
 * same start, then in order, so reordering or renumbering alone is no change. Only agenda sessions (and new
 * occurrences of their events) are reported.
 */
class ScheduleDiff
{
public:
    /** The changes for the agenda's session ids, ordered by the old start (new occurrences after them). */
    static QList<AgendaChange> compare(const Conference &before, const Conference &after,
                                       const QSet<QString> &agendaSessionIds);

    /** The changes between two snapshots of one occurrence (either may be missing). */
    static AgendaChange::Changes changesBetween(const SessionSnapshot &before, const SessionSnapshot &after);

    /**
     * Folds two successive changes of one session (`later.before` being `earlier.after`) into one from the
     * first state to the last: moved and moved back is no change at all.
     */
    static AgendaChange merge(const AgendaChange &earlier, const AgendaChange &later);

    /** Whether a title announces a cancellation ("CANCELLED: ...", "[Canceled] ...", "Abgesagt: ..."). */
    static bool looksCancelled(QStringView title);
};

} // namespace Plenary

Q_DECLARE_OPERATORS_FOR_FLAGS(Plenary::AgendaChange::Changes)
