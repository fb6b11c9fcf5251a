// The real feed server on 127.0.0.1 port 0, in this process, driven over HTTP by QNetworkAccessManager
// clients: feed and ETags, reload, sign-in, reservations and waitlists, privacy, hundreds of racing clients,
// push (long-poll and server-sent events), bad input, rate limits and the request log.
#include "conferencefixture.h"
#include "feedserver.h"
#include "testclient.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

using namespace Plenary;
using ConferenceFixture::badge;
using ConferenceFixture::seatSession;
using ConferenceFixture::writeConference;

namespace {
const QByteArray AdminToken = QByteArrayLiteral("test-admin-token-7f3a");
const QTimeZone Zone("America/New_York");

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2027, 5, day), QTime(hour, minute), Zone);
}

Conference makeConference(const QString &version, int tinySeats = 1)
{
    return ConferenceFixture::conference(
        QStringLiteral("test-2027"), QStringLiteral("Test Conf"), Zone, version,
        {
            seatSession(QStringLiteral("lab"), 40, at(11, 9), at(11, 12), QStringLiteral("Tracing Lab")),
            seatSession(QStringLiteral("overlap"), 10, at(11, 11), at(11, 13),
                        QStringLiteral("Overlapping Workshop")),
            seatSession(QStringLiteral("tiny"), tinySeats, at(11, 13), at(11, 14),
                        QStringLiteral("Tiny Exam")),
            seatSession(QStringLiteral("race"), 5, at(12, 9), at(12, 12), QStringLiteral("Popular Lab")),
            seatSession(QStringLiteral("keynote"), std::nullopt, at(12, 13), at(12, 14),
                        QStringLiteral("Keynote")),
        });
}
} // namespace

class TestFeedServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void feedWithEtagAnd304();
    void reloadPicksUpANewVersion();
    void signIn();
    void unauthorized_data();
    void unauthorized();
    void reserveCancelAndWaitlist();
    void idempotencyKeyHeader();
    void anotherAttendeesReservation();
    void overlapForbidden();
    void capacityChangeByAdmin();
    void racingClientsNeverOverbook_data();
    void racingClientsNeverOverbook();
    void retriedReservationNeverTakesTwoSeats();
    void plainPollingWithEtags();
    void directLedgerChangesAreServed_data();
    void directLedgerChangesAreServed();
    void longPollSeesAChangeWithinASecond();
    void longPollTimesOut();
    void eventStreamSeesAChangeWithinASecond();
    void badInputLeavesTheLedgerAlone_data();
    void badInputLeavesTheLedgerAlone();
    void rateLimits();
    void expiredTokensArePurged();
    void logHasOneLinePerRequestAndNoSecrets();

private:
    bool startServer(FeedServerConfig config = {});
    static FeedServerConfig unlimitedAddress();
    std::unique_ptr<TestClient> signedIn(int badgeNumber);
    std::unique_ptr<TestClient> admin();
    QString ledgerSnapshot();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FeedServer> m_server;
    QString m_conferencePath;
    quint16 m_port = 0;
    QStringList m_log;
};

void TestFeedServer::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(
        QStringLiteral("plenary.server.info=false")); // requestLogged() is checked instead
}

void TestFeedServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_conferencePath = m_dir->filePath(QStringLiteral("conference.json"));
    QVERIFY(writeConference(m_conferencePath, makeConference(QStringLiteral("v1"))));
    QVERIFY(startServer(unlimitedAddress()));
}

FeedServerConfig TestFeedServer::unlimitedAddress()
{
    // These tests drive hundreds of clients from 127.0.0.1; the per-address limits have their own tests
    // (tst_addresslimits, tst_slowclient).
    FeedServerConfig config;
    config.addressRatePerSecond = 0;
    config.maxConnectionsPerAddress = 0;
    return config;
}

void TestFeedServer::cleanup()
{
    if (m_server && !QTest::currentTestFailed())
        QCOMPARE(m_server->ledger().integrityProblems(), QStringList());
    m_server.reset();
    m_dir.reset();
    m_log.clear();
}

bool TestFeedServer::startServer(FeedServerConfig config)
{
    m_server.reset();
    config.conferencePath = m_conferencePath;
    config.databasePath = m_dir->filePath(QStringLiteral("ledger.sqlite"));
    config.adminToken = AdminToken;
    m_server = std::make_unique<FeedServer>(config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning() << error;
        return false;
    }
    for (int i = 0; i < 600; ++i)
        m_server->badges().add(badge(i), Badge{{}, QStringLiteral("Attendee %1").arg(i), false});
    m_server->badges().add(QStringLiteral("ORGANIZER-1"), Badge{{}, QStringLiteral("Org"), true});
    connect(m_server.get(), &FeedServer::requestLogged, this,
            [this](const QString &line) { m_log.append(line); });
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    return m_port != 0;
}

std::unique_ptr<TestClient> TestFeedServer::signedIn(int badgeNumber)
{
    auto client = std::make_unique<TestClient>(m_port);
    if (!client->signIn(badge(badgeNumber)))
        return {};
    return client;
}

std::unique_ptr<TestClient> TestFeedServer::admin()
{
    auto client = std::make_unique<TestClient>(m_port);
    client->token = AdminToken;
    return client;
}

QString TestFeedServer::ledgerSnapshot()
{
    QStringList lines{QString::number(m_server->ledger().version())};
    for (const SeatAvailability &a : m_server->ledger().availability())
        lines.append(
            QStringLiteral("%1 %2/%3 +%4").arg(a.sessionId).arg(a.taken).arg(a.capacity).arg(a.waitlist));
    return lines.join(u'\n');
}

void TestFeedServer::feedWithEtagAnd304()
{
    TestClient client(m_port);
    const TestResponse first = client.call("GET", QStringLiteral("/api/conference"));
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("ETag");
    QVERIFY(etag.startsWith('"'));
    QCOMPARE(first.header("X-Schedule-Version"), QByteArrayLiteral("v1"));
    const QJsonObject feed = first.json();
    QCOMPARE(feed.value(u"plenaryFeed").toInt(), 1);
    QCOMPARE(feed.value(u"conference").toObject().value(u"version").toString(), QStringLiteral("v1"));
    QCOMPARE(feed.value(u"sessions").toArray().size(), 5);

    const TestResponse cached =
        client.call("GET", QStringLiteral("/api/conference"), {}, {{"If-None-Match", etag}});
    QCOMPARE(cached.status, 304);
    QVERIFY(cached.body.isEmpty());
    QCOMPARE(cached.header("ETag"), etag);
    const TestResponse listed =
        client.call("GET", QStringLiteral("/api/conference"), {}, {{"If-None-Match", "\"other\", " + etag}});
    QCOMPARE(listed.status, 304);
    const TestResponse stale =
        client.call("GET", QStringLiteral("/api/conference"), {}, {{"If-None-Match", "\"old\""}});
    QCOMPARE(stale.status, 200);
    QCOMPARE(stale.body, first.body);
}

void TestFeedServer::reloadPicksUpANewVersion()
{
    TestClient anonymous(m_port);
    const QByteArray oldEtag = anonymous.call("GET", QStringLiteral("/api/conference")).header("ETag");
    QVERIFY(writeConference(m_conferencePath, makeConference(QStringLiteral("v2"), 3)));

    auto attendee = signedIn(1);
    QVERIFY(attendee);
    QCOMPARE(attendee->call("POST", QStringLiteral("/api/admin/reload")).status, 403);
    QCOMPARE(anonymous.call("POST", QStringLiteral("/api/admin/reload")).status, 401);

    QSignalSpy reloaded(m_server.get(), &FeedServer::conferenceReloaded);
    const TestResponse reload = admin()->call("POST", QStringLiteral("/api/admin/reload"));
    QCOMPARE(reload.status, 200);
    QCOMPARE(reload.json().value(u"reloaded").toBool(), true);
    QCOMPARE(reload.json().value(u"scheduleVersion").toString(), QStringLiteral("v2"));
    QCOMPARE(reloaded.count(), 1);

    const TestResponse feed =
        anonymous.call("GET", QStringLiteral("/api/conference"), {}, {{"If-None-Match", oldEtag}});
    QCOMPARE(feed.status, 200);
    QVERIFY(feed.header("ETag") != oldEtag);
    QCOMPARE(feed.header("X-Schedule-Version"), QByteArrayLiteral("v2"));
    const TestResponse seats = anonymous.call("GET", QStringLiteral("/api/seats"));
    QCOMPARE(sessionSeats(seats, QStringLiteral("tiny")).value(u"capacity").toInt(), 3);
    QCOMPARE(seats.json().value(u"scheduleVersion").toString(), QStringLiteral("v2"));

    QCOMPARE(admin()->call("POST", QStringLiteral("/api/admin/reload")).json().value(u"reloaded").toBool(),
             false);

    // A broken file never replaces the running feed.
    QFile broken(m_conferencePath);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"plenaryFeed\": 1, \"sessions\": [{");
    broken.close();
    const TestResponse failed = admin()->call("POST", QStringLiteral("/api/admin/reload"));
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.errorCode(), QStringLiteral("reload-failed"));
    QCOMPARE(anonymous.call("GET", QStringLiteral("/api/conference")).header("X-Schedule-Version"),
             QByteArrayLiteral("v2"));
}

void TestFeedServer::signIn()
{
    TestClient client(m_port);
    const TestResponse ok = client.postJson(QStringLiteral("/api/session"),
                                            {{QStringLiteral("badge"), QStringLiteral(" badge-0007 ")}});
    QCOMPARE(ok.status, 201);
    const QByteArray token = ok.json().value(u"token").toString().toLatin1();
    QCOMPARE(token.size(), 43);
    QCOMPARE(ok.json().value(u"tokenType").toString(), QStringLiteral("Bearer"));
    QCOMPARE(ok.json().value(u"attendee").toObject().value(u"name").toString(), QStringLiteral("Attendee 7"));
    QCOMPARE(ok.json().value(u"admin").toBool(), false);

    const TestResponse unknown = client.postJson(QStringLiteral("/api/session"),
                                                 {{QStringLiteral("badge"), QStringLiteral("NOPE-0001")}});
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.errorCode(), QStringLiteral("unknown-badge"));
    QCOMPARE(client.postJson(QStringLiteral("/api/session"), {{QStringLiteral("code"), QStringLiteral("x")}})
                 .status,
             400);

    client.token = token;
    const TestResponse me = client.call("GET", QStringLiteral("/api/session"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(u"attendee").toObject().value(u"id").toString(),
             ok.json().value(u"attendee").toObject().value(u"id").toString());
    // A second sign-in is another token for the same attendee.
    TestClient second(m_port);
    QVERIFY(second.signIn(badge(7)));
    QVERIFY(second.token != token);
    QCOMPARE(second.call("GET", QStringLiteral("/api/session")).json(), me.json());

    QCOMPARE(client.call("DELETE", QStringLiteral("/api/session")).status, 204);
    QCOMPARE(client.call("GET", QStringLiteral("/api/session")).status, 401);
    QCOMPARE(second.call("GET", QStringLiteral("/api/session")).status, 200);

    TestClient organizer(m_port);
    QVERIFY(organizer.signIn(QStringLiteral("organizer-1")));
    QCOMPARE(organizer.call("GET", QStringLiteral("/api/session")).json().value(u"admin").toBool(), true);
}

void TestFeedServer::unauthorized_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    const QList<std::pair<QByteArray, QString>> routes = {
        {"GET", "/api/session"},        {"DELETE", "/api/session"},
        {"GET", "/api/reservations"},   {"POST", "/api/reservations"},
        {"GET", "/api/reservations/1"}, {"DELETE", "/api/reservations/1"},
        {"POST", "/api/admin/reload"},  {"PUT", "/api/admin/sessions/tiny/capacity"},
    };
    for (const auto &[method, path] : routes) {
        QTest::addRow("%s %s, none", method.constData(), qPrintable(path)) << method << path << QByteArray();
        QTest::addRow("%s %s, forged", method.constData(), qPrintable(path))
            << method << path << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
    QTest::newRow("basic auth") << QByteArray("GET") << "/api/reservations"
                                << QByteArray("Basic dXNlcjpwYXNz");
    QTest::newRow("bearer, no token") << QByteArray("GET") << "/api/reservations" << QByteArray("Bearer ");
    // Control characters in a header never get this far: they are 400 bad-http (tst_badinput).
    QTest::newRow("bearer, junk") << QByteArray("GET") << "/api/reservations"
                                  << QByteArray("Bearer <junk>!\"'");
}

void TestFeedServer::unauthorized()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    const QString before = ledgerSnapshot();
    TestClient client(m_port);
    TestClient::Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const TestResponse r =
        client.call(method, path, QByteArrayLiteral("{\"session\":\"tiny\",\"capacity\":9}"), headers);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    QCOMPARE(ledgerSnapshot(), before);
}

void TestFeedServer::reserveCancelAndWaitlist()
{
    auto a = signedIn(1);
    auto b = signedIn(2);
    auto c = signedIn(3);
    QVERIFY(a && b && c);
    const QJsonObject tiny{{QStringLiteral("session"), QStringLiteral("tiny")}};
    const QJsonObject tinyOrWait{{QStringLiteral("session"), QStringLiteral("tiny")},
                                 {QStringLiteral("waitlist"), true}};

    const TestResponse seat = a->postJson(QStringLiteral("/api/reservations"), tiny);
    QCOMPARE(seat.status, 201);
    const QJsonObject reservation = seat.json().value(u"reservation").toObject();
    QCOMPARE(reservation.value(u"status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(seat.json().value(u"seats").toObject().value(u"taken").toInt(), 1);

    const TestResponse again = a->postJson(QStringLiteral("/api/reservations"), tiny);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"reservation").toObject().value(u"id"), reservation.value(u"id"));

    const TestResponse full = b->postJson(QStringLiteral("/api/reservations"), tiny);
    QCOMPARE(full.status, 409);
    QCOMPARE(full.errorCode(), QStringLiteral("full"));

    const TestResponse waitB = b->postJson(QStringLiteral("/api/reservations"), tinyOrWait);
    QCOMPARE(waitB.status, 201);
    QCOMPARE(waitB.json().value(u"reservation").toObject().value(u"status").toString(),
             QStringLiteral("waitlisted"));
    QCOMPARE(waitB.json().value(u"reservation").toObject().value(u"position").toInt(), 1);
    const TestResponse waitC = c->postJson(QStringLiteral("/api/reservations"), tinyOrWait);
    QCOMPARE(waitC.json().value(u"reservation").toObject().value(u"position").toInt(), 2);

    const TestResponse listB = b->call("GET", QStringLiteral("/api/reservations"));
    QCOMPARE(listB.status, 200);
    QCOMPARE(listB.json().value(u"reservations").toArray().size(), 1);
    QCOMPARE(listB.json().value(u"reservations").toArray().first().toObject().value(u"position").toInt(), 1);

    const QString aPath = QStringLiteral("/api/reservations/%1").arg(reservation.value(u"id").toInteger());
    const TestResponse cancel = a->call("DELETE", aPath);
    QCOMPARE(cancel.status, 200);
    QCOMPARE(cancel.json().value(u"promoted").toInt(), 1);
    QCOMPARE(cancel.json().value(u"reservation").toObject().value(u"status").toString(),
             QStringLiteral("cancelled"));
    QCOMPARE(a->call("DELETE", aPath).status, 200); // a retried cancel is harmless
    QCOMPARE(
        a->call("GET", QStringLiteral("/api/reservations")).json().value(u"reservations").toArray().size(),
        0);
    QCOMPARE(a->call("GET", QStringLiteral("/api/reservations?include=cancelled"))
                 .json()
                 .value(u"reservations")
                 .toArray()
                 .size(),
             1);

    const QJsonObject nowB = b->call("GET", QStringLiteral("/api/reservations"))
                                 .json()
                                 .value(u"reservations")
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(nowB.value(u"status").toString(), QStringLiteral("confirmed"));
    QVERIFY(!nowB.contains(u"position"));
    const QJsonObject nowC = c->call("GET", QStringLiteral("/api/reservations"))
                                 .json()
                                 .value(u"reservations")
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(nowC.value(u"position").toInt(), 1);

    // C leaves the waitlist.
    const TestResponse leave =
        c->call("DELETE", QStringLiteral("/api/reservations/%1").arg(nowC.value(u"id").toInteger()));
    QCOMPARE(leave.status, 200);
    QCOMPARE(leave.json().value(u"promoted").toInt(), 0);
    const QJsonObject seats =
        sessionSeats(c->call("GET", QStringLiteral("/api/seats")), QStringLiteral("tiny"));
    QCOMPARE(seats.value(u"taken").toInt(), 1);
    QCOMPARE(seats.value(u"waitlist").toInt(), 0);
    QCOMPARE(seats.value(u"left").toInt(), 0);

    const TestResponse notLimited = a->postJson(QStringLiteral("/api/reservations"),
                                                {{QStringLiteral("session"), QStringLiteral("keynote")}});
    QCOMPARE(notLimited.status, 409);
    QCOMPARE(notLimited.errorCode(), QStringLiteral("not-seat-limited"));
    const TestResponse unknown = a->postJson(QStringLiteral("/api/reservations"),
                                             {{QStringLiteral("session"), QStringLiteral("nope")}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("unknown-session"));
}

void TestFeedServer::idempotencyKeyHeader()
{
    auto a = signedIn(1);
    QVERIFY(a);
    const TestClient::Headers key{{"Idempotency-Key", "3b0c8f1e-retry-me"}};
    const TestResponse first = a->postJson(QStringLiteral("/api/reservations"),
                                           {{QStringLiteral("session"), QStringLiteral("lab")}}, key);
    QCOMPARE(first.status, 201);
    const qint64 id = first.json().value(u"reservation").toObject().value(u"id").toInteger();
    QCOMPARE(a->call("DELETE", QStringLiteral("/api/reservations/%1").arg(id)).status, 200);

    const TestResponse retry = a->postJson(QStringLiteral("/api/reservations"),
                                           {{QStringLiteral("session"), QStringLiteral("lab")}}, key);
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.header("Idempotent-Replayed"), QByteArrayLiteral("true"));
    QCOMPARE(retry.json().value(u"reservation").toObject().value(u"id").toInteger(), id);
    QCOMPARE(retry.json().value(u"reservation").toObject().value(u"status").toString(),
             QStringLiteral("cancelled"));
    QCOMPARE(m_server->ledger().availability(QStringLiteral("lab"))->taken, 0);

    const TestResponse reused = a->postJson(QStringLiteral("/api/reservations"),
                                            {{QStringLiteral("session"), QStringLiteral("tiny")}}, key);
    QCOMPARE(reused.status, 409);
    QCOMPARE(reused.errorCode(), QStringLiteral("idempotency-key-reused"));
}

void TestFeedServer::anotherAttendeesReservation()
{
    auto a = signedIn(1);
    auto b = signedIn(2);
    QVERIFY(a && b);
    const qint64 id =
        a->postJson(QStringLiteral("/api/reservations"), {{QStringLiteral("session"), QStringLiteral("lab")}})
            .json()
            .value(u"reservation")
            .toObject()
            .value(u"id")
            .toInteger();
    QVERIFY(id > 0);
    const QString path = QStringLiteral("/api/reservations/%1").arg(id);
    const TestResponse peek = b->call("GET", path);
    QCOMPARE(peek.status, 404);
    QCOMPARE(peek.errorCode(), QStringLiteral("not-found"));
    QCOMPARE(b->call("DELETE", path).status, 404);
    QVERIFY(b->call("GET", QStringLiteral("/api/reservations"))
                .json()
                .value(u"reservations")
                .toArray()
                .isEmpty());
    QCOMPARE(a->call("GET", path).json().value(u"reservation").toObject().value(u"status").toString(),
             QStringLiteral("confirmed"));
    QCOMPARE(m_server->ledger().availability(QStringLiteral("lab"))->taken, 1);

    const TestResponse forbidden =
        b->call("PUT", QStringLiteral("/api/admin/sessions/lab/capacity"), "{\"capacity\": 0}");
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.errorCode(), QStringLiteral("forbidden"));
    QCOMPARE(m_server->ledger().availability(QStringLiteral("lab"))->capacity, 40);
}

void TestFeedServer::overlapForbidden()
{
    FeedServerConfig config = unlimitedAddress();
    config.forbidOverlaps = true;
    QVERIFY(startServer(config));
    auto a = signedIn(1);
    QVERIFY(a);
    QCOMPARE(
        a->postJson(QStringLiteral("/api/reservations"), {{QStringLiteral("session"), QStringLiteral("lab")}})
            .status,
        201);
    const TestResponse clash = a->postJson(
        QStringLiteral("/api/reservations"),
        {{QStringLiteral("session"), QStringLiteral("overlap")}, {QStringLiteral("waitlist"), true}});
    QCOMPARE(clash.status, 409);
    QCOMPARE(clash.errorCode(), QStringLiteral("overlap"));
    QCOMPARE(clash.json().value(u"error").toObject().value(u"conflictingSession").toString(),
             QStringLiteral("lab"));
    QVERIFY(clash.json()
                .value(u"error")
                .toObject()
                .value(u"message")
                .toString()
                .contains(QStringLiteral("Tracing Lab")));
    // Back to back is fine.
    QCOMPARE(a->postJson(QStringLiteral("/api/reservations"),
                         {{QStringLiteral("session"), QStringLiteral("race")}})
                 .status,
             201);
    QCOMPARE(m_server->ledger().availability(QStringLiteral("overlap"))->taken, 0);
}

void TestFeedServer::capacityChangeByAdmin()
{
    std::vector<std::unique_ptr<TestClient>> people;
    for (int i = 0; i < 4; ++i) {
        people.push_back(signedIn(i));
        QVERIFY(people.back());
        QCOMPARE(people.back()
                     ->postJson(QStringLiteral("/api/reservations"),
                                {{QStringLiteral("session"), QStringLiteral("tiny")},
                                 {QStringLiteral("waitlist"), true}})
                     .status,
                 201);
    }
    auto org = admin();
    const TestResponse bigger =
        org->call("PUT", QStringLiteral("/api/admin/sessions/tiny/capacity"), "{\"capacity\": 3}");
    QCOMPARE(bigger.status, 200);
    QCOMPARE(bigger.json().value(u"promoted").toInt(), 2);
    QCOMPARE(bigger.json().value(u"taken").toInt(), 3);
    QCOMPARE(bigger.json().value(u"waitlist").toInt(), 1);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(people[i]
                     ->call("GET", QStringLiteral("/api/reservations"))
                     .json()
                     .value(u"reservations")
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"status")
                     .toString(),
                 QStringLiteral("confirmed"));

    const TestResponse smaller =
        org->call("PUT", QStringLiteral("/api/admin/sessions/tiny/capacity"), "{\"capacity\": 0}");
    QCOMPARE(smaller.status, 200);
    QCOMPARE(smaller.json().value(u"overCapacity").toInt(), 3);
    QCOMPARE(smaller.json().value(u"taken").toInt(), 3);
    const QJsonObject seats =
        sessionSeats(org->call("GET", QStringLiteral("/api/seats")), QStringLiteral("tiny"));
    QCOMPARE(seats.value(u"overCapacity").toInt(), 3);
    QCOMPARE(seats.value(u"left").toInt(), 0);
    QCOMPARE(seats.value(u"capacity").toInt(), 0);

    const QString before = ledgerSnapshot();
    for (const QByteArray &body : {QByteArray("{\"capacity\": -1}"), QByteArray("{\"capacity\": \"3\"}"),
                                   QByteArray("{\"capacity\": 2.5}"), QByteArray("{}"), QByteArray("[3]")}) {
        const TestResponse bad = org->call("PUT", QStringLiteral("/api/admin/sessions/tiny/capacity"), body);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), QStringLiteral("bad-request"));
    }
    QCOMPARE(
        org->call("PUT", QStringLiteral("/api/admin/sessions/nope/capacity"), "{\"capacity\": 3}").status,
        404);
    QCOMPARE(ledgerSnapshot(), before);
}

void TestFeedServer::racingClientsNeverOverbook_data()
{
    QTest::addColumn<int>("clients");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u})
        QTest::addRow("300 clients, seed %u", seed) << 300 << seed;
}

void TestFeedServer::racingClientsNeverOverbook()
{
    QFETCH(int, clients);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const int capacity = 5;

    std::vector<std::unique_ptr<TestClient>> people;
    for (int i = 0; i < clients; ++i) {
        people.push_back(signedIn(i));
        QVERIFY(people.back());
    }
    // Everybody asks at once, in a random order with random small delays.
    QList<int> order(clients);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    QHash<int, QNetworkReply *> replies;
    for (int i : std::as_const(order)) {
        QTimer::singleShot(int(random.bounded(20)), this, [&, i] {
            replies.insert(i, people[i]->start("POST", QStringLiteral("/api/reservations"),
                                               "{\"session\": \"race\", \"waitlist\": true}"));
        });
    }
    QVERIFY(TestClient::waitFor(
        [&] {
            return replies.size() == clients && std::all_of(replies.begin(), replies.end(),
                                                            [](QNetworkReply *r) { return r->isFinished(); });
        },
        60'000));

    struct Place
    {
        int person;
        qint64 id;
        qint64 queued;
        QString status;
        int position;
    };
    QList<Place> places;
    for (auto it = replies.begin(); it != replies.end(); ++it) {
        const TestResponse r = TestClient::collect(it.value());
        QCOMPARE(r.status, 201);
        const QJsonObject res = r.json().value(u"reservation").toObject();
        places.append(Place{it.key(), res.value(u"id").toInteger(), res.value(u"queued").toInteger(),
                            res.value(u"status").toString(), res.value(u"position").toInt()});
    }
    std::sort(places.begin(), places.end(),
              [](const Place &a, const Place &b) { return a.queued < b.queued; });
    // Exactly `capacity` seats, taken by the first arrivals; everybody else waits in arrival order.
    for (int i = 0; i < places.size(); ++i) {
        QCOMPARE(places[i].status, i < capacity ? QStringLiteral("confirmed") : QStringLiteral("waitlisted"));
        if (i >= capacity)
            QCOMPARE(places[i].position, i - capacity + 1);
    }
    const QJsonObject seats =
        sessionSeats(people.front()->call("GET", QStringLiteral("/api/seats")), QStringLiteral("race"));
    QCOMPARE(seats.value(u"taken").toInt(), capacity);
    QCOMPARE(seats.value(u"waitlist").toInt(), clients - capacity);
    QCOMPARE(m_server->ledger().integrityProblems(), QStringList());

    // Now a storm of cancellations (seat holders and waiting people, mixed), all at once: promotions must
    // follow arrival order strictly, so the confirmed set is always the first `capacity` people still in
    // line.
    QList<Place> leaving = places;
    std::shuffle(leaving.begin(), leaving.end(), random);
    leaving.resize(clients / 3);
    QList<QNetworkReply *> cancels;
    QSet<int> gone;
    for (const Place &p : std::as_const(leaving)) {
        gone.insert(p.person);
        cancels.append(people[p.person]->start("DELETE", QStringLiteral("/api/reservations/%1").arg(p.id)));
    }
    QVERIFY(TestClient::waitFor(
        [&] {
            return std::all_of(cancels.begin(), cancels.end(),
                               [](QNetworkReply *r) { return r->isFinished(); });
        },
        60'000));
    int promoted = 0;
    for (QNetworkReply *reply : std::as_const(cancels)) {
        const TestResponse r = TestClient::collect(reply);
        QCOMPARE(r.status, 200);
        promoted += r.json().value(u"promoted").toInt();
    }
    QList<Place> remaining;
    for (const Place &p : std::as_const(places)) {
        if (!gone.contains(p.person))
            remaining.append(p);
    }
    const int confirmedLeft = int(std::count_if(leaving.begin(), leaving.end(), [](const Place &p) {
        return p.status == QStringLiteral("confirmed");
    }));
    QVERIFY(promoted >= std::min(confirmedLeft, int(remaining.size()) - (capacity - confirmedLeft)));
    for (int i = 0; i < remaining.size(); ++i) {
        const Reservation r = *m_server->ledger().reservation(
            m_server->badges().find(badge(remaining[i].person))->attendeeId, remaining[i].id);
        QCOMPARE(r.status, i < capacity ? Reservation::Status::Confirmed : Reservation::Status::Waitlisted);
        if (i >= capacity)
            QCOMPARE(r.position, i - capacity + 1);
    }
}

void TestFeedServer::retriedReservationNeverTakesTwoSeats()
{
    auto a = signedIn(1);
    QVERIFY(a);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 24; ++i)
        replies.append(a->start("POST", QStringLiteral("/api/reservations"), "{\"session\": \"lab\"}"));
    QVERIFY(TestClient::waitFor(
        [&] {
            return std::all_of(replies.begin(), replies.end(),
                               [](QNetworkReply *r) { return r->isFinished(); });
        },
        30'000));
    int created = 0;
    QSet<qint64> ids;
    for (QNetworkReply *reply : std::as_const(replies)) {
        const TestResponse r = TestClient::collect(reply);
        QVERIFY(r.status == 201 || r.status == 200);
        created += r.status == 201 ? 1 : 0;
        ids.insert(r.json().value(u"reservation").toObject().value(u"id").toInteger());
    }
    QCOMPARE(created, 1);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(m_server->ledger().availability(QStringLiteral("lab"))->taken, 1);
}

void TestFeedServer::plainPollingWithEtags()
{
    TestClient poller(m_port);
    const TestResponse first = poller.call("GET", QStringLiteral("/api/seats"));
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("ETag");
    QVERIFY(etag.startsWith("W/\"seats-"));
    QVERIFY(first.json().value(u"version").toInteger() > 0);
    QVERIFY(QDateTime::fromString(first.json().value(u"serverTime").toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(first.json().value(u"sessions").toArray().size(), 4);
    QCOMPARE(poller.call("GET", QStringLiteral("/api/seats"), {}, {{"If-None-Match", etag}}).status, 304);

    auto a = signedIn(1);
    QVERIFY(a);
    a->postJson(QStringLiteral("/api/reservations"), {{QStringLiteral("session"), QStringLiteral("lab")}});
    const TestResponse changed =
        poller.call("GET", QStringLiteral("/api/seats"), {}, {{"If-None-Match", etag}});
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.header("ETag") != etag);
    QVERIFY(changed.json().value(u"version").toInteger() > first.json().value(u"version").toInteger());
    QCOMPARE(sessionSeats(changed, QStringLiteral("lab")).value(u"taken").toInt(), 1);
}

void TestFeedServer::directLedgerChangesAreServed_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("figures"); ///< "taken/capacity +waitlist" after the change
    QTest::addColumn<int>("emissions");
    QTest::newRow("reserve") << "reserve"
                             << "lab"
                             << "1/40 +0" << 1;
    QTest::newRow("cancel with a promotion") << "cancel"
                                             << "tiny"
                                             << "1/1 +0" << 1;
    QTest::newRow("admin capacity") << "capacity"
                                    << "race"
                                    << "0/7 +0" << 1;
    QTest::newRow("schedule update") << "sync"
                                     << "lab"
                                     << "0/55 +0" << 1;
    QTest::newRow("seed") << "seed"
                          << "race"
                          << "3/5 +0" << 1;
    QTest::newRow("refused reservation") << "refused"
                                         << "lab"
                                         << "0/40 +0" << 0;
    QTest::newRow("unchanged capacity") << "same capacity"
                                        << "race"
                                        << "0/5 +0" << 0;
}

void TestFeedServer::directLedgerChangesAreServed()
{
    // An admin tool or a second code path changes the ledger object itself, not through a route: the next
    // GET /api/seats must still carry the new figures under a new ETag, and waiting clients must be woken.
    QFETCH(QString, change);
    QFETCH(QString, session);
    QFETCH(QString, figures);
    QFETCH(int, emissions);
    SeatLedger &ledger = m_server->ledger();
    qint64 toCancel = 0;
    if (change == u"cancel") {
        toCancel = ledger.reserve(QStringLiteral("direct-a"), session, SeatLedger::ReserveMode::SeatOnly)
                       .reservation.id;
        QCOMPARE(ledger.reserve(QStringLiteral("direct-b"), session, SeatLedger::ReserveMode::SeatOrWaitlist)
                     .outcome,
                 SeatLedger::ReserveOutcome::Waitlisted);
    }
    const auto seatFigures = [&session](const TestResponse &seats) {
        const QJsonObject s = sessionSeats(seats, session);
        return QStringLiteral("%1/%2 +%3")
            .arg(s.value(u"taken").toInt())
            .arg(s.value(u"capacity").toInt())
            .arg(s.value(u"waitlist").toInt());
    };

    // Prime the server's cached document: the second GET is answered from it with 304.
    TestClient poller(m_port);
    const TestResponse before = poller.call("GET", QStringLiteral("/api/seats"));
    QCOMPARE(before.status, 200);
    const QByteArray etag = before.header("ETag");
    const qint64 versionBefore = before.json().value(u"version").toInteger();
    QCOMPARE(poller.call("GET", QStringLiteral("/api/seats"), {}, {{"If-None-Match", etag}}).status, 304);
    QNetworkReply *waiting =
        poller.start("GET", QStringLiteral("/api/seats?wait=20&since=%1").arg(versionBefore));
    QTRY_COMPARE(m_server->waitingClients(), 1);

    QSignalSpy changed(&ledger, &SeatLedger::changed);
    if (change == u"reserve") {
        QCOMPARE(
            ledger.reserve(QStringLiteral("direct-a"), session, SeatLedger::ReserveMode::SeatOnly).outcome,
            SeatLedger::ReserveOutcome::Confirmed);
    } else if (change == u"cancel") {
        const SeatLedger::CancelResult cancelled = ledger.cancel(QStringLiteral("direct-a"), toCancel);
        QCOMPARE(cancelled.outcome, SeatLedger::CancelOutcome::Cancelled);
        QCOMPARE(cancelled.promotions.size(), 1);
    } else if (change == u"capacity") {
        QCOMPARE(ledger.setCapacity(session, 7).outcome, SeatLedger::CapacityOutcome::Changed);
    } else if (change == u"same capacity") {
        QCOMPARE(ledger.setCapacity(session, 5).outcome, SeatLedger::CapacityOutcome::Unchanged);
    } else if (change == u"sync") {
        QList<LedgerSession> sessions = m_server->feed().ledgerSessions();
        for (LedgerSession &s : sessions) {
            if (s.id == session)
                s.capacity = 55;
        }
        QVERIFY(ledger.syncSessions(sessions).ok);
    } else if (change == u"seed") {
        QCOMPARE(ledger.seed(session, 3, 0), SeatLedger::SeedOutcome::Seeded);
    } else if (change == u"refused") {
        QCOMPARE(ledger
                     .reserve(QStringLiteral("direct-a"), QStringLiteral("keynote"),
                              SeatLedger::ReserveMode::SeatOnly)
                     .outcome,
                 SeatLedger::ReserveOutcome::NotSeatLimited);
    }
    QCOMPARE(changed.size(), emissions);

    const TestResponse after =
        poller.call("GET", QStringLiteral("/api/seats"), {}, {{"If-None-Match", etag}});
    if (emissions == 0) {
        QCOMPARE(after.status, 304);
        QCOMPARE(seatFigures(poller.call("GET", QStringLiteral("/api/seats"))), figures);
        QTest::qWait(100);
        QVERIFY(!waiting->isFinished());
        waiting->abort();
        delete waiting;
        return;
    }
    QCOMPARE(after.status, 200);
    const qint64 versionAfter = after.json().value(u"version").toInteger();
    QCOMPARE(versionAfter, changed.first().first().toLongLong());
    QCOMPARE(versionAfter, ledger.version());
    QVERIFY(versionAfter > versionBefore);
    QCOMPARE(after.header("ETag"), QByteArray("W/\"seats-" + QByteArray::number(versionAfter) + '"'));
    QCOMPARE(seatFigures(after), figures);
    QVERIFY(seatFigures(before) != figures);
    QVERIFY(TestClient::waitFor([&] { return waiting->isFinished(); }, 5000));
    const TestResponse woken = TestClient::collect(waiting);
    QCOMPARE(woken.status, 200);
    QCOMPARE(woken.json().value(u"version").toInteger(), versionAfter);
    QCOMPARE(seatFigures(woken), figures);
}

void TestFeedServer::longPollSeesAChangeWithinASecond()
{
    TestClient poller(m_port);
    const qint64 version =
        poller.call("GET", QStringLiteral("/api/seats")).json().value(u"version").toInteger();
    QNetworkReply *waiting = poller.start("GET", QStringLiteral("/api/seats?wait=25&since=%1").arg(version));
    QTRY_COMPARE(m_server->waitingClients(), 1);
    QTest::qWait(200);
    QVERIFY(!waiting->isFinished());

    auto a = signedIn(1);
    QVERIFY(a);
    QElapsedTimer sinceChange;
    QNetworkReply *reserve = a->start("POST", QStringLiteral("/api/reservations"), "{\"session\": \"tiny\"}");
    connect(reserve, &QNetworkReply::finished, this, [&sinceChange] { sinceChange.start(); });
    QVERIFY(TestClient::waitFor([&] { return waiting->isFinished(); }, 5000));
    QVERIFY(reserve->isFinished() || TestClient::waitFor([&] { return reserve->isFinished(); }, 1000));
    const qint64 lagMs = sinceChange.isValid() ? sinceChange.elapsed() : 0;
    const TestResponse pushed = TestClient::collect(waiting);
    QCOMPARE(pushed.status, 200);
    QVERIFY(pushed.json().value(u"version").toInteger() > version);
    QCOMPARE(sessionSeats(pushed, QStringLiteral("tiny")).value(u"taken").toInt(), 1);
    QVERIFY2(lagMs < 1000, qPrintable(QString::number(lagMs)));
    QVERIFY2(pushed.elapsedMs < 5000, qPrintable(QString::number(pushed.elapsedMs)));
    TestClient::collect(reserve);
    QTRY_COMPARE(m_server->waitingClients(), 0);

    // A client that is behind gets the current state at once.
    const TestResponse behind =
        poller.call("GET", QStringLiteral("/api/seats?wait=25&since=%1").arg(version));
    QCOMPARE(behind.status, 200);
    QVERIFY(behind.elapsedMs < 1000);
}

void TestFeedServer::longPollTimesOut()
{
    TestClient poller(m_port);
    const TestResponse now = poller.call("GET", QStringLiteral("/api/seats"));
    const qint64 version = now.json().value(u"version").toInteger();
    const TestResponse conditional =
        poller.call("GET", QStringLiteral("/api/seats?wait=1"), {}, {{"If-None-Match", now.header("ETag")}});
    QCOMPARE(conditional.status, 304);
    QVERIFY2(conditional.elapsedMs >= 900, qPrintable(QString::number(conditional.elapsedMs)));
    const TestResponse same = poller.call("GET", QStringLiteral("/api/seats?wait=1&since=%1").arg(version));
    QCOMPARE(same.status, 200);
    QCOMPARE(same.json().value(u"version").toInteger(), version);
    QVERIFY(same.elapsedMs >= 900);

    // A long-poll whose client goes away is forgotten.
    QNetworkReply *abandoned =
        poller.start("GET", QStringLiteral("/api/seats?wait=20&since=%1").arg(version));
    QTRY_COMPARE(m_server->waitingClients(), 1);
    abandoned->abort();
    delete abandoned;
    QTRY_COMPARE(m_server->waitingClients(), 0);
}

void TestFeedServer::eventStreamSeesAChangeWithinASecond()
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/seats/stream").arg(m_port)));
    QNetworkReply *stream = nam.get(request);
    QByteArray received;
    connect(stream, &QNetworkReply::readyRead, this, [&] { received += stream->readAll(); });
    QTRY_VERIFY(received.contains("event: seats\n"));
    QCOMPARE(stream->header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("text/event-stream; charset=utf-8"));
    const qsizetype firstEvents = received.count("event: seats\n");

    auto a = signedIn(1);
    QVERIFY(a);
    QElapsedTimer sinceChange;
    QNetworkReply *reserve = a->start("POST", QStringLiteral("/api/reservations"), "{\"session\": \"race\"}");
    connect(reserve, &QNetworkReply::finished, this, [&sinceChange] { sinceChange.start(); });
    QVERIFY(TestClient::waitFor([&] { return received.count("event: seats\n") > firstEvents; }, 3000));
    const qint64 lagMs = sinceChange.isValid() ? sinceChange.elapsed() : 0;
    QVERIFY2(lagMs < 1000, qPrintable(QString::number(lagMs)));
    const QByteArray last = received.mid(received.lastIndexOf("data: ") + 6).trimmed();
    QCOMPARE(sessionSeats(TestResponse{200, last, {}}, QStringLiteral("race")).value(u"taken").toInt(), 1);
    TestClient::collect(reserve);
    QCOMPARE(m_server->waitingClients(), 1);
    stream->abort();
    delete stream;
    QTRY_COMPARE(m_server->waitingClients(), 0);
}

void TestFeedServer::badInputLeavesTheLedgerAlone_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("extraHeader");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString r = QStringLiteral("/api/reservations");
    QTest::newRow("malformed json") << QByteArray("POST") << r << QByteArray("{\"session\": ") << QByteArray()
                                    << 400 << "bad-json";
    QTest::newRow("not an object") << QByteArray("POST") << r << QByteArray("[\"lab\"]") << QByteArray()
                                   << 400 << "bad-request";
    QTest::newRow("empty body") << QByteArray("POST") << r << QByteArray() << QByteArray() << 400
                                << "bad-json";
    QTest::newRow("session is a number")
        << QByteArray("POST") << r << QByteArray("{\"session\": 42}") << QByteArray() << 400 << "bad-request";
    QTest::newRow("session is null") << QByteArray("POST") << r << QByteArray("{\"session\": null}")
                                     << QByteArray() << 400 << "bad-request";
    QTest::newRow("waitlist is a string")
        << QByteArray("POST") << r << QByteArray("{\"session\": \"lab\", \"waitlist\": \"yes\"}")
        << QByteArray() << 400 << "bad-request";
    QTest::newRow("control characters")
        << QByteArray("POST") << r << QByteArray("{\"session\": \"lab\\u0000\"}") << QByteArray() << 400
        << "bad-request";
    QTest::newRow("sql-looking id") << QByteArray("POST") << r
                                    << QByteArray("{\"session\": \"lab'; DROP TABLE reservations; --\"}")
                                    << QByteArray() << 404 << "unknown-session";
    QTest::newRow("long id") << QByteArray("POST") << r
                             << QByteArray("{\"session\": \"" + QByteArray(5000, 'x') + "\"}") << QByteArray()
                             << 400 << "bad-request";
    QTest::newRow("body over 16 KiB")
        << QByteArray("POST") << r << QByteArray("{\"session\": \"" + QByteArray(20 * 1024, 'x') + "\"}")
        << QByteArray() << 413 << "too-large";
    QTest::newRow("huge body") << QByteArray("POST") << r << QByteArray(3 * 1024 * 1024, '{') << QByteArray()
                               << 413 << "too-large";
    QTest::newRow("long idempotency key") << QByteArray("POST") << r << QByteArray("{\"session\": \"lab\"}")
                                          << QByteArray(300, 'k') << 400 << "bad-request";
    QTest::newRow("reservation id not a number")
        << QByteArray("DELETE") << QStringLiteral("/api/reservations/abc") << QByteArray() << QByteArray()
        << 404 << "not-found";
    QTest::newRow("negative reservation id") << QByteArray("DELETE") << QStringLiteral("/api/reservations/-1")
                                             << QByteArray() << QByteArray() << 404 << "not-found";
    QTest::newRow("overflowing id") << QByteArray("GET")
                                    << QStringLiteral("/api/reservations/99999999999999999999999")
                                    << QByteArray() << QByteArray() << 404 << "not-found";
    QTest::newRow("bad since") << QByteArray("GET") << QStringLiteral("/api/seats?since=-4") << QByteArray()
                               << QByteArray() << 400 << "bad-request";
    QTest::newRow("bad wait") << QByteArray("GET") << QStringLiteral("/api/seats?wait=soon") << QByteArray()
                              << QByteArray() << 400 << "bad-request";
    QTest::newRow("unknown route") << QByteArray("GET") << QStringLiteral("/api/nothing") << QByteArray()
                                   << QByteArray() << 404 << "not-found";
    QTest::newRow("outside the api") << QByteArray("GET") << QStringLiteral("/../../etc/passwd")
                                     << QByteArray() << QByteArray() << 404 << "not-found";
    QTest::newRow("wrong method") << QByteArray("PATCH") << r << QByteArray("{}") << QByteArray() << 405
                                  << "method-not-allowed";
    QTest::newRow("badge is an object")
        << QByteArray("POST") << QStringLiteral("/api/session") << QByteArray("{\"badge\": {\"code\": 1}}")
        << QByteArray() << 400 << "bad-request";
}

void TestFeedServer::badInputLeavesTheLedgerAlone()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, extraHeader);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto a = signedIn(1);
    QVERIFY(a);
    QCOMPARE(a->postJson(QStringLiteral("/api/reservations"),
                         {{QStringLiteral("session"), QStringLiteral("tiny")}})
                 .status,
             201);
    const QString before = ledgerSnapshot();
    const qsizetype mine =
        m_server->ledger().reservationsOf(m_server->badges().find(badge(1))->attendeeId, true).size();

    TestClient::Headers headers;
    if (!extraHeader.isEmpty())
        headers.append({"Idempotency-Key", extraHeader});
    const TestResponse r = a->call(method, path, body, headers);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QVERIFY(!r.json().value(u"error").toObject().value(u"message").toString().isEmpty());
    QCOMPARE(ledgerSnapshot(), before);
    QCOMPARE(m_server->ledger().reservationsOf(m_server->badges().find(badge(1))->attendeeId, true).size(),
             mine);
    QCOMPARE(m_server->ledger().integrityProblems(), QStringList());
    // The server is still fine.
    QCOMPARE(a->call("GET", QStringLiteral("/api/reservations")).status, 200);
}

void TestFeedServer::rateLimits()
{
    FeedServerConfig config = unlimitedAddress();
    config.rateBurst = 5;
    config.ratePerSecond = 1;
    config.signInFailureBurst = 3;
    config.signInFailuresPerSecond = 0.01;
    QVERIFY(startServer(config));
    auto a = signedIn(1);
    auto b = signedIn(2);
    QVERIFY(a && b);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(a->call("GET", QStringLiteral("/api/reservations")).status, 200);
    const TestResponse limited = a->call("GET", QStringLiteral("/api/reservations"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate-limited"));
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    QCOMPARE(b->call("GET", QStringLiteral("/api/reservations")).status, 200);
    QTest::qWait(1100);
    QCOMPARE(a->call("GET", QStringLiteral("/api/reservations")).status, 200);

    // Guessing badge codes: a few failures, then even a right code waits.
    TestClient guesser(m_port);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(guesser
                     .postJson(QStringLiteral("/api/session"),
                               {{QStringLiteral("badge"), QStringLiteral("GUESS-%1").arg(i)}})
                     .status,
                 401);
    const TestResponse blocked =
        guesser.postJson(QStringLiteral("/api/session"), {{QStringLiteral("badge"), badge(3)}});
    QCOMPARE(blocked.status, 429);
    QVERIFY(blocked.header("Retry-After").toInt() >= 1);
}

void TestFeedServer::expiredTokensArePurged()
{
    FeedServerConfig config = unlimitedAddress();
    config.tokenLifetimeSeconds = 3600;
    config.expiredTokenGraceSeconds = 600;
    config.tokenPurgeIntervalMs = 20;
    QVERIFY(startServer(config));
    auto now = std::make_shared<QDateTime>(QDate(2027, 5, 11), QTime(8, 0), Qt::UTC);
    m_server->setClock([now] { return *now; });
    const auto sessionStatus = [](TestClient &client) {
        const TestResponse r = client.call("GET", QStringLiteral("/api/session"));
        return QStringLiteral("%1 %2").arg(r.status).arg(r.errorCode());
    };

    auto longExpired = signedIn(1); // 08:00, expires 09:00
    *now = now->addSecs(600);
    auto justExpired = signedIn(2); // 08:10, expires 09:10
    *now = now->addSecs(1200);
    auto valid = signedIn(3); // 08:30, expires 09:30
    QVERIFY(longExpired && justExpired && valid);
    QTest::qWait(100);
    QCOMPARE(m_server->tokens().size(), 3);

    // 09:15: one token is past its lifetime plus the 10-minute grace, one only past its lifetime.
    *now = now->addSecs(2700);
    QTRY_COMPARE(m_server->tokens().size(), 2);
    QCOMPARE(sessionStatus(*longExpired), QStringLiteral("401 unauthorized"));
    QCOMPARE(sessionStatus(*justExpired), QStringLiteral("401 token-expired"));
    QCOMPARE(sessionStatus(*valid), QStringLiteral("200 "));
    QCOMPARE(admin()->call("GET", QStringLiteral("/api/session")).status, 200);

    // Purged from the ledger file too: a restarted server (on the real clock, before 2027) reads two tokens.
    QVERIFY(startServer(config));
    QCOMPARE(m_server->tokens().size(), 2);
}

void TestFeedServer::logHasOneLinePerRequestAndNoSecrets()
{
    TestClient client(m_port);
    QVERIFY(client.signIn(badge(5)));
    client.postJson(QStringLiteral("/api/reservations"),
                    {{QStringLiteral("session"), QStringLiteral("lab")}});
    client.call("GET", QStringLiteral("/api/seats?since=1&wait=0"));
    client.call("GET", QStringLiteral("/api/nothing"));
    admin()->call("POST", QStringLiteral("/api/admin/reload"));
    QTRY_COMPARE(m_log.size(), 5);
    QVERIFY2(QRegularExpression(QStringLiteral("^POST /api/session 201 \\d+ ms$")).match(m_log[0]).hasMatch(),
             qPrintable(m_log[0]));
    QVERIFY2(m_log[1].startsWith(QStringLiteral("POST /api/reservations 201 ")), qPrintable(m_log[1]));
    QVERIFY2(m_log[2].startsWith(QStringLiteral("GET /api/seats 200 ")), qPrintable(m_log[2]));
    QVERIFY2(m_log[3].startsWith(QStringLiteral("GET /api/nothing 404 ")), qPrintable(m_log[3]));
    QVERIFY2(m_log[4].startsWith(QStringLiteral("POST /api/admin/reload 200 ")), qPrintable(m_log[4]));
    const QString all = m_log.join(u'\n');
    QVERIFY(!all.contains(QString::fromLatin1(client.token)));
    QVERIFY(!all.contains(QString::fromLatin1(AdminToken)));
    QVERIFY(!all.contains(badge(5)));
    QVERIFY(!all.contains(u'?'));
}

QTEST_GUILESS_MAIN(TestFeedServer)
#include "tst_feedserver.moc"
