#pragma once

#include "session.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace Plenary {

class Database;

/** One starred session as stored: enough to show it even after it vanished from a newer schedule. */
struct Favourite
{
    QString sessionId;
    QString guid;
    QDateTime startUtc; ///< invalid when the session had no start
    QDateTime addedAt;
};

/**
 * Keeps the user's favourite sessions per conference in the Database. A favourite belongs to a stored
 * conference (removing the conference removes them) and survives re-saving that conference. Every method
 * fails quietly (false, empty) when the database is not open.
 */
class AgendaRepository
{
public:
    using Clock = std::function<QDateTime()>;

    explicit AgendaRepository(Database &database);

    /** Replaces the clock that stamps added_at (UTC now by default). */
    void setClock(Clock clock);

    /** Stars a session; adding one twice keeps the first added_at. False for an unknown conference. */
    bool add(const QString &conferenceId, const Session &session);

    /** Unstars a session; false when it was not starred. */
    bool remove(const QString &conferenceId, const QString &sessionId);

    bool contains(const QString &conferenceId, const QString &sessionId) const;
    QSet<QString> sessionIds(const QString &conferenceId) const;

    /** The conference's favourites in the order they start (unknown starts last). */
    QList<Favourite> favourites(const QString &conferenceId) const;

private:
    Database &m_database;
    Clock m_clock;
};

} // namespace Plenary
