#pragma once

#include "agendaitem.h"
#include "conference.h"
#include "conflictdetector.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QtQmlIntegration>
#include <QVariantMap>

#include <memory>

namespace Plenary {

class AgendaController;
class AgendaRepository;
class Clock;
class TimeZoneController;

/**
 * The user's agenda for the current conference on one day: favourites and personal items in start order,
 * each with its conflicts, whether it is still in the schedule, what changed in the latest schedule, and
 * whether its reminder is on.
 */
class AgendaModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AgendaModel comes from ConferenceController.agendaItems")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int dayIndex READ dayIndex WRITE setDayIndex NOTIFY dayIndexChanged)
    Q_PROPERTY(bool hasNextUp READ hasNextUp NOTIFY updated)
    Q_PROPERTY(QString nextUpTitle READ nextUpTitle NOTIFY updated)
    Q_PROPERTY(QString nextUpTimeText READ nextUpTimeText NOTIFY updated)
    Q_PROPERTY(QString nextUpPlace READ nextUpPlace NOTIFY updated)
    Q_PROPERTY(bool nextUpRunning READ nextUpRunning NOTIFY updated)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY updated)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY updated)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int noticeCount READ noticeCount NOTIFY updated)
    Q_PROPERTY(int timelineStartMinute READ timelineStartMinute NOTIFY updated)
    Q_PROPERTY(int timelineEndMinute READ timelineEndMinute NOTIFY updated)
    Q_PROPERTY(int nowMinute READ nowMinute NOTIFY updated)

public:
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        SessionIdRole,
        PersonalIdRole,
        TitleRole,
        StartRole,
        EndRole,
        TimeTextRole,
        PlaceRole,
        NotesRole,
        ConflictSeverityRole,
        ConflictTextRole,
        CanFixConflictRole, ///< the obvious fix (unstar, release the seat) applies to this very item
        VanishedRole,
        ChangedRole,
        ChangedTextRole,
        ReminderOnRole,
        NowBeforeRole, ///< the "now" line belongs just above this item
        RunningRole,
        PastRole,
        SeatStatusRole,       ///< AgendaController::SeatStatus: seat, waitlist place, pending request
        WaitlistPositionRole, ///< 1 is next in line; 0 unless waitlisted
        StarredRole,          ///< in the agenda because the user starred it (not only for a seat)
        FixActionRole,        ///< FixAction: what fixConflict() does for this item
        StartMinuteRole,      ///< minutes from midnight of the shown day, in the display zone
        SpanMinutesRole,      ///< the height on the timeline in minutes (kMinSpanMinutes, kMinFixSpanMinutes)
        LaneRole,             ///< the column among overlapping items, from 0
        LaneCountRole,        ///< how many columns the item's overlap group uses
    };
    Q_ENUM(Roles)

    /** AgendaItem::Kind for QML. */
    enum Kind { Favourite, Seat, Personal };
    Q_ENUM(Kind)

    /** ConflictSeverity for QML. */
    enum Severity { NoConflict, Overlap, SeatHeld, DoubleBooked };
    Q_ENUM(Severity)

    /** The obvious fix for an item's conflict. */
    enum FixAction { NoFixAction, UnstarFix, ReleaseSeatFix };
    Q_ENUM(FixAction)

    /** The shortest an item is drawn on the timeline, so that its title fits. */
    static constexpr int kMinSpanMinutes = 30;
    /** The shortest an item that offers a fix is drawn, so that the fix button fits under its title. */
    static constexpr int kMinFixSpanMinutes = 45;

    enum Result {
        Done,
        UnknownItem, ///< no such item in the agenda
        NoFix,       ///< the item has no conflict this model can resolve
        NotStored,   ///< the database refused the change
        EmptyTitle,  ///< a personal item needs a title
        NoStart,     ///< a personal item needs a valid date and start time
        EndBeforeStart,
        FileError,       ///< the file could not be read or written
        NotAnAgenda,     ///< the file is not an agenda exported by Plenary
        SeatReleaseSent, ///< the seat is being given back; the agenda updates when the server agrees
    };
    Q_ENUM(Result)

    explicit AgendaModel(QObject *parent = nullptr);

    /** The repository the agenda is read from (must outlive the model); without one it lives in memory. */
    void setRepository(AgendaRepository *repository);
    /** Stars come and go through `agenda`; the model reloads when it changes. */
    void setAgendaController(AgendaController *agenda);
    void setClock(Clock *clock);
    void setTimeZone(TimeZoneController *timeZone);
    void setConference(std::shared_ptr<const Conference> conference);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    /** The conference day shown (index into the conference's days); -1 shows every day. */
    int dayIndex() const { return m_dayIndex; }
    void setDayIndex(int dayIndex);

    bool hasNextUp() const { return m_nextUp >= 0; }
    QString nextUpTitle() const;
    QString nextUpTimeText() const;
    QString nextUpPlace() const;
    /** The next-up item has already started. */
    bool nextUpRunning() const;
    /** Items with any conflict, over all days. */
    int conflictCount() const { return static_cast<int>(m_worst.size()); }
    /** Items over all days. */
    int totalCount() const { return static_cast<int>(m_items.size()); }

    /** The first minute the timeline shows (a whole hour), counted like StartMinuteRole. */
    int timelineStartMinute() const { return m_timelineStart; }
    /** The minute the timeline ends (a whole hour). */
    int timelineEndMinute() const { return m_timelineEnd; }
    /** Where the "now" line goes, counted like StartMinuteRole; -1 when the shown day is not today. */
    int nowMinute() const { return m_nowMinute; }

    /** Applies the obvious fix for the item's conflict (unstarring the favourite, releasing the seat). */
    Q_INVOKABLE Plenary::AgendaModel::Result fixConflict(const QString &key);
    /** Unstars a favourite (also one that is no longer in the schedule). */
    Q_INVOKABLE Plenary::AgendaModel::Result removeFavourite(const QString &sessionId);
    Q_INVOKABLE Plenary::AgendaModel::Result setReminderOn(const QString &key, bool on);
    /**
     * What a session would clash with in the agenda ("Overlaps with X"); empty when nothing. Used by the
     * session page whether or not the session is starred.
     */
    Q_INVOKABLE QString conflictTextForSession(const QString &sessionId) const;
    /** The session to show beside the shown day when none is picked: its first session still running or to
     *  come, else its first session; "" when the day has no session (only personal items, or nothing). */
    Q_INVOKABLE QString firstSessionId() const;

    /**
     * Stores a personal item (a new one when `id` is empty) from the editor's fields: `date` as yyyy-MM-dd,
     * `start` and `end` as HH:mm in the conference's time zone (an empty end makes a point in time).
     */
    Q_INVOKABLE Plenary::AgendaModel::Result savePersonalItem(const QString &id, const QString &title,
                                                              const QString &date, const QString &start,
                                                              const QString &end, const QString &place,
                                                              const QString &notes);
    Q_INVOKABLE Plenary::AgendaModel::Result removePersonalItem(const QString &id);
    /** A stored personal item as the editor's fields (title, date, start, end, place, notes); empty if none.
     */
    Q_INVOKABLE QVariantMap personalItemFields(const QString &id) const;
    /** The sentence the editor shows next to the field a result is about; empty for Done. */
    Q_INVOKABLE QString resultText(Plenary::AgendaModel::Result result) const;
    /** The conference day shown as yyyy-MM-dd (the editor's default date); empty when all days are shown. */
    Q_INVOKABLE QString shownDate() const;

    /** Writes the whole agenda as iCalendar to a path or file:// URL, atomically; `message` says how many. */
    Q_INVOKABLE Plenary::AgendaModel::Result exportTo(const QString &pathOrUrl);
    /** Merges an agenda exported by Plenary into this conference's agenda; `message` gives the counts. */
    Q_INVOKABLE Plenary::AgendaModel::Result importFrom(const QString &pathOrUrl);
    /** Schedule changes to the agenda the user has not dismissed yet. */
    int noticeCount() const { return m_noticeCount; }
    /** Dismisses every pending schedule-change notice. */
    Q_INVOKABLE void dismissNotices();
    /** What the last export or import did, for a toast. */
    QString message() const { return m_message; }
    Q_INVOKABLE void clearMessage();

    /** Re-reads the agenda from the repository (after stars, edits, imports or a new schedule). */
    Q_INVOKABLE void reload();
    /** Recomputes the time-dependent parts (now line, next up) for the clock's current time. */
    void refreshTime();

Q_SIGNALS:
    void countChanged();
    void dayIndexChanged();
    void updated();
    void messageChanged();

private:
    struct Row
    {
        AgendaItem item;
        ConflictSeverity severity = ConflictSeverity::None;
        QString conflictText;
        bool canFix = false;
        FixAction fix = NoFixAction;
        bool starred = false;
        int startMinute = 0;
        int spanMinutes = kMinSpanMinutes;
        int lane = 0;
        int laneCount = 1;
        QString changedText;
        bool reminderOn = true;
    };

    QDateTime now() const;
    QString formatRange(const QDateTime &start, const QDateTime &end) const;
    QString conflictText(const AgendaItem &item, const QList<Conflict> &conflicts) const;
    /** What the user is told about `other` when something overlaps it. */
    QString clashText(const AgendaItem &other) const;
    bool onShownDay(const AgendaItem &item) const;
    /** Minutes from midnight of `reference` to `instant` on the display zone's wall clock. */
    int minuteOf(const QDateTime &instant, QDate reference) const;
    QDate timelineDate() const;
    void layOutTimeline();
    const AgendaItem *findItem(const QString &key) const;
    void rebuildRows();
    void setMessage(const QString &message);

    std::shared_ptr<const Conference> m_conference;
    AgendaRepository *m_repository = nullptr;
    QPointer<AgendaController> m_agenda;
    QPointer<Clock> m_clock;
    QPointer<TimeZoneController> m_timeZone;
    QList<AgendaItem> m_items;      ///< every day
    QList<PersonalItem> m_unstored; ///< personal items kept in memory when there is no repository
    QList<Conflict> m_conflicts;
    QHash<QString, ConflictSeverity> m_worst;
    QHash<QString, QString> m_changes; ///< changed text by session id
    QHash<QString, bool> m_reminderOn; ///< by key
    QList<Row> m_rows;
    QString m_message;
    int m_noticeCount = 0;
    int m_dayIndex = -1;
    int m_nextUp = -1;    ///< index into m_items
    int m_nowBefore = -1; ///< row index
    QSet<QString> m_starred;
    int m_rowsStart = 8 * 60; ///< the hours the shown rows span
    int m_rowsEnd = 18 * 60;
    int m_timelineStart = 8 * 60;
    int m_timelineEnd = 18 * 60;
    int m_nowMinute = -1;
};

} // namespace Plenary
