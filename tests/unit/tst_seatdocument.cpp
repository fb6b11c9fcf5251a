// The seat document serialized once per ledger version: the same bytes QJsonDocument writes, any serverTime.
#include "seatdocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Plenary;

class TestSeatDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesTheWholeObjectSerialized_data();
    void matchesTheWholeObjectSerialized();
    void etagAndHeadersFollowTheVersion();
    void nullUntilBuilt();
};

namespace {
QList<SeatAvailability> sampleSeats()
{
    return {
        {QStringLiteral("lab"), 40, 39, 0, 31},
        {QStringLiteral("lab#2"), 40, 40, 3, 3},
        {QStringLiteral("over"), 10, 12, 1, 7},
        {QStringLiteral("quote \" ,\"serverTime\":\"\" \\"), 5, 0, 0, 2},
        {QStringLiteral("강의실 \u2028"), 1, 1, 0, 9},
    };
}

/** The document as FeedServer built it before it was cached: one QJsonObject per answer. */
QByteArray reference(qint64 version, const QString &scheduleVersion, const QList<SeatAvailability> &seats,
                     const QString &serverTime)
{
    QJsonArray sessions;
    for (const SeatAvailability &a : seats) {
        sessions.append(QJsonObject{{QStringLiteral("id"), a.sessionId},
                                    {QStringLiteral("capacity"), a.capacity},
                                    {QStringLiteral("taken"), a.taken},
                                    {QStringLiteral("left"), a.seatsLeft()},
                                    {QStringLiteral("waitlist"), a.waitlist},
                                    {QStringLiteral("overCapacity"), a.overCapacity()},
                                    {QStringLiteral("version"), a.version}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), version},
                                     {QStringLiteral("serverTime"), serverTime},
                                     {QStringLiteral("scheduleVersion"), scheduleVersion},
                                     {QStringLiteral("sessions"), sessions}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

void TestSeatDocument::matchesTheWholeObjectSerialized_data()
{
    QTest::addColumn<qint64>("version");
    QTest::addColumn<QString>("scheduleVersion");
    QTest::addColumn<QList<SeatAvailability>>("seats");

    QTest::newRow("sample") << qint64(31) << QStringLiteral("2027.1") << sampleSeats();
    QTest::newRow("no sessions") << qint64(0) << QStringLiteral("2027.1") << QList<SeatAvailability>();
    QTest::newRow("tricky schedule version")
        << qint64(1) << QStringLiteral("v\",\"serverTime\":\"\"") << sampleSeats();
    QTest::newRow("empty schedule version") << qint64(123456789012) << QString() << sampleSeats();
}

void TestSeatDocument::matchesTheWholeObjectSerialized()
{
    QFETCH(qint64, version);
    QFETCH(QString, scheduleVersion);
    QFETCH(QList<SeatAvailability>, seats);

    const SeatDocument document(version, scheduleVersion, seats);
    QVERIFY(!document.isNull());
    QCOMPARE(document.version(), version);
    QCOMPARE(document.scheduleVersion(), scheduleVersion);
    for (const QString &time : {QStringLiteral("2027-05-11T13:02:11.417Z"), QStringLiteral("x")}) {
        const QByteArray json = document.json(time.toLatin1());
        QCOMPARE(json, reference(version, scheduleVersion, seats, time));
        const QJsonObject parsed = QJsonDocument::fromJson(json).object();
        QCOMPARE(parsed.value(u"serverTime").toString(), time);
        QCOMPARE(parsed.value(u"sessions").toArray().size(), seats.size());
    }
}

void TestSeatDocument::etagAndHeadersFollowTheVersion()
{
    const SeatDocument document(32, QStringLiteral("2027.1"), sampleSeats());
    QCOMPARE(document.etag(), QByteArray("W/\"seats-32\""));
    QCOMPARE(SeatDocument::etagFor(7), QByteArray("W/\"seats-7\""));
    const HttpResponder::Headers expected{{"ETag", "W/\"seats-32\""}, {"Cache-Control", "no-cache"}};
    QCOMPARE(document.headers(), expected);
    HttpResponder::Headers withType = expected;
    withType.append({QByteArray("Content-Type"), QByteArray("application/json")});
    QCOMPARE(document.bodyHeaders(), withType);
}

void TestSeatDocument::nullUntilBuilt()
{
    const SeatDocument document;
    QVERIFY(document.isNull());
    QCOMPARE(document.version(), qint64(-1));
    QVERIFY(document.etag().isEmpty());
}

QTEST_GUILESS_MAIN(TestSeatDocument)
#include "tst_seatdocument.moc"
