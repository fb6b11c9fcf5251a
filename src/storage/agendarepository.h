#pragma once

#include "agendaimporter.h"
#include "agendaitem.h"
#include "conference.h"
#include "personalitem.h"
#include "reminderplanner.h"
#include "schedulediff.h"
#include "session.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace Plenary {

class Database;

/** One starred session as stored: enough to show it even after it vanished from a newer schedule. */
struct Favourite
{
    QString sessionId;
    QString guid;
    QDateTime startUtc; ///< invalid when the session had no start
    QDateTime addedAt;
    QString title;    ///< as last seen in the schedule; empty for favourites stored before schema 2
    QDateTime endUtc; ///< invalid when unknown
    QString place;    ///< as AgendaItem::placeOf() worded it
};

/** A schedule change to one agenda session, waiting to be shown until the user dismisses it. */
struct AgendaNotice
{
    qint64 id = 0;
    QString agendaSessionId; ///< the favourite it is about now (the id "remove from agenda" takes)
    AgendaChange change;     ///< times in UTC
    QString scheduleVersion; ///< the schedule version that brought the (latest) change
    QDateTime createdAt;
};

/** What importAgenda() did with the entries it was given. */
struct AgendaImportSummary
{
    int added = 0;
    int updated = 0;         ///< personal items whose stored copy differed
    int unchanged = 0;       ///< already in the agenda as imported
    int otherConference = 0; ///< entries of another conference, left alone

    friend bool operator==(const AgendaImportSummary &, const AgendaImportSummary &) = default;
};

/**
 * Keeps the user's agenda per conference in the Database: favourite sessions (with a snapshot that outlives
 * their session), personal items, reminder switches and fired state, and pending schedule-change notices.
 * Everything belongs to a stored conference (removing the conference removes it) and survives re-saving
 * that conference. Each user action is one transaction. Every method fails quietly (false, empty) when the
 * database is not open.
 */
class AgendaRepository
{
public:
    using Clock = std::function<QDateTime()>;

    explicit AgendaRepository(Database &database);

    /** Replaces the clock that stamps added_at and the other bookkeeping times (UTC now by default). */
    void setClock(Clock clock);

    /** Stars a session; adding one twice keeps the first added_at. False for an unknown conference. */
    bool add(const QString &conferenceId, const Session &session);
    /** add() that also records where the session takes place. */
    bool add(const Conference &conference, const Session &session);

    /** Unstars a session and drops the notices about it; false when it was not starred. */
    bool remove(const QString &conferenceId, const QString &sessionId);

    bool contains(const QString &conferenceId, const QString &sessionId) const;
    QSet<QString> sessionIds(const QString &conferenceId) const;

    /** The conference's favourites in the order they start (unknown starts last). */
    QList<Favourite> favourites(const QString &conferenceId) const;

    /**
     * Stores a new personal item and returns its id (the item's own when set, else a fresh one); empty
     * when PersonalItem::check() finds a problem or the write fails.
     */
    QString addPersonalItem(const QString &conferenceId, const PersonalItem &item);
    /** Replaces a stored personal item; false when there is none with its id or check() fails. */
    bool updatePersonalItem(const QString &conferenceId, const PersonalItem &item);
    /** Deletes a personal item with its reminder state; false when there was none. */
    bool removePersonalItem(const QString &conferenceId, const QString &id);
    std::optional<PersonalItem> personalItem(const QString &conferenceId, const QString &id) const;
    /** In the order they start. */
    QList<PersonalItem> personalItems(const QString &conferenceId) const;

    /**
     * The whole agenda of `conference` for the rules and the views, in start order: favourites (as seats
     * when in `seatSessionIds`), seats that are not favourites, and personal items. A favourite whose
     * session is not in `conference` comes from its snapshot with `inSchedule` false.
     */
    QList<AgendaItem> agenda(const Conference &conference, const QSet<QString> &seatSessionIds = {}) const;

    /** The app-wide reminder settings (defaults until set). */
    ReminderSettings reminderSettings() const;
    bool setReminderSettings(const ReminderSettings &settings);

    /** Items whose reminder the user switched on or off, by AgendaItem::key(). */
    QHash<QString, bool> reminderOverrides(const QString &conferenceId) const;
    bool setReminderEnabled(const QString &conferenceId, const QString &itemKey, bool enabled);

    QList<ReminderRecord> reminderRecords(const QString &conferenceId) const;
    /**
     * Records that the reminder for `itemKey` starting at `itemStart` was shown. Returns true only for the
     * first call per item and start, so whoever shows reminders can call it first and show only on true:
     * a reminder is then never shown twice, even across restarts or from two processes.
     */
    bool markReminderFired(const QString &conferenceId, const QString &itemKey, const QDateTime &itemStart);
    /** Makes a reminder due again at `until` (clearing "fired" for that start). */
    bool snoozeReminder(const QString &conferenceId, const QString &itemKey, const QDateTime &itemStart,
                        const QDateTime &until);

    /**
     * Takes a new schedule version into the agenda, in one transaction: favourites follow their sessions to
     * new occurrence ids, a favourite whose id now names another session is kept under a "<id>~<start>"
     * tombstone id, snapshots are refreshed from `after`, and noteworthy `changes` (from
     * ScheduleDiff::compare() against the previous version) become notices, folded into pending ones for
     * the same session. Call it inside the transaction that saves `after`.
     */
    bool applyScheduleChanges(const Conference &after, const QList<AgendaChange> &changes);

    /** Pending notices, oldest first. */
    QList<AgendaNotice> notices(const QString &conferenceId) const;
    bool dismissNotice(const QString &conferenceId, qint64 noticeId);
    bool dismissAllNotices(const QString &conferenceId);

    /**
     * Merges entries read by AgendaImporter into `conference`'s agenda in one transaction; importing the
     * same file twice changes nothing the second time. Session entries are matched with
     * AgendaImporter::matchSession() and kept as "no longer in the schedule" when nothing matches; personal
     * items are matched by id. Seats are imported as favourites (a seat is held by the server, not the
     * file). nullopt when the write fails (nothing is changed then).
     */
    std::optional<AgendaImportSummary> importAgenda(const Conference &conference,
                                                    const QList<ImportedAgendaItem> &items);

private:
    bool storeFavourite(const QString &conferenceId, const Favourite &favourite);
    bool writePersonalItem(const QString &conferenceId, const PersonalItem &item, bool insert);
    bool renameSessions(const QString &conferenceId, const QHash<QString, QString> &renames);
    bool recordNotice(const QString &conferenceId, const AgendaChange &change, const QString &version);

    Database &m_database;
    Clock m_clock;
};

} // namespace Plenary
