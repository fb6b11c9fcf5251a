#include "remindertraynotifier.h"

#include <QApplication>
#include <QTest>

using namespace Plenary;

class TestReminderTrayNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offscreenHasNoTray()
    {
        // Tests run on the offscreen platform, which has no notification area: the app must then fall back
        // to the in-app banner, which it does when createIfAvailable() gives no notifier.
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        QVERIFY(!ReminderTrayNotifier::isAvailable());
        QVERIFY(!ReminderTrayNotifier::createIfAvailable(QIcon()));
    }
};

QTEST_MAIN(TestReminderTrayNotifier)
#include "tst_remindertraynotifier.moc"
