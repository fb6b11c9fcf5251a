// Per-address request budgets against the real feed server on loopback (127.0.0.x addresses act as separate
// clients): every route is limited per address with 429 and Retry-After, loopback included; 0 turns the limit
// off; sign-in attempts have their own, tighter budget; guessing badge codes is stopped.
#include "conferencefixture.h"
#include "feedserver.h"
#include "rawclient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Plenary;

namespace {
QHostAddress loopback(int last)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

QByteArray signInRequest(const QByteArray &badge)
{
    return RawClient::request("POST", "/api/session", "Content-Type: application/json\r\n",
                              "{\"badge\": \"" + badge + "\"}");
}
} // namespace

class TestAddressLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void everyRouteHasAnAddressBudget();
    void loopbackIsNotExempt();
    void zeroTurnsTheLimitOff();
    void signInsHaveTheirOwnBudget();
    void guessingBadgeCodesIsStopped();

private:
    bool start(FeedServerConfig config);
    int status(const QByteArray &request, const QHostAddress &from) const
    {
        return RawClient::exchange(m_port, request, 5000, from).status;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<FeedServer> m_server;
    quint16 m_port = 0;
    int m_servers = 0;
};

void TestAddressLimits::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false"));
    QVERIFY(m_dir.isValid());
    QVERIFY(ConferenceFixture::writeConference(
        m_dir.filePath(QStringLiteral("conference.json")),
        ConferenceFixture::conference(QStringLiteral("limits"), QStringLiteral("Limits Conf"),
                                      QTimeZone("Europe/Berlin"), QStringLiteral("1"))));
}

void TestAddressLimits::cleanup()
{
    m_server.reset();
}

bool TestAddressLimits::start(FeedServerConfig config)
{
    m_server.reset();
    config.conferencePath = m_dir.filePath(QStringLiteral("conference.json"));
    config.databasePath =
        m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_servers)); // fresh each time
    m_server = std::make_unique<FeedServer>(config);
    QString error;
    if (!m_server->start(&error))
        return false;
    for (int i = 0; i < 40; ++i)
        m_server->badges().add(QStringLiteral("GOOD-%1").arg(i),
                               Badge{{}, QStringLiteral("Attendee %1").arg(i), false});
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    return m_port != 0;
}

void TestAddressLimits::everyRouteHasAnAddressBudget()
{
    FeedServerConfig config;
    config.addressRatePerSecond = 0.5; // slow enough that a loaded machine does not refill mid-test
    config.addressRateBurst = 6;
    QVERIFY(start(config));
    const QList<QByteArray> requests{
        RawClient::request("GET", "/api/health"),  RawClient::request("GET", "/api/conference"),
        RawClient::request("GET", "/api/seats"),   RawClient::request("GET", "/api/reservations"),
        RawClient::request("GET", "/api/nothing"), signInRequest("GOOD-1"),
    };
    QList<int> statuses;
    for (const QByteArray &request : requests)
        statuses.append(status(request, loopback(3)));
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 401, 404, 201}));
    // The budget is spent, whatever the route: public reads, sign-in, unknown paths.
    for (const QByteArray &request : requests) {
        const RawResponse limited = RawClient::exchange(m_port, request, 5000, loopback(3));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate-limited"));
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
    }
    // Another address has its own budget; the first one's refills at one per 2 s.
    QCOMPARE(status(requests.first(), loopback(4)), 200);
    QTest::qWait(2100);
    QCOMPARE(status(requests.first(), loopback(3)), 200);
    QCOMPARE(status(requests.first(), loopback(3)), 429);
}

void TestAddressLimits::loopbackIsNotExempt()
{
    FeedServerConfig config; // the defaults: 20 per second, bursts of 200
    QVERIFY(start(config));
    QElapsedTimer timer;
    timer.start();
    int ok = 0;
    int limited = 0;
    for (int i = 0; i < 400; ++i) {
        const int s = status(RawClient::request("GET", "/api/health"), QHostAddress(QHostAddress::LocalHost));
        ok += s == 200 ? 1 : 0;
        limited += s == 429 ? 1 : 0;
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    QCOMPARE(ok + limited, 400);
    QVERIFY(ok >= 200);
    QVERIFY2(ok <= 200 + int(20 * seconds) + 1,
             qPrintable(QStringLiteral("%1 in %2 s").arg(ok).arg(seconds)));
    if (seconds < 9)
        QVERIFY(limited > 0);
}

void TestAddressLimits::zeroTurnsTheLimitOff()
{
    FeedServerConfig config;
    config.addressRatePerSecond = 0; // what `plenary-feed serve --rate-limit-per-address 0` sets
    QVERIFY(start(config));
    for (int i = 0; i < 300; ++i)
        QCOMPARE(status(RawClient::request("GET", "/api/health"), loopback(5)), 200);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(status(signInRequest("GOOD-" + QByteArray::number(i)), loopback(5)), 201);
}

void TestAddressLimits::signInsHaveTheirOwnBudget()
{
    FeedServerConfig config;
    config.signInsPerMinute = 6; // bursts of 20, then one every 10 s
    QVERIFY(start(config));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(status(signInRequest("GOOD-" + QByteArray::number(i)), loopback(6)), 201);
    const RawResponse limited = RawClient::exchange(m_port, signInRequest("GOOD-20"), 5000, loopback(6));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate-limited"));
    QVERIFY(limited.header("Retry-After").toInt() >= 5);
    // Other routes from the same address and sign-ins from elsewhere go on.
    QCOMPARE(status(RawClient::request("GET", "/api/seats"), loopback(6)), 200);
    QCOMPARE(status(signInRequest("GOOD-21"), loopback(7)), 201);
}

void TestAddressLimits::guessingBadgeCodesIsStopped()
{
    FeedServerConfig config;
    config.signInFailureBurst = 5;
    config.signInFailuresPerSecond = 0.01;
    QVERIFY(start(config));
    for (int i = 0; i < 5; ++i) {
        const RawResponse wrong =
            RawClient::exchange(m_port, signInRequest("GUESS-" + QByteArray::number(i)), 5000, loopback(8));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("unknown-badge"));
    }
    // Now even the right code waits: a guesser cannot tell a hit from a miss.
    const RawResponse blocked = RawClient::exchange(m_port, signInRequest("GOOD-1"), 5000, loopback(8));
    QCOMPARE(blocked.status, 429);
    QVERIFY(blocked.header("Retry-After").toInt() >= 60);
    QCOMPARE(m_server->tokens().size(), 0);
    // The attendee next to the guesser signs in fine.
    QCOMPARE(status(signInRequest("GOOD-1"), loopback(9)), 201);
    QCOMPARE(m_server->tokens().size(), 1);
}

QTEST_GUILESS_MAIN(TestAddressLimits)
#include "tst_addresslimits.moc"
