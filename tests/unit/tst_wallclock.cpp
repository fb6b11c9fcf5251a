#include "wallclock.h"

#include <QTest>

using namespace Plenary;

class TestWallClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromWallClock_data();
    void fromWallClock();
    void exactness();
};

void TestWallClock::fromWallClock_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QDateTime>("utc");

    const auto utc = [](int y, int m, int d, int h, int min) {
        return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
    };
    QTest::newRow("winter") << QByteArray("Europe/Brussels") << QDate(2026, 2, 7) << QTime(10, 0)
                            << utc(2026, 2, 7, 9, 0);
    QTest::newRow("summer") << QByteArray("Europe/Brussels") << QDate(2026, 6, 10) << QTime(10, 0)
                            << utc(2026, 6, 10, 8, 0);
    QTest::newRow("repeated hour: first pass")
        << QByteArray("Europe/Brussels") << QDate(2026, 10, 25) << QTime(2, 30) << utc(2026, 10, 25, 0, 30);
    QTest::newRow("gap: offset before the gap")
        << QByteArray("Europe/Brussels") << QDate(2026, 3, 29) << QTime(2, 30) << utc(2026, 3, 29, 1, 30);
    QTest::newRow("southern hemisphere") << QByteArray("Australia/Sydney") << QDate(2026, 4, 5)
                                         << QTime(2, 30) << utc(2026, 4, 4, 15, 30); // AEDT, first pass
    QTest::newRow("no DST") << QByteArray("Asia/Seoul") << QDate(2026, 5, 1) << QTime(9, 0)
                            << utc(2026, 5, 1, 0, 0);
    QTest::newRow("UTC") << QByteArray("UTC") << QDate(2026, 5, 1) << QTime(9, 0) << utc(2026, 5, 1, 9, 0);
}

void TestWallClock::fromWallClock()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(QDateTime, utc);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    const QDateTime result = Plenary::fromWallClock(tz, date, time);
    QCOMPARE(result.toMSecsSinceEpoch(), utc.toMSecsSinceEpoch());
    QCOMPARE(result.timeZone(), tz);
}

void TestWallClock::exactness()
{
    const QTimeZone brussels("Europe/Brussels");
    const QDateTime firstPass(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC);
    const QDateTime secondPass(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC);
    QCOMPARE(firstPass.toTimeZone(brussels).time(), secondPass.toTimeZone(brussels).time());
    QVERIFY(isWallClockExact(firstPass, brussels));
    QVERIFY(!isWallClockExact(secondPass, brussels));
    QVERIFY(isWallClockExact(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC), brussels));
    QVERIFY(!isWallClockExact(QDateTime(), brussels));
    QVERIFY(!Plenary::fromWallClock(brussels, QDate(), QTime(1, 0)).isValid());
}

QTEST_GUILESS_MAIN(TestWallClock)
#include "tst_wallclock.moc"
