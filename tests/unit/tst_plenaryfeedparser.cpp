#include "plenaryfeedparser.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Plenary;

class TestPlenaryFeedParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedExampleParses();
    void timesKeepInstantAndZone();
    void malformed_data();
    void malformed();
    void skipsBadSessionsWithWarnings();
    void hostileHtmlIsSanitizedAgain();
    void deepNestingDoesNotCrash();
};

static QByteArray documentedExample()
{
    QFile doc(QStringLiteral(PLENARY_SOURCE_DIR "/src/formats/feed-format.md"));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(doc.readAll());
    const auto match = QRegularExpression(QStringLiteral("```json\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption)
                           .match(text);
    return match.captured(1).toUtf8();
}

void TestPlenaryFeedParser::documentedExampleParses()
{
    const QByteArray example = documentedExample();
    QVERIFY(!example.isEmpty());
    const ImportResult r = PlenaryFeedParser::parse(example, {QStringLiteral("feed-format.md"), {}});
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const Conference &c = *r.conference;
    QCOMPARE(c.id, "example-2026");
    QCOMPARE(c.timeZone.id(), QByteArray("America/New_York"));
    QCOMPARE(c.venue.floors.size(), 3);
    QCOMPARE(c.venue.rooms.size(), 4);
    QCOMPARE(c.room("hq")->address, "100 Hudson St, New York, NY 10013");
    QCOMPARE(c.room("main-hall")->capacity, 3000);
    QVERIFY(!c.room("hq")->capacity.has_value());
    QCOMPARE(c.days.size(), 2);
    QCOMPARE(c.tracks.size(), 2);
    QCOMPARE(c.speakers.size(), 2);
    QCOMPARE(c.speaker("min-jun-lee")->name, "이민준 (Min-jun Lee)");
    QCOMPARE(c.sessions.size(), 4);
    const Session *lab = c.session("0b6c9d2e-5a51-4f43-9e0e-4a7f5f1d2a10");
    QVERIFY(lab);
    QCOMPARE(lab->type, SessionType::HandsOnLab);
    QCOMPARE(lab->seatCapacity, 40);
    QVERIFY(lab->registrationRequired);
    QCOMPARE(lab->tags, QStringList({"tracing", "opentelemetry"}));
    QVERIFY(lab->abstractHtml.contains("<b>twelve</b>"));
    QCOMPARE(lab->abstractText, "Bring a laptop.\n\nWe follow one request through twelve services.");
    QCOMPARE(lab->links, QList<Link>{Link("Lab guide", "https://conf.example.org/labs/tracing.pdf")});
    const Session *keynote = c.session("keynote-2026");
    QCOMPARE(keynote->abstractHtml, "<p>Where monitoring is heading.</p><p>With a live demo.</p>");
    const Session *repeat = c.session("0b6c9d2e-5a51-4f43-9e0e-4a7f5f1d2a10#2");
    QVERIFY(repeat);
    QCOMPARE(repeat->guid, lab->guid);
    QCOMPARE(c.session("customer-night")->type, SessionType::Social);
    QVERIFY(!c.session("keynote-2026")->seatCapacity.has_value());
}

void TestPlenaryFeedParser::timesKeepInstantAndZone()
{
    const ImportResult r = PlenaryFeedParser::parse(documentedExample());
    QVERIFY(r.ok());
    const Session *keynote = r.conference->session("keynote-2026");
    QCOMPARE(keynote->start.toUTC(), QDateTime(QDate(2026, 5, 12), QTime(13, 0), Qt::UTC));
    QCOMPARE(keynote->start.timeZone().id(), QByteArray("America/New_York"));
    QCOMPARE(keynote->start.offsetFromUtc(), -4 * 3600);
    QCOMPARE(keynote->durationMinutes(), 60);
}

void TestPlenaryFeedParser::malformed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("empty") << QByteArray() << "invalid JSON" << 1;
    QTest::newRow("truncated") << QByteArray("{\"plenaryFeed\": 1,\n \"conference\": {\"id\": \"x\"")
                               << "invalid JSON" << 2;
    QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object" << 0;
    QTest::newRow("no version") << QByteArray("{\"sessions\": []}") << "version number missing" << 0;
    QTest::newRow("newer version") << QByteArray("{\"plenaryFeed\": 7}") << "version 7 is not supported" << 0;
    QTest::newRow("no conference") << QByteArray("{\"plenaryFeed\": 1, \"sessions\": []}")
                                   << "\"conference\" object missing" << 0;
    QTest::newRow("sessions wrong type")
        << QByteArray("{\"plenaryFeed\": 1, \"conference\": {}, \"sessions\": {}}")
        << "\"sessions\" array missing" << 0;
    QTest::newRow("invalid utf8") << QByteArray(
                                         "{\"plenaryFeed\": 1, \"conference\": {\"id\": \"\xff\xfe\"}}")
                                  << "invalid JSON" << 1;
    QTest::newRow("garbage") << QByteArray("\x01\x02\x03garbage") << "invalid JSON" << 1;
}

void TestPlenaryFeedParser::malformed()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    QFETCH(int, line);
    const ImportResult r = PlenaryFeedParser::parse(data, {QStringLiteral("bad.json"), {}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.message.contains(message), qPrintable(r.error.message));
    QCOMPARE(r.error.line, line);
    QVERIFY(r.error.toString().startsWith("bad.json"));
}

void TestPlenaryFeedParser::skipsBadSessionsWithWarnings()
{
    const QByteArray data = R"({"plenaryFeed":1,"conference":{"id":"c","timeZone":"Europe/Berlin"},
        "sessions":[5, {"guid":"a","title":"No times"},
                    {"guid":"b","title":"Backwards","start":"2026-01-01T10:00:00+01:00","end":"2026-01-01T09:00:00+01:00"},
                    {"guid":"s","title":"Signed year","start":"-026-01-01T10:00:00Z","end":"2026-01-01T11:00:00Z"},
                    {"guid":"c","title":"Fine","start":"2026-01-01T10:00:00Z","end":"2026-01-01T11:00:00Z","seats":-3}]})";
    const ImportResult r = PlenaryFeedParser::parse(data);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.conference->sessions.size(), 1);
    QCOMPARE(r.warnings.size(), 4);
    QCOMPARE(r.conference->sessions[0].start.offsetFromUtc(), 3600);
    QVERIFY(!r.conference->sessions[0].seatCapacity.has_value());
}

void TestPlenaryFeedParser::hostileHtmlIsSanitizedAgain()
{
    const QByteArray data = R"({"plenaryFeed":1,"conference":{"id":"c","timeZone":"UTC"},
        "sessions":[{"guid":"x","title":"t","start":"2026-01-01T10:00:00Z","end":"2026-01-01T11:00:00Z",
        "abstractHtml":"<p onclick=\"steal()\">Hi<script>alert(1)</script><img src=\"https://evil.example/t.png\"></p>"}]})";
    const ImportResult r = PlenaryFeedParser::parse(data);
    QVERIFY(r.ok());
    const QString html = r.conference->sessions[0].abstractHtml;
    QVERIFY2(!html.contains("script") && !html.contains("onclick") && !html.contains("<img"),
             qPrintable(html));
    QVERIFY(html.contains("Hi"));
}

void TestPlenaryFeedParser::deepNestingDoesNotCrash()
{
    const QByteArray deep =
        "{\"plenaryFeed\":1,\"x\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    const ImportResult r = PlenaryFeedParser::parse(deep);
    QVERIFY(!r.ok());
}

QTEST_GUILESS_MAIN(TestPlenaryFeedParser)
#include "tst_plenaryfeedparser.moc"
