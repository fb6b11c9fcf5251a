#include "conference.h"

#include <QSet>
#include <QUuid>

#include <algorithm>

namespace Plenary {

namespace {
// The namespace Plenary derives guids in (a random v4 uuid chosen once, never to change).
const QUuid kGuidNamespace(QStringLiteral("{6f3c8a52-1d0e-4b7a-9a57-3c2e51d7a0b4}"));

// Sessions before this hour belong to the previous day when a source does not say where days change.
constexpr int kDefaultDayChangeHour = 4;
} // namespace

QString Conference::keyFromName(QStringView name)
{
    QString key;
    key.reserve(name.size());
    bool dash = false;
    for (const QChar c : name) {
        if (c.isLetterOrNumber()) {
            if (dash && !key.isEmpty())
                key.append(QLatin1Char('-'));
            key.append(c.toLower());
            dash = false;
        } else {
            dash = true;
        }
    }
    if (key.isEmpty() && !name.isEmpty())
        key = QUuid::createUuidV5(kGuidNamespace, name.toString()).toString(QUuid::WithoutBraces).left(8);
    return key;
}

QString Conference::deriveGuid(QStringView conferenceId, QStringView sourceId, QStringView title)
{
    const QString material = conferenceId.toString() + QLatin1Char('\x1f') + sourceId.toString() +
                             QLatin1Char('\x1f') + title.toString();
    return QUuid::createUuidV5(kGuidNamespace, material).toString(QUuid::WithoutBraces);
}

void Conference::normalize()
{
    // ISO 8601 dates, and so the feed, carry the years 1 to 9999: a session starting later is dropped, one
    // ending later (a start late on 9999-12-31 plus its duration) ends at its start, and such a day has no
    // end.
    constexpr int kLastYear = 9999;
    sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                  [](const Session &s) {
                                      return s.start.isValid() && s.start.date().year() > kLastYear;
                                  }),
                   sessions.end());
    for (Session &s : sessions) {
        if (s.end.isValid() && s.end.date().year() > kLastYear)
            s.end = s.start;
    }
    for (Day &d : days) {
        if (d.start.isValid() && d.start.date().year() > kLastYear)
            d.start = QDateTime();
        if (d.end.isValid() && d.end.date().year() > kLastYear)
            d.end = QDateTime();
    }

    for (Session &s : sessions) {
        if (s.guid.isEmpty())
            s.guid =
                deriveGuid(id, QString(s.roomId + QLatin1Char('@') + s.start.toString(Qt::ISODate)), s.title);
    }

    QSet<QPair<QString, qint64>> seen;
    seen.reserve(sessions.size());
    sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                  [&seen](const Session &s) {
                                      const auto key = qMakePair(s.guid, s.start.toMSecsSinceEpoch());
                                      if (seen.contains(key))
                                          return true;
                                      seen.insert(key);
                                      return false;
                                  }),
                   sessions.end());

    std::stable_sort(sessions.begin(), sessions.end(), [](const Session &a, const Session &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.roomId != b.roomId)
            return a.roomId < b.roomId;
        return a.title < b.title;
    });

    QHash<QString, int> occurrences;
    occurrences.reserve(sessions.size());
    for (Session &s : sessions) {
        const int n = ++occurrences[s.guid];
        s.id = n == 1 ? s.guid : s.guid + QLatin1Char('#') + QString::number(n);
    }

    QSet<QString> trackIds, roomIds, speakerIds;
    for (const Track &t : std::as_const(tracks))
        trackIds.insert(t.id);
    for (const Room &r : std::as_const(venue.rooms))
        roomIds.insert(r.id);
    for (const Speaker &sp : std::as_const(speakers))
        speakerIds.insert(sp.id);
    for (const Session &s : std::as_const(sessions)) {
        if (!s.trackId.isEmpty() && !trackIds.contains(s.trackId)) {
            trackIds.insert(s.trackId);
            tracks.append(Track{s.trackId, s.trackId, Track::defaultColor(s.trackId)});
        }
        if (!s.roomId.isEmpty() && !roomIds.contains(s.roomId)) {
            roomIds.insert(s.roomId);
            venue.rooms.append(Room{s.roomId, s.roomId, {}, {}, {}, std::nullopt});
        }
        for (const QString &speakerId : s.speakerIds) {
            if (!speakerIds.contains(speakerId)) {
                speakerIds.insert(speakerId);
                speakers.append(Speaker{speakerId, speakerId, {}, {}, {}});
            }
        }
    }

    if (days.isEmpty() && !sessions.isEmpty()) {
        for (const Session &s : std::as_const(sessions)) {
            const QDate date = s.start.addSecs(-kDefaultDayChangeHour * 3600).date();
            if (days.isEmpty() || days.last().date != date) {
                days.append(Day{date, s.start, s.end});
            } else {
                days.last().end = std::max(days.last().end, s.end);
            }
        }
    }

    rebuildIndexes();
}

void Conference::rebuildIndexes()
{
    m_sessionIndex.clear();
    m_speakerIndex.clear();
    m_roomIndex.clear();
    m_trackIndex.clear();
    m_floorIndex.clear();
    m_sessionsBySpeaker.clear();
    m_sessionIndex.reserve(sessions.size());
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        m_sessionIndex.insert(sessions[i].id, i);
        for (const QString &speakerId : std::as_const(sessions[i].speakerIds))
            m_sessionsBySpeaker[speakerId].append(static_cast<int>(i));
    }
    for (qsizetype i = 0; i < speakers.size(); ++i)
        m_speakerIndex.insert(speakers[i].id, i);
    for (qsizetype i = 0; i < venue.rooms.size(); ++i)
        m_roomIndex.insert(venue.rooms[i].id, i);
    for (qsizetype i = 0; i < tracks.size(); ++i)
        m_trackIndex.insert(tracks[i].id, i);
    for (qsizetype i = 0; i < venue.floors.size(); ++i)
        m_floorIndex.insert(venue.floors[i].id, i);
}

namespace {
template<typename T>
const T *lookup(const QHash<QString, qsizetype> &index, const QList<T> &list, const QString &id)
{
    const auto it = index.constFind(id);
    if (it != index.cend() && *it < list.size() && list[*it].id == id)
        return &list[*it];
    // Indexes are stale after a mutation without normalize(); stay correct, if slower.
    const auto found = std::find_if(list.cbegin(), list.cend(), [&id](const T &t) { return t.id == id; });
    return found == list.cend() ? nullptr : &*found;
}
} // namespace

const Session *Conference::session(const QString &id) const
{
    return lookup(m_sessionIndex, sessions, id);
}

const Speaker *Conference::speaker(const QString &id) const
{
    return lookup(m_speakerIndex, speakers, id);
}

const Room *Conference::room(const QString &id) const
{
    return lookup(m_roomIndex, venue.rooms, id);
}

const Track *Conference::track(const QString &id) const
{
    return lookup(m_trackIndex, tracks, id);
}

const Floor *Conference::floor(const QString &id) const
{
    return lookup(m_floorIndex, venue.floors, id);
}

QList<int> Conference::sessionsOfSpeaker(const QString &speakerId) const
{
    return m_sessionsBySpeaker.value(speakerId);
}

int Conference::dayOf(const Session &session) const
{
    for (qsizetype i = 0; i < days.size(); ++i) {
        const Day &d = days[i];
        if (d.start.isValid() && d.end.isValid() && session.start >= d.start && session.start < d.end)
            return static_cast<int>(i);
    }
    const QDate shifted = session.start.toTimeZone(timeZone).addSecs(-kDefaultDayChangeHour * 3600).date();
    for (qsizetype i = 0; i < days.size(); ++i) {
        if (days[i].date == shifted)
            return static_cast<int>(i);
    }
    const QDate plain = session.start.toTimeZone(timeZone).date();
    for (qsizetype i = 0; i < days.size(); ++i) {
        if (days[i].date == plain)
            return static_cast<int>(i);
    }
    return -1;
}

bool operator==(const Conference &a, const Conference &b)
{
    return a.id == b.id && a.title == b.title && a.subtitle == b.subtitle && a.timeZone == b.timeZone &&
           a.venue == b.venue && a.days == b.days && a.tracks == b.tracks && a.speakers == b.speakers &&
           a.sessions == b.sessions && a.version == b.version && a.url == b.url;
}

} // namespace Plenary
