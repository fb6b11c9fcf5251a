#include "roomtimeline.h"

#include <algorithm>

namespace Plenary {

void RoomTimeline::build(const QList<Session> &sessions)
{
    m_sessions = &sessions;
    m_byRoom.clear();
    m_starts.clear();
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const Session &s = sessions[i];
        if (!s.start.isValid())
            continue;
        m_starts.push_back(s.start);
        if (!s.roomId.isEmpty())
            m_byRoom[s.roomId].push_back(static_cast<int>(i));
    }
    std::sort(m_starts.begin(), m_starts.end());
    for (auto &indexes : m_byRoom) {
        std::stable_sort(indexes.begin(), indexes.end(),
                         [&sessions](int a, int b) { return sessions[a].start < sessions[b].start; });
    }
}

RoomTimeline::Occupancy RoomTimeline::at(const QString &roomId, const QDateTime &now,
                                         qint64 horizonSecs) const
{
    Occupancy result;
    const auto it = m_byRoom.constFind(roomId);
    if (!m_sessions || it == m_byRoom.cend() || !now.isValid())
        return result;
    const std::vector<int> &indexes = *it;
    const QList<Session> &sessions = *m_sessions;
    const auto firstLater =
        std::upper_bound(indexes.cbegin(), indexes.cend(), now,
                         [&sessions](const QDateTime &t, int i) { return t < sessions[i].start; });
    if (firstLater != indexes.cend() && now.secsTo(sessions[*firstLater].start) <= horizonSecs)
        result.next = *firstLater;
    // Walk back from the latest start: a long session may still run behind shorter ones that ended.
    for (auto back = firstLater; back != indexes.cbegin();) {
        --back;
        if (sessions[*back].end > now) {
            result.current = *back;
            break;
        }
    }
    return result;
}

QDateTime RoomTimeline::nextStartAfter(const QDateTime &now) const
{
    const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), now);
    return it == m_starts.cend() ? QDateTime() : *it;
}

int RoomTimeline::sessionCount(const QString &roomId) const
{
    const auto it = m_byRoom.constFind(roomId);
    return it == m_byRoom.cend() ? 0 : static_cast<int>(it->size());
}

} // namespace Plenary
