#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Plenary {

/** The live seat numbers of one session as the feed server last reported them. */
struct LiveSeats
{
    QString sessionId;
    int capacity = 0;
    int taken = 0; ///< confirmed seats, never more than capacity (an over-full session is shown as full)
    int waitlist = 0;
    qint64 version = 0;  ///< the ledger version of the session's last change (0 when the server sent none)
    QDateTime updatedAt; ///< the document's serverTime, or when the client received it

    int seatsLeft() const { return capacity - taken; }
    bool isFull() const { return taken >= capacity; }

    friend bool operator==(const LiveSeats &, const LiveSeats &) = default;
};

/** One seats document (`GET /api/seats`): every seat-limited session, and the ledger version it shows. */
struct SeatsDocument
{
    qint64 version = 0;
    QDateTime serverTime; ///< invalid when the server sent none or an unreadable one
    QString scheduleVersion;
    QList<LiveSeats> sessions;
    int skippedEntries = 0; ///< session entries dropped for a missing id, a wrong type or a duplicate id
};

/** The outcome of parsing a seats document: the document, or a sentence saying why it was refused. */
struct SeatsParseResult
{
    std::optional<SeatsDocument> document;
    QString error;

    bool ok() const { return document.has_value(); }
};

/**
 * Parses the feed server's seat availability document (PROTOCOL.md, `GET /api/seats`) into LiveSeats, a pure
 * function that refuses garbage, wrong shapes and oversized input and clamps contradictory numbers.
 */
class SeatAvailabilityParser
{
public:
    // Clamping rules: a negative number becomes 0, taken above capacity becomes capacity (the session shows
    // as full). No field is ever computed from another ("left" and "overCapacity" are ignored). Whether a
    // version went backwards is for the caller to judge.

    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;
    static constexpr qsizetype kMaxSessions = 100'000;
    static constexpr int kMaxDepth = 32;

    static SeatsParseResult parse(QByteArrayView json);
};

} // namespace Plenary
