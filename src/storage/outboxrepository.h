#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Plenary {

class Database;

/** A reservation action waiting to reach the feed server. */
struct OutboxEntry
{
    enum class Action { Reserve, JoinWaitlist, Cancel };

    qint64 id = 0; ///< local order: entries are sent oldest first
    QString server;
    Action action = Action::Reserve;
    QString sessionId;
    QString idempotencyKey; ///< sent with every attempt, so a retried request never acts twice
    QDateTime createdAt;
    int attempts = 0;
    QString lastError;

    static QString actionName(Action action);
    static std::optional<Action> actionFromName(QStringView name);
};

/** Keeps reservation actions in the Database until the feed server has answered them, in the order made. */
class OutboxRepository
{
public:
    using Clock = std::function<QDateTime()>;

    explicit OutboxRepository(Database &database);

    void setClock(Clock clock);

    /** Appends an action with a fresh idempotency key; returns the stored entry, or nullopt on failure. */
    std::optional<OutboxEntry> enqueue(const QString &server, OutboxEntry::Action action,
                                       const QString &sessionId);

    /** Appends an entry with the given key (e.g. one carried over); false when the key is already used. */
    bool enqueue(OutboxEntry &entry);

    /** The waiting entries of `server`, oldest first. */
    QList<OutboxEntry> pending(const QString &server) const;
    std::optional<OutboxEntry> first(const QString &server) const;
    int count(const QString &server) const;

    bool remove(qint64 id);
    bool recordAttempt(qint64 id, const QString &error);

private:
    Database &m_database;
    Clock m_clock;
};

} // namespace Plenary
