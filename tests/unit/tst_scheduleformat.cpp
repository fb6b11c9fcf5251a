#include "scheduleformat.h"

#include <QTest>

using namespace Plenary;

class TestScheduleFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detect_data();
    void detect();
};

void TestScheduleFormat::detect_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ScheduleFormat>("expected");
    QTest::newRow("empty") << QByteArray() << ScheduleFormat::Unknown;
    QTest::newRow("blank") << QByteArray(" \r\n\t") << ScheduleFormat::Unknown;
    QTest::newRow("xml decl") << QByteArray("<?xml version='1.0'?><schedule/>")
                              << ScheduleFormat::PentabarfXml;
    QTest::newRow("xml bom no decl") << QByteArray("\xEF\xBB\xBF\n<schedule>")
                                     << ScheduleFormat::PentabarfXml;
    QTest::newRow("frab json") << QByteArray("{\"$schema\":\"x\",\"schedule\":{}}")
                               << ScheduleFormat::FrabJson;
    QTest::newRow("plenary") << QByteArray("{\"plenaryFeed\":1}") << ScheduleFormat::PlenaryFeed;
    QTest::newRow("ics") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") << ScheduleFormat::ICalendar;
    QTest::newRow("ics lower") << QByteArray("begin:vcalendar\n") << ScheduleFormat::ICalendar;
    QTest::newRow("garbage") << QByteArray("\x00\x01binary", 8) << ScheduleFormat::Unknown;
    QTest::newRow("html") << QByteArray("Hello world") << ScheduleFormat::Unknown;
}

void TestScheduleFormat::detect()
{
    QFETCH(QByteArray, data);
    QFETCH(ScheduleFormat, expected);
    QCOMPARE(detectScheduleFormat(data), expected);
    QVERIFY(!scheduleFormatName(expected).isEmpty());
}

QTEST_GUILESS_MAIN(TestScheduleFormat)
#include "tst_scheduleformat.moc"
