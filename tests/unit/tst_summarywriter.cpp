#include "scheduleimporter.h"
#include "summarywriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Plenary;

class TestSummaryWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realFiles_data();
    void realFiles();
    void emptyConference();
};

void TestSummaryWriter::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<QString>("firstStart");
    QTest::newRow("fosdem 2025") << "fosdem-2025-schedule.xml"
                                 << "pentabarf-xml"
                                 << "Europe/Brussels" << 2 << 943 << "2025-02-01T";
    QTest::newRow("fosdem 2021") << "fosdem-2021-schedule.xml"
                                 << "pentabarf-xml"
                                 << "" << 2 << 773 << "2021-02-06T";
    QTest::newRow("camp2019") << "camp2019-frab-schedule.json"
                              << "frab-json"
                              << "Europe/Berlin" << 5 << 79 << "2019-08-";
    QTest::newRow("lca 2020") << "linux_conf_au_2020.ics"
                              << "icalendar"
                              << "Australia/Brisbane" << -1 << 262 << "2020-01-";
}

void TestSummaryWriter::realFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QString, zone);
    QFETCH(int, days);
    QFETCH(int, sessions);
    QFETCH(QString, firstStart);
    const ImportResult r =
        ScheduleImporter::importFile(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/") + file);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QJsonParseError error;
    const QJsonObject summary = QJsonDocument::fromJson(SummaryWriter::write(*r.conference), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const char *key : {"format", "title", "timeZone", "days", "rooms", "tracks", "sessions", "speakers",
                            "firstStart", "lastEnd"})
        QVERIFY2(summary.contains(QLatin1String(key)), key);
    QCOMPARE(summary["format"].toString(), format);
    if (!zone.isEmpty())
        QCOMPARE(summary["timeZone"].toString(), zone);
    if (days > 0)
        QCOMPARE(summary["days"].toInt(), days);
    QCOMPARE(summary["sessions"].toInt(), sessions);
    QVERIFY(summary["firstStart"].toString().startsWith(firstStart));
    // ISO 8601 with an offset (or Z), and the end after the start.
    const QDateTime first = QDateTime::fromString(summary["firstStart"].toString(), Qt::ISODate);
    const QDateTime last = QDateTime::fromString(summary["lastEnd"].toString(), Qt::ISODate);
    QVERIFY(first.isValid() && last.isValid() && first < last);
    QVERIFY(first.timeSpec() == Qt::OffsetFromUTC || first.timeSpec() == Qt::UTC);
    QVERIFY(summary["rooms"].toInt() > 0);
    QVERIFY(summary["speakers"].toInt() >= 0);
}

void TestSummaryWriter::emptyConference()
{
    Conference c;
    c.title = "Nothing yet";
    c.timeZone = QTimeZone::utc();
    c.normalize();
    const QJsonObject summary = QJsonDocument::fromJson(SummaryWriter::write(c)).object();
    QCOMPARE(summary["sessions"].toInt(), 0);
    QCOMPARE(summary["firstStart"].toString(), QString());
}

QTEST_GUILESS_MAIN(TestSummaryWriter)
#include "tst_summarywriter.moc"
