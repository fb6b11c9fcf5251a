#pragma once

#include "seatavailabilityparser.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

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

/** The seat availability a feed server last confirmed, kept so an offline start can show it (as stale). */
struct SeatSnapshot
{
    qint64 version = -1;
    QDateTime updatedAt; ///< when the client last confirmed these numbers current
    QList<LiveSeats> sessions;
};

/**
 * Keeps the feed-server sign-in token, my last confirmed reservations and the last known seat availability
 * per server in the Database.
 */
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

    /** The last stored availability of `server`; nullopt when none (or unreadable). */
    std::optional<SeatSnapshot> seats(const QString &server) const;
    /** Replaces the stored availability of `server` in one transaction; false (nothing changed) on failure.
     */
    bool storeSeats(const QString &server, const SeatSnapshot &snapshot);

private:
    Database &m_database;
};

} // namespace Plenary
