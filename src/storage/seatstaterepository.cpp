#include "seatstaterepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Plenary {

SeatStateRepository::SeatStateRepository(Database &database)
    : m_database(database)
{}

QString SeatStateRepository::token(const QString &server) const
{
    if (!m_database.isOpen())
        return {};
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT token FROM seat_accounts WHERE server = ?"));
    query.addBindValue(server);
    if (!Database::exec(query) || !query.next())
        return {};
    return query.value(0).toString();
}

bool SeatStateRepository::setToken(const QString &server, const QString &token)
{
    if (!m_database.isOpen())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        if (token.isEmpty()) {
            query.prepare(QStringLiteral("DELETE FROM seat_accounts WHERE server = ?"));
            query.addBindValue(server);
            if (!Database::exec(query))
                return false;
            return replaceReservations(server, {});
        }
        query.prepare(QStringLiteral("INSERT INTO seat_accounts (server, token) VALUES (?, ?)"
                                     " ON CONFLICT (server) DO UPDATE SET token = excluded.token"));
        query.addBindValue(server);
        query.addBindValue(token);
        return Database::exec(query);
    });
}

QList<StoredReservation> SeatStateRepository::reservations(const QString &server) const
{
    QList<StoredReservation> result;
    if (!m_database.isOpen())
        return result;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT session_id, reservation_id, status, position, updated_at"
                                 " FROM seat_reservations WHERE server = ? ORDER BY session_id"));
    query.addBindValue(server);
    if (!Database::exec(query))
        return result;
    while (query.next()) {
        StoredReservation r;
        r.sessionId = query.value(0).toString();
        r.reservationId = query.value(1).toLongLong();
        r.status = query.value(2).toString();
        r.position = query.value(3).toInt();
        if (!query.value(4).isNull())
            r.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        result.append(r);
    }
    return result;
}

bool SeatStateRepository::replaceReservations(const QString &server,
                                              const QList<StoredReservation> &reservations)
{
    if (!m_database.isOpen())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM seat_reservations WHERE server = ?"));
        query.addBindValue(server);
        if (!Database::exec(query))
            return false;
        for (const StoredReservation &r : reservations) {
            QSqlQuery insert(m_database.connection());
            insert.prepare(
                QStringLiteral("INSERT OR REPLACE INTO seat_reservations (server, session_id,"
                               " reservation_id, status, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
            insert.addBindValue(server);
            insert.addBindValue(r.sessionId);
            insert.addBindValue(r.reservationId);
            insert.addBindValue(r.status.isNull() ? QStringLiteral("") : r.status);
            insert.addBindValue(r.position);
            insert.addBindValue(r.updatedAt.isValid() ? QVariant(r.updatedAt.toMSecsSinceEpoch())
                                                      : QVariant(QMetaType::fromType<qint64>()));
            if (!Database::exec(insert))
                return false;
        }
        return true;
    });
}

std::optional<SeatSnapshot> SeatStateRepository::seats(const QString &server) const
{
    if (!m_database.isOpen())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT version, updated_at FROM seat_snapshots WHERE server = ?"));
    query.addBindValue(server);
    if (!Database::exec(query) || !query.next())
        return std::nullopt;
    SeatSnapshot snapshot;
    snapshot.version = query.value(0).toLongLong();
    snapshot.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    QSqlQuery figures(m_database.connection());
    figures.prepare(QStringLiteral("SELECT session_id, capacity, taken, waitlist, version, updated_at"
                                   " FROM seat_figures WHERE server = ? ORDER BY session_id"));
    figures.addBindValue(server);
    if (!Database::exec(figures))
        return std::nullopt;
    while (figures.next()) {
        LiveSeats seats;
        seats.sessionId = figures.value(0).toString();
        seats.capacity = figures.value(1).toInt();
        seats.taken = figures.value(2).toInt();
        seats.waitlist = figures.value(3).toInt();
        seats.version = figures.value(4).toLongLong();
        if (!figures.value(5).isNull())
            seats.updatedAt = QDateTime::fromMSecsSinceEpoch(figures.value(5).toLongLong(), Qt::UTC);
        snapshot.sessions.append(seats);
    }
    return snapshot;
}

bool SeatStateRepository::storeSeats(const QString &server, const SeatSnapshot &snapshot)
{
    if (!m_database.isOpen() || !snapshot.updatedAt.isValid())
        return false;
    return m_database.transaction([&] {
        // Deleting the snapshot row cascades to its figures, so a session the server dropped goes too.
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM seat_snapshots WHERE server = ?"));
        remove.addBindValue(server);
        if (!Database::exec(remove))
            return false;
        QSqlQuery head(m_database.connection());
        head.prepare(
            QStringLiteral("INSERT INTO seat_snapshots (server, version, updated_at) VALUES (?, ?, ?)"));
        head.addBindValue(server);
        head.addBindValue(snapshot.version);
        head.addBindValue(snapshot.updatedAt.toMSecsSinceEpoch());
        if (!Database::exec(head))
            return false;
        QSqlQuery insert(m_database.connection());
        insert.prepare(
            QStringLiteral("INSERT OR REPLACE INTO seat_figures (server, session_id, capacity, taken,"
                           " waitlist, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const LiveSeats &seats : snapshot.sessions) {
            if (seats.sessionId.isEmpty())
                continue;
            insert.bindValue(0, server);
            insert.bindValue(1, seats.sessionId);
            insert.bindValue(2, seats.capacity);
            insert.bindValue(3, seats.taken);
            insert.bindValue(4, seats.waitlist);
            insert.bindValue(5, seats.version);
            insert.bindValue(6, seats.updatedAt.isValid() ? QVariant(seats.updatedAt.toMSecsSinceEpoch())
                                                          : QVariant(QMetaType::fromType<qint64>()));
            if (!Database::exec(insert))
                return false;
        }
        return true;
    });
}

} // namespace Plenary
