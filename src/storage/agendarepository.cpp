#include "agendarepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Plenary {

AgendaRepository::AgendaRepository(Database &database)
    : m_database(database)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void AgendaRepository::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

bool AgendaRepository::add(const QString &conferenceId, const Session &session)
{
    if (!m_database.isOpen() || session.id.isEmpty())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(
            QStringLiteral("INSERT INTO favourites (conference_id, session_id, guid, start_utc, added_at)"
                           " VALUES (?, ?, ?, ?, ?) ON CONFLICT(conference_id, session_id) DO NOTHING"));
        query.addBindValue(conferenceId);
        query.addBindValue(session.id);
        query.addBindValue(session.guid.isNull() ? QStringLiteral("") : session.guid);
        query.addBindValue(session.start.isValid() ? QVariant(session.start.toMSecsSinceEpoch())
                                                   : QVariant(QMetaType::fromType<qint64>()));
        query.addBindValue(m_clock().toMSecsSinceEpoch());
        return Database::exec(query);
    });
}

bool AgendaRepository::remove(const QString &conferenceId, const QString &sessionId)
{
    if (!m_database.isOpen())
        return false;
    bool removed = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM favourites WHERE conference_id = ? AND session_id = ?"));
        query.addBindValue(conferenceId);
        query.addBindValue(sessionId);
        if (!Database::exec(query))
            return false;
        removed = query.numRowsAffected() > 0;
        return true;
    });
    return ok && removed;
}

bool AgendaRepository::contains(const QString &conferenceId, const QString &sessionId) const
{
    if (!m_database.isOpen())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM favourites WHERE conference_id = ? AND session_id = ?"));
    query.addBindValue(conferenceId);
    query.addBindValue(sessionId);
    return Database::exec(query) && query.next();
}

QSet<QString> AgendaRepository::sessionIds(const QString &conferenceId) const
{
    QSet<QString> ids;
    if (!m_database.isOpen())
        return ids;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT session_id FROM favourites WHERE conference_id = ?"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return ids;
    while (query.next())
        ids.insert(query.value(0).toString());
    return ids;
}

QList<Favourite> AgendaRepository::favourites(const QString &conferenceId) const
{
    QList<Favourite> result;
    if (!m_database.isOpen())
        return result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT session_id, guid, start_utc, added_at FROM favourites"
                       " WHERE conference_id = ? ORDER BY start_utc IS NULL, start_utc, session_id"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return result;
    while (query.next()) {
        Favourite favourite;
        favourite.sessionId = query.value(0).toString();
        favourite.guid = query.value(1).toString();
        if (!query.value(2).isNull())
            favourite.startUtc = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
        favourite.addedAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        result.append(favourite);
    }
    return result;
}

} // namespace Plenary
