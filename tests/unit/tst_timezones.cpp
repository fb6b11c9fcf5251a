#include "timezones.h"

#include <QTest>

using namespace Plenary;

class TestTimeZones : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromId_data();
    void fromId();
};

void TestTimeZones::fromId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("expected"); // empty: refused
    QTest::newRow("iana") << "America/New_York" << QByteArray("America/New_York");
    QTest::newRow("iana three parts")
        << "America/Argentina/Buenos_Aires" << QByteArray("America/Argentina/Buenos_Aires");
    QTest::newRow("padded") << "  Europe/Brussels " << QByteArray("Europe/Brussels");
    QTest::newRow("utc") << "UTC" << QByteArray("UTC");
    QTest::newRow("z") << "z" << QByteArray("UTC");
    QTest::newRow("posix with dst") << "EST5EDT" << QByteArray("EST5EDT");
    QTest::newRow("bare word") << "Berlin" << QByteArray();
    QTest::newRow("posix 60 hours west") << "Berlin60" << QByteArray();
    QTest::newRow("posix 20 hours east") << "ABC-20" << QByteArray();
    QTest::newRow("posix dst 40 hours off") << "ABC3DEF-40" << QByteArray();
    QTest::newRow("posix 10 hours west") << "HST10" << QByteArray("HST10");
    QTest::newRow("made up") << "Mars/Olympus" << QByteArray();
    QTest::newRow("path traversal") << "../../dev/zero" << QByteArray();
    QTest::newRow("absolute path") << "/dev/stdin" << QByteArray();
    QTest::newRow("empty") << "" << QByteArray();
    QTest::newRow("very long") << QString(200, u'A') << QByteArray();
    QTest::newRow("nul") << QStringLiteral("Europe/Berlin\u0000x") << QByteArray();
}

void TestTimeZones::fromId()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, expected);
    const QTimeZone zone = timeZoneFromId(id);
    if (expected.isEmpty()) {
        QVERIFY2(!zone.isValid(), zone.id().constData());
    } else {
        QVERIFY(zone.isValid());
        QCOMPARE(zone.id(), expected);
    }
}

QTEST_GUILESS_MAIN(TestTimeZones)
#include "tst_timezones.moc"
