// The token bucket on a fake clock: burst, refill, per-key isolation, Retry-After.
#include "ratelimiter.h"

#include <QTest>

using namespace Plenary;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstThenRefill_data();
    void burstThenRefill();
    void keysAreIndependent();
    void isLimitedDoesNotConsume();
    void forgetsIdleKeys();
};

void TestRateLimiter::burstThenRefill_data()
{
    QTest::addColumn<double>("burst");
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::newRow("5 at once, 1/s") << 5.0 << 1.0 << qint64(1000);
    QTest::newRow("1 at once, 4/s") << 1.0 << 4.0 << qint64(250);
    QTest::newRow("60 at once, 10/s") << 60.0 << 10.0 << qint64(100);
}

void TestRateLimiter::burstThenRefill()
{
    QFETCH(double, burst);
    QFETCH(double, perSecond);
    QFETCH(qint64, retryAfterMs);
    qint64 now = 1000;
    RateLimiter limiter(burst, perSecond);
    limiter.setClock([&now] { return now; });
    for (int i = 0; i < int(burst); ++i)
        QVERIFY(limiter.allow("k"));
    qint64 wait = -1;
    QVERIFY(!limiter.allow("k", &wait));
    QCOMPARE(wait, retryAfterMs);
    now += retryAfterMs - 1;
    QVERIFY(!limiter.allow("k"));
    now += 1;
    QVERIFY(limiter.allow("k", &wait));
    QCOMPARE(wait, 0);
    QVERIFY(!limiter.allow("k"));
    now += 3'600'000; // refills to the burst, never beyond
    for (int i = 0; i < int(burst); ++i)
        QVERIFY(limiter.allow("k"));
    QVERIFY(!limiter.allow("k"));
}

void TestRateLimiter::keysAreIndependent()
{
    qint64 now = 0;
    RateLimiter limiter(2, 1);
    limiter.setClock([&now] { return now; });
    QVERIFY(limiter.allow("a"));
    QVERIFY(limiter.allow("a"));
    QVERIFY(!limiter.allow("a"));
    QVERIFY(limiter.allow("b"));
    QVERIFY(limiter.allow("b"));
    QCOMPARE(limiter.trackedKeys(), 2);
}

void TestRateLimiter::isLimitedDoesNotConsume()
{
    qint64 now = 0;
    RateLimiter limiter(1, 1);
    limiter.setClock([&now] { return now; });
    for (int i = 0; i < 5; ++i)
        QVERIFY(!limiter.isLimited("a"));
    QVERIFY(limiter.allow("a"));
    qint64 wait = 0;
    QVERIFY(limiter.isLimited("a", &wait));
    QCOMPARE(wait, 1000);
    now += 1000;
    QVERIFY(!limiter.isLimited("a"));
}

void TestRateLimiter::forgetsIdleKeys()
{
    qint64 now = 0;
    RateLimiter limiter(1, 1);
    limiter.setClock([&now] { return now; });
    for (int i = 0; i < 10'001; ++i)
        limiter.allow(QByteArray::number(i));
    QCOMPARE(limiter.trackedKeys(), 10'001);
    now += 5000;
    limiter.allow("fresh");
    QCOMPARE(limiter.trackedKeys(), 1);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
