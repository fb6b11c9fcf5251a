#include "roomtimeline.h"

#include <algorithm>

namespace Plenary {

void RoomTimeline::build(const Conference &conference)
{
    m_conference = &conference;
    m_byRoom.clear();
    for (qsizetype i = 0; i < conference.sessions.size(); ++i) {
        const Session &s = conference.sessions[i];
        if (!s.roomId.isEmpty() && s.start.isValid())
            m_byRoom[s.roomId].push_back(static_cast<int>(i));
    }
    for (auto &indexes : m_byRoom) {
        std::stable_sort(indexes.begin(), indexes.end(), [&conference](int a, int b) {
            return conference.sessions[a].start < conference.sessions[b].start;
        });
    }
}

RoomTimeline::Occupancy RoomTimeline::at(const QString &roomId, const QDateTime &now,
                                         qint64 horizonSecs) const
{
    Occupancy result;
    const auto it = m_byRoom.constFind(roomId);
    if (!m_conference || it == m_byRoom.cend())
        return result;
    const std::vector<int> &indexes = *it;
    const QList<Session> &sessions = m_conference->sessions;
    const auto firstLater =
        std::upper_bound(indexes.cbegin(), indexes.cend(), now,
                         [&sessions](const QDateTime &t, int i) { return t < sessions[i].start; });
    if (firstLater != indexes.cend() && now.secsTo(sessions[*firstLater].start) <= horizonSecs)
        result.next = *firstLater;
    for (auto back = firstLater; back != indexes.cbegin();) {
        --back;
        const Session &s = sessions[*back];
        if (s.end > now) {
            result.current = *back;
            break;
        }
    }
    return result;
}

int RoomTimeline::sessionCount(const QString &roomId) const
{
    return static_cast<int>(m_byRoom.value(roomId).size());
}

} // namespace Plenary
