#include "venuemodel.h"

#include "clock.h"
#include "languagechangewatcher.h"
#include "timezonecontroller.h"

#include <algorithm>
#include <limits>

namespace Plenary {

namespace {
// How far ahead "next" looks: the rest of a conference day.
constexpr qint64 kNextHorizonSecs = 12 * 3600;
} // namespace

VenueModel::VenueModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this, [this] {
        emitTextsChanged({FloorNameRole, NowTimeTextRole, NextTimeTextRole});
    });
}

void VenueModel::setConference(std::shared_ptr<const Conference> conference)
{
    beginResetModel();
    m_conference = std::move(conference);
    m_rows.clear();
    m_timeline = RoomTimeline();
    if (m_conference) {
        m_timeline.build(m_conference->sessions);
        for (const Room &room : m_conference->venue.rooms)
            m_rows.push_back(Row{&room, m_conference->floor(room.floorId), {}});
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
            // Rooms without a floor come last.
            const int levelA = a.floor ? a.floor->level : std::numeric_limits<int>::max();
            const int levelB = b.floor ? b.floor->level : std::numeric_limits<int>::max();
            if (levelA != levelB)
                return levelA < levelB;
            if ((a.floor ? a.floor->id : QString()) != (b.floor ? b.floor->id : QString()))
                return (a.floor ? a.floor->id : QString()) < (b.floor ? b.floor->id : QString());
            return QString::localeAwareCompare(a.room->name, b.room->name) < 0;
        });
    }
    refreshOccupancy();
    endResetModel();
    Q_EMIT countChanged();
}

void VenueModel::setClock(Clock *clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (m_clock) {
        connect(m_clock, &Clock::nowChanged, this, [this] {
            refreshOccupancy();
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0), index(count() - 1));
        });
    }
}

void VenueModel::setTimeZone(TimeZoneController *timeZone)
{
    if (m_timeZone)
        disconnect(m_timeZone, nullptr, this, nullptr);
    m_timeZone = timeZone;
    if (m_timeZone) {
        connect(m_timeZone, &TimeZoneController::displayChanged, this, [this] {
            emitTextsChanged({NowTimeTextRole, NextTimeTextRole});
        });
    }
}

void VenueModel::emitTextsChanged(const QList<int> &roles)
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(count() - 1), roles);
}

void VenueModel::refreshOccupancy()
{
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    for (Row &row : m_rows)
        row.occupancy = m_timeline.at(row.room->id, now, kNextHorizonSecs);
}

QString VenueModel::timeText(int sessionIndex) const
{
    if (sessionIndex < 0 || !m_conference)
        return {};
    const Session &s = m_conference->sessions[sessionIndex];
    return m_timeZone ? m_timeZone->formatTimeRange(s.start, s.end) : s.start.toString(Qt::ISODate);
}

int VenueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant VenueModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const auto title = [this](int i) { return i < 0 ? QString() : m_conference->sessions[i].title; };
    const auto id = [this](int i) { return i < 0 ? QString() : m_conference->sessions[i].id; };
    switch (role) {
    case Qt::DisplayRole:
    case RoomNameRole:
        return row.room->name;
    case RoomIdRole:
        return row.room->id;
    case FloorIdRole:
        return row.floor ? row.floor->id : QString();
    case FloorNameRole:
        return row.floor ? row.floor->name : tr("Rooms");
    case FloorLevelRole:
        return row.floor ? row.floor->level : 0;
    case CapacityRole:
        return row.room->capacity.value_or(-1);
    case DescriptionRole:
        return row.room->description;
    case AddressRole:
        return row.room->address;
    case SessionCountRole:
        return m_timeline.sessionCount(row.room->id);
    case NowSessionIdRole:
        return id(row.occupancy.current);
    case NowTitleRole:
        return title(row.occupancy.current);
    case NowTimeTextRole:
        return timeText(row.occupancy.current);
    case NextSessionIdRole:
        return id(row.occupancy.next);
    case NextTitleRole:
        return title(row.occupancy.next);
    case NextTimeTextRole:
        return timeText(row.occupancy.next);
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> VenueModel::roleNames() const
{
    return {
        {RoomIdRole, "roomId"},
        {RoomNameRole, "roomName"},
        {FloorIdRole, "floorId"},
        {FloorNameRole, "floorName"},
        {FloorLevelRole, "floorLevel"},
        {CapacityRole, "capacity"},
        {DescriptionRole, "description"},
        {AddressRole, "address"},
        {SessionCountRole, "sessionCount"},
        {NowSessionIdRole, "nowSessionId"},
        {NowTitleRole, "nowTitle"},
        {NowTimeTextRole, "nowTimeText"},
        {NextSessionIdRole, "nextSessionId"},
        {NextTitleRole, "nextTitle"},
        {NextTimeTextRole, "nextTimeText"},
    };
}

} // namespace Plenary
