#include "sessionlistmodel.h"

#include "agendacontroller.h"
#include "languagechangewatcher.h"
#include "textfolder.h"
#include "timezonecontroller.h"

namespace Plenary {

namespace {
// Separates the fields of one search document so a query never matches across two of them.
constexpr QChar kFieldSeparator(u'\x1');
} // namespace

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this,
            &SessionListModel::onLanguageChanged);
}

SessionListModel::~SessionListModel() = default;

void SessionListModel::setConference(std::shared_ptr<const Conference> conference)
{
    beginResetModel();
    m_conference = std::move(conference);
    rebuild();
    endResetModel();
    Q_EMIT countChanged();
}

void SessionListModel::rebuild()
{
    m_entries.clear();
    m_rowById.clear();
    m_searchIndex.clear();
    m_searchIndexBuilt = false;
    m_timeTextCache.clear();
    m_timeSlotCache.clear();
    m_daySlotCache.clear();
    if (!m_conference)
        return;

    const Conference &conference = *m_conference;
    const qsizetype n = conference.sessions.size();
    m_entries.reserve(static_cast<size_t>(n));
    m_rowById.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const Session &s = conference.sessions[i];
        Entry e;
        e.session = &s;
        e.day = conference.dayOf(s);
        if (const Track *track = conference.track(s.trackId)) {
            e.trackName = track->name;
            e.trackColor = track->color;
        }
        if (const Room *room = conference.room(s.roomId)) {
            e.roomName = room->name;
            e.floorId = room->floorId;
            if (const Floor *floor = conference.floor(room->floorId))
                e.floorName = floorText(floor->name, room->name);
        }
        for (const QString &speakerId : s.speakerIds) {
            if (const Speaker *speaker = conference.speaker(speakerId))
                e.speakerNames.append(speaker->name);
        }
        m_rowById.insert(s.id, static_cast<int>(i));
        m_entries.push_back(std::move(e));
    }
    m_timeTextCache.resize(m_entries.size());
    m_timeSlotCache.resize(m_entries.size());
    m_daySlotCache.resize(m_entries.size());
}

const SearchIndex &SessionListModel::searchIndex() const
{
    buildSearchIndex();
    return m_searchIndex;
}

void SessionListModel::buildSearchIndex() const
{
    if (m_searchIndexBuilt)
        return;
    m_searchIndexBuilt = true;
    m_searchIndex.clear();
    if (!m_conference)
        return;
    const Conference &conference = *m_conference;
    m_searchIndex.reserve(count(), count() * 400);
    QString document;
    QStringList companies;
    for (const Entry &e : m_entries) {
        const Session &s = *e.session;
        companies.clear();
        for (const QString &speakerId : s.speakerIds) {
            if (const Speaker *speaker = conference.speaker(speakerId);
                speaker && !speaker->company.isEmpty())
                companies.append(speaker->company);
        }
        document.clear();
        const auto add = [&document](QStringView field) {
            if (field.isEmpty())
                return;
            TextFolder::appendFolded(document, field);
            document.append(kFieldSeparator);
        };
        add(s.title);
        add(s.subtitle);
        add(s.abstractText);
        for (const QString &name : std::as_const(e.speakerNames))
            add(name);
        for (const QString &company : std::as_const(companies))
            add(company);
        add(e.roomName);
        add(e.floorName);
        add(e.trackName);
        for (const QString &tag : s.tags)
            add(tag);
        m_searchIndex.addDocument(document);
    }
}

void SessionListModel::setAgenda(AgendaController *agenda)
{
    if (m_agenda == agenda)
        return;
    if (m_agenda)
        disconnect(m_agenda, nullptr, this, nullptr);
    m_agenda = agenda;
    if (m_agenda) {
        connect(m_agenda, &AgendaController::sessionChanged, this, &SessionListModel::onAgendaChanged);
        connect(m_agenda, &AgendaController::agendaReset, this, [this] {
            if (!m_entries.empty())
                Q_EMIT dataChanged(index(0), index(count() - 1), {InAgendaRole});
            Q_EMIT agendaChanged();
        });
    }
}

void SessionListModel::setTimeZone(TimeZoneController *timeZone)
{
    if (m_timeZone == timeZone)
        return;
    if (m_timeZone)
        disconnect(m_timeZone, nullptr, this, nullptr);
    m_timeZone = timeZone;
    if (m_timeZone)
        connect(m_timeZone, &TimeZoneController::displayChanged, this, &SessionListModel::onDisplayChanged);
    onDisplayChanged();
}

void SessionListModel::onAgendaChanged(const QString &sessionId)
{
    const int row = rowOf(sessionId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {InAgendaRole});
    Q_EMIT agendaChanged();
}

void SessionListModel::onDisplayChanged()
{
    std::fill(m_timeTextCache.begin(), m_timeTextCache.end(), QString());
    std::fill(m_timeSlotCache.begin(), m_timeSlotCache.end(), QString());
    std::fill(m_daySlotCache.begin(), m_daySlotCache.end(), QString());
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0), index(count() - 1), {TimeTextRole, TimeSlotRole, DaySlotRole});
}

void SessionListModel::onLanguageChanged()
{
    // Times are cached in the old language's formats; type and level names come from tr().
    onDisplayChanged();
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0), index(count() - 1), {TypeTextRole, LevelTextRole});
}

bool SessionListModel::isInAgenda(int row) const
{
    return m_agenda && m_agenda->contains(entry(row).session->id);
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const size_t row = static_cast<size_t>(index.row());
    const Entry &e = m_entries[row];
    const Session &s = *e.session;
    const auto cached = [this, row, &s](std::vector<QString> &cache, auto format) -> QString {
        if (cache[row].isNull())
            cache[row] = m_timeZone ? format(*m_timeZone, s) : s.start.toString(Qt::ISODate);
        return cache[row];
    };

    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return s.title;
    case IdRole:
        return s.id;
    case GuidRole:
        return s.guid;
    case SubtitleRole:
        return s.subtitle;
    case TypeRole:
        return int(s.type);
    case TypeNameRole:
        return sessionTypeName(s.type);
    case TypeLabelRole:
        return s.typeLabel;
    case TypeTextRole:
        return typeText(s.type);
    case TrackIdRole:
        return s.trackId;
    case TrackNameRole:
        return e.trackName;
    case TrackColorRole:
        return e.trackColor;
    case RoomIdRole:
        return s.roomId;
    case RoomNameRole:
        return e.roomName;
    case FloorIdRole:
        return e.floorId;
    case FloorNameRole:
        return e.floorName;
    case StartRole:
        return s.start;
    case EndRole:
        return s.end;
    case DurationMinutesRole:
        return s.durationMinutes();
    case TimeTextRole:
        return cached(m_timeTextCache, [](const TimeZoneController &tz, const Session &session) {
            return tz.formatTimeRange(session.start, session.end);
        });
    case TimeSlotRole:
        return cached(m_timeSlotCache, [](const TimeZoneController &tz, const Session &session) {
            return tz.formatTime(session.start);
        });
    case DaySlotRole:
        return cached(m_daySlotCache, [](const TimeZoneController &tz, const Session &session) {
            return tz.formatDayTime(session.start);
        });
    case DayRole:
        return e.day;
    case SpeakerIdsRole:
        return s.speakerIds;
    case SpeakerNamesRole:
        return e.speakerNames;
    case AbstractTextRole:
        return s.abstractText;
    case AbstractHtmlRole:
        return s.abstractHtml;
    case LevelRole:
        return s.level;
    case LevelTextRole:
        return levelText(s.level);
    case TagsRole:
        return s.tags;
    case LanguagesRole:
        return s.languages;
    case SeatCapacityRole:
        return s.seatCapacity.value_or(-1);
    case RegistrationRequiredRole:
        return s.registrationRequired;
    case InAgendaRole:
        return isInAgenda(index.row());
    case UrlRole:
        return s.url;
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return {
        {IdRole, "sessionId"},
        {GuidRole, "guid"},
        {TitleRole, "title"},
        {SubtitleRole, "subtitle"},
        {TypeRole, "type"},
        {TypeNameRole, "typeName"},
        {TypeLabelRole, "typeLabel"},
        {TypeTextRole, "typeText"},
        {TrackIdRole, "trackId"},
        {TrackNameRole, "trackName"},
        {TrackColorRole, "trackColor"},
        {RoomIdRole, "roomId"},
        {RoomNameRole, "roomName"},
        {FloorIdRole, "floorId"},
        {FloorNameRole, "floorName"},
        {StartRole, "start"},
        {EndRole, "end"},
        {DurationMinutesRole, "durationMinutes"},
        {TimeTextRole, "timeText"},
        {TimeSlotRole, "timeSlot"},
        {DaySlotRole, "daySlot"},
        {DayRole, "day"},
        {SpeakerIdsRole, "speakerIds"},
        {SpeakerNamesRole, "speakerNames"},
        {AbstractTextRole, "abstractText"},
        {AbstractHtmlRole, "abstractHtml"},
        {LevelRole, "level"},
        {LevelTextRole, "levelText"},
        {TagsRole, "tags"},
        {LanguagesRole, "languages"},
        {SeatCapacityRole, "seatCapacity"},
        {RegistrationRequiredRole, "registrationRequired"},
        {InAgendaRole, "inAgenda"},
        {UrlRole, "url"},
    };
}

QString SessionListModel::floorText(const QString &floorName, const QString &roomName)
{
    QStringList parts = floorName.split(QStringLiteral(" · "));
    parts.removeIf([&roomName](const QString &part) {
        return part.trimmed().compare(roomName.trimmed(), Qt::CaseInsensitive) == 0;
    });
    return parts.join(QStringLiteral(" · "));
}

QString SessionListModel::typeText(SessionType type)
{
    switch (type) {
    case SessionType::Talk:
        return tr("Talk");
    case SessionType::Keynote:
        return tr("Keynote");
    case SessionType::Workshop:
        return tr("Workshop");
    case SessionType::HandsOnLab:
        return tr("Hands-on lab");
    case SessionType::CertificationExam:
        return tr("Certification exam");
    case SessionType::ExpoTheater:
        return tr("Expo theater");
    case SessionType::Social:
        return tr("Social");
    case SessionType::Break:
        return tr("Break");
    case SessionType::Other:
        break;
    }
    return tr("Other");
}

QString SessionListModel::levelText(const QString &level)
{
    const QString key = level.trimmed().toLower();
    if (key == u"beginner")
        return tr("Beginner");
    if (key == u"intermediate")
        return tr("Intermediate");
    if (key == u"advanced")
        return tr("Advanced");
    return level;
}

} // namespace Plenary
