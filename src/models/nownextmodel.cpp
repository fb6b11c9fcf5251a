#include "nownextmodel.h"

#include "clock.h"
#include "languagechangewatcher.h"
#include "sessionlistmodel.h"
#include "timezonecontroller.h"

#include <algorithm>
#include <limits>

namespace Plenary {

NowNextModel::NowNextModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this,
            &NowNextModel::onTextsChanged);
}

void NowNextModel::setConference(std::shared_ptr<const Conference> conference)
{
    beginResetModel();
    m_conference = std::move(conference);
    m_rooms.clear();
    m_rows.clear();
    m_timeline = RoomTimeline();
    if (m_conference) {
        m_timeline.build(m_conference->sessions);
        for (const Room &room : m_conference->venue.rooms)
            m_rooms.push_back(&room);
        const Conference &c = *m_conference;
        std::stable_sort(m_rooms.begin(), m_rooms.end(), [&c](const Room *a, const Room *b) {
            const Floor *fa = c.floor(a->floorId);
            const Floor *fb = c.floor(b->floorId);
            const int la = fa ? fa->level : std::numeric_limits<int>::max();
            const int lb = fb ? fb->level : std::numeric_limits<int>::max();
            if (la != lb)
                return la < lb;
            return QString::localeAwareCompare(a->name, b->name) < 0;
        });
    }
    endResetModel();
    refresh();
    Q_EMIT countChanged();
}

void NowNextModel::setClock(Clock *clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (m_clock)
        connect(m_clock, &Clock::nowChanged, this, &NowNextModel::refresh);
    refresh();
}

void NowNextModel::setTimeZone(TimeZoneController *timeZone)
{
    if (m_timeZone)
        disconnect(m_timeZone, nullptr, this, nullptr);
    m_timeZone = timeZone;
    if (m_timeZone) {
        connect(m_timeZone, &TimeZoneController::displayChanged, this, &NowNextModel::onTextsChanged);
    }
}

void NowNextModel::onTextsChanged()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(count() - 1),
                           {NowTimeTextRole, NextTimeTextRole, NextStartTextRole});
    Q_EMIT updated();
}

QDateTime NowNextModel::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

void NowNextModel::refresh()
{
    const QDateTime t = now();
    std::vector<Row> rows;
    if (m_conference) {
        for (const Room *room : m_rooms) {
            const RoomTimeline::Occupancy occupancy = m_timeline.at(room->id, t, kHorizonSecs);
            if (occupancy.current >= 0 || occupancy.next >= 0)
                rows.push_back(Row{room, m_conference->floor(room->floorId), occupancy});
        }
    }
    m_nextStart = m_timeline.nextStartAfter(t);

    const bool sameRooms = rows.size() == m_rows.size() &&
                           std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                      [](const Row &a, const Row &b) { return a.room == b.room; });
    if (sameRooms) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0), index(count() - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        Q_EMIT countChanged();
    }
    Q_EMIT updated();
}

QString NowNextModel::nextStartText() const
{
    if (!m_nextStart.isValid())
        return {};
    return m_timeZone ? m_timeZone->formatDayTime(m_nextStart) : m_nextStart.toString(Qt::ISODate);
}

QString NowNextModel::nowText() const
{
    return m_timeZone ? m_timeZone->formatDayTime(now()) : now().toString(Qt::ISODate);
}

QString NowNextModel::trackColor(int i) const
{
    const Session *s = session(i);
    const Track *track = s ? m_conference->track(s->trackId) : nullptr;
    return track ? track->color : QString();
}

int NowNextModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant NowNextModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const Session *current = session(row.occupancy.current);
    const Session *next = session(row.occupancy.next);
    const auto timeText = [this](const Session *s) {
        if (!s)
            return QString();
        return m_timeZone ? m_timeZone->formatTimeRange(s->start, s->end) : s->start.toString(Qt::ISODate);
    };
    switch (role) {
    case Qt::DisplayRole:
    case RoomNameRole:
        return row.room->name;
    case RoomIdRole:
        return row.room->id;
    case FloorNameRole:
        return row.floor ? SessionListModel::floorText(row.floor->name, row.room->name) : QString();
    case NowSessionIdRole:
        return current ? current->id : QString();
    case NowTitleRole:
        return current ? current->title : QString();
    case NowTimeTextRole:
        return timeText(current);
    case NowTrackColorRole:
        return trackColor(row.occupancy.current);
    case NowProgressRole: {
        if (!current)
            return 0.0;
        const qint64 total = current->start.secsTo(current->end);
        return total > 0 ? std::clamp(double(current->start.secsTo(now())) / double(total), 0.0, 1.0) : 0.0;
    }
    case NowMinutesLeftRole:
        return current ? int((now().secsTo(current->end) + 59) / 60) : -1;
    case NextSessionIdRole:
        return next ? next->id : QString();
    case NextTitleRole:
        return next ? next->title : QString();
    case NextTimeTextRole:
        return timeText(next);
    case NextStartTextRole:
        return next && m_timeZone ? m_timeZone->formatTime(next->start) : QString();
    case NextTrackColorRole:
        return trackColor(row.occupancy.next);
    case NextMinutesUntilRole:
        return next ? int((now().secsTo(next->start) + 59) / 60) : -1;
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> NowNextModel::roleNames() const
{
    return {
        {RoomIdRole, "roomId"},
        {RoomNameRole, "roomName"},
        {FloorNameRole, "floorName"},
        {NowSessionIdRole, "nowSessionId"},
        {NowTitleRole, "nowTitle"},
        {NowTimeTextRole, "nowTimeText"},
        {NowTrackColorRole, "nowTrackColor"},
        {NowProgressRole, "nowProgress"},
        {NowMinutesLeftRole, "nowMinutesLeft"},
        {NextSessionIdRole, "nextSessionId"},
        {NextTitleRole, "nextTitle"},
        {NextTimeTextRole, "nextTimeText"},
        {NextStartTextRole, "nextStartText"},
        {NextTrackColorRole, "nextTrackColor"},
        {NextMinutesUntilRole, "nextMinutesUntil"},
    };
}

} // namespace Plenary
