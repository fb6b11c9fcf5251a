#include "reminderdesktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

namespace Plenary {

namespace {

constexpr int replyTimeoutMs = 500; // a reminder that waits longer is better shown in the window

} // namespace

ReminderDesktopNotifier::ReminderDesktopNotifier() = default;

ReminderDesktopNotifier::ReminderDesktopNotifier(const QString &connectionName)
    : m_connectionName(connectionName)
{}

bool ReminderDesktopNotifier::notify(const QString &title, const QString &body)
{
    // The session bus is looked up here, not at start-up: most runs never have a reminder due.
    const QDBusConnection bus =
        m_connectionName.isEmpty() ? QDBusConnection::sessionBus() : QDBusConnection(m_connectionName);
    if (!bus.isConnected())
        return false;

    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1))); // normal
    // Arguments as the Desktop Notifications spec orders them: app_name, replaces_id, app_icon, summary,
    // body, actions, hints, expire_timeout (-1: the server's default).
    call << QStringLiteral("Plenary") << 0u << QStringLiteral("appointment-soon") << title << body
         << QStringList() << hints << qint32(-1);
    const QDBusMessage reply = bus.call(call, QDBus::Block, replyTimeoutMs);
    return reply.type() == QDBusMessage::ReplyMessage && reply.arguments().size() == 1 &&
           reply.arguments().constFirst().metaType() == QMetaType::fromType<uint>();
}

} // namespace Plenary
