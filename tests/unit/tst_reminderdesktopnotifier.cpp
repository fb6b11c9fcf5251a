#include "reminderdesktopnotifier.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QVariantMap>

using namespace Plenary;

namespace {

const QString notificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString notificationsPath = QStringLiteral("/org/freedesktop/Notifications");

} // namespace

// A notification server as the Desktop Notifications spec describes it, recording what arrives.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Received
    {
        QString appName;
        uint replacesId = 99;
        QString summary;
        QString body;
        QVariantMap hints;
        int expireTimeout = 0;
        int calls = 0;
    };

    Received received() const
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appIcon);
        Q_UNUSED(actions);
        QMutexLocker lock(&m_mutex);
        m_received.appName = appName;
        m_received.replacesId = replacesId;
        m_received.summary = summary;
        m_received.body = body;
        m_received.hints = hints;
        m_received.expireTimeout = expireTimeout;
        ++m_received.calls;
        return 41 + m_received.calls;
    }

private:
    mutable QMutex m_mutex;
    Received m_received;
};

class TestReminderDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSessionBusFallsBackToBanner()
    {
        // main() pointed DBUS_SESSION_BUS_ADDRESS at a socket that does not exist.
        QVERIFY(!QDBusConnection::sessionBus().isConnected());
        ReminderDesktopNotifier notifier;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(
            !notifier.notify(QStringLiteral("Keynote"), QStringLiteral("Starts in 10 minutes in Janson")));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void privateBusDeliversNotification()
    {
        const QString daemon = QStringLiteral("/usr/bin/dbus-daemon");
        if (!QFile::exists(daemon))
            QSKIP("/usr/bin/dbus-daemon is not installed (Debian package dbus-daemon)");

        // A private bus with no service directories, so nothing can be activated behind the test's back.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:dir=" +
                     dir.path().toUtf8() +
                     "</listen><auth>EXTERNAL</auth>"
                     "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                     "<allow eavesdrop=\"true\"/><allow own=\"*\"/>"
                     "</policy></busconfig>\n");
        config.close();

        QProcess bus;
        bus.start(daemon, {QStringLiteral("--config-file=") + config.fileName(),
                           QStringLiteral("--print-address"), QStringLiteral("--nofork")});
        QVERIFY2(bus.waitForStarted(), qPrintable(bus.errorString()));
        const auto stopBus = qScopeGuard([&bus] {
            bus.terminate();
            bus.waitForFinished();
        });
        QString address;
        for (int i = 0; i < 50 && address.isEmpty(); ++i) {
            bus.waitForReadyRead(100);
            if (bus.canReadLine())
                address = QString::fromUtf8(bus.readLine()).trimmed();
        }
        QVERIFY2(!address.isEmpty(), bus.readAllStandardError().constData());

        // The server side has its own connection, served by its own thread: the notifier blocks on its call.
        QThread serverThread;
        auto *server = new FakeNotifications;
        server->moveToThread(&serverThread);
        connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
        serverThread.start();
        const auto stopServer = qScopeGuard([&serverThread] {
            QDBusConnection::disconnectFromBus(QStringLiteral("app"));
            QDBusConnection::disconnectFromBus(QStringLiteral("fake-server"));
            serverThread.quit();
            serverThread.wait();
        });
        {
            QDBusConnection serverBus = QDBusConnection::connectToBus(address, QStringLiteral("fake-server"));
            QVERIFY(serverBus.isConnected());
            QVERIFY(serverBus.registerObject(notificationsPath, server, QDBusConnection::ExportAllSlots));
            QVERIFY(serverBus.registerService(notificationsService));

            QDBusConnection clientBus = QDBusConnection::connectToBus(address, QStringLiteral("app"));
            QVERIFY(clientBus.isConnected());
            ReminderDesktopNotifier notifier(QStringLiteral("app"));
            QVERIFY(
                notifier.notify(QStringLiteral("Keynote"), QStringLiteral("Starts in 10 minutes in Janson")));

            FakeNotifications::Received got = server->received();
            QCOMPARE(got.calls, 1);
            QCOMPARE(got.appName, QStringLiteral("Plenary"));
            QCOMPARE(got.replacesId, 0u);
            QCOMPARE(got.summary, QStringLiteral("Keynote"));
            QCOMPARE(got.body, QStringLiteral("Starts in 10 minutes in Janson"));
            QCOMPARE(got.expireTimeout, -1);
            QCOMPARE(got.hints.value(QStringLiteral("urgency")).value<uchar>(), uchar(1));

            // Once the server has gone, the reminder must go to the banner instead.
            QVERIFY(serverBus.unregisterService(notificationsService));
            QTRY_VERIFY(!clientBus.interface()->isServiceRegistered(notificationsService).value());
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!notifier.notify(QStringLiteral("Lunch"), QStringLiteral("Starts now")));
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(server->received().calls, 1);
            serverBus.unregisterObject(notificationsPath);
        }
    }
};

int main(int argc, char *argv[])
{
    // Before the application exists, so that its session bus is one that cannot be reached.
    QTemporaryDir missing;
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + missing.filePath(QStringLiteral("no-bus")).toUtf8());
    QCoreApplication app(argc, argv);
    TestReminderDesktopNotifier test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_reminderdesktopnotifier.moc"
