#include "outboxrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Plenary {

namespace {

OutboxEntry entryFrom(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.server = query.value(1).toString();
    entry.action =
        OutboxEntry::actionFromName(query.value(2).toString()).value_or(OutboxEntry::Action::Cancel);
    entry.sessionId = query.value(3).toString();
    entry.idempotencyKey = query.value(4).toString();
    entry.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    entry.attempts = query.value(6).toInt();
    entry.lastError = query.value(7).toString();
    return entry;
}

const QString Columns = QStringLiteral("SELECT id, server, action, session_id, idempotency_key, created_at, "
                                       "attempts, last_error FROM seat_outbox");

} // namespace

QString OutboxEntry::actionName(Action action)
{
    switch (action) {
    case Action::Reserve:
        return QStringLiteral("reserve");
    case Action::JoinWaitlist:
        return QStringLiteral("waitlist");
    case Action::Cancel:
        return QStringLiteral("cancel");
    }
    return {};
}

std::optional<OutboxEntry::Action> OutboxEntry::actionFromName(QStringView name)
{
    for (const Action action : {Action::Reserve, Action::JoinWaitlist, Action::Cancel}) {
        if (name == actionName(action))
            return action;
    }
    return std::nullopt;
}

OutboxRepository::OutboxRepository(Database &database)
    : m_database(database)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void OutboxRepository::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

std::optional<OutboxEntry> OutboxRepository::enqueue(const QString &server, OutboxEntry::Action action,
                                                     const QString &sessionId)
{
    OutboxEntry entry;
    entry.server = server;
    entry.action = action;
    entry.sessionId = sessionId;
    entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.createdAt = m_clock();
    if (!enqueue(entry))
        return std::nullopt;
    return entry;
}

bool OutboxRepository::enqueue(OutboxEntry &entry)
{
    if (!m_database.isOpen() || entry.idempotencyKey.isEmpty() || entry.sessionId.isEmpty())
        return false;
    if (!entry.createdAt.isValid())
        entry.createdAt = m_clock();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO seat_outbox (server, action, session_id, idempotency_key,"
                                 " created_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.server.isNull() ? QStringLiteral("") : entry.server);
    query.addBindValue(OutboxEntry::actionName(entry.action));
    query.addBindValue(entry.sessionId);
    query.addBindValue(entry.idempotencyKey);
    query.addBindValue(entry.createdAt.toMSecsSinceEpoch());
    query.addBindValue(entry.attempts);
    query.addBindValue(entry.lastError.isNull() ? QStringLiteral("") : entry.lastError);
    if (!Database::exec(query))
        return false;
    entry.id = query.lastInsertId().toLongLong();
    return true;
}

QList<OutboxEntry> OutboxRepository::pending(const QString &server) const
{
    QList<OutboxEntry> entries;
    if (!m_database.isOpen())
        return entries;
    QSqlQuery query(m_database.connection());
    query.prepare(Columns + QStringLiteral(" WHERE server = ? ORDER BY id"));
    query.addBindValue(server);
    if (!Database::exec(query))
        return entries;
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

std::optional<OutboxEntry> OutboxRepository::first(const QString &server) const
{
    if (!m_database.isOpen())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(Columns + QStringLiteral(" WHERE server = ? ORDER BY id LIMIT 1"));
    query.addBindValue(server);
    if (!Database::exec(query) || !query.next())
        return std::nullopt;
    return entryFrom(query);
}

int OutboxRepository::count(const QString &server) const
{
    if (!m_database.isOpen())
        return 0;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM seat_outbox WHERE server = ?"));
    query.addBindValue(server);
    if (!Database::exec(query) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool OutboxRepository::remove(qint64 id)
{
    if (!m_database.isOpen())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM seat_outbox WHERE id = ?"));
    query.addBindValue(id);
    return Database::exec(query) && query.numRowsAffected() == 1;
}

bool OutboxRepository::recordAttempt(qint64 id, const QString &error)
{
    if (!m_database.isOpen())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE seat_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"));
    query.addBindValue(error.isNull() ? QStringLiteral("") : error);
    query.addBindValue(id);
    return Database::exec(query) && query.numRowsAffected() == 1;
}

} // namespace Plenary
