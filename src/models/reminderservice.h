#pragma once

#include "conference.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQmlIntegration>

#include <functional>
#include <memory>

namespace Plenary {

class AgendaRepository;
class Clock;

/**
 * Shows agenda reminders when they fall due: plans them with ReminderPlanner, sleeps on a timer until the
 * next one, records each as fired before showing it (so none shows twice, even across restarts), and hands
 * it to a desktop notifier or, without one, to the in-app `banner`.
 */
class ReminderService : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ReminderService comes from ConferenceController.reminders")
    Q_PROPERTY(QString banner READ banner NOTIFY bannerChanged)
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY settingsChanged)
    Q_PROPERTY(int minutesBefore READ minutesBefore WRITE setMinutesBefore NOTIFY settingsChanged)
    Q_PROPERTY(QDateTime nextWakeUp READ nextWakeUp NOTIFY scheduled)

public:
    /** Shows a reminder outside the app; returns false when it could not (the banner is used then). */
    using Notifier = std::function<bool(const QString &title, const QString &body)>;

    explicit ReminderService(QObject *parent = nullptr);

    /** Where settings, switches and fired state are kept (must outlive the service); none: no reminders. */
    void setRepository(AgendaRepository *repository);
    void setConference(std::shared_ptr<const Conference> conference);
    void setClock(Clock *clock);
    void setNotifier(Notifier notifier);

    QString banner() const { return m_banner; }
    Q_INVOKABLE void dismissBanner();

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
    QDateTime now() const;

    AgendaRepository *m_repository = nullptr;
    std::shared_ptr<const Conference> m_conference;
    QPointer<Clock> m_clock;
    Notifier m_notifier;
    QTimer m_timer;
    QString m_banner;
    QDateTime m_nextWakeUp;
};

} // namespace Plenary
