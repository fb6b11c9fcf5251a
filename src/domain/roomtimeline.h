#pragma once

#include "session.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace Plenary {

/** Each room's sessions in time order, answering "what is on in this room now, and what comes next". */
class RoomTimeline
{
public:
    /** What a room holds at one instant, as indexes into the sessions the timeline was built from. */
    struct Occupancy
    {
        int current = -1; ///< the running session, or -1
        int next = -1;    ///< the next session to start within the horizon, or -1

        friend bool operator==(const Occupancy &, const Occupancy &) = default;
    };

    /** Indexes `sessions` by room; the list must outlive the timeline (or the next build()). */
    void build(const QList<Session> &sessions);

    /**
     * The session running at `now` in `roomId` (the latest-starting one when they overlap; a session
     * ending at `now` is over, one starting at `now` is running) and the first one starting after `now`,
     * if it starts at most `horizonSecs` later.
     */
    Occupancy at(const QString &roomId, const QDateTime &now, qint64 horizonSecs) const;

    /** When the first session anywhere starts after `now`; invalid when none does. */
    QDateTime nextStartAfter(const QDateTime &now) const;

    int sessionCount(const QString &roomId) const;

private:
    const QList<Session> *m_sessions = nullptr;
    QHash<QString, std::vector<int>> m_byRoom; ///< session indexes by start
    std::vector<QDateTime> m_starts;           ///< every session's start, sorted
};

} // namespace Plenary
