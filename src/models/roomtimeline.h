#pragma once

#include "conference.h"

#include <QDateTime>
#include <QHash>

#include <vector>

namespace Plenary {

/** Each room's sessions in time order, to answer "what is on in this room now, and what comes next". */
class RoomTimeline
{
public:
    struct Occupancy
    {
        int current = -1; ///< index into Conference::sessions, or -1
        int next = -1;    ///< index into Conference::sessions, or -1
    };

    void build(const Conference &conference);

    /** The session running at `now` (the latest-starting one when they overlap) and the next one to start
     * within `horizonSecs` after `now`. */
    Occupancy at(const QString &roomId, const QDateTime &now, qint64 horizonSecs) const;

    int sessionCount(const QString &roomId) const;

private:
    const Conference *m_conference = nullptr;
    QHash<QString, std::vector<int>> m_byRoom;
};

} // namespace Plenary
