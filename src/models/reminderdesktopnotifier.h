#pragma once

#include "remindernotifier.h"

#include <QString>

namespace Plenary {

/**
 * Shows reminders as freedesktop notifications (org.freedesktop.Notifications.Notify on the session bus),
 * reaching the bus only when a reminder is due, so that start-up never waits for it.
 */
class ReminderDesktopNotifier : public ReminderNotifier
{
public:
    /** A notifier on the session bus, connected on the first notify(). */
    ReminderDesktopNotifier();
    /** A notifier on the named QDBusConnection (a test's private bus, from QDBusConnection::connectToBus()).
     */
    explicit ReminderDesktopNotifier(const QString &connectionName);

    /** True once the server answered with an id; false without a bus, a server or a reply within 500 ms. */
    bool notify(const QString &title, const QString &body) override;

private:
    QString m_connectionName; // empty: the session bus
};

} // namespace Plenary
