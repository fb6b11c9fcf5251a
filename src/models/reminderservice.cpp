#include "reminderservice.h"

#include "agendarepository.h"
#include "clock.h"
#include "remindernotifier.h"
#include "reminderplanner.h"

#include <QTimeZone>

#include <algorithm>

namespace Plenary {

namespace {
constexpr qint64 kMaxSleepMs = 15 * 60 * 1000; ///< re-plan at least this often (clock jumps, sleep)
}

ReminderService::ReminderService(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReminderService::check);
}

void ReminderService::setRepository(AgendaRepository *repository)
{
    m_repository = repository;
    Q_EMIT settingsChanged();
    check();
}

void ReminderService::setConference(std::shared_ptr<const Conference> conference)
{
    m_conference = std::move(conference);
    check();
}

void ReminderService::setClock(Clock *clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (m_clock)
        connect(m_clock, &Clock::nowChanged, this, &ReminderService::check);
    check();
}

void ReminderService::setNotifier(ReminderNotifier *notifier)
{
    m_notifier = notifier;
}

QString ReminderService::banner() const
{
    return m_banners.isEmpty() ? QString()
                               : m_banners.first().title + QStringLiteral(" — ") + m_banners.first().body;
}

QVariantList ReminderService::banners() const
{
    QVariantList list;
    for (const Banner &banner : m_banners) {
        list.append(QVariantMap{{QStringLiteral("key"), banner.itemKey},
                                {QStringLiteral("title"), banner.title},
                                {QStringLiteral("body"), banner.body}});
    }
    return list;
}

void ReminderService::dismissBanner()
{
    if (m_banners.isEmpty())
        return;
    m_banners.clear();
    Q_EMIT bannerChanged();
}

bool ReminderService::dismiss(const QString &itemKey)
{
    if (m_banners.removeIf([&itemKey](const Banner &b) { return b.itemKey == itemKey; }) == 0)
        return false;
    Q_EMIT bannerChanged();
    return true;
}

bool ReminderService::snooze(const QString &itemKey, int minutes)
{
    const auto banner = std::find_if(m_banners.cbegin(), m_banners.cend(),
                                     [&itemKey](const Banner &b) { return b.itemKey == itemKey; });
    if (banner == m_banners.cend() || !m_repository || !m_conference)
        return false;
    const QDateTime until = now().addSecs(qint64(std::clamp(minutes, 1, 24 * 60)) * 60);
    if (!m_repository->snoozeReminder(m_conference->id, itemKey, banner->itemStart, until))
        return false;
    dismiss(itemKey);
    check();
    return true;
}

void ReminderService::showBanner(const Banner &banner)
{
    m_banners.removeIf([&banner](const Banner &b) { return b.itemKey == banner.itemKey; });
    m_banners.prepend(banner);
    Q_EMIT bannerChanged();
}

bool ReminderService::isEnabled() const
{
    return m_repository ? m_repository->reminderSettings().enabled : ReminderSettings{}.enabled;
}

void ReminderService::setEnabled(bool enabled)
{
    if (!m_repository || enabled == isEnabled())
        return;
    ReminderSettings settings = m_repository->reminderSettings();
    settings.enabled = enabled;
    m_repository->setReminderSettings(settings);
    Q_EMIT settingsChanged();
    check();
}

int ReminderService::minutesBefore() const
{
    return m_repository ? m_repository->reminderSettings().minutesBefore : ReminderSettings{}.minutesBefore;
}

void ReminderService::setMinutesBefore(int minutes)
{
    minutes = std::clamp(minutes, 0, ReminderSettings::kMaxMinutesBefore);
    if (!m_repository || minutes == minutesBefore())
        return;
    ReminderSettings settings = m_repository->reminderSettings();
    settings.minutesBefore = minutes;
    m_repository->setReminderSettings(settings);
    Q_EMIT settingsChanged();
    check();
}

void ReminderService::setHeldSessions(const QSet<QString> &sessionIds)
{
    if (sessionIds == m_held)
        return;
    m_held = sessionIds;
    check();
}

QDateTime ReminderService::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

void ReminderService::check()
{
    m_timer.stop();
    QDateTime wakeUp;
    if (m_repository && m_conference) {
        const QString &id = m_conference->id;
        const QDateTime t = now();
        const QList<AgendaItem> items = m_repository->agenda(*m_conference, m_held);
        const QList<Reminder> reminders = ReminderPlanner::planAll(items, m_repository->reminderSettings(),
                                                                   m_repository->reminderOverrides(id),
                                                                   m_repository->reminderRecords(id), t);
        for (const Reminder &reminder : ReminderPlanner::due(reminders)) {
            if (!m_repository->markReminderFired(id, reminder.itemKey, reminder.itemStart))
                continue;
            const auto item = std::find_if(items.cbegin(), items.cend(),
                                           [&](const AgendaItem &i) { return i.key() == reminder.itemKey; });
            if (item == items.cend())
                continue;
            const QDateTime start = item->start.toTimeZone(m_conference->timeZone);
            const qint64 minutes = (t.secsTo(item->start) + 59) / 60;
            const QString when = minutes > 1    ? tr("In %1 minutes").arg(minutes)
                                 : minutes == 1 ? tr("In 1 minute")
                                                : tr("Now");
            QString body = when + QStringLiteral(" · ") + start.toString(QStringLiteral("HH:mm"));
            if (!item->place.isEmpty())
                body += QStringLiteral(" · ") + item->place;
            if (!m_notifier || !m_notifier->notify(item->title, body))
                showBanner(Banner{reminder.itemKey, reminder.itemStart, item->title, body});
            Q_EMIT reminderShown(reminder.itemKey, item->title, body);
        }
        wakeUp = ReminderPlanner::nextWakeUp(reminders);
        if (wakeUp.isValid())
            m_timer.start(int(std::clamp<qint64>(t.msecsTo(wakeUp), 0, kMaxSleepMs)));
    }
    if (wakeUp != m_nextWakeUp) {
        m_nextWakeUp = wakeUp;
        Q_EMIT scheduled();
    }
}

} // namespace Plenary
