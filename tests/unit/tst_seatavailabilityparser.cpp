// SeatAvailabilityParser: a body saved from the real feed server (data/sample with its seats file), and a
// table of hostile and contradictory documents.
#include "seatavailabilityparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Plenary;

class TestSeatAvailabilityParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenServerBody();
    void clamping_data();
    void clamping();
    void skipsBadEntries();
    void hostile_data();
    void hostile();
    void hugeIsRefusedQuickly();
};

void TestSeatAvailabilityParser::goldenServerBody()
{
    QFile file(PLENARY_TEST_DATA_DIR "/json/seats-sample-server.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const SeatsParseResult result = SeatAvailabilityParser::parse(file.readAll());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const SeatsDocument &doc = *result.document;
    QCOMPARE(doc.version, 30);
    QCOMPARE(doc.scheduleVersion, "2027.1");
    QCOMPARE(doc.serverTime, QDateTime(QDate(2026, 11, 25), QTime(10, 17, 15, 381), Qt::UTC));
    QCOMPARE(doc.sessions.size(), 29);
    QCOMPARE(doc.skippedEntries, 0);
    int capacity = 0, taken = 0, waitlist = 0, full = 0;
    for (const LiveSeats &s : doc.sessions) {
        capacity += s.capacity;
        taken += s.taken;
        waitlist += s.waitlist;
        full += s.isFull() ? 1 : 0;
        QCOMPARE(s.updatedAt, doc.serverTime);
    }
    QCOMPARE(capacity, 2760);
    QCOMPARE(taken, 1729);
    QCOMPARE(waitlist, 3);
    QCOMPARE(full, 1);
    QCOMPARE(doc.sessions.at(0).sessionId, "04a8ecb7-c148-5bcf-8e2e-ab26d149e8f7");
    QCOMPARE(doc.sessions.at(0).seatsLeft(), 2);
    QCOMPARE(doc.sessions.at(1).sessionId, "04a8ecb7-c148-5bcf-8e2e-ab26d149e8f7#2");
    QCOMPARE(doc.sessions.at(1).waitlist, 3);
    QCOMPARE(doc.sessions.at(1).version, 3);
    QCOMPARE(doc.sessions.constLast().sessionId, "f35587a3-673e-52f4-898f-73ed9eb86e6a#2");
    QCOMPARE(doc.sessions.constLast().taken, 44);
}

void TestSeatAvailabilityParser::clamping_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("taken");
    QTest::addColumn<int>("waitlist");
    QTest::addColumn<bool>("full");

    QTest::newRow("plain") << QByteArray(R"("capacity":40,"taken":12,"waitlist":0)") << 40 << 12 << 0
                           << false;
    QTest::newRow("exactly full") << QByteArray(R"("capacity":1,"taken":1,"waitlist":2)") << 1 << 1 << 2
                                  << true;
    QTest::newRow("over-full shows full")
        << QByteArray(R"("capacity":10,"taken":13,"waitlist":0)") << 10 << 10 << 0 << true;
    QTest::newRow("capacity 0") << QByteArray(R"("capacity":0,"taken":0)") << 0 << 0 << 0 << true;
    QTest::newRow("negative taken") << QByteArray(R"("capacity":5,"taken":-3,"waitlist":-1)") << 5 << 0 << 0
                                    << false;
    QTest::newRow("negative capacity") << QByteArray(R"("capacity":-5,"taken":2)") << 0 << 0 << 0 << true;
    QTest::newRow("left is not used")
        << QByteArray(R"("capacity":40,"taken":10,"left":0,"overCapacity":9)") << 40 << 10 << 0 << false;
    QTest::newRow("huge numbers") << QByteArray(R"("capacity":99999999999999,"taken":5)") << INT_MAX << 5 << 0
                                  << false;
    QTest::newRow("string waitlist ignored")
        << QByteArray(R"("capacity":3,"taken":1,"waitlist":"7")") << 3 << 1 << 0 << false;
}

void TestSeatAvailabilityParser::clamping()
{
    QFETCH(QByteArray, entry);
    const QByteArray json = R"({"version":3,"sessions":[{"id":"s",)" + entry + "}]}";
    const SeatsParseResult result = SeatAvailabilityParser::parse(json);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document->sessions.size(), 1);
    const LiveSeats s = result.document->sessions.at(0);
    QTEST(s.capacity, "capacity");
    QTEST(s.taken, "taken");
    QTEST(s.waitlist, "waitlist");
    QTEST(s.isFull(), "full");
    QVERIFY(s.seatsLeft() >= 0);
}

void TestSeatAvailabilityParser::skipsBadEntries()
{
    const QByteArray json = R"({"version":7,"serverTime":"not a time","sessions":[
        {"id":"a","capacity":10,"taken":1},
        42, null, [], {"capacity":1,"taken":0}, {"id":"","capacity":1,"taken":0}, {"id":7,"capacity":1,"taken":0},
        {"id":"b","capacity":"ten","taken":1}, {"id":"c","capacity":1.5,"taken":1}, {"id":"d","capacity":2},
        {"id":"a","capacity":99,"taken":99},
        {"id":"ü#2","capacity":2,"taken":1,"version":-4}]})";
    const SeatsParseResult result = SeatAvailabilityParser::parse(json);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document->version, 7);
    QVERIFY(!result.document->serverTime.isValid());
    QCOMPARE(result.document->sessions.size(), 2);
    QCOMPARE(result.document->skippedEntries, 10);
    QCOMPARE(result.document->sessions.at(0).capacity, 10); // the first "a" wins
    QCOMPARE(result.document->sessions.at(1).sessionId, QString::fromUtf8("ü#2"));
    QCOMPARE(result.document->sessions.at(1).version, 0);
}

void TestSeatAvailabilityParser::hostile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("blank") << QByteArray(" \n\t") << "empty";
    QTest::newRow("garbage") << QByteArray("<html>502 Bad Gateway</html>") << "not valid JSON";
    QTest::newRow("truncated") << QByteArray(R"({"version":3,"sessions":[{"id":"a","capacity":)")
                               << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1,2,3]") << "not a JSON object";
    QTest::newRow("string") << QByteArray(R"("seats")") << "not a JSON object";
    QTest::newRow("no sessions") << QByteArray(R"({"version":3})") << "sessions";
    QTest::newRow("sessions object") << QByteArray(R"({"version":3,"sessions":{"a":{}}})") << "sessions";
    QTest::newRow("no version") << QByteArray(R"({"sessions":[]})") << "version";
    QTest::newRow("string version") << QByteArray(R"({"version":"3","sessions":[]})") << "version";
    QTest::newRow("float version") << QByteArray(R"({"version":3.5,"sessions":[]})") << "version";
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << "nested too deeply";
    QTest::newRow("deep inside") << QByteArray(R"({"version":1,"sessions":[)") + QByteArray(40, '[')
                                 << "nested";
    QTest::newRow("nul bytes") << QByteArray("{\0\"version\":1}", 14) << "not valid JSON";
    QTest::newRow("bad utf-8") << QByteArray("{\"version\":1,\"sessions\":[{\"id\":\"\xff\xfe\"}]}")
                               << "not valid JSON";
}

void TestSeatAvailabilityParser::hostile()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorPart);
    const SeatsParseResult result = SeatAvailabilityParser::parse(json);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
}

void TestSeatAvailabilityParser::hugeIsRefusedQuickly()
{
    QByteArray huge = R"({"version":1,"sessions":[)";
    huge.append(QByteArray(SeatAvailabilityParser::kMaxBytes, ' '));
    huge.append("]}");
    QElapsedTimer timer;
    timer.start();
    const SeatsParseResult result = SeatAvailabilityParser::parse(huge);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains("too large"), qPrintable(result.error));
    QVERIFY(timer.elapsed() < 100);

    QByteArray many = R"({"version":1,"sessions":[)";
    for (qsizetype i = 0; i <= SeatAvailabilityParser::kMaxSessions; ++i)
        many.append("0,");
    many.append("0]}");
    const SeatsParseResult tooMany = SeatAvailabilityParser::parse(many);
    QVERIFY(!tooMany.ok());
    QVERIFY2(tooMany.error.contains("too many"), qPrintable(tooMany.error));
}

QTEST_GUILESS_MAIN(TestSeatAvailabilityParser)
#include "tst_seatavailabilityparser.moc"
