#include "plenaryfeedparser.h"
#include "plenaryfeedwriter.h"
#include "scheduleimporter.h"

#include <QTest>

using namespace Plenary;

namespace Plenary {
// Lets QCOMPARE print which field of a session differs.
char *toString(const Session &s)
{
    const QString text =
        QStringLiteral("%1|%2|%3|%4|%5..%6|%7|%8|%9")
            .arg(s.id, s.title, sessionTypeName(s.type), s.roomId, s.start.toString(Qt::ISODateWithMs),
                 s.end.toString(Qt::ISODateWithMs), s.speakerIds.join(u','), s.abstractHtml.left(60),
                 s.seatCapacity ? QString::number(*s.seatCapacity) : QStringLiteral("-"));
    return qstrdup(text.toUtf8().constData());
}
} // namespace Plenary

class TestPlenaryFeedWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripBuiltConference();
    void roundTripRealFiles_data();
    void roundTripRealFiles();
    void writesVersionFirstAndOffsets();
};

static Conference builtConference()
{
    Conference c;
    c.id = "rt";
    c.title = "Round Trip 2026";
    c.subtitle = "Ünïcode & <things>";
    c.timeZone = QTimeZone("America/New_York");
    c.version = "3";
    c.url = "https://example.org/";
    c.venue = Venue{
        "Center",
        "1 Main St",
        {Floor{"f3", "Floor 3", 3}},
        {Room{"r1", "Room 1", "f3", "near the lifts", {}, 40}, Room{"hq", "HQ", {}, {}, "5 Side St", {}}}};
    c.tracks = {Track{"obs", "Observability", "#123456"}};
    c.speakers = {
        Speaker{"s1", "김서연 (Seo-yeon Kim)", "Acme", "Bio\nwith lines", "https://example.org/a.png"}};
    const QTimeZone ny("America/New_York");
    // 2026-11-01 is the day New York leaves DST: one session before, one after the change.
    Session a;
    a.guid = "g1";
    a.title = "Before the change";
    a.type = SessionType::Workshop;
    a.typeLabel = "Hands-on";
    a.trackId = "obs";
    a.roomId = "r1";
    a.start = QDateTime(QDate(2026, 11, 1), QTime(0, 30), ny);
    a.end = QDateTime(QDate(2026, 11, 1), QTime(3, 30), ny);
    a.abstractText = "Plain\n\ntext";
    a.abstractHtml = "<p>Plain</p><p><b>text</b></p>";
    a.speakerIds = {"s1"};
    a.level = "advanced";
    a.tags = {"x", "y"};
    a.languages = {"en", "ko"};
    a.seatCapacity = 0;
    a.registrationRequired = true;
    a.url = "https://example.org/g1";
    a.links = {Link{"Slides", "https://example.org/g1.pdf"},
               Link{"Recording", "https://example.org/g1.webm"}};
    Session b = a;
    b.title = "Repeat after the change";
    b.start = QDateTime(QDate(2026, 11, 1), QTime(9, 0), ny);
    b.end = b.start.addSecs(3600);
    b.seatCapacity.reset();
    b.registrationRequired = false;
    c.sessions = {b, a};
    c.days = {Day{QDate(2026, 10, 31), QDateTime(QDate(2026, 10, 31), QTime(7, 0), ny),
                  QDateTime(QDate(2026, 11, 1), QTime(8, 0), ny)}};
    c.normalize();
    return c;
}

void TestPlenaryFeedWriter::roundTripBuiltConference()
{
    const Conference original = builtConference();
    QCOMPARE(original.sessions[1].id, "g1#2");
    const QByteArray json = PlenaryFeedWriter::write(original);
    const ImportResult back = PlenaryFeedParser::parse(json);
    QVERIFY2(back.ok(), qPrintable(back.error.toString()));
    QVERIFY(back.warnings.isEmpty());
    QCOMPARE(back.conference->sessions, original.sessions);
    QCOMPARE(back.conference->venue, original.venue);
    QCOMPARE(back.conference->speakers, original.speakers);
    QVERIFY(*back.conference == original);
    QCOMPARE(back.conference->sessions[0].start.offsetFromUtc(), -4 * 3600);
    QCOMPARE(back.conference->sessions[1].start.offsetFromUtc(), -5 * 3600);
    // Writing what was read gives the same bytes.
    QCOMPARE(PlenaryFeedWriter::write(*back.conference), json);
}

void TestPlenaryFeedWriter::roundTripRealFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("fosdem 2025") << "fosdem-2025-schedule.xml";
    QTest::newRow("fosdem 2021") << "fosdem-2021-schedule.xml";
    QTest::newRow("camp2019") << "camp2019-frab-schedule.json";
    QTest::newRow("38c3 v2") << "38c3-hub-schedule2-excerpt.json";
    QTest::newRow("lca 2020") << "linux_conf_au_2020.ics";
    QTest::newRow("kielux 2020") << "kielux_2020.ics";
}

void TestPlenaryFeedWriter::roundTripRealFiles()
{
    QFETCH(QString, file);
    const ImportResult imported =
        ScheduleImporter::importFile(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/") + file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.toString()));
    const QByteArray json = PlenaryFeedWriter::write(*imported.conference);
    const ImportResult back = PlenaryFeedParser::parse(json);
    QVERIFY2(back.ok(), qPrintable(back.error.toString()));
    QCOMPARE(back.conference->sessions.size(), imported.conference->sessions.size());
    for (qsizetype i = 0; i < back.conference->sessions.size(); ++i)
        QCOMPARE(back.conference->sessions[i], imported.conference->sessions[i]);
    QVERIFY(*back.conference == *imported.conference);
}

void TestPlenaryFeedWriter::writesVersionFirstAndOffsets()
{
    const QByteArray json = PlenaryFeedWriter::write(builtConference(), 2);
    QVERIFY(json.startsWith("{\n  \"plenaryFeed\": 1,"));
    QVERIFY(json.contains("\"start\": \"2026-11-01T00:30:00-04:00\""));
    QVERIFY(json.contains("\"start\": \"2026-11-01T09:00:00-05:00\""));
    QVERIFY(json.contains("\"seats\": 0"));
}

QTEST_GUILESS_MAIN(TestPlenaryFeedWriter)
#include "tst_plenaryfeedwriter.moc"
