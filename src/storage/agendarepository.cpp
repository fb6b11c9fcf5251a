#include "agendarepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace Plenary {

namespace {

const QString kRemindersEnabledKey = QStringLiteral("reminders.enabled");
const QString kRemindersMinutesKey = QStringLiteral("reminders.minutesBefore");

// Prefix that parks ids during a rename, so that chains (a→b, b→c) and swaps cannot collide.
const QString kParked = QStringLiteral("\x1f");

QVariant msecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime utcFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

void bindSnapshot(QSqlQuery &query, const SessionSnapshot &snapshot)
{
    query.addBindValue(text(snapshot.sessionId));
    query.addBindValue(text(snapshot.title));
    query.addBindValue(msecs(snapshot.start));
    query.addBindValue(msecs(snapshot.end));
    query.addBindValue(text(snapshot.roomId));
    query.addBindValue(text(snapshot.place));
}

SessionSnapshot snapshotAt(const QSqlQuery &query, int column)
{
    return SessionSnapshot{query.value(column).toString(),     query.value(column + 1).toString(),
                           utcFrom(query.value(column + 2)),   utcFrom(query.value(column + 3)),
                           query.value(column + 4).toString(), query.value(column + 5).toString()};
}

const QString kNoticeColumns = QStringLiteral(
    "id, agenda_session_id, guid, changes, before_session_id, before_title, before_start, before_end,"
    " before_room_id, before_place, after_session_id, after_title, after_start, after_end, after_room_id,"
    " after_place, schedule_version, created_at");

AgendaNotice noticeFrom(const QSqlQuery &query)
{
    AgendaNotice notice;
    notice.id = query.value(0).toLongLong();
    notice.agendaSessionId = query.value(1).toString();
    notice.change.guid = query.value(2).toString();
    notice.change.changes = AgendaChange::Changes::fromInt(query.value(3).toInt());
    notice.change.before = snapshotAt(query, 4);
    notice.change.after = snapshotAt(query, 10);
    notice.scheduleVersion = query.value(16).toString();
    notice.createdAt = utcFrom(query.value(17));
    return notice;
}

PersonalItem personalFrom(const QSqlQuery &query)
{
    // id, title, start_utc, end_utc, time_zone, place, notes
    const QTimeZone stored(query.value(4).toString().toUtf8());
    const QTimeZone zone = stored.isValid() ? stored : QTimeZone::utc();
    PersonalItem item;
    item.id = query.value(0).toString();
    item.title = query.value(1).toString();
    item.start = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), zone);
    if (!query.value(3).isNull())
        item.end = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), zone);
    item.place = query.value(5).toString();
    item.notes = query.value(6).toString();
    return item;
}

QString zoneIdOf(const QDateTime &time)
{
    return time.timeSpec() == Qt::UTC ? QStringLiteral("UTC") : QString::fromUtf8(time.timeZone().id());
}

} // namespace

AgendaRepository::AgendaRepository(Database &database)
    : m_database(database)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void AgendaRepository::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

bool AgendaRepository::storeFavourite(const QString &conferenceId, const Favourite &favourite)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO favourites (conference_id, session_id, guid, start_utc, added_at, title, end_utc, place)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(conference_id, session_id) DO UPDATE SET"
        " guid = excluded.guid, start_utc = excluded.start_utc, title = excluded.title,"
        " end_utc = excluded.end_utc, place = CASE WHEN excluded.place = '' THEN place ELSE excluded.place "
        "END"));
    query.addBindValue(conferenceId);
    query.addBindValue(favourite.sessionId);
    query.addBindValue(text(favourite.guid));
    query.addBindValue(msecs(favourite.startUtc));
    query.addBindValue(m_clock().toMSecsSinceEpoch());
    query.addBindValue(text(favourite.title));
    query.addBindValue(msecs(favourite.endUtc));
    query.addBindValue(text(favourite.place));
    return Database::exec(query);
}

bool AgendaRepository::add(const QString &conferenceId, const Session &session)
{
    if (!m_database.isOpen() || session.id.isEmpty())
        return false;
    const Favourite favourite{session.id, session.guid, session.start, {}, session.title, session.end, {}};
    return m_database.transaction([&] { return storeFavourite(conferenceId, favourite); });
}

bool AgendaRepository::add(const Conference &conference, const Session &session)
{
    if (!m_database.isOpen() || session.id.isEmpty())
        return false;
    const Favourite favourite{session.id,
                              session.guid,
                              session.start,
                              {},
                              session.title,
                              session.end,
                              AgendaItem::placeOf(conference, session)};
    return m_database.transaction([&] { return storeFavourite(conference.id, favourite); });
}

bool AgendaRepository::remove(const QString &conferenceId, const QString &sessionId)
{
    if (!m_database.isOpen())
        return false;
    bool removed = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM favourites WHERE conference_id = ? AND session_id = ?"));
        query.addBindValue(conferenceId);
        query.addBindValue(sessionId);
        if (!Database::exec(query))
            return false;
        removed = query.numRowsAffected() > 0;
        QSqlQuery notices(m_database.connection());
        notices.prepare(
            QStringLiteral("DELETE FROM agenda_notices WHERE conference_id = ? AND agenda_session_id = ?"));
        notices.addBindValue(conferenceId);
        notices.addBindValue(sessionId);
        return Database::exec(notices);
    });
    return ok && removed;
}

bool AgendaRepository::contains(const QString &conferenceId, const QString &sessionId) const
{
    if (!m_database.isOpen())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM favourites WHERE conference_id = ? AND session_id = ?"));
    query.addBindValue(conferenceId);
    query.addBindValue(sessionId);
    return Database::exec(query) && query.next();
}

QSet<QString> AgendaRepository::sessionIds(const QString &conferenceId) const
{
    QSet<QString> ids;
    if (!m_database.isOpen())
        return ids;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT session_id FROM favourites WHERE conference_id = ?"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return ids;
    while (query.next())
        ids.insert(query.value(0).toString());
    return ids;
}

QList<Favourite> AgendaRepository::favourites(const QString &conferenceId) const
{
    QList<Favourite> result;
    if (!m_database.isOpen())
        return result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT session_id, guid, start_utc, added_at, title, end_utc, place FROM favourites"
                       " WHERE conference_id = ? ORDER BY start_utc IS NULL, start_utc, session_id"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return result;
    while (query.next()) {
        Favourite favourite;
        favourite.sessionId = query.value(0).toString();
        favourite.guid = query.value(1).toString();
        favourite.startUtc = utcFrom(query.value(2));
        favourite.addedAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        favourite.title = query.value(4).toString();
        favourite.endUtc = utcFrom(query.value(5));
        favourite.place = query.value(6).toString();
        result.append(favourite);
    }
    return result;
}

bool AgendaRepository::writePersonalItem(const QString &conferenceId, const PersonalItem &item, bool insert)
{
    const qint64 now = m_clock().toMSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    if (insert) {
        query.prepare(QStringLiteral(
            "INSERT INTO personal_items (title, start_utc, end_utc, time_zone, place, notes, updated_at,"
            " created_at, conference_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral(
            "UPDATE personal_items SET title = ?, start_utc = ?, end_utc = ?, time_zone = ?, place = ?,"
            " notes = ?, updated_at = ? WHERE conference_id = ? AND id = ?"));
    }
    query.addBindValue(item.title.trimmed());
    query.addBindValue(item.start.toMSecsSinceEpoch());
    query.addBindValue(msecs(item.end));
    query.addBindValue(zoneIdOf(item.start));
    query.addBindValue(text(item.place));
    query.addBindValue(text(item.notes));
    query.addBindValue(now);
    if (insert)
        query.addBindValue(now);
    query.addBindValue(conferenceId);
    query.addBindValue(item.id);
    return Database::exec(query) && query.numRowsAffected() == 1;
}

QString AgendaRepository::addPersonalItem(const QString &conferenceId, const PersonalItem &item)
{
    if (!m_database.isOpen() || PersonalItem::check(item) != PersonalItem::Problem::None)
        return {};
    PersonalItem stored = item;
    if (stored.id.isEmpty())
        stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool ok = m_database.transaction([&] { return writePersonalItem(conferenceId, stored, true); });
    return ok ? stored.id : QString();
}

bool AgendaRepository::updatePersonalItem(const QString &conferenceId, const PersonalItem &item)
{
    if (!m_database.isOpen() || item.id.isEmpty() || PersonalItem::check(item) != PersonalItem::Problem::None)
        return false;
    return m_database.transaction([&] { return writePersonalItem(conferenceId, item, false); });
}

bool AgendaRepository::removePersonalItem(const QString &conferenceId, const QString &id)
{
    if (!m_database.isOpen())
        return false;
    bool removed = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM personal_items WHERE conference_id = ? AND id = ?"));
        query.addBindValue(conferenceId);
        query.addBindValue(id);
        if (!Database::exec(query))
            return false;
        removed = query.numRowsAffected() > 0;
        for (const QString &table : {QStringLiteral("reminder_overrides"), QStringLiteral("reminder_log")}) {
            QSqlQuery reminders(m_database.connection());
            reminders.prepare(
                QStringLiteral("DELETE FROM %1 WHERE conference_id = ? AND item_key = ?").arg(table));
            reminders.addBindValue(conferenceId);
            reminders.addBindValue(AgendaItem::personalKey(id));
            if (!Database::exec(reminders))
                return false;
        }
        return true;
    });
    return ok && removed;
}

std::optional<PersonalItem> AgendaRepository::personalItem(const QString &conferenceId,
                                                           const QString &id) const
{
    if (!m_database.isOpen())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, title, start_utc, end_utc, time_zone, place, notes"
                                 " FROM personal_items WHERE conference_id = ? AND id = ?"));
    query.addBindValue(conferenceId);
    query.addBindValue(id);
    if (!Database::exec(query) || !query.next())
        return std::nullopt;
    return personalFrom(query);
}

QList<PersonalItem> AgendaRepository::personalItems(const QString &conferenceId) const
{
    QList<PersonalItem> result;
    if (!m_database.isOpen())
        return result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, title, start_utc, end_utc, time_zone, place, notes"
                                 " FROM personal_items WHERE conference_id = ? ORDER BY start_utc, id"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return result;
    while (query.next())
        result.append(personalFrom(query));
    return result;
}

QList<AgendaItem> AgendaRepository::agenda(const Conference &conference,
                                           const QSet<QString> &seatSessionIds) const
{
    QList<AgendaItem> items;
    if (!m_database.isOpen())
        return items;
    const QTimeZone zone = conference.timeZone.isValid() ? conference.timeZone : QTimeZone::utc();
    QSet<QString> seen;
    for (const Favourite &favourite : favourites(conference.id)) {
        seen.insert(favourite.sessionId);
        const AgendaItem::Kind kind = seatSessionIds.contains(favourite.sessionId)
                                          ? AgendaItem::Kind::Seat
                                          : AgendaItem::Kind::Favourite;
        if (const Session *session = conference.session(favourite.sessionId)) {
            items.append(AgendaItem::fromSession(conference, *session, kind));
            continue;
        }
        AgendaItem gone;
        gone.kind = kind;
        gone.sessionId = favourite.sessionId;
        gone.guid = favourite.guid;
        gone.title = favourite.title.isEmpty() ? favourite.sessionId : favourite.title;
        gone.start = favourite.startUtc.isValid() ? favourite.startUtc.toTimeZone(zone) : QDateTime();
        gone.end = favourite.endUtc.isValid() ? favourite.endUtc.toTimeZone(zone) : QDateTime();
        gone.place = favourite.place;
        gone.inSchedule = false;
        items.append(gone);
    }
    for (const QString &id : seatSessionIds) {
        if (seen.contains(id))
            continue;
        if (const Session *session = conference.session(id))
            items.append(AgendaItem::fromSession(conference, *session, AgendaItem::Kind::Seat));
    }
    for (const PersonalItem &item : personalItems(conference.id))
        items.append(AgendaItem::fromPersonal(item));

    std::stable_sort(items.begin(), items.end(), [](const AgendaItem &a, const AgendaItem &b) {
        if (a.start.isValid() != b.start.isValid())
            return a.start.isValid();
        if (a.start != b.start)
            return a.start < b.start;
        return a.key() < b.key();
    });
    return items;
}

ReminderSettings AgendaRepository::reminderSettings() const
{
    ReminderSettings settings;
    if (!m_database.isOpen())
        return settings;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?)"));
    query.addBindValue(kRemindersEnabledKey);
    query.addBindValue(kRemindersMinutesKey);
    if (!Database::exec(query))
        return settings;
    while (query.next()) {
        const QString value = query.value(1).toString();
        if (query.value(0).toString() == kRemindersEnabledKey) {
            settings.enabled = value != u"false";
        } else {
            bool ok = false;
            const int minutes = value.toInt(&ok);
            if (ok && minutes >= 0 && minutes <= ReminderSettings::kMaxMinutesBefore)
                settings.minutesBefore = minutes;
        }
    }
    return settings;
}

bool AgendaRepository::setReminderSettings(const ReminderSettings &settings)
{
    if (!m_database.isOpen() || settings.minutesBefore < 0 ||
        settings.minutesBefore > ReminderSettings::kMaxMinutesBefore)
        return false;
    return m_database.transaction([&] {
        const QList<QPair<QString, QString>> values{
            {kRemindersEnabledKey, settings.enabled ? QStringLiteral("true") : QStringLiteral("false")},
            {kRemindersMinutesKey, QString::number(settings.minutesBefore)}};
        for (const auto &[key, value] : values) {
            QSqlQuery query(m_database.connection());
            query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
            query.addBindValue(key);
            query.addBindValue(value);
            if (!Database::exec(query))
                return false;
        }
        return true;
    });
}

QHash<QString, bool> AgendaRepository::reminderOverrides(const QString &conferenceId) const
{
    QHash<QString, bool> overrides;
    if (!m_database.isOpen())
        return overrides;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT item_key, enabled FROM reminder_overrides WHERE conference_id = ?"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return overrides;
    while (query.next())
        overrides.insert(query.value(0).toString(), query.value(1).toInt() != 0);
    return overrides;
}

bool AgendaRepository::setReminderEnabled(const QString &conferenceId, const QString &itemKey, bool enabled)
{
    if (!m_database.isOpen() || itemKey.isEmpty())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT INTO reminder_overrides (conference_id, item_key, enabled)"
                                     " VALUES (?, ?, ?) ON CONFLICT(conference_id, item_key)"
                                     " DO UPDATE SET enabled = excluded.enabled"));
        query.addBindValue(conferenceId);
        query.addBindValue(itemKey);
        query.addBindValue(enabled ? 1 : 0);
        return Database::exec(query);
    });
}

QList<ReminderRecord> AgendaRepository::reminderRecords(const QString &conferenceId) const
{
    QList<ReminderRecord> records;
    if (!m_database.isOpen())
        return records;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT item_key, start_utc, fired_at, snoozed_until FROM reminder_log"
                                 " WHERE conference_id = ? ORDER BY item_key, start_utc"));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return records;
    while (query.next()) {
        records.append(ReminderRecord{query.value(0).toString(), utcFrom(query.value(1)),
                                      utcFrom(query.value(2)), utcFrom(query.value(3))});
    }
    return records;
}

bool AgendaRepository::markReminderFired(const QString &conferenceId, const QString &itemKey,
                                         const QDateTime &itemStart)
{
    if (!m_database.isOpen() || itemKey.isEmpty() || !itemStart.isValid())
        return false;
    bool fired = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO reminder_log (conference_id, item_key, start_utc, fired_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(conference_id, item_key, start_utc) DO UPDATE SET fired_at = excluded.fired_at,"
            " snoozed_until = NULL WHERE fired_at IS NULL"));
        query.addBindValue(conferenceId);
        query.addBindValue(itemKey);
        query.addBindValue(itemStart.toMSecsSinceEpoch());
        query.addBindValue(m_clock().toMSecsSinceEpoch());
        if (!Database::exec(query))
            return false;
        fired = query.numRowsAffected() > 0;
        return true;
    });
    return ok && fired;
}

bool AgendaRepository::snoozeReminder(const QString &conferenceId, const QString &itemKey,
                                      const QDateTime &itemStart, const QDateTime &until)
{
    if (!m_database.isOpen() || itemKey.isEmpty() || !itemStart.isValid() || !until.isValid())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO reminder_log (conference_id, item_key, start_utc, snoozed_until) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(conference_id, item_key, start_utc) DO UPDATE SET fired_at = NULL,"
            " snoozed_until = excluded.snoozed_until"));
        query.addBindValue(conferenceId);
        query.addBindValue(itemKey);
        query.addBindValue(itemStart.toMSecsSinceEpoch());
        query.addBindValue(until.toMSecsSinceEpoch());
        return Database::exec(query);
    });
}

bool AgendaRepository::renameSessions(const QString &conferenceId, const QHash<QString, QString> &renames)
{
    struct Column
    {
        QString table;
        QString column;
        QString prefix;
        QString onConflict; ///< "OR IGNORE ", "OR REPLACE " or empty: what a rename onto an existing row does
    };
    const QString sessionPrefix = AgendaItem::sessionKey(QString());
    const QList<Column> columns{
        {QStringLiteral("favourites"), QStringLiteral("session_id"), QString(), QStringLiteral("OR IGNORE ")},
        {QStringLiteral("agenda_notices"), QStringLiteral("agenda_session_id"), QString(), QString()},
        {QStringLiteral("reminder_overrides"), QStringLiteral("item_key"), sessionPrefix,
         QStringLiteral("OR REPLACE ")},
        {QStringLiteral("reminder_log"), QStringLiteral("item_key"), sessionPrefix,
         QStringLiteral("OR REPLACE ")},
    };
    for (const Column &c : columns) {
        for (const QString &from : renames.keys()) {
            QSqlQuery park(m_database.connection());
            park.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE conference_id = ? AND %2 = ?")
                             .arg(c.table, c.column));
            park.addBindValue(QString(kParked + c.prefix + from));
            park.addBindValue(conferenceId);
            park.addBindValue(QString(c.prefix + from));
            if (!Database::exec(park))
                return false;
        }
        for (auto it = renames.cbegin(); it != renames.cend(); ++it) {
            QSqlQuery place(m_database.connection());
            place.prepare(QStringLiteral("UPDATE %1%2 SET %3 = ? WHERE conference_id = ? AND %3 = ?")
                              .arg(c.onConflict, c.table, c.column));
            place.addBindValue(QString(c.prefix + it.value()));
            place.addBindValue(conferenceId);
            place.addBindValue(QString(kParked + c.prefix + it.key()));
            if (!Database::exec(place))
                return false;
        }
    }
    // A favourite that could not take its new id (another favourite has it) keeps a tombstone id instead.
    QSqlQuery leftovers(m_database.connection());
    leftovers.prepare(QStringLiteral(
        "UPDATE favourites SET session_id = substr(session_id, 2) || '~' || COALESCE(start_utc, 'gone')"
        " WHERE conference_id = ? AND substr(session_id, 1, 1) = ?"));
    leftovers.addBindValue(conferenceId);
    leftovers.addBindValue(kParked);
    return Database::exec(leftovers);
}

bool AgendaRepository::recordNotice(const QString &conferenceId, const AgendaChange &change,
                                    const QString &version)
{
    const qint64 now = m_clock().toMSecsSinceEpoch();
    const bool added = change.changes.testFlag(AgendaChange::NewOccurrence);
    const QString agendaId = change.before.exists() ? change.before.sessionId : change.after.sessionId;

    QSqlQuery find(m_database.connection());
    if (added) {
        find.prepare(QStringLiteral("SELECT %1 FROM agenda_notices WHERE conference_id = ? AND"
                                    " agenda_session_id = ? AND (changes & %2) != 0 AND after_session_id = ?")
                         .arg(kNoticeColumns)
                         .arg(int(AgendaChange::NewOccurrence)));
    } else {
        find.prepare(QStringLiteral("SELECT %1 FROM agenda_notices WHERE conference_id = ? AND"
                                    " agenda_session_id = ? AND (changes & %2) = 0 ORDER BY id LIMIT 1")
                         .arg(kNoticeColumns)
                         .arg(int(AgendaChange::NewOccurrence)));
    }
    find.addBindValue(conferenceId);
    find.addBindValue(agendaId);
    if (added)
        find.addBindValue(change.after.sessionId);
    if (!Database::exec(find))
        return false;
    std::optional<AgendaNotice> pending;
    if (find.next())
        pending = noticeFrom(find);
    find.finish();

    if (added && pending)
        return true;
    const AgendaChange merged = pending ? ScheduleDiff::merge(pending->change, change) : change;
    QSqlQuery write(m_database.connection());
    if (pending && !merged.isNoteworthy()) {
        write.prepare(QStringLiteral("DELETE FROM agenda_notices WHERE id = ?"));
        write.addBindValue(pending->id);
        return Database::exec(write);
    }
    if (!merged.isNoteworthy())
        return true;
    if (pending) {
        write.prepare(QStringLiteral(
            "UPDATE agenda_notices SET guid = ?, changes = ?, before_session_id = ?, before_title = ?,"
            " before_start = ?, before_end = ?, before_room_id = ?, before_place = ?, after_session_id = ?,"
            " after_title = ?, after_start = ?, after_end = ?, after_room_id = ?, after_place = ?,"
            " schedule_version = ?, created_at = ? WHERE id = ?"));
    } else {
        write.prepare(QStringLiteral(
            "INSERT INTO agenda_notices (guid, changes, before_session_id, before_title, before_start,"
            " before_end, before_room_id, before_place, after_session_id, after_title, after_start,"
            " after_end, after_room_id, after_place, schedule_version, created_at, conference_id,"
            " agenda_session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    write.addBindValue(text(merged.guid));
    write.addBindValue(merged.changes.toInt());
    bindSnapshot(write, merged.before);
    bindSnapshot(write, merged.after);
    write.addBindValue(text(version));
    write.addBindValue(now);
    if (pending) {
        write.addBindValue(pending->id);
    } else {
        write.addBindValue(conferenceId);
        write.addBindValue(agendaId);
    }
    return Database::exec(write);
}

bool AgendaRepository::applyScheduleChanges(const Conference &after, const QList<AgendaChange> &changes)
{
    if (!m_database.isOpen())
        return false;
    return m_database.transaction([&] {
        // Notices first, while they and the favourites still carry the old ids; the renames below move both.
        for (const AgendaChange &change : changes) {
            if (!recordNotice(after.id, change, after.version))
                return false;
        }

        QHash<QString, QString> renames;
        for (const AgendaChange &change : changes) {
            if (change.changes.testFlag(AgendaChange::NewOccurrence) || !change.before.exists())
                continue;
            const QString &from = change.before.sessionId;
            if (change.after.exists()) {
                if (change.after.sessionId != from)
                    renames.insert(from, change.after.sessionId);
            } else if (after.session(from)) {
                const QString start = change.before.start.isValid()
                                          ? QString::number(change.before.start.toMSecsSinceEpoch())
                                          : QStringLiteral("gone");
                renames.insert(from, from + QLatin1Char('~') + start);
            }
        }
        if (!renames.isEmpty() && !renameSessions(after.id, renames))
            return false;

        for (const Favourite &favourite : favourites(after.id)) {
            const Session *session = after.session(favourite.sessionId);
            if (!session)
                continue;
            QSqlQuery refresh(m_database.connection());
            refresh.prepare(
                QStringLiteral("UPDATE favourites SET guid = ?, title = ?, start_utc = ?, end_utc = ?,"
                               " place = ? WHERE conference_id = ? AND session_id = ?"));
            refresh.addBindValue(text(session->guid));
            refresh.addBindValue(text(session->title));
            refresh.addBindValue(msecs(session->start));
            refresh.addBindValue(msecs(session->end));
            refresh.addBindValue(text(AgendaItem::placeOf(after, *session)));
            refresh.addBindValue(after.id);
            refresh.addBindValue(favourite.sessionId);
            if (!Database::exec(refresh))
                return false;
        }
        return true;
    });
}

QList<AgendaNotice> AgendaRepository::notices(const QString &conferenceId) const
{
    QList<AgendaNotice> result;
    if (!m_database.isOpen())
        return result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM agenda_notices WHERE conference_id = ? ORDER BY id")
                      .arg(kNoticeColumns));
    query.addBindValue(conferenceId);
    if (!Database::exec(query))
        return result;
    while (query.next())
        result.append(noticeFrom(query));
    return result;
}

bool AgendaRepository::dismissNotice(const QString &conferenceId, qint64 noticeId)
{
    if (!m_database.isOpen())
        return false;
    bool removed = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM agenda_notices WHERE conference_id = ? AND id = ?"));
        query.addBindValue(conferenceId);
        query.addBindValue(noticeId);
        if (!Database::exec(query))
            return false;
        removed = query.numRowsAffected() > 0;
        return true;
    });
    return ok && removed;
}

bool AgendaRepository::dismissAllNotices(const QString &conferenceId)
{
    if (!m_database.isOpen())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM agenda_notices WHERE conference_id = ?"));
        query.addBindValue(conferenceId);
        return Database::exec(query);
    });
}

std::optional<AgendaImportSummary> AgendaRepository::importAgenda(const Conference &conference,
                                                                  const QList<ImportedAgendaItem> &items)
{
    if (!m_database.isOpen())
        return std::nullopt;
    AgendaImportSummary summary;
    const bool ok = m_database.transaction([&] {
        for (const ImportedAgendaItem &imported : items) {
            if (!imported.conferenceId.isEmpty() && imported.conferenceId != conference.id) {
                ++summary.otherConference;
                continue;
            }
            const AgendaItem &item = imported.item;
            QString key;
            if (item.isSession()) {
                const Session *session = AgendaImporter::matchSession(conference, item);
                const QString id = session ? session->id : item.sessionId;
                key = AgendaItem::sessionKey(id);
                if (contains(conference.id, id)) {
                    ++summary.unchanged;
                } else {
                    const Favourite favourite = session ? Favourite{session->id,
                                                                    session->guid,
                                                                    session->start,
                                                                    {},
                                                                    session->title,
                                                                    session->end,
                                                                    AgendaItem::placeOf(conference, *session)}
                                                        : Favourite{item.sessionId, item.guid, item.start, {},
                                                                    item.title,     item.end,  item.place};
                    if (!storeFavourite(conference.id, favourite))
                        return false;
                    ++summary.added;
                }
            } else {
                const PersonalItem personal{item.personalId, item.title, item.start,
                                            item.end,        item.place, item.notes};
                if (PersonalItem::check(personal) != PersonalItem::Problem::None)
                    continue;
                key = AgendaItem::personalKey(personal.id);
                const std::optional<PersonalItem> stored = personalItem(conference.id, personal.id);
                if (stored && *stored == personal) {
                    ++summary.unchanged;
                } else {
                    if (!writePersonalItem(conference.id, personal, !stored))
                        return false;
                    ++(stored ? summary.updated : summary.added);
                }
            }
            if (imported.reminderOff && !setReminderEnabled(conference.id, key, false))
                return false;
        }
        return true;
    });
    if (!ok)
        return std::nullopt;
    return summary;
}

} // namespace Plenary
