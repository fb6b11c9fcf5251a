// SeatSyncClient against the real feed server on 127.0.0.1 port 0 in this process (fetch, 304, long-poll
// push, sign-in, reservations, waitlist promotion, the offline outbox and idempotency), and against a
// scripted QTcpServer for faults (500, 503 + Retry-After, timeout, truncated body, garbage, wrong type, huge
// body).
#include "database.h"
#include "feedserver.h"
#include "outboxrepository.h"
#include "seatstaterepository.h"
#include "seatsyncclient.h"

#include "../server/conferencefixture.h"
#include "../server/testclient.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Plenary;
using ConferenceFixture::badge;
using ConferenceFixture::writeConference;

namespace {

const QTimeZone Zone("Europe/Berlin");

/** A one-hour session in May 2027 in Berlin. */
Session makeSession(const QString &id, std::optional<int> seats, int day, int hour)
{
    const QDateTime start(QDate(2027, 5, day), QTime(hour, 0), Zone);
    return ConferenceFixture::seatSession(id, seats, start, start.addSecs(3600));
}

/** A seats server that answers each request as told: "ok", "500", "503", "timeout", "truncated", ... */
class ScriptedServer : public QTcpServer
{
public:
    QByteArray mode = "ok";
    int version = 1;
    int taken = 3;
    QList<QPair<QByteArray, qint64>> requests; ///< mode answered, and when (ms on the test clock)
    QElapsedTimer clock;

    ScriptedServer()
    {
        clock.start();
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
            }
        });
    }

    int count(const QByteArray &answered) const
    {
        return int(std::count_if(requests.cbegin(), requests.cend(),
                                 [&](const auto &r) { return r.first == answered; }));
    }
    /** Milliseconds between the first two requests answered with `answered`; -1 before there are two. */
    qint64 gapBetweenFirstTwo(const QByteArray &answered) const
    {
        qint64 first = -1;
        for (const auto &[answer, at] : requests) {
            if (answer != answered)
                continue;
            if (first >= 0)
                return at - first;
            first = at;
        }
        return -1;
    }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        socket->setProperty("buffer", buffer);
        if (!buffer.contains("\r\n\r\n"))
            return;
        socket->setProperty("buffer", QByteArray());
        const bool longPoll = buffer.left(buffer.indexOf("\r\n")).contains("wait=");
        requests.append({longPoll ? "longpoll" : mode, clock.elapsed()});
        if (longPoll && mode == "nolongpoll") {
            socket->write(
                "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                "Connection: close\r\n\r\n{}");
            socket->disconnectFromHost();
            return;
        }
        const QByteArray etag = "W/\"seats-" + QByteArray::number(version) + '"';
        const QByteArray json = R"({"version":)" + QByteArray::number(version) +
                                R"(,"sessions":[{"id":"s1","capacity":10,"taken":)" +
                                QByteArray::number(taken) + R"(,"waitlist":0}]})";
        QByteArray answer;
        if ((mode == "ok" || mode == "nolongpoll") && buffer.contains(QByteArray("If-None-Match: " + etag))) {
            answer = "HTTP/1.1 304 Not Modified\r\nETag: " + etag + "\r\nConnection: close\r\n\r\n";
        } else if (mode == "ok" || mode == "nolongpoll" || mode == "wrongtype") {
            answer = "HTTP/1.1 200 OK\r\nContent-Type: " +
                     QByteArray(mode == "wrongtype" ? "text/html" : "application/json") +
                     "\r\nETag: " + etag + "\r\nContent-Length: " + QByteArray::number(json.size()) +
                     "\r\nConnection: close\r\n\r\n" + json;
        } else if (mode == "500") {
            answer = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
                     "application/json\r\nContent-Length: 2\r\n"
                     "Connection: close\r\n\r\n{}";
        } else if (mode == "503date") {
            // Retry-After as an HTTP-date two seconds after the server's own Date.
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const auto httpDate = [](const QDateTime &t) {
                return QLocale::c().toString(t, "ddd, dd MMM yyyy HH:mm:ss 'GMT'").toLatin1();
            };
            answer = "HTTP/1.1 503 Service Unavailable\r\nDate: " + httpDate(now) +
                     "\r\nRetry-After: " + httpDate(now.addSecs(2)) +
                     "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        } else if (mode == "503") {
            answer = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
                     "Connection: close\r\n\r\n";
        } else if (mode == "truncated") {
            answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n"
                     "Connection: close\r\n\r\n" +
                     json.left(20);
        } else if (mode == "garbage") {
            answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                     "Connection: close\r\n\r\n<<not json!";
        } else if (mode == "huge") {
            answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" +
                     json.left(20) + QByteArray(512 * 1024, ' ');
        } else {
            return; // "timeout": never answer
        }
        socket->write(answer);
        socket->disconnectFromHost();
    }
};

} // namespace

class TestSeatSyncClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void initialFetchAnd304();
    void longPollPushWithinASecond();
    void signInAndReserve();
    void fullThenWaitlistThenPromoted();
    void offlineOutboxDrainsAfterRestart();
    void faults_data();
    void faults();
    void longPollFailureFallsBackToPolling();
    void retryAfterSeconds_data();
    void retryAfterSeconds();
    void retryAfterHttpDateIsHonoured();
    void lastSeatsSurviveAnOfflineStart();
    void plainHttpBeyondLoopbackIsRefused();

private:
    bool startServer(quint16 port = 0);
    std::unique_ptr<SeatSyncClient> makeClient(Database *db, SeatSyncClient::Settings settings = {});
    /** A started client (without a database) of `server`, now listening on a free port; null on failure. */
    std::unique_ptr<SeatSyncClient> startScripted(ScriptedServer &server,
                                                  const SeatSyncClient::Settings &settings);
    /** Plain polling every 100 ms, no long-poll wait. */
    static SeatSyncClient::Settings pollingSettings()
    {
        SeatSyncClient::Settings settings;
        settings.longPollWaitSeconds = 0;
        settings.pollIntervalMs = 100;
        return settings;
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FeedServer> m_server;
    quint16 m_port = 0;
    QStringList m_log;
    QDateTime m_now;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_nams;
};

void TestSeatSyncClient::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false\nplenary.sync.info=false"));
}

void TestSeatSyncClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(
        writeConference(m_dir->filePath("conference.json"),
                        ConferenceFixture::conference(
                            "sync-2027", "Sync Conf", Zone, "v1",
                            {makeSession("lab", 40, 11, 9), makeSession("tiny", 1, 11, 13),
                             makeSession("race", 5, 12, 9), makeSession("keynote", std::nullopt, 12, 13)})));
    m_now = QDateTime(QDate(2027, 5, 11), QTime(8, 0), Qt::UTC);
    QVERIFY(startServer());
}

void TestSeatSyncClient::cleanup()
{
    m_server.reset();
    m_nams.clear();
    m_dir.reset();
    m_log.clear();
}

bool TestSeatSyncClient::startServer(quint16 port)
{
    m_server.reset();
    FeedServerConfig config;
    config.conferencePath = m_dir->filePath("conference.json");
    config.databasePath = m_dir->filePath("ledger.sqlite");
    m_server = std::make_unique<FeedServer>(config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning() << error;
        return false;
    }
    for (int i = 0; i < 10; ++i)
        m_server->badges().add(badge(i), Badge{{}, QStringLiteral("Attendee %1").arg(i), false});
    connect(m_server.get(), &FeedServer::requestLogged, this,
            [this](const QString &line) { m_log.append(line); });
    m_port = m_server->listen(QHostAddress::LocalHost, port, &error);
    if (m_port == 0)
        qWarning() << error;
    return m_port != 0;
}

std::unique_ptr<SeatSyncClient> TestSeatSyncClient::makeClient(Database *db,
                                                               SeatSyncClient::Settings settings)
{
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    auto client = std::make_unique<SeatSyncClient>(m_nams.back().get(), db, [this] { return m_now; });
    settings.backoffInitialMs = 100;
    settings.backoffMaxMs = 800;
    client->setSettings(settings);
    client->setBaseUrl(baseUrl());
    return client;
}

std::unique_ptr<SeatSyncClient> TestSeatSyncClient::startScripted(ScriptedServer &server,
                                                                  const SeatSyncClient::Settings &settings)
{
    if (!server.listen(QHostAddress::LocalHost, 0))
        return nullptr;
    m_port = server.serverPort();
    auto client = makeClient(nullptr, settings);
    client->start();
    return client;
}

void TestSeatSyncClient::initialFetchAnd304()
{
    SeatSyncClient::Settings settings;
    settings.longPollWaitSeconds = 1;
    auto client = makeClient(nullptr, settings);
    QSignalSpy changed(client.get(), &SeatSyncClient::seatsChanged);
    QSignalSpy online(client.get(), &SeatSyncClient::onlineChanged);
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Offline);
    client->start();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList(), (QStringList{"lab", "race", "tiny"}));
    QCOMPARE(client->allSeats().size(), 3);
    QCOMPARE(client->seats("lab")->capacity, 40);
    QCOMPARE(client->seats("lab")->taken, 0);
    QCOMPARE(client->seats("tiny")->capacity, 1);
    QVERIFY(!client->seats("keynote"));
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Online);
    QVERIFY(client->isPushActive());
    QVERIFY(online.size() >= 1);
    QVERIFY(client->seatsVersion() >= 0);
    QVERIFY(client->seats("lab")->updatedAt.isValid());

    // Nothing changes: the 1 s long-poll ends in 304, which refreshes lastUpdated without a new signal.
    QSignalSpy updated(client.get(), &SeatSyncClient::lastUpdatedChanged);
    m_now = m_now.addSecs(40);
    QTRY_VERIFY2_WITH_TIMEOUT(!m_log.filter(QRegularExpression(R"(GET /api/seats 304)")).isEmpty(),
                              qPrintable(m_log.join(u'\n')), 5000);
    QTRY_COMPARE(client->lastUpdated(), m_now);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Online);
}

void TestSeatSyncClient::longPollPushWithinASecond()
{
    auto client = makeClient(nullptr);
    QSignalSpy changed(client.get(), &SeatSyncClient::seatsChanged);
    client->start();
    QTRY_COMPARE(changed.size(), 1);
    QTest::qWait(200); // let the long-poll park on the server
    QCOMPARE(m_server->waitingClients(), 1);

    QElapsedTimer timer;
    qint64 seenAfter = -1;
    connect(client.get(), &SeatSyncClient::seatsChanged, this, [&](const QStringList &ids) {
        if (ids.contains("lab") && seenAfter < 0)
            seenAfter = timer.elapsed();
    });
    TestClient other(m_port);
    QVERIFY(other.signIn(badge(5)));
    timer.start();
    QCOMPARE(other.call("POST", "/api/reservations", R"({"session":"lab"})").status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(seenAfter >= 0, 2000);
    qInfo("push latency: %lld ms", seenAfter);
    QVERIFY2(seenAfter < 1000, qPrintable(QString::number(seenAfter)));
    QCOMPARE(client->seats("lab")->taken, 1);
    QCOMPARE(changed.constLast().at(0).toStringList(), QStringList{"lab"});
}

void TestSeatSyncClient::signInAndReserve()
{
    Database db(m_dir->filePath("app.sqlite"));
    QVERIFY(db.open());
    auto client = makeClient(&db);
    client->start();
    QSignalSpy failed(client.get(), &SeatSyncClient::signInFailed);
    client->signIn("NOT-A-BADGE");
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), "unknown-badge");
    QVERIFY(!client->isSignedIn());

    QSignalSpy signedIn(client.get(), &SeatSyncClient::signedInChanged);
    client->signIn("badge 0001");
    QTRY_VERIFY(client->isSignedIn());
    const QString token = SeatStateRepository(db).token(baseUrl().toString());
    QCOMPARE(token.size(), 43);

    QSignalSpy mine(client.get(), &SeatSyncClient::reservationChanged);
    client->reserve("lab");
    QCOMPARE(client->reservation("lab").status, SeatSyncClient::ReservationStatus::Pending);
    QCOMPARE(client->pendingActions(), 1);
    QTRY_COMPARE(client->reservation("lab").status, SeatSyncClient::ReservationStatus::Confirmed);
    QCOMPARE(client->pendingActions(), 0);
    QVERIFY(client->reservation("lab").reservationId > 0);
    QVERIFY(mine.size() >= 2);
    QTRY_COMPARE(client->seats("lab")->taken, 1);
    for (const QString &line : std::as_const(m_log))
        QVERIFY(!line.contains(token));

    client->cancel("lab");
    QTRY_COMPARE(client->reservation("lab").status, SeatSyncClient::ReservationStatus::None);
    QTRY_COMPARE(client->seats("lab")->taken, 0);
    QCOMPARE(client->myReservations().size(), 0);

    // Signing out revokes the token on the server too, not only on this device.
    QVERIFY(m_server->tokens().verify(token.toUtf8()));
    client->signOut();
    QVERIFY(!client->isSignedIn());
    QVERIFY(SeatStateRepository(db).token(baseUrl().toString()).isEmpty());
    QTRY_VERIFY(!m_server->tokens().verify(token.toUtf8()));
}

void TestSeatSyncClient::fullThenWaitlistThenPromoted()
{
    auto client = makeClient(nullptr);
    client->start();
    client->signIn(badge(2));
    QTRY_VERIFY(client->isSignedIn());

    TestClient other(m_port);
    QVERIFY(other.signIn(badge(3)));
    const TestResponse taken = other.call("POST", "/api/reservations", R"({"session":"tiny"})");
    QCOMPARE(taken.status, 201);
    const qint64 otherId = taken.json().value("reservation").toObject().value("id").toInteger();
    QTRY_VERIFY(client->seats("tiny") && client->seats("tiny")->isFull());

    QSignalSpy refused(client.get(), &SeatSyncClient::actionRefused);
    client->reserve("tiny");
    QTRY_COMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), "tiny");
    QCOMPARE(refused.at(0).at(1).toString(), "full");
    QCOMPARE(client->reservation("tiny").status, SeatSyncClient::ReservationStatus::None);

    client->joinWaitlist("tiny");
    QTRY_COMPARE(client->reservation("tiny").status, SeatSyncClient::ReservationStatus::Waitlisted);
    QCOMPARE(client->reservation("tiny").position, 1);
    QTRY_COMPARE(client->seats("tiny")->waitlist, 1);

    QSignalSpy promoted(client.get(), &SeatSyncClient::promoted);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(other.call("DELETE", QStringLiteral("/api/reservations/%1").arg(otherId)).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(promoted.size(), 1, 3000);
    qInfo("promotion seen after %lld ms", timer.elapsed());
    QCOMPARE(promoted.at(0).at(0).toString(), "tiny");
    QCOMPARE(client->reservation("tiny").status, SeatSyncClient::ReservationStatus::Confirmed);
    QCOMPARE(client->reservation("tiny").position, 0);
}

void TestSeatSyncClient::offlineOutboxDrainsAfterRestart()
{
    const QString appDb = m_dir->filePath("app.sqlite");
    const quint16 port = m_port;
    {
        Database db(appDb);
        QVERIFY(db.open());
        auto client = makeClient(&db);
        client->start();
        client->signIn(badge(4));
        QTRY_VERIFY(client->isSignedIn());
        QTRY_COMPARE(client->online(), SeatSyncClient::Connectivity::Online);

        m_server.reset(); // the server goes away
        QTRY_COMPARE(client->online(), SeatSyncClient::Connectivity::Offline);
        QVERIFY(client->seats("lab")); // last good data kept
        client->reserve("lab");
        client->reserve("lab"); // the same action twice
        client->joinWaitlist("race");
        QCOMPARE(client->pendingActions(), 3);
        QCOMPARE(client->reservation("lab").status, SeatSyncClient::ReservationStatus::Pending);
        QCOMPARE(client->reservation("race").status, SeatSyncClient::ReservationStatus::Pending);
        QTest::qWait(300);
        QCOMPARE(client->pendingActions(), 3);
    } // the app quits with actions queued

    Database db(appDb);
    QVERIFY(db.open());
    const QList<OutboxEntry> queued = OutboxRepository(db).pending(baseUrl().toString());
    QCOMPARE(queued.size(), 3);
    auto client = makeClient(&db);
    QVERIFY(client->isSignedIn());
    QCOMPARE(client->pendingActions(), 3);
    client->start();
    QTest::qWait(200);
    QCOMPARE(client->pendingActions(), 3);

    QVERIFY(startServer(port)); // back on the same address; the token survived in the ledger
    QTRY_COMPARE_WITH_TIMEOUT(client->pendingActions(), 0, 8000);
    QCOMPARE(client->reservation("lab").status, SeatSyncClient::ReservationStatus::Confirmed);
    QCOMPARE(client->reservation("race").status, SeatSyncClient::ReservationStatus::Confirmed);
    QTRY_COMPARE(client->online(), SeatSyncClient::Connectivity::Online);
    const auto takenOf = [this](const QString &id) {
        for (const SeatAvailability &a : m_server->ledger().availability()) {
            if (a.sessionId == id)
                return a.taken;
        }
        return -1;
    };
    QCOMPARE(takenOf("lab"), 1); // sent twice, one seat

    // An answer lost on the way: the same entry (same key) is sent again and holds no second seat.
    OutboxEntry again = queued.at(0);
    QVERIFY(OutboxRepository(db).enqueue(again));
    client->reserve("tiny");
    QTRY_COMPARE_WITH_TIMEOUT(client->pendingActions(), 0, 5000);
    QCOMPARE(takenOf("lab"), 1);
    QCOMPARE(takenOf("tiny"), 1);
    QCOMPARE(client->reservation("lab").status, SeatSyncClient::ReservationStatus::Confirmed);
    QTRY_COMPARE(client->seats("lab")->taken, 1);
}

void TestSeatSyncClient::faults_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<SeatSyncClient::Connectivity>("state");
    QTest::newRow("500") << QByteArray("500") << SeatSyncClient::Connectivity::Degraded;
    QTest::newRow("503 Retry-After") << QByteArray("503") << SeatSyncClient::Connectivity::Degraded;
    QTest::newRow("timeout") << QByteArray("timeout") << SeatSyncClient::Connectivity::Offline;
    QTest::newRow("truncated") << QByteArray("truncated") << SeatSyncClient::Connectivity::Degraded;
    QTest::newRow("garbage") << QByteArray("garbage") << SeatSyncClient::Connectivity::Degraded;
    QTest::newRow("wrong type") << QByteArray("wrongtype") << SeatSyncClient::Connectivity::Degraded;
    QTest::newRow("huge") << QByteArray("huge") << SeatSyncClient::Connectivity::Degraded;
}

void TestSeatSyncClient::faults()
{
    QFETCH(QByteArray, mode);
    QFETCH(SeatSyncClient::Connectivity, state);
    ScriptedServer server;
    SeatSyncClient::Settings settings = pollingSettings();
    settings.transferTimeoutMs = 300;
    settings.maxBodyBytes = 64 * 1024;
    auto client = startScripted(server, settings);
    QVERIFY(client);
    QTRY_COMPARE(client->seats("s1") ? client->seats("s1")->taken : -1, 3);
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Online);
    QTRY_VERIFY(server.count("ok") >= 2); // polling with If-None-Match
    const QDateTime goodAt = client->lastUpdated();

    server.mode = mode;
    QTRY_COMPARE(client->online(), state);
    QVERIFY(!client->lastError().isEmpty());
    QCOMPARE(client->seats("s1")->taken, 3); // the last good data stays
    QCOMPARE(client->lastUpdated(), goodAt);
    if (mode == "503") {
        QTRY_VERIFY_WITH_TIMEOUT(server.count("503") >= 2, 4000);
        const qint64 gap = server.gapBetweenFirstTwo("503");
        QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));
    } else {
        QTest::qWait(400);
        QCOMPARE(client->online(), state);
    }

    server.mode = "ok";
    server.version = 2;
    server.taken = 5;
    m_now = m_now.addSecs(10);
    QTRY_COMPARE_WITH_TIMEOUT(client->seats("s1")->taken, 5, 4000);
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Online);
    QCOMPARE(client->lastUpdated(), m_now);
    QVERIFY(client->lastError().isEmpty());
}

void TestSeatSyncClient::longPollFailureFallsBackToPolling()
{
    ScriptedServer server;
    server.mode = "nolongpoll";
    SeatSyncClient::Settings settings = pollingSettings();
    settings.longPollWaitSeconds = 5;
    settings.longPollRetryAfterPolls = 4;
    auto client = startScripted(server, settings);
    QVERIFY(client);
    QTRY_COMPARE(client->seats("s1") ? client->seats("s1")->taken : -1, 3);
    QTRY_COMPARE(client->online(), SeatSyncClient::Connectivity::Degraded);
    QVERIFY(!client->isPushActive());
    QTRY_VERIFY(server.count("longpoll") >= 2); // tried again after some plain polls
    QVERIFY(server.count("nolongpoll") >= 5);
    server.taken = 4;
    server.version = 2;
    QTRY_COMPARE(client->seats("s1")->taken, 4); // polling still brings changes

    server.mode = "ok";
    QTRY_VERIFY_WITH_TIMEOUT(client->isPushActive(), 5000);
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Online);
}

void TestSeatSyncClient::retryAfterSeconds_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("seconds, spaces") << QByteArray(" 7 ") << 7;
    QTest::newRow("IMF-fixdate") << QByteArray("Tue, 11 May 2027 08:00:30 GMT") << 30;
    QTest::newRow("RFC 850") << QByteArray("Tuesday, 11-May-27 08:01:00 GMT") << 60;
    QTest::newRow("asctime") << QByteArray("Tue May 11 08:00:05 2027") << 5;
    QTest::newRow("date in the past") << QByteArray("Tue, 11 May 2027 07:59:00 GMT") << 0;
    QTest::newRow("far future, capped")
        << QByteArray("Fri, 11 Jun 2027 08:00:00 GMT") << int(SeatSyncClient::kMaxRetryAfterSeconds);
    QTest::newRow("huge seconds, capped")
        << QByteArray("999999") << int(SeatSyncClient::kMaxRetryAfterSeconds);
    QTest::newRow("negative") << QByteArray("-5") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << 0;
    QTest::newRow("empty") << QByteArray() << 0;
}

void TestSeatSyncClient::retryAfterSeconds()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2027, 5, 11), QTime(8, 0), Qt::UTC);
    QCOMPARE(SeatSyncClient::retryAfterSeconds(value, now), seconds);
}

void TestSeatSyncClient::retryAfterHttpDateIsHonoured()
{
    ScriptedServer server;
    auto client =
        startScripted(server, pollingSettings()); // backoff 100..800 ms: only Retry-After explains 2 s
    QVERIFY(client);
    QTRY_VERIFY(client->seats("s1").has_value());
    server.mode = "503date";
    QTRY_VERIFY_WITH_TIMEOUT(server.count("503date") >= 2, 6000);
    // The date has whole seconds, so the wait is between 1 and 2 s after the answer; backoff alone is < 0.8
    // s.
    const qint64 gap = server.gapBetweenFirstTwo("503date");
    QVERIFY2(gap >= 1000, qPrintable(QString::number(gap)));
    QCOMPARE(client->seats("s1")->taken, 3);
}

void TestSeatSyncClient::lastSeatsSurviveAnOfflineStart()
{
    Database db(m_dir->filePath("app.sqlite"));
    QVERIFY(db.open());
    const QDateTime fetchedAt = m_now;
    {
        auto client = makeClient(&db);
        client->start();
        QTRY_VERIFY(client->seats("lab").has_value());
        TestClient other(m_port);
        QVERIFY(other.signIn(badge(4)));
        QCOMPARE(other.call("POST", "/api/reservations", R"({"session":"lab"})").status, 201);
        QTRY_COMPARE(client->seats("lab")->taken, 1);
    }
    m_server.reset(); // the server is gone: the next start is offline

    m_now = m_now.addSecs(2 * 3600);
    auto client = makeClient(&db);
    QVERIFY(client->seats("lab").has_value());
    QCOMPARE(client->seats("lab")->capacity, 40);
    QCOMPARE(client->seats("lab")->taken, 1);
    QCOMPARE(client->seats("tiny")->capacity, 1);
    QCOMPARE(client->lastUpdated(), fetchedAt);
    client->start();
    QTRY_VERIFY(!client->lastError().isEmpty()); // the first request failed
    QCOMPARE(client->online(), SeatSyncClient::Connectivity::Offline);
    QCOMPARE(client->seats("lab")->taken, 1);
    QCOMPARE(client->lastUpdated(), fetchedAt);

    // Another server's seats are not shown for this one.
    client->setBaseUrl(QUrl("http://127.0.0.1:9"));
    QVERIFY(!client->seats("lab").has_value());
    QVERIFY(!client->lastUpdated().isValid());
}

void TestSeatSyncClient::plainHttpBeyondLoopbackIsRefused()
{
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    SeatSyncClient client(m_nams.back().get(), nullptr, [this] { return m_now; });
    QSignalSpy finished(m_nams.back().get(), &QNetworkAccessManager::finished);
    client.setBaseUrl(QUrl("http://192.0.2.10:8080"));
    client.start();
    QVERIFY(!client.isRunning());
    QCOMPARE(client.online(), SeatSyncClient::Connectivity::Offline);
    QVERIFY2(client.lastError().contains("Allow unencrypted connections"), qPrintable(client.lastError()));
    QVERIFY(client.lastError().contains("http://192.0.2.10:8080"));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0); // never contacted

    client.setAllowInsecureHttp(true);
    client.start();
    QVERIFY(client.isRunning());
    client.stop();
}

QTEST_GUILESS_MAIN(TestSeatSyncClient)
#include "tst_seatsyncclient.moc"
