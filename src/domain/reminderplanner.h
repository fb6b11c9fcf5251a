#pragma once

#include "agendaitem.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Plenary {

/** The user's reminder preferences for the whole agenda. */
struct ReminderSettings
{
    static constexpr int kDefaultMinutesBefore = 10;
    static constexpr int kMaxMinutesBefore = 24 * 60;

    bool enabled = true;
    int minutesBefore = kDefaultMinutesBefore; ///< clamped to 0..kMaxMinutesBefore when used

    friend bool operator==(const ReminderSettings &, const ReminderSettings &) = default;
};

/**
 * What is remembered about one item's reminder, keyed by the item and the start it was planned for: when the
 * item moves, the record no longer matches and the reminder is armed again.
 */
struct ReminderRecord
{
    QString itemKey;
    QDateTime itemStart;
    QDateTime firedAt;      ///< invalid until shown
    QDateTime snoozedUntil; ///< invalid unless the user snoozed it (and it has not fired since)

    friend bool operator==(const ReminderRecord &, const ReminderRecord &) = default;
};

/** Where one item's reminder stands at a given moment. */
enum class ReminderStatus {
    Disabled,    ///< reminders are off, for this item or for all
    Unscheduled, ///< the item has no start or is no longer in the schedule
    Pending,     ///< due later, at `dueAt`
    Due,         ///< show it now
    Snoozed,     ///< due again at `dueAt` (the end of the snooze)
    Fired,       ///< already shown for this start; never again
    Missed,      ///< the window passed while the app was not running; not shown late
};

/** One item's reminder as planned. */
struct Reminder
{
    QString itemKey;
    QDateTime itemStart;
    QDateTime dueAt; ///< when it is (or was) due; the end of the snooze while snoozed
    ReminderStatus status = ReminderStatus::Disabled;

    friend bool operator==(const Reminder &, const Reminder &) = default;
};

/**
 * Decides when each agenda item's reminder is due, from the settings, per-item switches, what was already
 * fired or snoozed, and an injected "now". A reminder is due from `minutesBefore` before the item's start
 * until the item ends (and at least until kLateWindowMinutes after its start), so one that could not be
 * shown because the app was closed is still shown while it is useful, and never afterwards.
 */
class ReminderPlanner
{
public:
    static constexpr int kLateWindowMinutes = 5;

    /** Whether `item` gets a reminder: globally on and not switched off for the item (`overrides` by key). */
    static bool isEnabled(const AgendaItem &item, const ReminderSettings &settings,
                          const QHash<QString, bool> &overrides);

    /** The reminder of one item; `record` may be null or belong to an earlier start (then it is ignored). */
    static Reminder plan(const AgendaItem &item, const ReminderSettings &settings, bool itemEnabled,
                         const ReminderRecord *record, const QDateTime &now);

    /** plan() for every item, matching records by item key and start instant. */
    static QList<Reminder> planAll(const QList<AgendaItem> &items, const ReminderSettings &settings,
                                   const QHash<QString, bool> &overrides,
                                   const QList<ReminderRecord> &records, const QDateTime &now);

    /** The reminders to show now, earliest first. */
    static QList<Reminder> due(const QList<Reminder> &reminders);

    /** When the next pending or snoozed reminder becomes due (to arm a timer); invalid when none will. */
    static QDateTime nextWakeUp(const QList<Reminder> &reminders);
};

} // namespace Plenary
