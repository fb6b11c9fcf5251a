// The served conference: feed bytes, strong ETag, schedule version (own or derived), ledger view.
#include "feedsnapshot.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

class TestFeedSnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesTheSampleConference();
    void derivesAVersionWhenTheSourceHasNone();
    void etagFollowsContent();
    void unreadableFileIsAnError();
};

void TestFeedSnapshot::servesTheSampleConference()
{
    QString error;
    const auto snapshot =
        FeedSnapshot::load(QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/conference.json"), &error);
    QVERIFY2(snapshot, qPrintable(error));
    const QJsonObject feed = QJsonDocument::fromJson(snapshot->json()).object();
    QCOMPARE(feed.value(u"plenaryFeed").toInt(), 1);
    QCOMPARE(snapshot->version(), feed.value(u"conference").toObject().value(u"version").toString());
    QVERIFY(!snapshot->version().startsWith(QStringLiteral("sha256-")));
    QVERIFY(snapshot->etag().startsWith('"') && snapshot->etag().endsWith('"'));
    QCOMPARE(snapshot->etag().size(), 34);

    const QList<LedgerSession> sessions = snapshot->ledgerSessions();
    QCOMPARE(sessions.size(), snapshot->conference().sessions.size());
    QCOMPARE(sessions.size(), 153);
    const qsizetype limited = std::count_if(sessions.begin(), sessions.end(),
                                            [](const LedgerSession &s) { return s.capacity.has_value(); });
    QCOMPARE(limited, 29);
    for (const LedgerSession &s : sessions) {
        QVERIFY(s.start.isValid());
        QVERIFY(s.start < s.end);
    }
}

void TestFeedSnapshot::derivesAVersionWhenTheSourceHasNone()
{
    QString error;
    const auto ics =
        FeedSnapshot::load(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/kielux_2020.ics"), &error);
    QVERIFY2(ics, qPrintable(error));
    QVERIFY2(ics->version().startsWith(QStringLiteral("sha256-")), qPrintable(ics->version()));
    QCOMPARE(ics->version().size(), 7 + 16);
    // The derived version is part of the served feed, so clients see the same value.
    const QJsonObject feed = QJsonDocument::fromJson(ics->json()).object();
    QCOMPARE(feed.value(u"conference").toObject().value(u"version").toString(), ics->version());
    const auto again =
        FeedSnapshot::load(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/kielux_2020.ics"), &error);
    QCOMPARE(again->version(), ics->version());
    QCOMPARE(again->etag(), ics->etag());
}

void TestFeedSnapshot::etagFollowsContent()
{
    Conference conference;
    conference.id = QStringLiteral("c");
    conference.title = QStringLiteral("C");
    conference.timeZone = QTimeZone("Europe/Berlin");
    conference.version = QStringLiteral("v1");
    Session session;
    session.id = session.guid = QStringLiteral("s1");
    session.title = QStringLiteral("One");
    session.start = QDateTime(QDate(2027, 1, 1), QTime(10, 0), conference.timeZone);
    session.end = session.start.addSecs(3600);
    session.seatCapacity = 10;
    conference.sessions = {session};
    conference.normalize();
    const FeedSnapshot a = FeedSnapshot::fromConference(conference);
    const FeedSnapshot same = FeedSnapshot::fromConference(conference);
    conference.sessions[0].seatCapacity = 11;
    conference.normalize();
    const FeedSnapshot changed = FeedSnapshot::fromConference(conference);
    QCOMPARE(same.etag(), a.etag());
    QVERIFY(changed.etag() != a.etag());
    QCOMPARE(changed.version(), QStringLiteral("v1")); // the source's version is kept as given
    QCOMPARE(changed.ledgerSessions().first().capacity, std::optional<int>(11));
}

void TestFeedSnapshot::unreadableFileIsAnError()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!FeedSnapshot::load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.json")));
    QFile file(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"plenaryFeed\": 1, \"sessions\": [");
    file.close();
    error.clear();
    QVERIFY(!FeedSnapshot::load(file.fileName(), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestFeedSnapshot)
#include "tst_feedsnapshot.moc"
