// SIGHUP arrives as a Qt signal through the self-pipe, in the event loop.
#include "hangupnotifier.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Plenary;

class TestHangupNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sighupBecomesASignal();
    void onlyOneInstanceHandlesTheSignal();
};

void TestHangupNotifier::sighupBecomesASignal()
{
    HangupNotifier notifier;
    QVERIFY(notifier.isActive());
    QSignalSpy spy(&notifier, &HangupNotifier::hangup);
    QCOMPARE(::raise(SIGHUP), 0);
    QCOMPARE(spy.count(), 0); // not inside the handler: only when the event loop runs
    QTRY_COMPARE(spy.count(), 1);
    ::raise(SIGHUP);
    QTRY_COMPARE(spy.count(), 2);
}

void TestHangupNotifier::onlyOneInstanceHandlesTheSignal()
{
    HangupNotifier first;
    HangupNotifier second;
    QVERIFY(first.isActive());
    QVERIFY(!second.isActive());
    QSignalSpy spy(&first, &HangupNotifier::hangup);
    ::raise(SIGHUP);
    QTRY_COMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(TestHangupNotifier)
#include "tst_hangupnotifier.moc"
