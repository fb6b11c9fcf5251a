#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Plenary {

class Database;

/** My place for one session as the feed server last confirmed it. */
struct StoredReservation
{
    QString sessionId;
    qint64 reservationId = 0;
    QString status;   ///< "confirmed" or "waitlisted"
    int position = 0; ///< waitlist position; 0 unless waitlisted
    QDateTime updatedAt;

    friend bool operator==(const StoredReservation &, const StoredReservation &) = default;
};

/** Keeps the feed-server sign-in token and my last confirmed reservations per server in the Database. */
class SeatStateRepository
{
public:
    explicit SeatStateRepository(Database &database);

    /** The bearer token for `server`; empty when not signed in. */
    QString token(const QString &server) const;
    /** Stores the token; an empty one signs out (and forgets the stored reservations). */
    bool setToken(const QString &server, const QString &token);

    QList<StoredReservation> reservations(const QString &server) const;
    /** Replaces all stored reservations of `server` in one transaction. */
    bool replaceReservations(const QString &server, const QList<StoredReservation> &reservations);

private:
    Database &m_database;
};

} // namespace Plenary
