#include "remindertraynotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace Plenary {

ReminderTrayNotifier::ReminderTrayNotifier(const QIcon &icon)
    : m_tray(std::make_unique<QSystemTrayIcon>(icon))
{
    m_tray->setToolTip(QStringLiteral("Plenary"));
    m_tray->show();
}

ReminderTrayNotifier::~ReminderTrayNotifier() = default;

bool ReminderTrayNotifier::isAvailable()
{
    // QSystemTrayIcon needs a QApplication; a QGuiApplication-only process has no tray to offer.
    return qobject_cast<QApplication *>(QCoreApplication::instance()) &&
           QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

std::unique_ptr<ReminderTrayNotifier> ReminderTrayNotifier::createIfAvailable(const QIcon &icon)
{
    if (!isAvailable())
        return nullptr;
    return std::unique_ptr<ReminderTrayNotifier>(new ReminderTrayNotifier(icon));
}

bool ReminderTrayNotifier::notify(const QString &title, const QString &body)
{
    if (!m_tray->isVisible())
        return false;
    m_tray->showMessage(title, body, QSystemTrayIcon::Information);
    return true;
}

} // namespace Plenary
