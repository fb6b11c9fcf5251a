// Slow and greedy clients against the real feed server on 127.0.0.1: a head or body trickled in (slowloris)
// gets 408 and is closed, a silent connection is closed, a long-poll that outlasts the request timeout is
// not, connections over the total or per-address cap are refused at once with 503, and clients that stop
// reading (an event stream, pipelined answers) are cut once too much waits for them.
#include "conferencefixture.h"
#include "feedserver.h"
#include "rawclient.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <vector>

using namespace Plenary;

namespace {
constexpr int RequestTimeoutMs = 1000;
constexpr int BigSessions = 2000; ///< seat-limited sessions in big.json: ~180 KB per seats event
constexpr qint64 MiB = 1024 * 1024;

/** A client that reads at most a few KiB and then nothing more, with a small kernel receive buffer too. */
void stopReading(RawClient &client)
{
    client.socket().setReadBufferSize(4096);
    QVERIFY(client.waitConnected());
    client.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
}

/** Sockets alive under the server (accepted connections not yet deleted). */
int liveSockets(FeedServer &server)
{
    return int(server.http().findChildren<QTcpSocket *>().size());
}
} // namespace

class TestSlowClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void slowlorisHeadGets408();
    void slowBodyGets408();
    void silentConnectionIsClosed();
    void waitingRequestsAreNotCut();
    void connectionCapPerAddress();
    void connectionCapInTotal();
    void waitingClientsAreCapped();
    void streamReaderThatStopsReadingIsCut();
    void clientThatDoesNotReadAnswersIsDropped_data();
    void clientThatDoesNotReadAnswersIsDropped();

private:
    bool start(FeedServerConfig config, const QString &conference = QStringLiteral("conference.json"));
    bool stillServes();

    QTemporaryDir m_dir;
    std::unique_ptr<FeedServer> m_server;
    quint16 m_port = 0;
    int m_servers = 0;
    QStringList m_log;
};

void TestSlowClient::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false"));
    QVERIFY(m_dir.isValid());
    const QTimeZone zone("Europe/Berlin");
    const QDateTime nine(QDate(2027, 5, 11), QTime(9, 0), zone);
    const Session lab = ConferenceFixture::seatSession(QStringLiteral("lab"), 10, nine, nine.addSecs(3600),
                                                       QStringLiteral("Lab"));
    const Conference conference = ConferenceFixture::conference(
        QStringLiteral("slow"), QStringLiteral("Slow Conf"), zone, QStringLiteral("1"), {lab});
    QVERIFY(
        ConferenceFixture::writeConference(m_dir.filePath(QStringLiteral("conference.json")), conference));

    // A big conference for the clients that stop reading: large seat documents and a large feed.
    Conference big = conference;
    big.sessions.clear();
    for (int i = 0; i < BigSessions; ++i) {
        Session s = lab;
        s.id = s.guid = QStringLiteral("s%1").arg(i, 4, 10, QLatin1Char('0'));
        s.title = QStringLiteral("Workshop number %1 on a long and descriptive subject").arg(i);
        s.abstractText = QString(400, u'a');
        s.start = lab.start.addSecs(3600 * (i % 8));
        s.end = s.start.addSecs(3600);
        big.sessions.append(s);
    }
    big.normalize();
    QVERIFY(ConferenceFixture::writeConference(m_dir.filePath(QStringLiteral("big.json")), big));
}

void TestSlowClient::init()
{
    FeedServerConfig config;
    config.requestTimeoutMs = RequestTimeoutMs;
    QVERIFY(start(config));
}

void TestSlowClient::cleanup()
{
    m_server.reset();
    m_log.clear();
}

bool TestSlowClient::start(FeedServerConfig config, const QString &conference)
{
    m_server.reset();
    config.conferencePath = m_dir.filePath(conference);
    config.databasePath =
        m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_servers)); // fresh each time
    m_server = std::make_unique<FeedServer>(config);
    connect(m_server.get(), &FeedServer::requestLogged, this,
            [this](const QString &line) { m_log.append(line); });
    QString error;
    if (!m_server->start(&error))
        return false;
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    return m_port != 0;
}

bool TestSlowClient::stillServes()
{
    return RawClient::exchange(m_port, RawClient::request("GET", "/api/health")).status == 200;
}

void TestSlowClient::slowlorisHeadGets408()
{
    RawClient slow(m_port);
    QVERIFY(slow.waitConnected());
    const QByteArray head = "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    QElapsedTimer timer;
    timer.start();
    slow.send("GET /api/seats HTTP/1.1\r\nHost: test\r\n");
    // Then one byte every 100 ms: the connection is never idle, but the head never completes.
    qsizetype sent = 0;
    while (slow.socket().state() == QAbstractSocket::ConnectedState && sent < head.size() &&
           timer.elapsed() < 5000) {
        slow.send(head.mid(sent++, 1));
        RawClient::spin([] { return false; }, 100);
        if (slow.socket().bytesAvailable() > 0)
            break;
    }
    const RawResponse response = slow.read(3000);
    QCOMPARE(response.status, 408);
    QCOMPARE(response.errorCode(), QStringLiteral("request-timeout"));
    QVERIFY(response.header("Connection").compare("close", Qt::CaseInsensitive) == 0);
    QVERIFY2(timer.elapsed() >= RequestTimeoutMs - 100 && timer.elapsed() < RequestTimeoutMs + 1500,
             qPrintable(QString::number(timer.elapsed())));
    QVERIFY(sent < head.size());
    QVERIFY(slow.waitClosed(4000));
    QVERIFY2(!m_log.filter(QStringLiteral("GET /api/seats 408 ")).isEmpty(), qPrintable(m_log.join(u'\n')));
    QVERIFY(stillServes());
}

void TestSlowClient::slowBodyGets408()
{
    RawClient slow(m_port);
    QVERIFY(slow.waitConnected());
    slow.send("POST /api/session HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
              "Content-Length: 64\r\n\r\n{\"badge\":");
    QElapsedTimer timer;
    timer.start();
    const RawResponse response = slow.read(RequestTimeoutMs + 3000);
    QCOMPARE(response.status, 408);
    QCOMPARE(response.errorCode(), QStringLiteral("request-timeout"));
    QVERIFY(timer.elapsed() >= RequestTimeoutMs - 100);
    QVERIFY(slow.waitClosed(4000));
    QVERIFY(stillServes());
    QVERIFY(!m_log.filter(QStringLiteral("POST /api/session 408 ")).isEmpty());
}

void TestSlowClient::silentConnectionIsClosed()
{
    RawClient silent(m_port);
    QVERIFY(silent.waitConnected());
    QTRY_COMPARE(m_server->http().openConnections(), 1);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent.waitClosed(RequestTimeoutMs + 3000));
    QVERIFY(timer.elapsed() >= RequestTimeoutMs - 100);
    QTRY_COMPARE(m_server->http().openConnections(), 0);
    QVERIFY(stillServes());
}

void TestSlowClient::waitingRequestsAreNotCut()
{
    // A long-poll waits longer than the request timeout: the request arrived completely, so no 408.
    const RawResponse health = RawClient::exchange(m_port, RawClient::request("GET", "/api/health"));
    const QByteArray version = QByteArray::number(health.json().value(u"seatsVersion").toInteger());
    RawClient poll(m_port);
    QElapsedTimer timer;
    timer.start();
    poll.send(RawClient::request("GET", "/api/seats?since=" + version + "&wait=2"));
    const RawResponse answer = poll.read(6000);
    QCOMPARE(answer.status, 200);
    // Well past the 1 s request timeout (a coarse 2 s timer may fire up to 5 % early).
    QVERIFY2(timer.elapsed() >= 1800,
             qPrintable(QStringLiteral("%1 ms, since %2: %3")
                            .arg(timer.elapsed())
                            .arg(QString::fromLatin1(version), QString::fromUtf8(answer.body.left(80)))));
    // The same keep-alive connection then idles past the request timeout and still serves a second request.
    RawClient::spin([] { return false; }, RequestTimeoutMs + 300);
    QCOMPARE(poll.socket().state(), QAbstractSocket::ConnectedState);
    poll.send(RawClient::request("GET", "/api/health"));
    QCOMPARE(poll.read().status, 200);
}

void TestSlowClient::connectionCapPerAddress()
{
    FeedServerConfig config;
    config.requestTimeoutMs = 0; // the open connections below stay silent
    config.maxConnectionsPerAddress = 4;
    QVERIFY(start(config));
    std::vector<std::unique_ptr<RawClient>> open;
    const QHostAddress greedy(QStringLiteral("127.0.0.2"));
    for (int i = 0; i < 4; ++i) {
        open.push_back(std::make_unique<RawClient>(m_port, greedy));
        QVERIFY(open.back()->waitConnected());
    }
    QTRY_COMPARE(m_server->http().openConnections(), 4);

    RawClient refused(m_port, greedy);
    refused.send(RawClient::request("GET", "/api/health"));
    const RawResponse response = refused.read(3000);
    QCOMPARE(response.status, 503);
    QCOMPARE(response.errorCode(), QStringLiteral("too-many-connections"));
    QVERIFY(response.header("Retry-After").toInt() >= 1);
    QVERIFY2(response.elapsedMs < 1000, qPrintable(QString::number(response.elapsedMs)));
    QVERIFY(refused.waitClosed(4000));
    QCOMPARE(m_server->http().openConnections(), 4);

    // Other addresses are not affected, and a closed connection frees its place.
    QCOMPARE(RawClient::exchange(m_port, RawClient::request("GET", "/api/health"), 3000,
                                 QHostAddress(QStringLiteral("127.0.0.3")))
                 .status,
             200);
    open.front()->socket().disconnectFromHost();
    QTRY_COMPARE(m_server->http().openConnections(), 3);
    QCOMPARE(RawClient::exchange(m_port, RawClient::request("GET", "/api/health"), 3000, greedy).status, 200);
    // The open connections are still usable.
    open.back()->send(RawClient::request("GET", "/api/health"));
    QCOMPARE(open.back()->read().status, 200);
}

void TestSlowClient::connectionCapInTotal()
{
    FeedServerConfig config;
    config.requestTimeoutMs = 0;
    config.maxConnections = 5;
    config.maxConnectionsPerAddress = 0;
    QVERIFY(start(config));
    std::vector<std::unique_ptr<RawClient>> open;
    for (int i = 0; i < 5; ++i) {
        open.push_back(
            std::make_unique<RawClient>(m_port, QHostAddress(QStringLiteral("127.0.0.%1").arg(10 + i))));
        QVERIFY(open.back()->waitConnected());
    }
    QTRY_COMPARE(m_server->http().openConnections(), 5);
    const RawResponse response = RawClient::exchange(m_port, RawClient::request("GET", "/api/health"), 3000,
                                                     QHostAddress(QStringLiteral("127.0.0.20")));
    QCOMPARE(response.status, 503);
    QCOMPARE(response.errorCode(), QStringLiteral("too-many-connections"));
    QVERIFY(response.elapsedMs < 1000);
    open.clear();
    QTRY_COMPARE(m_server->http().openConnections(), 0);
    QVERIFY(stillServes());
}

void TestSlowClient::waitingClientsAreCapped()
{
    FeedServerConfig config;
    config.maxWaiters = 2;
    QVERIFY(start(config));
    const QByteArray version = QByteArray::number(m_server->ledger().version());
    const QByteArray poll = RawClient::request("GET", "/api/seats?since=" + version + "&wait=30");
    RawClient first(m_port);
    RawClient stream(m_port);
    first.send(poll);
    stream.send(RawClient::request("GET", "/api/seats/stream"));
    QTRY_COMPARE(m_server->waitingClients(), 2);
    const RawResponse busy = RawClient::exchange(m_port, poll);
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.errorCode(), QStringLiteral("busy"));
    QVERIFY(busy.header("Retry-After").toInt() >= 1);
    first.socket().abort();
    QTRY_COMPARE(m_server->waitingClients(), 1);
    RawClient again(m_port);
    again.send(poll);
    QTRY_COMPARE(m_server->waitingClients(), 2);
}

void TestSlowClient::streamReaderThatStopsReadingIsCut()
{
    QVERIFY(start(FeedServerConfig{}, QStringLiteral("big.json")));
    const QByteArray streamRequest = RawClient::request("GET", "/api/seats/stream");
    RawClient reader(m_port);
    RawClient stalled(m_port);
    stopReading(stalled);
    reader.send(streamRequest);
    stalled.send(streamRequest);
    QTRY_COMPARE(m_server->waitingClients(), 2);
    QCOMPARE(m_server->http().openConnections(), 2);

    // Change seats until the server gives up on the stalled client; the reader must see every event.
    SeatLedger &ledger = m_server->ledger();
    QByteArray received;
    int changes = 0;
    qint64 pushed = 0; ///< bytes of events the server wrote to each stream
    qint64 eventBytes = 0;
    QElapsedTimer timer;
    timer.start();
    while (m_server->waitingClients() == 2 && pushed < 64 * MiB) {
        const QString session = QStringLiteral("s%1").arg(changes % BigSessions, 4, 10, QLatin1Char('0'));
        QCOMPARE(ledger.setCapacity(session, 11 + changes).outcome, SeatLedger::CapacityOutcome::Changed);
        ++changes;
        const QByteArray marker = "id: " + QByteArray::number(ledger.version()) + "\nevent: seats\n";
        const qsizetype from = received.size();
        QVERIFY2(RawClient::spin(
                     [&] {
                         received += reader.socket().readAll();
                         return received.indexOf(marker, std::max<qsizetype>(0, from - 64)) >= 0;
                     },
                     5000),
                 "the reading client did not get the event");
        eventBytes = received.size() - from;
        pushed += eventBytes;
    }
    const qint64 cutAfterMs = timer.elapsed();
    QCOMPARE(m_server->waitingClients(), 1);
    QVERIFY2(eventBytes > 100'000, qPrintable(QString::number(eventBytes)));
    QVERIFY2(pushed > HttpResponder::MaxStreamLagBytes, qPrintable(QString::number(pushed)));
    qInfo("stalled stream cut after %d events, %lld KiB pushed, %lld ms", changes, pushed / 1024, cutAfterMs);

    // Cut, not drained: the connection and its socket are gone now, with what was queued for it.
    QTRY_COMPARE(m_server->http().openConnections(), 1);
    QTRY_COMPARE(liveSockets(*m_server), 1);
    stalled.socket().setReadBufferSize(0);
    QVERIFY(stalled.waitClosed(5000));

    // The reader still gets the next change, and other requests are served.
    QCOMPARE(ledger.setCapacity(QStringLiteral("s0000"), 3).outcome, SeatLedger::CapacityOutcome::Changed);
    const QByteArray marker = "id: " + QByteArray::number(ledger.version()) + "\nevent: seats\n";
    QVERIFY(RawClient::spin(
        [&] {
            received += reader.socket().readAll();
            return received.contains(marker);
        },
        5000));
    QCOMPARE(received.count("event: seats\n"), changes + 2);
    QVERIFY(stillServes());
    QCOMPARE(m_server->waitingClients(), 1);
    QTRY_COMPARE(liveSockets(*m_server), 1);
}

void TestSlowClient::clientThatDoesNotReadAnswersIsDropped_data()
{
    QTest::addColumn<int>("batch");
    QTest::newRow("one request at a time") << 1;
    QTest::newRow("fifty pipelined in one write") << 50;
}

void TestSlowClient::clientThatDoesNotReadAnswersIsDropped()
{
    QFETCH(int, batch);
    FeedServerConfig config;
    config.addressRatePerSecond = 0; // the greedy client's requests must reach the answer limit
    QVERIFY(start(config, QStringLiteral("big.json")));
    const QByteArray feedRequest = RawClient::request("GET", "/api/conference");
    const RawResponse whole = RawClient::exchange(m_port, feedRequest);
    QCOMPARE(whole.status, 200);
    const qint64 answerBytes = whole.head.size() + 4 + whole.body.size();
    QVERIFY2(answerBytes > 500'000, qPrintable(QString::number(answerBytes)));
    QTRY_COMPARE(m_server->http().openConnections(), 0);

    // Keep-alive requests whose answers are never read.
    RawClient greedy(m_port);
    stopReading(greedy);
    int sent = 0;
    const auto answered = [this] { return m_log.filter(QStringLiteral("GET /api/conference 200")).size(); };
    const qsizetype answeredBefore = answered();
    QElapsedTimer timer;
    timer.start();
    while (m_server->http().openConnections() == 1 && sent < 200) {
        greedy.send(feedRequest.repeated(batch));
        sent += batch;
        RawClient::spin(
            [&] { return answered() - answeredBefore == sent || m_server->http().openConnections() == 0; },
            5000);
        if (sent == 1)
            QTRY_COMPARE(m_server->http().openConnections(), 1);
    }
    const qsizetype answers = answered() - answeredBefore;
    const qint64 queued = answers * answerBytes;
    qInfo("unread answers: dropped after %d requests sent, %lld answered (%lld KiB), %lld ms", sent,
          qint64(answers), queued / 1024, timer.elapsed());
    QCOMPARE(m_server->http().openConnections(), 0);
    QVERIFY2(queued > HttpServerWrapper::MaxUnreadAnswerBytes, qPrintable(QString::number(queued)));
    // The request that found over 4 MiB waiting (and any pipelined behind it) was not answered.
    QVERIFY2(answers < sent, qPrintable(QStringLiteral("%1 of %2").arg(answers).arg(sent)));
    QTRY_COMPARE(liveSockets(*m_server), 0);
    greedy.socket().setReadBufferSize(0);
    QVERIFY(greedy.waitClosed(5000));

    // Everybody else is still served in full.
    const RawResponse again = RawClient::exchange(m_port, feedRequest);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, whole.body);
    QVERIFY(stillServes());
    QTRY_COMPARE(liveSockets(*m_server), 0);
}

QTEST_GUILESS_MAIN(TestSlowClient)
#include "tst_slowclient.moc"
