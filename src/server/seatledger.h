#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace Plenary {

/** The seat-relevant facts of one session as the conference feed states them. */
struct LedgerSession
{
    QString id;
    QString title;
    QDateTime start;
    QDateTime end;
    std::optional<int> capacity; ///< nullopt: not seat-limited
};

/** The live numbers of one seat-limited session ("12 of 40 left, 3 waiting"). */
struct SeatAvailability
{
    QString sessionId;
    int capacity = 0;
    int taken = 0; ///< confirmed seats; exceeds capacity after a reduction that kept confirmed seats
    int waitlist = 0;
    qint64 version = 0; ///< the ledger version of the session's last change

    int seatsLeft() const { return capacity > taken ? capacity - taken : 0; }
    int overCapacity() const { return taken > capacity ? taken - capacity : 0; }

    friend bool operator==(const SeatAvailability &, const SeatAvailability &) = default;
};

/** One attendee's place for one session: a confirmed seat, a place on the waitlist, or a cancelled one. */
struct Reservation
{
    enum class Status { Confirmed, Waitlisted, Cancelled };

    qint64 id = 0;
    QString sessionId;
    QString attendeeId;
    Status status = Status::Cancelled;
    int position = 0;  ///< 1-based place on the waitlist; 0 unless waitlisted
    qint64 queued = 0; ///< arrival order within the ledger (first come, first served)
    QDateTime createdAt;
    QDateTime updatedAt;
    bool sessionListed = true; ///< false when the current feed no longer has the session

    static QString statusName(Status status);
};

/** A waitlisted attendee who got a seat because one freed up or the capacity grew. */
struct Promotion
{
    qint64 reservationId = 0;
    QString sessionId;
    QString attendeeId;

    friend bool operator==(const Promotion &, const Promotion &) = default;
};

/** The authoritative seat ledger: reservations, waitlists and capacities in SQLite, changed atomically. */
class SeatLedger : public QObject
{
    Q_OBJECT
public:
    // Every change is one BEGIN IMMEDIATE transaction that counts seats inside it, so no interleaving of
    // callers can overbook. Invariants kept by every method: at most one active (confirmed or waitlisted)
    // reservation per attendee and session; nobody waits while a seat is free; the waitlist is served
    // strictly in arrival order; the version grows with every change. Use it from the thread that opened it.
    // Every committed change is announced by changed(), whoever made it (a route, an admin tool, a reload),
    // so that caches of the ledger's state never need to guess. Only changes made through this object are
    // seen: the ledger file has one writer, the process that opened it.

    enum class ReserveMode { SeatOnly, SeatOrWaitlist };

    enum class ReserveOutcome {
        Confirmed,           ///< a new confirmed seat
        Waitlisted,          ///< a new place on the waitlist
        AlreadyConfirmed,    ///< the attendee already held a seat; nothing changed
        AlreadyWaitlisted,   ///< the attendee was already waiting; nothing changed
        Full,                ///< no seat left and SeatOnly was asked
        UnknownSession,      ///< no such session in the current feed
        NotSeatLimited,      ///< the session has no reservable seats
        Overlap,             ///< overlaps are forbidden and the attendee holds an overlapping session
        IdempotencyConflict, ///< the idempotency key was used before for another session
        StorageError,
    };

    struct ReserveResult
    {
        ReserveOutcome outcome = ReserveOutcome::StorageError;
        Reservation reservation;      ///< set for the first four outcomes
        SeatAvailability seats;       ///< the session's numbers after the call (set unless an error)
        QString conflictingSessionId; ///< set for Overlap
        bool replayed = false;        ///< answered from the idempotency record
    };

    enum class CancelOutcome { Cancelled, AlreadyCancelled, NotFound, StorageError };

    struct CancelResult
    {
        CancelOutcome outcome = CancelOutcome::StorageError;
        Reservation reservation;
        QList<Promotion> promotions;
    };

    enum class CapacityOutcome { Changed, Unchanged, UnknownSession, Invalid, StorageError };

    struct CapacityResult
    {
        CapacityOutcome outcome = CapacityOutcome::StorageError;
        SeatAvailability availability;
        QList<Promotion> promotions;
    };

    struct SyncResult
    {
        bool ok = false;
        int added = 0;
        int changed = 0;
        int unlisted = 0;
        QList<Promotion> promotions;
    };

    enum class SeedOutcome { Seeded, AlreadySeeded, UnknownSession, Invalid, StorageError };

    explicit SeatLedger(const QString &path, QObject *parent = nullptr);
    ~SeatLedger() override;
    Q_DISABLE_COPY_MOVE(SeatLedger)

    /**
     * Opens or creates the ledger file (WAL mode) and brings its schema up to date. Unlike the app's cache, a
     * ledger that cannot be read is never moved aside: open() fails and errorString() says why.
     */
    bool open();
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

    /** When set, an attendee may not hold or wait for two sessions whose times overlap. */
    void setForbidOverlaps(bool forbid) { m_forbidOverlaps = forbid; }
    bool forbidOverlaps() const { return m_forbidOverlaps; }

    /** The clock for timestamps (tests pin it); defaults to the system clock. */
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /**
     * Makes the ledger's sessions match the feed: adds new ones, updates times and feed capacities (promoting
     * waitlisted attendees where seats grew), and marks sessions the feed dropped as unlisted (their
     * reservations are kept). An admin capacity set with setCapacity() wins over the feed's.
     */
    SyncResult syncSessions(const QList<LedgerSession> &sessions);

    /**
     * Gives a session seats taken and waitlist places by people outside this ledger (an initial state), once:
     * a session that was seeded or has reservations is left alone.
     */
    SeedOutcome seed(const QString &sessionId, int taken, int waitlisted);

    /**
     * Reserves a seat, or (SeatOrWaitlist) a waitlist place when none is free. Idempotent per attendee and
     * session; with a non-empty `idempotencyKey` a repeated call answers what the first one did, even after
     * the reservation was cancelled in between.
     */
    ReserveResult reserve(const QString &attendeeId, const QString &sessionId, ReserveMode mode,
                          const QString &idempotencyKey = {});

    /**
     * Cancels a seat or leaves the waitlist. A freed seat goes to the first waitlisted attendee in the same
     * transaction. Another attendee's reservation is NotFound, never revealed.
     */
    CancelResult cancel(const QString &attendeeId, qint64 reservationId);

    /**
     * Overrides a session's capacity (a room swap). Growth promotes from the waitlist; a reduction never
     * cancels confirmed seats: the excess shows as SeatAvailability::overCapacity().
     */
    CapacityResult setCapacity(const QString &sessionId, int capacity);

    /** Every listed seat-limited session, in session id order. */
    QList<SeatAvailability> availability() const;
    std::optional<SeatAvailability> availability(const QString &sessionId) const;

    /** An attendee's confirmed and waitlisted reservations (and cancelled ones when asked), oldest first. */
    QList<Reservation> reservationsOf(const QString &attendeeId, bool includeCancelled = false) const;

    /** One reservation, only when it belongs to `attendeeId`. */
    std::optional<Reservation> reservation(const QString &attendeeId, qint64 reservationId) const;

    /** Grows with every change; persisted, so it never goes back across restarts. */
    qint64 version() const;

    /**
     * What is wrong with the ledger (empty when sound): SQLite's integrity check, duplicate active
     * reservations, attendees waiting while seats are free, unknown sessions.
     */
    QStringList integrityProblems() const;

    /** Seat-taking rows that were not made by an attendee (see seed()) start with this prefix. */
    static QString seedAttendeePrefix();

Q_SIGNALS:
    /**
     * Emitted once after every committed change that grew the version (a reservation, a cancellation and
     * the promotions it caused, a capacity change, a seed, a schedule sync), with the new version(). Calls
     * that change nothing (a replay, an unchanged capacity, a refusal, a rollback) emit nothing.
     */
    void changed(qint64 version);

private:
    struct SessionRow;

    bool migrate();
    bool begin();
    bool commit();
    void rollback();
    bool bumpVersion(qint64 *version);
    std::optional<SessionRow> sessionRow(const QString &sessionId, bool *ok) const;
    bool countSeats(const QString &sessionId, int *taken, int *waitlisted) const;
    bool promote(const SessionRow &session, qint64 version, QList<Promotion> *promotions);
    bool touchSession(const QString &sessionId, qint64 version);
    std::optional<Reservation> loadReservation(qint64 id, bool *ok) const;
    std::optional<Reservation> activeReservation(const QString &attendeeId, const QString &sessionId,
                                                 bool *ok) const;
    QString overlappingSession(const QString &attendeeId, const SessionRow &session, bool *ok) const;
    SeatAvailability availabilityOf(const SessionRow &session, bool *ok) const;
    qint64 nowMs() const;
    bool fail(const QString &what, const QString &error) const;
    /** A prepared statement kept for the connection's lifetime; reset it after use (see FinishOnExit). */
    QSqlQuery &prepared(const QString &sql) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    mutable std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_error;
    bool m_forbidOverlaps = false;
    std::function<QDateTime()> m_clock;
};

} // namespace Plenary
