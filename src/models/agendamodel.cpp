#include "agendamodel.h"

#include "agendacontroller.h"
#include "agendaexporter.h"
#include "agendaimporter.h"
#include "agendarepository.h"
#include "clock.h"
#include "reminderplanner.h"
#include "timelinelanes.h"
#include "timezonecontroller.h"

#include <QFile>
#include <QSaveFile>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace Plenary {

AgendaModel::AgendaModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void AgendaModel::setRepository(AgendaRepository *repository)
{
    m_repository = repository;
    reload();
}

void AgendaModel::setAgendaController(AgendaController *agenda)
{
    if (m_agenda)
        disconnect(m_agenda, nullptr, this, nullptr);
    m_agenda = agenda;
    if (m_agenda) {
        connect(m_agenda, &AgendaController::sessionChanged, this, &AgendaModel::reload);
        connect(m_agenda, &AgendaController::agendaReset, this, &AgendaModel::reload);
        connect(m_agenda, &AgendaController::seatHoldsChanged, this, &AgendaModel::reload);
    }
    reload();
}

void AgendaModel::setClock(Clock *clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (m_clock)
        connect(m_clock, &Clock::nowChanged, this, &AgendaModel::refreshTime);
    refreshTime();
}

void AgendaModel::setTimeZone(TimeZoneController *timeZone)
{
    if (m_timeZone)
        disconnect(m_timeZone, nullptr, this, nullptr);
    m_timeZone = timeZone;
    if (m_timeZone)
        connect(m_timeZone, &TimeZoneController::displayChanged, this, &AgendaModel::reload);
    reload();
}

void AgendaModel::setConference(std::shared_ptr<const Conference> conference)
{
    m_conference = std::move(conference);
    if (m_conference && m_dayIndex >= m_conference->days.size()) {
        m_dayIndex = -1;
        Q_EMIT dayIndexChanged();
    }
    reload();
}

void AgendaModel::setDayIndex(int dayIndex)
{
    if (dayIndex < -1)
        dayIndex = -1;
    if (m_dayIndex == dayIndex)
        return;
    m_dayIndex = dayIndex;
    rebuildRows();
    Q_EMIT dayIndexChanged();
}

QDateTime AgendaModel::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

QString AgendaModel::formatRange(const QDateTime &start, const QDateTime &end) const
{
    if (m_timeZone)
        return end.isValid() && end > start ? m_timeZone->formatTimeRange(start, end)
                                            : m_timeZone->formatTime(start);
    const QTimeZone zone = m_conference ? m_conference->timeZone : QTimeZone::systemTimeZone();
    const QString from = start.toTimeZone(zone).toString(QStringLiteral("HH:mm"));
    return end.isValid() && end > start
               ? from + QStringLiteral("–") + end.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
               : from;
}

void AgendaModel::reload()
{
    m_items.clear();
    m_changes.clear();
    m_noticeCount = 0;
    m_reminderOn.clear();
    m_starred.clear();
    const QHash<QString, SeatHold> holds = m_agenda ? m_agenda->seatHolds() : QHash<QString, SeatHold>{};
    if (m_conference) {
        const QList<QString> heldList = holds.keys();
        const QSet<QString> held(heldList.cbegin(), heldList.cend());
        if (m_agenda)
            m_starred = m_agenda->sessionIds();
        else if (m_repository)
            m_starred = m_repository->sessionIds(m_conference->id);
        if (m_repository) {
            m_items = m_repository->agenda(*m_conference, held);
        } else {
            for (const QString &id : m_starred + held) {
                if (const Session *session = m_conference->session(id))
                    m_items.append(
                        AgendaItem::fromSession(*m_conference, *session, AgendaItem::Kind::Favourite));
            }
            for (const PersonalItem &item : std::as_const(m_unstored))
                m_items.append(AgendaItem::fromPersonal(item));
            std::stable_sort(m_items.begin(), m_items.end(),
                             [](const AgendaItem &a, const AgendaItem &b) { return a.start < b.start; });
        }
    }
    // A confirmed seat or a request on its way counts as a seat; a waitlist place is only a wish so far.
    for (AgendaItem &item : m_items) {
        if (!item.isSession())
            continue;
        item.seat = holds.value(item.sessionId);
        item.kind = item.seat.countsAsSeat() ? AgendaItem::Kind::Seat : AgendaItem::Kind::Favourite;
    }
    m_conflicts = ConflictDetector::detect(m_items);
    m_worst = ConflictDetector::worstByItem(m_conflicts);

    const ReminderSettings settings = m_repository ? m_repository->reminderSettings() : ReminderSettings{};
    const QHash<QString, bool> overrides = m_repository && m_conference
                                               ? m_repository->reminderOverrides(m_conference->id)
                                               : QHash<QString, bool>{};
    for (const AgendaItem &item : std::as_const(m_items))
        m_reminderOn.insert(item.key(), ReminderPlanner::isEnabled(item, settings, overrides));

    if (m_repository && m_conference) {
        const QTimeZone zone = m_conference->timeZone;
        const auto describe = [this, &zone](const SessionSnapshot &s, AgendaChange::Changes changes) {
            QStringList parts;
            if (changes & (AgendaChange::Moved | AgendaChange::EndChanged | AgendaChange::NewOccurrence)) {
                const QDateTime start =
                    m_timeZone ? m_timeZone->toDisplay(s.start) : s.start.toTimeZone(zone);
                parts.append(start.toString(QStringLiteral("ddd ")) + formatRange(s.start, s.end));
            }
            if (changes & (AgendaChange::RoomChanged | AgendaChange::NewOccurrence))
                parts.append(s.place);
            return parts.join(QStringLiteral(", "));
        };
        const QList<AgendaNotice> notices = m_repository->notices(m_conference->id);
        m_noticeCount = int(notices.size());
        for (const AgendaNotice &notice : notices) {
            const AgendaChange &change = notice.change;
            QString text;
            if (change.changes & AgendaChange::Cancelled)
                text = tr("Cancelled");
            else if (change.changes &
                     (AgendaChange::Moved | AgendaChange::EndChanged | AgendaChange::RoomChanged))
                text = describe(change.before, change.changes) + QStringLiteral(" → ") +
                       describe(change.after, change.changes);
            else if (change.changes & AgendaChange::Returned)
                text = tr("Back in the schedule");
            else if (change.changes & AgendaChange::NewOccurrence)
                text = tr("Also on %1").arg(describe(change.after, change.changes));
            if (!text.isEmpty())
                m_changes.insert(notice.agendaSessionId, text);
        }
    }
    rebuildRows();
}

QString AgendaModel::conflictText(const AgendaItem &item, const QList<Conflict> &conflicts) const
{
    QStringList texts;
    for (const Conflict &conflict : conflicts) {
        const AgendaItem *other = findItem(conflict.otherKey(item.key()));
        if (!other)
            continue;
        texts.append(clashText(*other));
    }
    return texts.join(QLatin1Char('\n'));
}

QString AgendaModel::clashText(const AgendaItem &other) const
{
    switch (other.seat.status) {
    case SeatHold::Status::Confirmed:
        return tr("You hold a seat in %1 at the same time").arg(other.title);
    case SeatHold::Status::Pending:
        return tr("You asked for a seat in %1 at the same time").arg(other.title);
    case SeatHold::Status::Waitlisted:
        return tr("You are on the waitlist for %1 at the same time").arg(other.title);
    case SeatHold::Status::None:
        break;
    }
    return other.kind == AgendaItem::Kind::Seat
               ? tr("You hold a seat in %1 at the same time").arg(other.title)
               : tr("%1 (in your agenda) overlaps").arg(other.title);
}

QDate AgendaModel::timelineDate() const
{
    if (m_conference && m_dayIndex >= 0 && m_dayIndex < m_conference->days.size())
        return m_conference->days[m_dayIndex].date;
    for (const Row &row : m_rows) {
        if (row.item.start.isValid())
            return (m_timeZone ? m_timeZone->toDisplay(row.item.start) : row.item.start).date();
    }
    return now().date();
}

int AgendaModel::minuteOf(const QDateTime &instant, QDate reference) const
{
    QDateTime local = instant;
    if (m_timeZone)
        local = m_timeZone->toDisplay(instant);
    else if (m_conference)
        local = instant.toTimeZone(m_conference->timeZone);
    return int(reference.daysTo(local.date()) * 24 * 60 + local.time().msecsSinceStartOfDay() / 60'000);
}

void AgendaModel::layOutTimeline()
{
    const QDate reference = timelineDate();
    QList<TimelineLanes::Span> spans;
    int first = std::numeric_limits<int>::max();
    int last = std::numeric_limits<int>::min();
    for (Row &row : m_rows) {
        const AgendaItem &item = row.item;
        row.startMinute = item.start.isValid() ? minuteOf(item.start, reference) : 0;
        const int end =
            item.end.isValid() && item.end > item.start ? minuteOf(item.end, reference) : row.startMinute;
        row.spanMinutes =
            std::max(end - row.startMinute, int(row.canFix ? kMinFixSpanMinutes : kMinSpanMinutes));
        spans.append({row.startMinute, row.startMinute + row.spanMinutes});
        first = std::min(first, row.startMinute);
        last = std::max(last, row.startMinute + row.spanMinutes);
    }
    const QList<LanePlacement> lanes = TimelineLanes::assign(spans);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        m_rows[i].lane = lanes[i].lane;
        m_rows[i].laneCount = lanes[i].laneCount;
    }
    const auto floorHour = [](int minute) {
        return minute >= 0 ? minute / 60 * 60 : -((59 - minute) / 60 * 60);
    };
    m_rowsStart = m_rows.isEmpty() ? 9 * 60 : floorHour(first);
    m_rowsEnd = m_rows.isEmpty() ? 18 * 60 : floorHour(last + 59);
}

const AgendaItem *AgendaModel::findItem(const QString &key) const
{
    for (const AgendaItem &item : m_items) {
        if (item.key() == key)
            return &item;
    }
    return nullptr;
}

bool AgendaModel::onShownDay(const AgendaItem &item) const
{
    if (m_dayIndex < 0 || !m_conference || m_dayIndex >= m_conference->days.size())
        return true;
    if (!item.start.isValid())
        return false;
    return item.start.toTimeZone(m_conference->timeZone).date() == m_conference->days[m_dayIndex].date;
}

void AgendaModel::rebuildRows()
{
    const int oldCount = count();
    beginResetModel();
    m_rows.clear();
    for (const AgendaItem &item : std::as_const(m_items)) {
        if (!onShownDay(item))
            continue;
        Row row;
        row.item = item;
        row.severity = m_worst.value(item.key(), ConflictSeverity::None);
        const QList<Conflict> mine = ConflictDetector::conflictsOf(m_conflicts, item.key());
        row.conflictText = conflictText(item, mine);
        row.starred = item.isSession() && m_starred.contains(item.sessionId);
        for (const Conflict &conflict : mine) {
            if (conflict.fixKey != item.key() || row.fix != NoFixAction)
                continue;
            if (conflict.fix == ConflictFix::RemoveFavourite && row.starred)
                row.fix = UnstarFix;
            else if (conflict.fix == ConflictFix::ReleaseSeat &&
                     item.seat.status == SeatHold::Status::Confirmed)
                row.fix = ReleaseSeatFix;
        }
        row.canFix = row.fix != NoFixAction;
        row.changedText = item.isSession() ? m_changes.value(item.sessionId) : QString();
        row.reminderOn = m_reminderOn.value(item.key(), true);
        m_rows.append(row);
    }
    layOutTimeline();
    endResetModel();
    if (oldCount != count())
        Q_EMIT countChanged();
    refreshTime();
}

void AgendaModel::refreshTime()
{
    const QDateTime t = now();
    int nextUp = -1;
    for (qsizetype i = 0; i < m_items.size() && nextUp < 0; ++i) {
        const AgendaItem &item = m_items[i];
        if (!item.inSchedule || !item.start.isValid())
            continue;
        const QDateTime end = item.end.isValid() && item.end > item.start ? item.end : item.start;
        if (end > t || item.start >= t)
            nextUp = int(i);
    }
    int nowBefore = -1;
    const bool today = m_dayIndex >= 0 && m_conference && m_dayIndex < m_conference->days.size() &&
                       t.toTimeZone(m_conference->timeZone).date() == m_conference->days[m_dayIndex].date;
    if (today) {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].item.start.isValid() && m_rows[i].item.start >= t) {
                nowBefore = int(i);
                break;
            }
        }
    }
    m_nextUp = nextUp;
    m_nowMinute = today ? minuteOf(t, timelineDate()) : -1;
    m_timelineStart = m_rowsStart;
    m_timelineEnd = m_rowsEnd;
    if (m_nowMinute >= 0) {
        m_timelineStart = std::min(m_timelineStart, m_nowMinute / 60 * 60);
        m_timelineEnd = std::max(m_timelineEnd, (m_nowMinute + 59) / 60 * 60);
    }
    if (nowBefore != m_nowBefore || !m_rows.isEmpty()) {
        m_nowBefore = nowBefore;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(count() - 1), {NowBeforeRole, RunningRole, PastRole});
    }
    Q_EMIT updated();
}

int AgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid |
                                   QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows[index.row()];
    const AgendaItem &item = row.item;
    const QDateTime t = now();
    const QDateTime end = item.end.isValid() && item.end > item.start ? item.end : item.start;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case KeyRole:
        return item.key();
    case KindRole:
        return int(item.kind);
    case SessionIdRole:
        return item.sessionId;
    case PersonalIdRole:
        return item.personalId;
    case StartRole:
        return item.start;
    case EndRole:
        return item.end;
    case TimeTextRole:
        return item.start.isValid() ? formatRange(item.start, item.end) : QString();
    case PlaceRole:
        return item.place;
    case NotesRole:
        return item.notes;
    case ConflictSeverityRole:
        return int(row.severity);
    case ConflictTextRole:
        return row.conflictText;
    case CanFixConflictRole:
        return row.canFix;
    case VanishedRole:
        return !item.inSchedule;
    case ChangedRole:
        return !row.changedText.isEmpty();
    case ChangedTextRole:
        return row.changedText;
    case ReminderOnRole:
        return row.reminderOn;
    case NowBeforeRole:
        return index.row() == m_nowBefore;
    case RunningRole:
        return item.start.isValid() && item.start <= t && t < end;
    case PastRole:
        return item.start.isValid() && end <= t && !(item.start <= t && t < end);
    case SeatStatusRole:
        return int(item.seat.status);
    case WaitlistPositionRole:
        return item.seat.position;
    case StarredRole:
        return row.starred;
    case FixActionRole:
        return int(row.fix);
    case StartMinuteRole:
        return row.startMinute;
    case SpanMinutesRole:
        return row.spanMinutes;
    case LaneRole:
        return row.lane;
    case LaneCountRole:
        return row.laneCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> AgendaModel::roleNames() const
{
    return {{KeyRole, "key"},
            {KindRole, "kind"},
            {SessionIdRole, "sessionId"},
            {PersonalIdRole, "personalId"},
            {TitleRole, "title"},
            {StartRole, "start"},
            {EndRole, "end"},
            {TimeTextRole, "timeText"},
            {PlaceRole, "place"},
            {NotesRole, "notes"},
            {ConflictSeverityRole, "conflictSeverity"},
            {ConflictTextRole, "conflictText"},
            {CanFixConflictRole, "canFixConflict"},
            {VanishedRole, "vanished"},
            {ChangedRole, "changed"},
            {ChangedTextRole, "changedText"},
            {ReminderOnRole, "reminderOn"},
            {NowBeforeRole, "nowBefore"},
            {RunningRole, "running"},
            {PastRole, "past"},
            {SeatStatusRole, "seatStatus"},
            {WaitlistPositionRole, "waitlistPosition"},
            {StarredRole, "starred"},
            {FixActionRole, "fixAction"},
            {StartMinuteRole, "startMinute"},
            {SpanMinutesRole, "spanMinutes"},
            {LaneRole, "lane"},
            {LaneCountRole, "laneCount"}};
}

QString AgendaModel::nextUpTitle() const
{
    return m_nextUp >= 0 ? m_items[m_nextUp].title : QString();
}

QString AgendaModel::nextUpTimeText() const
{
    if (m_nextUp < 0)
        return {};
    const AgendaItem &item = m_items[m_nextUp];
    const QString day =
        m_timeZone ? m_timeZone->formatDay(m_timeZone->toDisplay(item.start).date()) : QString();
    return day.isEmpty() ? formatRange(item.start, item.end)
                         : day + QStringLiteral(" · ") + formatRange(item.start, item.end);
}

QString AgendaModel::nextUpPlace() const
{
    return m_nextUp >= 0 ? m_items[m_nextUp].place : QString();
}

bool AgendaModel::nextUpRunning() const
{
    return m_nextUp >= 0 && m_items[m_nextUp].start <= now();
}

AgendaModel::Result AgendaModel::fixConflict(const QString &key)
{
    for (const Conflict &conflict : ConflictDetector::conflictsOf(m_conflicts, key)) {
        const AgendaItem *item = findItem(conflict.fixKey);
        if (!item)
            continue;
        if (conflict.fix == ConflictFix::RemoveFavourite && m_starred.contains(item->sessionId))
            return removeFavourite(item->sessionId);
        if (conflict.fix == ConflictFix::ReleaseSeat && item->seat.status == SeatHold::Status::Confirmed) {
            const bool sent =
                m_agenda && m_agenda->releaseSeat(item->sessionId) == AgendaController::SeatReleased;
            setMessage(sent ? resultText(SeatReleaseSent) : tr("Your seat could not be released right now."));
            return sent ? SeatReleaseSent : NoFix;
        }
    }
    return findItem(key) ? NoFix : UnknownItem;
}

AgendaModel::Result AgendaModel::removeFavourite(const QString &sessionId)
{
    if (!m_conference || sessionId.isEmpty() || !findItem(AgendaItem::sessionKey(sessionId)))
        return UnknownItem;
    bool stored = true;
    if (m_agenda && m_agenda->contains(sessionId)) {
        stored = m_agenda->remove(sessionId) == AgendaController::Removed;
    } else if (m_repository) {
        stored = m_repository->remove(m_conference->id, sessionId);
        reload();
    }
    return stored ? Done : NotStored;
}

AgendaModel::Result AgendaModel::setReminderOn(const QString &key, bool on)
{
    if (!m_conference || !findItem(key))
        return UnknownItem;
    if (!m_repository || !m_repository->setReminderEnabled(m_conference->id, key, on))
        return NotStored;
    reload();
    return Done;
}

QString AgendaModel::firstSessionId() const
{
    const QDateTime t = now();
    QString first;
    for (const Row &row : m_rows) {
        const AgendaItem &item = row.item;
        if (!item.isSession() || !item.inSchedule)
            continue;
        if (item.end.isValid() ? item.end > t : item.start >= t)
            return item.sessionId;
        if (first.isEmpty())
            first = item.sessionId;
    }
    return first;
}

QString AgendaModel::conflictTextForSession(const QString &sessionId) const
{
    const Session *session = m_conference ? m_conference->session(sessionId) : nullptr;
    if (!session)
        return {};
    const AgendaItem probe = AgendaItem::fromSession(*m_conference, *session, AgendaItem::Kind::Favourite);
    QStringList texts;
    for (const AgendaItem &item : m_items) {
        if (item.key() == probe.key() || !ConflictDetector::overlaps(probe, item))
            continue;
        texts.append(clashText(item));
    }
    return texts.join(QLatin1Char('\n'));
}

AgendaModel::Result AgendaModel::savePersonalItem(const QString &id, const QString &title,
                                                  const QString &date, const QString &start,
                                                  const QString &end, const QString &place,
                                                  const QString &notes)
{
    if (!m_conference)
        return NotStored;
    const QTimeZone zone = m_conference->timeZone;
    const QDate day = QDate::fromString(date.trimmed(), Qt::ISODate);
    const QTime from = QTime::fromString(start.trimmed(), QStringLiteral("H:mm"));
    const QTime to = QTime::fromString(end.trimmed(), QStringLiteral("H:mm"));
    PersonalItem item;
    item.id = id;
    item.title = title.trimmed();
    item.start = day.isValid() && from.isValid() ? QDateTime(day, from, zone) : QDateTime();
    if (to.isValid() && item.start.isValid())
        item.end = QDateTime(day, to, zone);
    else if (!end.trimmed().isEmpty())
        return item.start.isValid() ? EndBeforeStart : NoStart;
    item.place = place.trimmed();
    item.notes = notes.trimmed();
    switch (PersonalItem::check(item)) {
    case PersonalItem::Problem::EmptyTitle:
        return EmptyTitle;
    case PersonalItem::Problem::NoStart:
        return NoStart;
    case PersonalItem::Problem::EndBeforeStart:
        return EndBeforeStart;
    case PersonalItem::Problem::None:
        break;
    }
    if (!m_repository) {
        if (item.id.isEmpty())
            item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_unstored.removeIf([&item](const PersonalItem &p) { return p.id == item.id; });
        m_unstored.append(item);
        reload();
        return Done;
    }
    const bool stored = id.isEmpty() ? !m_repository->addPersonalItem(m_conference->id, item).isEmpty()
                                     : m_repository->updatePersonalItem(m_conference->id, item);
    reload();
    return stored ? Done : NotStored;
}

AgendaModel::Result AgendaModel::removePersonalItem(const QString &id)
{
    if (!m_conference || id.isEmpty() || !findItem(AgendaItem::personalKey(id)))
        return UnknownItem;
    if (!m_repository) {
        m_unstored.removeIf([&id](const PersonalItem &p) { return p.id == id; });
        reload();
        return Done;
    }
    const bool removed = m_repository->removePersonalItem(m_conference->id, id);
    reload();
    return removed ? Done : NotStored;
}

QVariantMap AgendaModel::personalItemFields(const QString &id) const
{
    if (!m_conference)
        return {};
    std::optional<PersonalItem> item;
    if (m_repository) {
        item = m_repository->personalItem(m_conference->id, id);
    } else {
        for (const PersonalItem &p : m_unstored) {
            if (p.id == id)
                item = p;
        }
    }
    if (!item)
        return {};
    const QDateTime start = item->start.toTimeZone(m_conference->timeZone);
    const QDateTime end = item->end.isValid() ? item->end.toTimeZone(m_conference->timeZone) : QDateTime();
    return {{QStringLiteral("title"), item->title},
            {QStringLiteral("date"), start.date().toString(Qt::ISODate)},
            {QStringLiteral("start"), start.time().toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("end"), end.isValid() ? end.time().toString(QStringLiteral("HH:mm")) : QString()},
            {QStringLiteral("place"), item->place},
            {QStringLiteral("notes"), item->notes}};
}

QString AgendaModel::resultText(Result result) const
{
    switch (result) {
    case Done:
        return {};
    case UnknownItem:
        return tr("This item is no longer in your agenda.");
    case NoFix:
        return tr("There is nothing to fix.");
    case NotStored:
        return tr("Your agenda could not be saved.");
    case EmptyTitle:
        return tr("Give the item a title.");
    case NoStart:
        return tr("Enter a date (YYYY-MM-DD) and a start time (HH:MM).");
    case EndBeforeStart:
        return tr("The end must not be before the start.");
    case FileError:
        return tr("The file could not be read or written.");
    case NotAnAgenda:
        return tr("This file is not an agenda exported by Plenary.");
    case SeatReleaseSent:
        return tr("Your seat is being released.");
    }
    return {};
}

QString AgendaModel::shownDate() const
{
    if (!m_conference || m_dayIndex < 0 || m_dayIndex >= m_conference->days.size())
        return {};
    return m_conference->days[m_dayIndex].date.toString(Qt::ISODate);
}

namespace {
QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}
} // namespace

void AgendaModel::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

void AgendaModel::dismissNotices()
{
    if (m_repository && m_conference && m_repository->dismissAllNotices(m_conference->id))
        reload();
}

void AgendaModel::clearMessage()
{
    setMessage({});
}

AgendaModel::Result AgendaModel::exportTo(const QString &pathOrUrl)
{
    if (!m_conference)
        return UnknownItem;
    AgendaExportOptions options;
    const ReminderSettings settings = m_repository ? m_repository->reminderSettings() : ReminderSettings{};
    options.reminderMinutes =
        settings.enabled ? std::optional<int>(settings.minutesBefore) : std::optional<int>();
    for (auto it = m_reminderOn.cbegin(); it != m_reminderOn.cend(); ++it) {
        if (!it.value())
            options.remindersOff.insert(it.key());
    }
    const QByteArray data = AgendaExporter::write(*m_conference, m_items, options);
    QSaveFile file(localPath(pathOrUrl));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        setMessage(resultText(FileError));
        return FileError;
    }
    const auto exported = std::count_if(m_items.cbegin(), m_items.cend(),
                                        [](const AgendaItem &item) { return item.start.isValid(); });
    setMessage(exported == 1 ? tr("Exported 1 item") : tr("Exported %1 items").arg(exported));
    return Done;
}

AgendaModel::Result AgendaModel::importFrom(const QString &pathOrUrl)
{
    if (!m_conference)
        return UnknownItem;
    QFile file(localPath(pathOrUrl));
    if (!file.open(QIODevice::ReadOnly) || file.size() > AgendaImporter::kMaxInputBytes) {
        setMessage(resultText(FileError));
        return FileError;
    }
    const AgendaImportResult parsed = AgendaImporter::parse(file.readAll(), file.fileName());
    if (!parsed.ok()) {
        setMessage(resultText(NotAnAgenda));
        return NotAnAgenda;
    }
    const auto summary =
        m_repository ? m_repository->importAgenda(*m_conference, parsed.items) : std::nullopt;
    if (!summary) {
        setMessage(resultText(NotStored));
        return NotStored;
    }
    for (const ImportedAgendaItem &imported : parsed.items) {
        if (imported.reminderOff && imported.conferenceId == m_conference->id)
            m_repository->setReminderEnabled(m_conference->id, imported.item.key(), false);
    }
    if (m_agenda)
        m_agenda->setConference(m_conference); // re-reads the stars, which reloads this model
    else
        reload();
    QString text =
        summary->added == 1 ? tr("Imported 1 new item") : tr("Imported %1 new items").arg(summary->added);
    if (summary->updated > 0)
        text += QStringLiteral(", ") + tr("%1 updated").arg(summary->updated);
    if (summary->unchanged > 0)
        text += QStringLiteral(", ") + tr("%1 already there").arg(summary->unchanged);
    if (summary->otherConference > 0)
        text += QStringLiteral(", ") + tr("%1 of another conference skipped").arg(summary->otherConference);
    setMessage(text);
    return Done;
}

} // namespace Plenary
