#pragma once

#include "remindernotifier.h"

#include <QIcon>

#include <memory>

class QSystemTrayIcon;

namespace Plenary {

/**
 * Shows reminders as messages of a system tray icon (QSystemTrayIcon, which reaches freedesktop
 * notifications on Linux desktops); only made where the desktop has a tray.
 */
class ReminderTrayNotifier : public ReminderNotifier
{
public:
    ~ReminderTrayNotifier() override;

    /** Whether this desktop has a system tray that can show messages (never on the offscreen platform). */
    static bool isAvailable();
    /** A notifier with a visible tray icon when isAvailable(), else null: reminders go to the banner. */
    static std::unique_ptr<ReminderTrayNotifier> createIfAvailable(const QIcon &icon);

    bool notify(const QString &title, const QString &body) override;

private:
    explicit ReminderTrayNotifier(const QIcon &icon);

    std::unique_ptr<QSystemTrayIcon> m_tray;
};

} // namespace Plenary
