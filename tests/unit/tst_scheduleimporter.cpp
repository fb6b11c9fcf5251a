#include "scheduleimporter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

class TestScheduleImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectsFormatFromContentNotName_data();
    void detectsFormatFromContentNotName();
    void fileErrors();
    void refusesOversizedInputBeforeParsing();
    void unknownContent();
};

void TestScheduleImporter::detectsFormatFromContentNotName_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("sessions");
    QTest::newRow("xml") << "fosdem-2025-schedule.xml"
                         << "pentabarf-xml" << 943;
    QTest::newRow("frab json") << "camp2019-frab-schedule.json"
                               << "frab-json" << 79;
    QTest::newRow("v2 json") << "38c3-hub-schedule2-excerpt.json"
                             << "schedule-v2-json" << 2;
    QTest::newRow("ics") << "kielux_2020.ics"
                         << "icalendar" << 24;
}

void TestScheduleImporter::detectsFormatFromContentNotName()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, sessions);
    // Copy under a misleading name: the importer must look at the bytes only.
    QTemporaryDir dir;
    const QString misleading = dir.filePath("schedule.txt");
    QVERIFY(QFile::copy(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/") + file, misleading));
    const ImportResult r = ScheduleImporter::importFile(misleading);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.conference->sourceFormat, format);
    QCOMPARE(r.conference->sessions.size(), sessions);
}

void TestScheduleImporter::fileErrors()
{
    QTemporaryDir dir;
    ImportResult r = ScheduleImporter::importFile(dir.filePath("missing.xml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error.message, "no such file");
    QVERIFY(r.error.toString().endsWith("missing.xml: no such file"));

    r = ScheduleImporter::importFile(dir.path());
    QCOMPARE(r.error.message, "is a directory, not a schedule file");

    QFile empty(dir.filePath("empty.ics"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    r = ScheduleImporter::importFile(empty.fileName());
    QCOMPARE(r.error.message, "the file is empty");

    QFile unreadable(dir.filePath("secret.xml"));
    QVERIFY(unreadable.open(QIODevice::WriteOnly));
    unreadable.write("<schedule/>");
    unreadable.close();
    unreadable.setPermissions(QFileDevice::WriteOwner);
    if (QFileInfo(unreadable).isReadable())
        QSKIP("running as root: permissions do not stop reading");
    r = ScheduleImporter::importFile(unreadable.fileName());
    QVERIFY(r.error.message.startsWith("cannot open"));
}

void TestScheduleImporter::refusesOversizedInputBeforeParsing()
{
    ImportOptions options;
    options.sourceName = "big.xml";
    options.maxInputBytes = 1024;
    const ImportResult r = ScheduleImporter::import(QByteArray(4096, ' ') + "<schedule/>", options);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains("more than the limit of 1024 bytes"), qPrintable(r.error.message));

    QTemporaryDir dir;
    QFile big(dir.filePath("big.json"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(8 * 1024));
    big.close();
    const ImportResult f = ScheduleImporter::importFile(big.fileName(), options);
    QVERIFY2(f.error.message.startsWith("file is 8192 bytes"), qPrintable(f.error.message));
}

void TestScheduleImporter::unknownContent()
{
    const ImportResult r =
        ScheduleImporter::import("Hello, I am not a schedule", {QStringLiteral("x.pdf"), {}});
    QVERIFY(!r.ok());
    QVERIFY(r.error.message.startsWith("not a schedule Plenary can read"));
    QCOMPARE(r.error.source, "x.pdf");
}

QTEST_GUILESS_MAIN(TestScheduleImporter)
#include "tst_scheduleimporter.moc"
