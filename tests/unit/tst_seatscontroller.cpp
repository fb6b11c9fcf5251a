// SeatsController against the real feed server on 127.0.0.1 port 0 in this process: fill levels from live
// numbers, staleness on an injected clock, reserving, refusals, and the capacity-only view without a feed.
#include "conferencecontroller.h"
#include "database.h"
#include "feedserver.h"
#include "plenaryfeedwriter.h"
#include "seatscontroller.h"
#include "seatsyncclient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Plenary;

namespace {

const QTimeZone Zone("Europe/Berlin");
const QString Badge1 = QStringLiteral("BADGE-0001");
const QString Badge2 = QStringLiteral("BADGE-0002");

Session makeSession(const QString &id, std::optional<int> seats, int hour)
{
    Session s;
    s.id = s.guid = id;
    s.title = QStringLiteral("Title of ") + id;
    s.type = seats ? SessionType::Workshop : SessionType::Talk;
    s.start = QDateTime(QDate(2027, 5, 11), QTime(hour, 0), Zone);
    s.end = s.start.addSecs(3600);
    s.seatCapacity = seats;
    s.registrationRequired = seats.has_value();
    return s;
}

Conference makeConference()
{
    Conference c;
    c.id = QStringLiteral("seats-2027");
    c.title = QStringLiteral("Seats Conf");
    c.timeZone = Zone;
    c.version = QStringLiteral("v1");
    c.sessions = {makeSession("open", 100, 9), makeSession("filling", 100, 10), makeSession("full", 100, 11),
                  makeSession("keynote", std::nullopt, 12), makeSession("last", 1, 14)};
    c.normalize();
    return c;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

class TestSeatsController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void levelFor_data();
    void levelFor();
    void levelsFromLiveSeats();
    void staleAfterSixtySeconds();
    void reserveConfirms();
    void refusalBecomesMessage();
    void actionsNeedSignIn();
    void capacityOnlyWithoutFeed();
    void promotionReachesTheWaitlistedAttendeeWithinASecond();
    void plainHttpFeedBeyondLoopbackIsRefused();
    void offlineStartShowsLastSeatsAsStale();

private:
    QVariantMap waitForSeats(const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FeedServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SeatSyncClient> m_client;
    std::unique_ptr<SeatsController> m_controller;
    quint16 m_port = 0;
    QDateTime m_now;
};

void TestSeatsController::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false\nplenary.sync.info=false"));
}

void TestSeatsController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(m_dir->filePath("conference.json"), PlenaryFeedWriter::write(makeConference())));
    QVERIFY(writeFile(m_dir->filePath("seats.json"), R"({"sessions": {"open": {"taken": 74, "waitlist": 0},
        "filling": {"taken": 75, "waitlist": 0}, "full": {"taken": 100, "waitlist": 3}}})"));

    FeedServerConfig config;
    config.conferencePath = m_dir->filePath("conference.json");
    config.databasePath = m_dir->filePath("ledger.sqlite");
    config.seatsPath = m_dir->filePath("seats.json");
    m_server = std::make_unique<FeedServer>(config);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_server->badges().add(Badge1, Badge{{}, QStringLiteral("Attendee"), false});
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(m_port != 0, qPrintable(error));

    m_now = QDateTime(QDate(2027, 5, 11), QTime(7, 0), Qt::UTC);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<SeatSyncClient>(m_network.get(), nullptr, [this] { return m_now; });
    m_controller = std::make_unique<SeatsController>(nullptr);
    m_controller->setClient(m_client.get());
    m_controller->setClock([this] { return m_now; });
}

void TestSeatsController::cleanup()
{
    m_controller.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
    m_dir.reset();
}

QVariantMap TestSeatsController::waitForSeats(const QString &id)
{
    m_controller->setFeedUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)));
    const bool arrived =
        QTest::qWaitFor([&] { return m_controller->seatInfo(id).value("live").toBool(); }, 5000);
    return arrived ? m_controller->seatInfo(id) : QVariantMap();
}

void TestSeatsController::levelFor_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("taken");
    QTest::addColumn<int>("level");
    QTest::newRow("empty") << 40 << 0 << int(SeatsController::Available);
    QTest::newRow("74 %") << 100 << 74 << int(SeatsController::Available);
    QTest::newRow("75 %") << 100 << 75 << int(SeatsController::Filling);
    QTest::newRow("3 of 4") << 4 << 3 << int(SeatsController::Filling);
    QTest::newRow("99 %") << 100 << 99 << int(SeatsController::Filling);
    QTest::newRow("100 %") << 100 << 100 << int(SeatsController::Full);
    QTest::newRow("over-full") << 10 << 12 << int(SeatsController::Full);
    QTest::newRow("capacity 1, free") << 1 << 0 << int(SeatsController::Available);
    QTest::newRow("capacity 0") << 0 << 0 << int(SeatsController::Full);
}

void TestSeatsController::levelFor()
{
    QFETCH(int, capacity);
    QFETCH(int, taken);
    QFETCH(int, level);
    QCOMPARE(int(SeatsController::levelFor(capacity, taken)), level);
}

void TestSeatsController::levelsFromLiveSeats()
{
    const QVariantMap open = waitForSeats("open");
    QVERIFY(open.value("live").toBool());
    QCOMPARE(open.value("capacity").toInt(), 100);
    QCOMPARE(open.value("taken").toInt(), 74);
    QCOMPARE(open.value("seatsLeft").toInt(), 26);
    QCOMPARE(open.value("level").toInt(), int(SeatsController::Available));
    QCOMPARE(m_controller->seatInfo("filling").value("level").toInt(), int(SeatsController::Filling));
    const QVariantMap full = m_controller->seatInfo("full");
    QCOMPARE(full.value("level").toInt(), int(SeatsController::Full));
    QCOMPARE(full.value("seatsLeft").toInt(), 0);
    QCOMPARE(full.value("waitlist").toInt(), 3);
    QCOMPARE(m_controller->online(), SeatsController::Online);
    QVERIFY(!m_controller->seatInfo("keynote").value("limited").toBool());
}

void TestSeatsController::staleAfterSixtySeconds()
{
    const QVariantMap open = waitForSeats("open");
    QVERIFY(open.value("live").toBool());
    QVERIFY(!open.value("stale").toBool());
    QCOMPARE(m_controller->updatedSecondsAgo(), 0);
    const QDateTime fetched = m_now;
    m_now = fetched.addSecs(59);
    QCOMPARE(m_controller->updatedSecondsAgo(), 59);
    QVERIFY(!m_controller->seatInfo("open").value("stale").toBool());
    m_now = fetched.addSecs(61);
    QVERIFY(m_controller->seatInfo("open").value("stale").toBool());
    QCOMPARE(m_controller->updatedSecondsAgo(), 61);
}

void TestSeatsController::reserveConfirms()
{
    QVERIFY(waitForSeats("open").value("live").toBool());
    QCOMPARE(m_controller->signIn(Badge1), SeatsController::Sent);
    QTRY_VERIFY(m_controller->isSignedIn());
    QCOMPARE(m_controller->signInError(), QString());
    QCOMPARE(m_controller->reserve("open"), SeatsController::Sent);
    QTRY_COMPARE(m_controller->seatInfo("open").value("myStatus").toInt(), int(SeatsController::Confirmed));
    QTRY_COMPARE(m_controller->seatInfo("open").value("taken").toInt(), 75);
    QCOMPARE(m_controller->seatInfo("open").value("level").toInt(), int(SeatsController::Filling));
    QCOMPARE(m_controller->reserve("open"), SeatsController::NotReservable); // already mine
    QCOMPARE(m_controller->cancel("open"), SeatsController::Sent);
    QTRY_COMPARE(m_controller->seatInfo("open").value("myStatus").toInt(), int(SeatsController::None));
    QTRY_COMPARE(m_controller->seatInfo("open").value("taken").toInt(), 74);
}

void TestSeatsController::refusalBecomesMessage()
{
    QVERIFY(waitForSeats("full").value("live").toBool());
    m_controller->signIn(Badge1);
    QTRY_VERIFY(m_controller->isSignedIn());
    QSignalSpy messages(m_controller.get(), &SeatsController::messageChanged);
    QCOMPARE(m_controller->reserve("full"), SeatsController::Sent);
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(m_controller->message(), SeatsController::refusalText("full"));
    QVERIFY(m_controller->message().contains("waitlist"));
    QCOMPARE(m_controller->seatInfo("full").value("myStatus").toInt(), int(SeatsController::None));

    QCOMPARE(m_controller->joinWaitlist("full"), SeatsController::Sent);
    QTRY_COMPARE(m_controller->seatInfo("full").value("myStatus").toInt(), int(SeatsController::Waitlisted));
    QCOMPARE(m_controller->seatInfo("full").value("position").toInt(), 4);
    QVERIFY(m_controller->message().isEmpty());
}

void TestSeatsController::actionsNeedSignIn()
{
    QVERIFY(waitForSeats("open").value("live").toBool());
    QCOMPARE(m_controller->reserve("open"), SeatsController::NotSignedIn);
    m_controller->signIn("NOPE-0000");
    QTRY_VERIFY(!m_controller->signInError().isEmpty());
    QVERIFY(!m_controller->isSignedIn());
    QVERIFY(!m_controller->isSigningIn());
}

void TestSeatsController::capacityOnlyWithoutFeed()
{
    ConferenceController conferences;
    conferences.setConference(makeConference());
    SeatsController controller(nullptr);
    controller.setConferenceController(&conferences);
    QCOMPARE(controller.online(), SeatsController::NoServer);
    const QVariantMap info = controller.seatInfo("filling");
    QVERIFY(info.value("limited").toBool());
    QVERIFY(!info.value("live").toBool());
    QCOMPARE(info.value("capacity").toInt(), 100);
    QVERIFY(!info.value("stale").toBool());
    QCOMPARE(controller.reserve("filling"), SeatsController::NoFeed);
    QVERIFY(!controller.seatInfo("keynote").value("limited").toBool());
}

void TestSeatsController::promotionReachesTheWaitlistedAttendeeWithinASecond()
{
    m_server->badges().add(Badge2, Badge{{}, QStringLiteral("Second"), false});
    ConferenceController conferences;
    conferences.setConference(makeConference());
    const QUrl feed(QStringLiteral("http://127.0.0.1:%1").arg(m_port));

    // A: holds the only seat of "last".
    QNetworkAccessManager networkA;
    SeatSyncClient clientA(&networkA, nullptr, [this] { return m_now; });
    SeatsController a(nullptr);
    a.setClient(&clientA);
    a.setConferenceController(&conferences);
    a.setFeedUrl(feed);
    a.signIn(Badge1);
    QTRY_VERIFY(a.isSignedIn());
    QTRY_VERIFY(a.seatInfo("last").value("live").toBool());
    QCOMPARE(a.reserve("last"), SeatsController::Sent);
    QTRY_COMPARE(a.seatInfo("last").value("myStatus").toInt(), int(SeatsController::Confirmed));

    // B (the fixture's controller): full, so B joins the waitlist as #1.
    SeatsController &b = *m_controller;
    b.setConferenceController(&conferences);
    QTRY_COMPARE(waitForSeats("last").value("level").toInt(), int(SeatsController::Full));
    b.signIn(Badge2);
    QTRY_VERIFY(b.isSignedIn());
    QCOMPARE(b.joinWaitlist("last"), SeatsController::Sent);
    QTRY_COMPARE(b.seatInfo("last").value("myStatus").toInt(), int(SeatsController::Waitlisted));
    QCOMPARE(b.seatInfo("last").value("position").toInt(), 1);
    QVERIFY(b.promotionText().isEmpty());
    // B's long-poll is held by the server with the current version before A lets go.
    QTRY_VERIFY(m_client->isPushActive() && b.seatInfo("last").value("waitlist").toInt() == 1);
    QTest::qWait(200);

    QSignalSpy promoted(&b, &SeatsController::promoted);
    QSignalSpy bannerChanged(&b, &SeatsController::promotionTextChanged);
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    QCOMPARE(a.cancel("last"), SeatsController::Sent);
    QTRY_VERIFY_WITH_TIMEOUT(promoted.size() == 1, 1000);
    const qint64 ms = sinceCancel.elapsed();
    QVERIFY2(ms <= 1000, qPrintable(QString::number(ms)));
    qInfo("promotion reached the waitlisted attendee %lld ms after the cancel", ms);
    QCOMPARE(promoted.at(0).at(0).toString(), "last");
    QCOMPARE(promoted.at(0).at(1).toString(), "Title of last");
    QCOMPARE(bannerChanged.size(), 1);
    QCOMPARE(b.promotionText(), "You have a seat in “Title of last”: you moved up from the waitlist.");
    QCOMPARE(b.promotionText(), SeatsController::promotionTextFor("Title of last"));
    QCOMPARE(b.seatInfo("last").value("myStatus").toInt(), int(SeatsController::Confirmed));
    QTRY_COMPARE(a.seatInfo("last").value("myStatus").toInt(), int(SeatsController::None));
    b.clearPromotion();
    QVERIFY(b.promotionText().isEmpty());
}

void TestSeatsController::plainHttpFeedBeyondLoopbackIsRefused()
{
    QSignalSpy finished(m_network.get(), &QNetworkAccessManager::finished);
    m_controller->setFeedUrl(QUrl("http://192.0.2.10:8080"));
    QVERIFY(m_controller->hasFeed());
    QVERIFY(!m_client->isRunning());
    QCOMPARE(m_controller->online(), SeatsController::Offline);
    QVERIFY2(m_controller->feedError().contains("Allow unencrypted connections"),
             qPrintable(m_controller->feedError()));
    QVERIFY(m_controller->feedError().contains("http://192.0.2.10:8080"));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0);

    m_controller->setAllowInsecureHttp(true);
    QVERIFY(m_controller->feedError().isEmpty());
    QVERIFY(m_client->isRunning());
    m_controller->setAllowInsecureHttp(false);
    QVERIFY(!m_client->isRunning());
    QVERIFY(!m_controller->feedError().isEmpty());

    // https and loopback need no permission.
    m_controller->setFeedUrl(QUrl("https://seats.example.org"));
    QVERIFY(m_controller->feedError().isEmpty());
    m_controller->setFeedUrl(QUrl(QStringLiteral("http://localhost:%1").arg(m_port)));
    QVERIFY(m_controller->feedError().isEmpty());
    QVERIFY(m_client->isRunning());
}

void TestSeatsController::offlineStartShowsLastSeatsAsStale()
{
    Database db(m_dir->filePath("app.sqlite"));
    QVERIFY(db.open());
    const QUrl feed(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    const QDateTime fetchedAt = m_now;
    {
        QNetworkAccessManager network;
        SeatSyncClient client(&network, &db, [this] { return m_now; });
        SeatsController controller(nullptr);
        controller.setClient(&client);
        controller.setClock([this] { return m_now; });
        controller.setFeedUrl(feed);
        QTRY_VERIFY(controller.seatInfo("filling").value("live").toBool());
    }
    m_server.reset(); // no server on the next start

    m_now = fetchedAt.addSecs(2 * 3600 + 5);
    QNetworkAccessManager network;
    SeatSyncClient client(&network, &db, [this] { return m_now; });
    SeatsController controller(nullptr);
    controller.setClient(&client);
    controller.setClock([this] { return m_now; });
    controller.setFeedUrl(feed);
    const QVariantMap info = controller.seatInfo("filling");
    QVERIFY(info.value("live").toBool());
    QCOMPARE(info.value("taken").toInt(), 75);
    QCOMPARE(info.value("level").toInt(), int(SeatsController::Filling));
    QVERIFY(info.value("stale").toBool());
    QCOMPARE(controller.updatedSecondsAgo(), 2 * 3600 + 5);
    QTRY_COMPARE(controller.online(), SeatsController::Offline);
    QVERIFY(controller.seatInfo("filling").value("stale").toBool());
    QCOMPARE(controller.seatInfo("filling").value("taken").toInt(), 75);
}

QTEST_GUILESS_MAIN(TestSeatsController)
#include "tst_seatscontroller.moc"
