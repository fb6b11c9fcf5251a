#include "reminderplanner.h"

#include <algorithm>

namespace Plenary {

bool ReminderPlanner::isEnabled(const AgendaItem &item, const ReminderSettings &settings,
                                const QHash<QString, bool> &overrides)
{
    return settings.enabled && overrides.value(item.key(), true);
}

Reminder ReminderPlanner::plan(const AgendaItem &item, const ReminderSettings &settings, bool itemEnabled,
                               const ReminderRecord *record, const QDateTime &now)
{
    Reminder reminder;
    reminder.itemKey = item.key();
    reminder.itemStart = item.start;
    if (!settings.enabled || !itemEnabled) {
        reminder.status = ReminderStatus::Disabled;
        return reminder;
    }
    if (!item.start.isValid() || !item.inSchedule) {
        reminder.status = ReminderStatus::Unscheduled;
        return reminder;
    }

    const int minutes = std::clamp(settings.minutesBefore, 0, ReminderSettings::kMaxMinutesBefore);
    reminder.dueAt = item.start.addSecs(-qint64(minutes) * 60);
    QDateTime windowEnd = item.start.addSecs(qint64(kLateWindowMinutes) * 60);
    if (item.end.isValid() && item.end > windowEnd)
        windowEnd = item.end;

    const bool current = record && record->itemKey == reminder.itemKey && record->itemStart.isValid() &&
                         record->itemStart.toMSecsSinceEpoch() == item.start.toMSecsSinceEpoch();
    if (current && record->firedAt.isValid()) {
        reminder.status = ReminderStatus::Fired;
        return reminder;
    }
    if (now >= windowEnd) {
        reminder.status = ReminderStatus::Missed;
        return reminder;
    }
    if (current && record->snoozedUntil.isValid() && now < record->snoozedUntil) {
        reminder.dueAt = record->snoozedUntil;
        reminder.status = ReminderStatus::Snoozed;
        return reminder;
    }
    reminder.status = now >= reminder.dueAt ? ReminderStatus::Due : ReminderStatus::Pending;
    return reminder;
}

QList<Reminder> ReminderPlanner::planAll(const QList<AgendaItem> &items, const ReminderSettings &settings,
                                         const QHash<QString, bool> &overrides,
                                         const QList<ReminderRecord> &records, const QDateTime &now)
{
    QHash<QString, QList<const ReminderRecord *>> byKey;
    for (const ReminderRecord &record : records)
        byKey[record.itemKey].append(&record);

    QList<Reminder> reminders;
    reminders.reserve(items.size());
    for (const AgendaItem &item : items) {
        const ReminderRecord *match = nullptr;
        if (item.start.isValid()) {
            const qint64 start = item.start.toMSecsSinceEpoch();
            for (const ReminderRecord *record : byKey.value(item.key())) {
                if (record->itemStart.isValid() && record->itemStart.toMSecsSinceEpoch() == start)
                    match = record;
            }
        }
        reminders.append(plan(item, settings, isEnabled(item, settings, overrides), match, now));
    }
    return reminders;
}

QList<Reminder> ReminderPlanner::due(const QList<Reminder> &reminders)
{
    QList<Reminder> result;
    for (const Reminder &reminder : reminders) {
        if (reminder.status == ReminderStatus::Due)
            result.append(reminder);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const Reminder &a, const Reminder &b) { return a.itemStart < b.itemStart; });
    return result;
}

QDateTime ReminderPlanner::nextWakeUp(const QList<Reminder> &reminders)
{
    QDateTime next;
    for (const Reminder &reminder : reminders) {
        if (reminder.status != ReminderStatus::Pending && reminder.status != ReminderStatus::Snoozed)
            continue;
        if (!next.isValid() || reminder.dueAt < next)
            next = reminder.dueAt;
    }
    return next;
}

} // namespace Plenary
