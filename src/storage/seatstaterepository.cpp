#include "seatstaterepository.h"

#include "database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace Plenary {

namespace {
// One small JSON document per server in the key/value `settings` table: it needs no schema change, and a
// document that cannot be read is simply not shown.
QString seatsKey(const QString &server)
{
    return QStringLiteral("seats-snapshot:") + server;
}
} // namespace

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
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(seatsKey(server));
    if (!Database::exec(query) || !query.next())
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
    if (!object.value(u"updatedAt").isDouble() || !object.value(u"sessions").isArray())
        return std::nullopt;
    SeatSnapshot snapshot;
    snapshot.version = object.value(u"version").toInteger(-1);
    snapshot.updatedAt = QDateTime::fromMSecsSinceEpoch(object.value(u"updatedAt").toInteger(), Qt::UTC);
    for (const QJsonValue &value : object.value(u"sessions").toArray()) {
        const QJsonObject entry = value.toObject();
        LiveSeats seats;
        seats.sessionId = entry.value(u"id").toString();
        if (seats.sessionId.isEmpty())
            continue;
        seats.capacity = entry.value(u"capacity").toInt();
        seats.taken = entry.value(u"taken").toInt();
        seats.waitlist = entry.value(u"waitlist").toInt();
        seats.version = entry.value(u"version").toInteger();
        if (entry.value(u"updatedAt").isDouble())
            seats.updatedAt = QDateTime::fromMSecsSinceEpoch(entry.value(u"updatedAt").toInteger(), Qt::UTC);
        snapshot.sessions.append(seats);
    }
    return snapshot;
}

bool SeatStateRepository::storeSeats(const QString &server, const SeatSnapshot &snapshot)
{
    if (!m_database.isOpen() || !snapshot.updatedAt.isValid())
        return false;
    QJsonArray sessions;
    for (const LiveSeats &seats : snapshot.sessions) {
        QJsonObject entry{{QStringLiteral("id"), seats.sessionId},
                          {QStringLiteral("capacity"), seats.capacity},
                          {QStringLiteral("taken"), seats.taken},
                          {QStringLiteral("waitlist"), seats.waitlist},
                          {QStringLiteral("version"), seats.version}};
        if (seats.updatedAt.isValid())
            entry.insert(QStringLiteral("updatedAt"), seats.updatedAt.toMSecsSinceEpoch());
        sessions.append(entry);
    }
    const QJsonObject object{{QStringLiteral("version"), snapshot.version},
                             {QStringLiteral("updatedAt"), snapshot.updatedAt.toMSecsSinceEpoch()},
                             {QStringLiteral("sessions"), sessions}};
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(seatsKey(server));
    query.addBindValue(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    return Database::exec(query);
}

} // namespace Plenary
