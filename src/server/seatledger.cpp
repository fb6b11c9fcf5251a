#include "seatledger.h"

#include "serverlogging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Plenary {

namespace {

constexpr int SchemaVersion = 1;

const QStringList &schemaStatements()
{
    static const QStringList statements = {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('version', 0)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " id TEXT PRIMARY KEY,"
                       " title TEXT NOT NULL DEFAULT '',"
                       " starts_at INTEGER,"
                       " ends_at INTEGER,"
                       " feed_capacity INTEGER CHECK (feed_capacity IS NULL OR feed_capacity >= 0),"
                       " admin_capacity INTEGER CHECK (admin_capacity IS NULL OR admin_capacity >= 0),"
                       " listed INTEGER NOT NULL DEFAULT 1,"
                       " seeded INTEGER NOT NULL DEFAULT 0,"
                       " version INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE reservations ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " session_id TEXT NOT NULL REFERENCES sessions (id),"
                       " attendee_id TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX reservations_active ON reservations (session_id, attendee_id)"
                       " WHERE status <> 'cancelled'"),
        QStringLiteral("CREATE INDEX reservations_queue ON reservations (session_id, status, id)"),
        QStringLiteral("CREATE INDEX reservations_attendee ON reservations (attendee_id, id)"),
        QStringLiteral("CREATE TABLE idempotency_keys ("
                       " attendee_id TEXT NOT NULL,"
                       " key TEXT NOT NULL,"
                       " session_id TEXT NOT NULL,"
                       " outcome TEXT NOT NULL,"
                       " reservation_id INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (attendee_id, key))"),
    };
    return statements;
}

QString statusText(Reservation::Status status)
{
    switch (status) {
    case Reservation::Status::Confirmed:
        return QStringLiteral("confirmed");
    case Reservation::Status::Waitlisted:
        return QStringLiteral("waitlisted");
    case Reservation::Status::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

Reservation::Status statusFromText(const QString &text)
{
    if (text == u"confirmed")
        return Reservation::Status::Confirmed;
    if (text == u"waitlisted")
        return Reservation::Status::Waitlisted;
    return Reservation::Status::Cancelled;
}

QString outcomeText(SeatLedger::ReserveOutcome outcome)
{
    switch (outcome) {
    case SeatLedger::ReserveOutcome::Confirmed:
        return QStringLiteral("confirmed");
    case SeatLedger::ReserveOutcome::Waitlisted:
        return QStringLiteral("waitlisted");
    case SeatLedger::ReserveOutcome::AlreadyConfirmed:
        return QStringLiteral("already-confirmed");
    default:
        break;
    }
    return QStringLiteral("already-waitlisted");
}

SeatLedger::ReserveOutcome outcomeFromText(const QString &text)
{
    if (text == u"confirmed")
        return SeatLedger::ReserveOutcome::Confirmed;
    if (text == u"waitlisted")
        return SeatLedger::ReserveOutcome::Waitlisted;
    if (text == u"already-confirmed")
        return SeatLedger::ReserveOutcome::AlreadyConfirmed;
    return SeatLedger::ReserveOutcome::AlreadyWaitlisted;
}

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QVariant intOrNull(std::optional<int> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

/** Resets a cached statement when the scope ends, so no read transaction stays open on the connection. */
class FinishOnExit
{
public:
    explicit FinishOnExit(QSqlQuery &query)
        : m_query(query)
    {}
    ~FinishOnExit() { m_query.finish(); }
    Q_DISABLE_COPY_MOVE(FinishOnExit)

private:
    QSqlQuery &m_query;
};

std::optional<int> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

} // namespace

struct SeatLedger::SessionRow
{
    QString id;
    qint64 startMs = 0; ///< 0: unknown
    qint64 endMs = 0;
    std::optional<int> feedCapacity;
    std::optional<int> adminCapacity;
    bool listed = true;
    bool seeded = false;
    qint64 version = 0;

    std::optional<int> capacity() const { return adminCapacity ? adminCapacity : feedCapacity; }
};

QString Reservation::statusName(Status status)
{
    return statusText(status);
}

SeatLedger::SeatLedger(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_connectionName(QStringLiteral("plenary-ledger-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SeatLedger::~SeatLedger()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString SeatLedger::seedAttendeePrefix()
{
    return QStringLiteral("seed:");
}

QSqlQuery &SeatLedger::prepared(const QString &sql) const
{
    std::unique_ptr<QSqlQuery> &slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        if (!slot->prepare(sql))
            fail(QStringLiteral("prepare"), slot->lastError().text());
    }
    return *slot;
}

bool SeatLedger::fail(const QString &what, const QString &error) const
{
    qCWarning(plenaryServer).noquote() << "ledger:" << what << "failed:" << error;
    return false;
}

bool SeatLedger::open()
{
    m_error.clear();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("cannot create the folder of %1").arg(m_path);
        return false;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        m_error = QStringLiteral("cannot open %1: %2").arg(m_path, m_db.lastError().text());
        return false;
    }
    QSqlQuery pragma(m_db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.next()) {
        m_error =
            QStringLiteral("%1 is not a usable SQLite database: %2").arg(m_path, pragma.lastError().text());
        return false;
    }
    // WAL with synchronous=NORMAL survives a crash of the process intact; only a power loss can drop the last
    // commits, and it never corrupts the file.
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    return migrate();
}

bool SeatLedger::migrate()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        m_error =
            QStringLiteral("%1 is not a usable SQLite database: %2").arg(m_path, query.lastError().text());
        return false;
    }
    const int version = query.value(0).toInt();
    query.finish();
    if (version == SchemaVersion)
        return true;
    if (version > SchemaVersion) {
        m_error = QStringLiteral("%1 has ledger schema %2, newer than this server knows (%3)")
                      .arg(m_path)
                      .arg(version)
                      .arg(SchemaVersion);
        return false;
    }
    if (!begin()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_db.lastError().text());
        return false;
    }
    for (const QString &statement : schemaStatements()) {
        if (!query.exec(statement)) {
            m_error =
                QStringLiteral("cannot create the ledger in %1: %2").arg(m_path, query.lastError().text());
            rollback();
            return false;
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion)) || !commit()) {
        m_error = QStringLiteral("cannot create the ledger in %1: %2").arg(m_path, query.lastError().text());
        rollback();
        return false;
    }
    return true;
}

bool SeatLedger::begin()
{
    QSqlQuery &query = prepared(QStringLiteral("BEGIN IMMEDIATE"));
    const FinishOnExit queryDone(query);
    if (!query.exec())
        return fail(QStringLiteral("BEGIN"), query.lastError().text());
    return true;
}

bool SeatLedger::commit()
{
    QSqlQuery &query = prepared(QStringLiteral("COMMIT"));
    const FinishOnExit queryDone(query);
    if (!query.exec()) {
        fail(QStringLiteral("COMMIT"), query.lastError().text());
        rollback();
        return false;
    }
    return true;
}

void SeatLedger::rollback()
{
    QSqlQuery &query = prepared(QStringLiteral("ROLLBACK"));
    const FinishOnExit queryDone(query);
    query.exec();
}

qint64 SeatLedger::nowMs() const
{
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
}

bool SeatLedger::bumpVersion(qint64 *version)
{
    QSqlQuery &query =
        prepared(QStringLiteral("UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value"));
    const FinishOnExit queryDone(query);
    if (!query.exec() || !query.next())
        return fail(QStringLiteral("version"), query.lastError().text());
    *version = query.value(0).toLongLong();
    return true;
}

qint64 SeatLedger::version() const
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT value FROM meta WHERE key = 'version'"));
    const FinishOnExit queryDone(query);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<SeatLedger::SessionRow> SeatLedger::sessionRow(const QString &sessionId, bool *ok) const
{
    QSqlQuery &query = prepared(
        QStringLiteral("SELECT id, starts_at, ends_at, feed_capacity, admin_capacity, listed, seeded,"
                       " version FROM sessions WHERE id = ?"));
    const FinishOnExit queryDone(query);
    query.addBindValue(sessionId);
    if (!query.exec()) {
        *ok = fail(QStringLiteral("session lookup"), query.lastError().text());
        return std::nullopt;
    }
    *ok = true;
    if (!query.next())
        return std::nullopt;
    SessionRow row;
    row.id = query.value(0).toString();
    row.startMs = query.value(1).toLongLong();
    row.endMs = query.value(2).toLongLong();
    row.feedCapacity = optionalInt(query.value(3));
    row.adminCapacity = optionalInt(query.value(4));
    row.listed = query.value(5).toBool();
    row.seeded = query.value(6).toBool();
    row.version = query.value(7).toLongLong();
    return row;
}

bool SeatLedger::countSeats(const QString &sessionId, int *taken, int *waitlisted) const
{
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT"
        " (SELECT count(*) FROM reservations WHERE session_id = ? AND status = 'confirmed'),"
        " (SELECT count(*) FROM reservations WHERE session_id = ? AND status = 'waitlisted')"));
    const FinishOnExit queryDone(query);
    query.addBindValue(sessionId);
    query.addBindValue(sessionId);
    if (!query.exec() || !query.next())
        return fail(QStringLiteral("seat count"), query.lastError().text());
    *taken = query.value(0).toInt();
    *waitlisted = query.value(1).toInt();
    return true;
}

bool SeatLedger::touchSession(const QString &sessionId, qint64 version)
{
    QSqlQuery &query = prepared(QStringLiteral("UPDATE sessions SET version = ? WHERE id = ?"));
    const FinishOnExit queryDone(query);
    query.addBindValue(version);
    query.addBindValue(sessionId);
    if (!query.exec())
        return fail(QStringLiteral("session version"), query.lastError().text());
    return true;
}

bool SeatLedger::promote(const SessionRow &session, qint64 version, QList<Promotion> *promotions)
{
    const std::optional<int> capacity = session.capacity();
    if (!capacity)
        return true;
    int taken = 0;
    int waitlisted = 0;
    if (!countSeats(session.id, &taken, &waitlisted))
        return false;
    const int free = *capacity - taken;
    if (free <= 0 || waitlisted == 0)
        return true;
    QSqlQuery &next =
        prepared(QStringLiteral("SELECT id, attendee_id FROM reservations WHERE session_id = ? AND status = "
                                "'waitlisted' ORDER BY id LIMIT ?"));
    const FinishOnExit nextDone(next);
    next.addBindValue(session.id);
    next.addBindValue(free);
    if (!next.exec())
        return fail(QStringLiteral("promotion"), next.lastError().text());
    QList<Promotion> promoted;
    while (next.next())
        promoted.append(Promotion{next.value(0).toLongLong(), session.id, next.value(1).toString()});
    next.finish();
    QSqlQuery &update =
        prepared(QStringLiteral("UPDATE reservations SET status = 'confirmed', updated_at = ? WHERE id = ?"));
    const FinishOnExit updateDone(update);
    for (const Promotion &promotion : std::as_const(promoted)) {
        update.addBindValue(nowMs());
        update.addBindValue(promotion.reservationId);
        if (!update.exec())
            return fail(QStringLiteral("promotion"), update.lastError().text());
    }
    if (!promoted.isEmpty() && !touchSession(session.id, version))
        return false;
    promotions->append(promoted);
    return true;
}

std::optional<Reservation> SeatLedger::loadReservation(qint64 id, bool *ok) const
{
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT r.id, r.session_id, r.attendee_id, r.status, r.created_at, r.updated_at, coalesce(s.listed, "
        "0),"
        " CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*) FROM reservations w WHERE w.session_id ="
        " r.session_id AND w.status = 'waitlisted' AND w.id <= r.id) ELSE 0 END"
        " FROM reservations r LEFT JOIN sessions s ON s.id = r.session_id WHERE r.id = ?"));
    const FinishOnExit queryDone(query);
    query.addBindValue(id);
    if (!query.exec()) {
        *ok = fail(QStringLiteral("reservation lookup"), query.lastError().text());
        return std::nullopt;
    }
    *ok = true;
    if (!query.next())
        return std::nullopt;
    Reservation reservation;
    reservation.id = query.value(0).toLongLong();
    reservation.queued = reservation.id;
    reservation.sessionId = query.value(1).toString();
    reservation.attendeeId = query.value(2).toString();
    reservation.status = statusFromText(query.value(3).toString());
    reservation.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    reservation.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    reservation.sessionListed = query.value(6).toBool();
    reservation.position = query.value(7).toInt();
    return reservation;
}

std::optional<Reservation> SeatLedger::activeReservation(const QString &attendeeId, const QString &sessionId,
                                                         bool *ok) const
{
    QSqlQuery &query = prepared(
        QStringLiteral("SELECT id FROM reservations WHERE session_id = ? AND attendee_id = ? AND status "
                       "<> 'cancelled'"));
    const FinishOnExit queryDone(query);
    query.addBindValue(sessionId);
    query.addBindValue(attendeeId);
    if (!query.exec()) {
        *ok = fail(QStringLiteral("reservation lookup"), query.lastError().text());
        return std::nullopt;
    }
    *ok = true;
    if (!query.next())
        return std::nullopt;
    return loadReservation(query.value(0).toLongLong(), ok);
}

QString SeatLedger::overlappingSession(const QString &attendeeId, const SessionRow &session, bool *ok) const
{
    *ok = true;
    if (session.startMs == 0 || session.endMs <= session.startMs)
        return {};
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT s.id FROM reservations r JOIN sessions s ON s.id = r.session_id"
        " WHERE r.attendee_id = ? AND r.status <> 'cancelled' AND s.id <> ? AND s.listed = 1"
        " AND s.starts_at IS NOT NULL AND s.ends_at IS NOT NULL AND s.starts_at < ? AND ? < s.ends_at"
        " ORDER BY s.starts_at, s.id LIMIT 1"));
    const FinishOnExit queryDone(query);
    query.addBindValue(attendeeId);
    query.addBindValue(session.id);
    query.addBindValue(session.endMs);
    query.addBindValue(session.startMs);
    if (!query.exec()) {
        *ok = fail(QStringLiteral("overlap check"), query.lastError().text());
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

SeatLedger::SyncResult SeatLedger::syncSessions(const QList<LedgerSession> &sessions)
{
    SyncResult result;
    if (!begin())
        return result;
    qint64 version = 0;
    bool bumped = false;
    const auto ensureVersion = [&]() {
        if (!bumped)
            bumped = bumpVersion(&version);
        return bumped;
    };
    QSet<QString> seen;
    for (const LedgerSession &session : sessions) {
        if (session.id.isEmpty() || seen.contains(session.id))
            continue;
        seen.insert(session.id);
        const std::optional<int> capacity =
            session.capacity ? std::optional<int>(std::max(0, *session.capacity)) : std::nullopt;
        bool ok = false;
        const std::optional<SessionRow> existing = sessionRow(session.id, &ok);
        if (!ok) {
            rollback();
            return {};
        }
        QSqlQuery query(m_db);
        if (!existing) {
            if (!ensureVersion()) {
                rollback();
                return {};
            }
            query.prepare(
                QStringLiteral("INSERT INTO sessions (id, title, starts_at, ends_at, feed_capacity, "
                               "listed, version) VALUES (?, ?, ?, ?, ?, 1, ?)"));
            query.addBindValue(session.id);
            query.addBindValue(session.title.isNull() ? QStringLiteral("") : session.title);
            query.addBindValue(msOrNull(session.start));
            query.addBindValue(msOrNull(session.end));
            query.addBindValue(intOrNull(capacity));
            query.addBindValue(version);
            if (!query.exec()) {
                fail(QStringLiteral("session insert"), query.lastError().text());
                rollback();
                return {};
            }
            ++result.added;
            continue;
        }
        const qint64 startMs = session.start.isValid() ? session.start.toMSecsSinceEpoch() : 0;
        const qint64 endMs = session.end.isValid() ? session.end.toMSecsSinceEpoch() : 0;
        const bool seatsChanged = existing->feedCapacity != capacity || !existing->listed;
        if (!seatsChanged && existing->startMs == startMs && existing->endMs == endMs)
            continue;
        if (!ensureVersion()) {
            rollback();
            return {};
        }
        query.prepare(
            QStringLiteral("UPDATE sessions SET title = ?, starts_at = ?, ends_at = ?, feed_capacity = "
                           "?, listed = 1, version = ? WHERE id = ?"));
        query.addBindValue(session.title.isNull() ? QStringLiteral("") : session.title);
        query.addBindValue(msOrNull(session.start));
        query.addBindValue(msOrNull(session.end));
        query.addBindValue(intOrNull(capacity));
        query.addBindValue(version);
        query.addBindValue(session.id);
        if (!query.exec()) {
            fail(QStringLiteral("session update"), query.lastError().text());
            rollback();
            return {};
        }
        ++result.changed;
        SessionRow updated = *existing;
        updated.feedCapacity = capacity;
        updated.listed = true;
        if (!promote(updated, version, &result.promotions)) {
            rollback();
            return {};
        }
    }
    QSqlQuery listed(m_db);
    if (!listed.exec(QStringLiteral("SELECT id FROM sessions WHERE listed = 1"))) {
        fail(QStringLiteral("session list"), listed.lastError().text());
        rollback();
        return {};
    }
    QStringList dropped;
    while (listed.next()) {
        if (!seen.contains(listed.value(0).toString()))
            dropped.append(listed.value(0).toString());
    }
    listed.finish();
    for (const QString &id : std::as_const(dropped)) {
        if (!ensureVersion()) {
            rollback();
            return {};
        }
        QSqlQuery &query =
            prepared(QStringLiteral("UPDATE sessions SET listed = 0, version = ? WHERE id = ?"));
        const FinishOnExit queryDone(query);
        query.addBindValue(version);
        query.addBindValue(id);
        if (!query.exec()) {
            fail(QStringLiteral("session unlist"), query.lastError().text());
            rollback();
            return {};
        }
        ++result.unlisted;
    }
    if (!commit())
        return {};
    result.ok = true;
    if (bumped)
        Q_EMIT changed(version);
    return result;
}

SeatLedger::SeedOutcome SeatLedger::seed(const QString &sessionId, int taken, int waitlisted)
{
    if (taken < 0 || waitlisted < 0)
        return SeedOutcome::Invalid;
    if (!begin())
        return SeedOutcome::StorageError;
    bool ok = false;
    const std::optional<SessionRow> session = sessionRow(sessionId, &ok);
    if (!ok) {
        rollback();
        return SeedOutcome::StorageError;
    }
    if (!session || !session->capacity()) {
        rollback();
        return SeedOutcome::UnknownSession;
    }
    int confirmed = 0;
    int waiting = 0;
    if (!countSeats(sessionId, &confirmed, &waiting)) {
        rollback();
        return SeedOutcome::StorageError;
    }
    if (session->seeded || confirmed > 0 || waiting > 0) {
        rollback();
        return SeedOutcome::AlreadySeeded;
    }
    qint64 version = 0;
    if (!bumpVersion(&version)) {
        rollback();
        return SeedOutcome::StorageError;
    }
    QSqlQuery &insert =
        prepared(QStringLiteral("INSERT INTO reservations (session_id, attendee_id, status, created_at, "
                                "updated_at) VALUES (?, ?, ?, ?, ?)"));
    const FinishOnExit insertDone(insert);
    const qint64 now = nowMs();
    for (int i = 0; i < taken + waitlisted; ++i) {
        insert.addBindValue(sessionId);
        insert.addBindValue(QString(seedAttendeePrefix() + QString::number(i + 1)));
        insert.addBindValue(i < taken ? QStringLiteral("confirmed") : QStringLiteral("waitlisted"));
        insert.addBindValue(now);
        insert.addBindValue(now);
        if (!insert.exec()) {
            fail(QStringLiteral("seed"), insert.lastError().text());
            rollback();
            return SeedOutcome::StorageError;
        }
    }
    QSqlQuery &mark = prepared(QStringLiteral("UPDATE sessions SET seeded = 1, version = ? WHERE id = ?"));
    const FinishOnExit markDone(mark);
    mark.addBindValue(version);
    mark.addBindValue(sessionId);
    QList<Promotion> promotions;
    if (!mark.exec() || !promote(*session, version, &promotions) || !commit()) {
        rollback();
        return SeedOutcome::StorageError;
    }
    Q_EMIT changed(version);
    return SeedOutcome::Seeded;
}

SeatLedger::ReserveResult SeatLedger::reserve(const QString &attendeeId, const QString &sessionId,
                                              ReserveMode mode, const QString &idempotencyKey)
{
    ReserveResult result;
    if (!begin())
        return result;
    const auto abort = [this](ReserveResult r) {
        rollback();
        return r;
    };
    bool ok = false;
    if (!idempotencyKey.isEmpty()) {
        QSqlQuery &key =
            prepared(QStringLiteral("SELECT session_id, outcome, reservation_id FROM idempotency_keys WHERE "
                                    "attendee_id = ? AND key = ?"));
        const FinishOnExit keyDone(key);
        key.addBindValue(attendeeId);
        key.addBindValue(idempotencyKey);
        if (!key.exec()) {
            fail(QStringLiteral("idempotency lookup"), key.lastError().text());
            return abort(result);
        }
        if (key.next()) {
            if (key.value(0).toString() != sessionId) {
                result.outcome = ReserveOutcome::IdempotencyConflict;
                return abort(result);
            }
            const ReserveOutcome outcome = outcomeFromText(key.value(1).toString());
            const std::optional<Reservation> stored = loadReservation(key.value(2).toLongLong(), &ok);
            if (!ok || !stored)
                return abort(result);
            result.outcome = outcome;
            result.reservation = *stored;
            result.seats = availability(sessionId).value_or(SeatAvailability{sessionId});
            result.replayed = true;
            return abort(result);
        }
    }
    const std::optional<SessionRow> session = sessionRow(sessionId, &ok);
    if (!ok)
        return abort(result);
    if (!session || !session->listed) {
        result.outcome = ReserveOutcome::UnknownSession;
        return abort(result);
    }
    const std::optional<int> capacity = session->capacity();
    if (!capacity) {
        result.outcome = ReserveOutcome::NotSeatLimited;
        return abort(result);
    }
    const std::optional<Reservation> existing = activeReservation(attendeeId, sessionId, &ok);
    if (!ok)
        return abort(result);

    int taken = 0;
    int waitlisted = 0;
    if (!countSeats(sessionId, &taken, &waitlisted))
        return abort(result);
    result.seats = SeatAvailability{sessionId, *capacity, taken, waitlisted, session->version};

    qint64 reservationId = 0;
    qint64 newVersion = 0; ///< set when this call adds a reservation
    if (existing) {
        result.outcome = existing->status == Reservation::Status::Confirmed
                             ? ReserveOutcome::AlreadyConfirmed
                             : ReserveOutcome::AlreadyWaitlisted;
        reservationId = existing->id;
    } else {
        if (m_forbidOverlaps) {
            const QString conflict = overlappingSession(attendeeId, *session, &ok);
            if (!ok)
                return abort(result);
            if (!conflict.isEmpty()) {
                result.outcome = ReserveOutcome::Overlap;
                result.conflictingSessionId = conflict;
                return abort(result);
            }
        }
        const bool seatFree = taken < *capacity && waitlisted == 0;
        if (!seatFree && mode == ReserveMode::SeatOnly) {
            result.outcome = ReserveOutcome::Full;
            return abort(result);
        }
        qint64 version = 0;
        if (!bumpVersion(&version) || !touchSession(sessionId, version))
            return abort(result);
        QSqlQuery &insert =
            prepared(QStringLiteral("INSERT INTO reservations (session_id, attendee_id, status, created_at, "
                                    "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
        const FinishOnExit insertDone(insert);
        const qint64 now = nowMs();
        insert.addBindValue(sessionId);
        insert.addBindValue(attendeeId);
        insert.addBindValue(seatFree ? QStringLiteral("confirmed") : QStringLiteral("waitlisted"));
        insert.addBindValue(now);
        insert.addBindValue(now);
        if (!insert.exec() || !insert.next()) {
            fail(QStringLiteral("reservation insert"), insert.lastError().text());
            return abort(result);
        }
        reservationId = insert.value(0).toLongLong();
        insert.finish();
        result.outcome = seatFree ? ReserveOutcome::Confirmed : ReserveOutcome::Waitlisted;
        result.seats.taken += seatFree ? 1 : 0;
        result.seats.waitlist += seatFree ? 0 : 1;
        result.seats.version = version;
        newVersion = version;
    }
    if (!idempotencyKey.isEmpty()) {
        QSqlQuery &key =
            prepared(QStringLiteral("INSERT INTO idempotency_keys (attendee_id, key, session_id, outcome, "
                                    "reservation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        const FinishOnExit keyDone(key);
        key.addBindValue(attendeeId);
        key.addBindValue(idempotencyKey);
        key.addBindValue(sessionId);
        key.addBindValue(outcomeText(result.outcome));
        key.addBindValue(reservationId);
        key.addBindValue(nowMs());
        if (!key.exec()) {
            fail(QStringLiteral("idempotency insert"), key.lastError().text());
            return abort(ReserveResult{});
        }
    }
    const std::optional<Reservation> stored = loadReservation(reservationId, &ok);
    if (!ok || !stored || !commit())
        return abort(ReserveResult{});
    result.reservation = *stored;
    if (newVersion > 0)
        Q_EMIT changed(newVersion);
    return result;
}

SeatLedger::CancelResult SeatLedger::cancel(const QString &attendeeId, qint64 reservationId)
{
    CancelResult result;
    if (!begin())
        return result;
    bool ok = false;
    const std::optional<Reservation> existing = loadReservation(reservationId, &ok);
    if (!ok) {
        rollback();
        return result;
    }
    if (!existing || existing->attendeeId != attendeeId) {
        rollback();
        result.outcome = CancelOutcome::NotFound;
        return result;
    }
    if (existing->status == Reservation::Status::Cancelled) {
        rollback();
        result.outcome = CancelOutcome::AlreadyCancelled;
        result.reservation = *existing;
        return result;
    }
    qint64 version = 0;
    if (!bumpVersion(&version) || !touchSession(existing->sessionId, version)) {
        rollback();
        return result;
    }
    QSqlQuery &update =
        prepared(QStringLiteral("UPDATE reservations SET status = 'cancelled', updated_at = ? WHERE id = ?"));
    const FinishOnExit updateDone(update);
    update.addBindValue(nowMs());
    update.addBindValue(reservationId);
    if (!update.exec()) {
        fail(QStringLiteral("cancel"), update.lastError().text());
        rollback();
        return result;
    }
    const std::optional<SessionRow> session = sessionRow(existing->sessionId, &ok);
    if (!ok || (session && !promote(*session, version, &result.promotions))) {
        rollback();
        return CancelResult{};
    }
    const std::optional<Reservation> cancelled = loadReservation(reservationId, &ok);
    if (!ok || !cancelled || !commit()) {
        rollback();
        return CancelResult{};
    }
    result.outcome = CancelOutcome::Cancelled;
    result.reservation = *cancelled;
    Q_EMIT changed(version);
    return result;
}

SeatLedger::CapacityResult SeatLedger::setCapacity(const QString &sessionId, int capacity)
{
    CapacityResult result;
    if (capacity < 0) {
        result.outcome = CapacityOutcome::Invalid;
        return result;
    }
    if (!begin())
        return result;
    bool ok = false;
    std::optional<SessionRow> session = sessionRow(sessionId, &ok);
    if (!ok) {
        rollback();
        return result;
    }
    if (!session || !session->listed) {
        rollback();
        result.outcome = CapacityOutcome::UnknownSession;
        return result;
    }
    if (session->capacity() == capacity) {
        result.availability = availabilityOf(*session, &ok);
        rollback();
        result.outcome = ok ? CapacityOutcome::Unchanged : CapacityOutcome::StorageError;
        return result;
    }
    qint64 version = 0;
    if (!bumpVersion(&version)) {
        rollback();
        return result;
    }
    QSqlQuery &update =
        prepared(QStringLiteral("UPDATE sessions SET admin_capacity = ?, version = ? WHERE id = ?"));
    const FinishOnExit updateDone(update);
    update.addBindValue(capacity);
    update.addBindValue(version);
    update.addBindValue(sessionId);
    if (!update.exec()) {
        fail(QStringLiteral("capacity"), update.lastError().text());
        rollback();
        return result;
    }
    session->adminCapacity = capacity;
    session->version = version;
    if (!promote(*session, version, &result.promotions)) {
        rollback();
        return CapacityResult{};
    }
    result.availability = availabilityOf(*session, &ok);
    if (!ok || !commit()) {
        rollback();
        return CapacityResult{};
    }
    result.outcome = CapacityOutcome::Changed;
    Q_EMIT changed(version);
    return result;
}

SeatAvailability SeatLedger::availabilityOf(const SessionRow &session, bool *ok) const
{
    SeatAvailability availability;
    availability.sessionId = session.id;
    availability.capacity = session.capacity().value_or(0);
    availability.version = session.version;
    *ok = countSeats(session.id, &availability.taken, &availability.waitlist);
    return availability;
}

QList<SeatAvailability> SeatLedger::availability() const
{
    QList<SeatAvailability> list;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral(
            "SELECT s.id, coalesce(s.admin_capacity, s.feed_capacity), s.version,"
            " coalesce(sum(r.status = 'confirmed'), 0), coalesce(sum(r.status = 'waitlisted'), 0)"
            " FROM sessions s LEFT JOIN reservations r ON r.session_id = s.id AND r.status <> 'cancelled'"
            " WHERE s.listed = 1 AND coalesce(s.admin_capacity, s.feed_capacity) IS NOT NULL"
            " GROUP BY s.id ORDER BY s.id"))) {
        fail(QStringLiteral("availability"), query.lastError().text());
        return list;
    }
    while (query.next()) {
        SeatAvailability a;
        a.sessionId = query.value(0).toString();
        a.capacity = query.value(1).toInt();
        a.version = query.value(2).toLongLong();
        a.taken = query.value(3).toInt();
        a.waitlist = query.value(4).toInt();
        list.append(a);
    }
    return list;
}

std::optional<SeatAvailability> SeatLedger::availability(const QString &sessionId) const
{
    bool ok = false;
    const std::optional<SessionRow> session = sessionRow(sessionId, &ok);
    if (!ok || !session || !session->listed || !session->capacity())
        return std::nullopt;
    const SeatAvailability result = availabilityOf(*session, &ok);
    return ok ? std::optional<SeatAvailability>(result) : std::nullopt;
}

QList<Reservation> SeatLedger::reservationsOf(const QString &attendeeId, bool includeCancelled) const
{
    QList<Reservation> list;
    QSqlQuery &query = prepared(
        includeCancelled ? QStringLiteral("SELECT id FROM reservations WHERE attendee_id = ? ORDER BY id")
                         : QStringLiteral("SELECT id FROM reservations WHERE attendee_id = ? AND status <> "
                                          "'cancelled' ORDER BY id"));
    const FinishOnExit queryDone(query);
    query.addBindValue(attendeeId);
    if (!query.exec()) {
        fail(QStringLiteral("reservation list"), query.lastError().text());
        return list;
    }
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    for (qint64 id : std::as_const(ids)) {
        bool ok = false;
        if (const std::optional<Reservation> r = loadReservation(id, &ok))
            list.append(*r);
    }
    return list;
}

std::optional<Reservation> SeatLedger::reservation(const QString &attendeeId, qint64 reservationId) const
{
    bool ok = false;
    std::optional<Reservation> r = loadReservation(reservationId, &ok);
    if (!r || r->attendeeId != attendeeId)
        return std::nullopt;
    return r;
}

QStringList SeatLedger::integrityProblems() const
{
    QStringList problems;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next()) {
        problems.append(QStringLiteral("integrity check failed: ") + query.lastError().text());
        return problems;
    }
    if (query.value(0).toString() != u"ok")
        problems.append(QStringLiteral("sqlite: ") + query.value(0).toString());
    query.finish();
    if (query.exec(
            QStringLiteral("SELECT session_id, attendee_id, count(*) FROM reservations WHERE status <> "
                           "'cancelled' GROUP BY session_id, attendee_id HAVING count(*) > 1"))) {
        while (query.next())
            problems.append(
                QStringLiteral("%1 holds %2 active reservations for %3")
                    .arg(query.value(1).toString(), query.value(2).toString(), query.value(0).toString()));
    }
    if (query.exec(QStringLiteral(
            "SELECT s.id, coalesce(s.admin_capacity, s.feed_capacity) AS capacity,"
            " sum(r.status = 'confirmed') AS taken, sum(r.status = 'waitlisted') AS waiting"
            " FROM sessions s JOIN reservations r ON r.session_id = s.id AND r.status <> 'cancelled'"
            " GROUP BY s.id HAVING capacity IS NOT NULL AND waiting > 0 AND taken < capacity"))) {
        while (query.next())
            problems.append(QStringLiteral("%1: %2 waiting while %3 of %4 seats are taken")
                                .arg(query.value(0).toString(), query.value(3).toString(),
                                     query.value(2).toString(), query.value(1).toString()));
    }
    if (query.exec(
            QStringLiteral("SELECT DISTINCT session_id FROM reservations WHERE session_id NOT IN (SELECT "
                           "id FROM sessions)"))) {
        while (query.next())
            problems.append(
                QStringLiteral("reservations for unknown session %1").arg(query.value(0).toString()));
    }
    return problems;
}

} // namespace Plenary
