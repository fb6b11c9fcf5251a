#pragma once

#include "conference.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQmlIntegration>
#include <QVariantList>

#include <memory>

namespace Plenary {

class AgendaRepository;
class Clock;
class ReminderNotifier;

/**
 * Shows agenda reminders when they fall due: plans them with ReminderPlanner, sleeps on a timer until the
 * next one, records each as fired before showing it (so none shows twice, even across restarts), and hands
 * it to a desktop notifier or, without one (or when it fails), to the in-app `banners`, newest first.
 */
class ReminderService : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ReminderService comes from ConferenceController.reminders")
    Q_PROPERTY(QString banner READ banner NOTIFY bannerChanged)
    /** [{key, title, body}], newest first: the reminders shown in the app and not dismissed yet. */
    Q_PROPERTY(QVariantList banners READ banners NOTIFY bannerChanged)
    Q_PROPERTY(int bannerCount READ bannerCount NOTIFY bannerChanged)
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY settingsChanged)
    Q_PROPERTY(int minutesBefore READ minutesBefore WRITE setMinutesBefore NOTIFY settingsChanged)
    Q_PROPERTY(QDateTime nextWakeUp READ nextWakeUp NOTIFY scheduled)

public:
    static constexpr int kDefaultSnoozeMinutes = 5;

    explicit ReminderService(QObject *parent = nullptr);

    /** Where settings, switches and fired state are kept (must outlive the service); none: no reminders. */
    void setRepository(AgendaRepository *repository);
    void setConference(std::shared_ptr<const Conference> conference);
    void setClock(Clock *clock);
    /** Where reminders go first (must outlive the service); none: the in-app banners only. */
    void setNotifier(ReminderNotifier *notifier);
    /** Sessions the attendee holds a seat, a request or a waitlist place in: reminded like starred ones. */
    void setHeldSessions(const QSet<QString> &sessionIds);

    /** The newest banner as one line ("Title — body"); empty when there is none. */
    QString banner() const;
    QVariantList banners() const;
    int bannerCount() const { return static_cast<int>(m_banners.size()); }
    /** Dismisses every banner. */
    Q_INVOKABLE void dismissBanner();
    /** Dismisses one banner by item key; false when there is none. */
    Q_INVOKABLE bool dismiss(const QString &itemKey);
    /** Takes the banner away and shows the reminder again `minutes` from now (kept across restarts). */
    Q_INVOKABLE bool snooze(const QString &itemKey, int minutes = kDefaultSnoozeMinutes);

    bool isEnabled() const;
    void setEnabled(bool enabled);
    int minutesBefore() const;
    void setMinutesBefore(int minutes);

    /** When the next reminder falls due; invalid when none is pending. */
    QDateTime nextWakeUp() const { return m_nextWakeUp; }

    /** Shows what is due now and re-arms the timer (on start, clock ticks and agenda changes). */
    Q_INVOKABLE void check();

Q_SIGNALS:
    void reminderShown(const QString &itemKey, const QString &title, const QString &body);
    void bannerChanged();
    void settingsChanged();
    void scheduled();

private:
    struct Banner
    {
        QString itemKey;
        QDateTime itemStart;
        QString title;
        QString body;
    };

    QDateTime now() const;
    void showBanner(const Banner &banner);

    AgendaRepository *m_repository = nullptr;
    std::shared_ptr<const Conference> m_conference;
    QPointer<Clock> m_clock;
    ReminderNotifier *m_notifier = nullptr;
    QSet<QString> m_held;
    QTimer m_timer;
    QList<Banner> m_banners; ///< newest first
    QDateTime m_nextWakeUp;
};

} // namespace Plenary
