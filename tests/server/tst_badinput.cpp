// The bad-input table: malformed and hostile requests against the real feed server on 127.0.0.1 (raw bytes
// where the head itself must be wrong). Each must get its status and a JSON error, the server must serve the
// next request, and afterwards SQL on the ledger file proves that none of them changed a thing.
#include "conferencefixture.h"
#include "feedserver.h"
#include "rawclient.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Plenary;

namespace {
const QByteArray AdminToken = QByteArrayLiteral("badinput-admin-5d2e");
constexpr int RequestTimeoutMs = 800;

/** A one-hour session on 11 May 2027 at `hour` in Berlin. */
Session seatSession(const QString &id, std::optional<int> seats, int hour)
{
    const QDateTime start(QDate(2027, 5, 11), QTime(hour, 0), QTimeZone("Europe/Berlin"));
    return ConferenceFixture::seatSession(id, seats, start, start.addSecs(3600));
}

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token + "\r\n";
}

const QByteArray Json = QByteArrayLiteral("Content-Type: application/json\r\n");
} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void hostileRequest_data();
    void hostileRequest();

private:
    QByteArray signIn(const QString &badge);
    QStringList ledgerFacts();

    QTemporaryDir m_dir;
    std::unique_ptr<FeedServer> m_server;
    quint16 m_port = 0;
    qint64 m_clockOffsetMs = 0;
    QHash<QByteArray, QByteArray> m_values; ///< placeholders in the table ("{A}") and what they stand for
    QStringList m_before;
    int m_rows = 0;
};

void TestBadInput::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false"));
    QVERIFY(m_dir.isValid());
    QVERIFY(ConferenceFixture::writeConference(
        m_dir.filePath(QStringLiteral("conference.json")),
        ConferenceFixture::conference(QStringLiteral("badinput"), QStringLiteral("Bad Input Conf"),
                                      QTimeZone("Europe/Berlin"), QStringLiteral("1"),
                                      {seatSession(QStringLiteral("lab"), 40, 9),
                                       seatSession(QStringLiteral("tiny"), 1, 11),
                                       seatSession(QStringLiteral("keynote"), std::nullopt, 13)})));

    FeedServerConfig config;
    config.conferencePath = m_dir.filePath(QStringLiteral("conference.json"));
    config.databasePath = m_dir.filePath(QStringLiteral("ledger.sqlite"));
    config.adminToken = AdminToken;
    config.requestTimeoutMs = RequestTimeoutMs;
    config.maxHeaderBytes = 8 * 1024;
    config.maxHeaderCount = 50;
    config.addressRateBurst = 2000; // the table's own traffic from 127.0.0.1 must not trip the address limit
    m_server = std::make_unique<FeedServer>(config);
    m_server->setClock([this] { return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs); });
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    for (const char *code : {"ALICE", "BOB", "CAROL", "DAVE"})
        m_server->badges().add(QString::fromLatin1(code), Badge{{}, QString::fromLatin1(code), false});
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(m_port != 0, qPrintable(error));

    // The state the hostile requests must leave alone: a seat, a full session with a waitlist, a used key.
    const QByteArray alice = signIn(QStringLiteral("ALICE"));
    const QByteArray bob = signIn(QStringLiteral("BOB"));
    const QByteArray carol = signIn(QStringLiteral("CAROL"));
    const QByteArray dave = signIn(QStringLiteral("DAVE"));
    QVERIFY(!alice.isEmpty() && !bob.isEmpty() && !carol.isEmpty() && !dave.isEmpty());
    const auto reserve = [this](const QByteArray &token, const QByteArray &body,
                                const QByteArray &extra = {}) {
        return RawClient::exchange(
            m_port, RawClient::request("POST", "/api/reservations", bearer(token) + Json + extra, body));
    };
    QCOMPARE(reserve(alice, "{\"session\": \"lab\"}", "Idempotency-Key: alice-key-1\r\n").status, 201);
    const RawResponse bobsSeat = reserve(bob, "{\"session\": \"tiny\"}");
    QCOMPARE(bobsSeat.status, 201);
    QCOMPARE(reserve(alice, "{\"session\": \"tiny\", \"waitlist\": true}").status, 201);
    QCOMPARE(reserve(carol, "{\"session\": \"tiny\", \"waitlist\": true}").status, 201);
    const QByteArray revoked = signIn(QStringLiteral("CAROL"));
    QCOMPARE(
        RawClient::exchange(m_port, RawClient::request("DELETE", "/api/session", bearer(revoked))).status,
        204);

    m_values = {
        {"{A}", alice},
        {"{B}", bob},
        {"{D}", dave},
        {"{REVOKED}", revoked},
        {"{ADMIN}", AdminToken},
        {"{BOBS}",
         QByteArray::number(bobsSeat.json().value(u"reservation").toObject().value(u"id").toInteger())},
    };
    m_before = ledgerFacts();
    QVERIFY(m_before.size() > 5);
}

QByteArray TestBadInput::signIn(const QString &badge)
{
    const RawResponse r =
        RawClient::exchange(m_port, RawClient::request("POST", "/api/session", Json,
                                                       "{\"badge\": \"" + badge.toLatin1() + "\"}"));
    return r.status == 201 ? r.json().value(u"token").toString().toLatin1() : QByteArray();
}

/** What SQL on the ledger file says: integrity violations (should be none) and the counts to compare. */
QStringList TestBadInput::ledgerFacts()
{
    QStringList facts;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspector"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("ledger.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return {QStringLiteral("cannot open the ledger")};
        QSqlQuery q(db);
        const auto rows = [&](const QString &sql, const QString &label) {
            if (!q.exec(sql)) {
                facts.append(label + QStringLiteral(" failed"));
                return;
            }
            while (q.next()) {
                QStringList values;
                for (int i = 0; i < q.record().count(); ++i)
                    values.append(q.value(i).toString());
                facts.append(label + u' ' + values.join(u' '));
            }
        };
        rows(QStringLiteral("SELECT s.id FROM sessions s WHERE coalesce(s.admin_capacity, s.feed_capacity) < "
                            "(SELECT count(*) FROM reservations r WHERE r.session_id = s.id AND "
                            "r.status = 'confirmed')"),
             QStringLiteral("VIOLATION over capacity:"));
        rows(QStringLiteral("SELECT session_id, attendee_id FROM reservations WHERE status <> 'cancelled' "
                            "GROUP BY session_id, attendee_id HAVING count(*) > 1"),
             QStringLiteral("VIOLATION duplicate place:"));
        rows(
            QStringLiteral("SELECT session_id FROM (SELECT session_id, row_number() OVER (PARTITION BY "
                           "session_id ORDER BY id) AS position, count(*) OVER (PARTITION BY session_id) AS "
                           "total, max(id) OVER (PARTITION BY session_id) AS last FROM reservations WHERE "
                           "status = 'waitlisted') GROUP BY session_id HAVING max(position) <> max(total) OR "
                           "count(*) <> max(total)"),
            QStringLiteral("VIOLATION waitlist not contiguous:"));
        rows(QStringLiteral(
                 "SELECT session_id, status, count(*) FROM reservations GROUP BY session_id, status "
                 "ORDER BY 1, 2"),
             QStringLiteral("count"));
        rows(QStringLiteral("SELECT count(*), coalesce(max(id), 0), coalesce(max(updated_at), 0) FROM "
                            "reservations"),
             QStringLiteral("rows"));
        rows(QStringLiteral("SELECT count(*) FROM idempotency_keys"), QStringLiteral("keys"));
        rows(QStringLiteral("SELECT id, feed_capacity, coalesce(admin_capacity, -1), listed FROM sessions "
                            "ORDER BY id"),
             QStringLiteral("session"));
        rows(QStringLiteral("SELECT value FROM meta WHERE key = 'version'"), QStringLiteral("version"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspector"));
    return facts;
}

void TestBadInput::cleanupTestCase()
{
    const QStringList after = ledgerFacts();
    QVERIFY2(after.filter(QStringLiteral("VIOLATION")).isEmpty(), qPrintable(after.join(u'\n')));
    QCOMPARE(after, m_before);
    QVERIFY2(m_rows >= 40, qPrintable(QStringLiteral("only %1 hostile requests ran").arg(m_rows)));
    QCOMPARE(m_server->ledger().integrityProblems(), QStringList());
    m_server.reset();
}

void TestBadInput::hostileRequest_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("repeat");   ///< send this many times (fresh connections); the last answer counts
    QTest::addColumn<QString>("from"); ///< the client's loopback address
    QTest::addColumn<int>("ageDays");  ///< the server's clock runs this far ahead during the row

    const auto row = [](const char *name, const QByteArray &bytes, int status, const char *code) {
        QTest::newRow(name) << bytes << status << QString::fromLatin1(code) << 1
                            << QStringLiteral("127.0.0.1") << 0;
    };
    const auto post = [](const QByteArray &path, const QByteArray &headers, const QByteArray &body) {
        return RawClient::request("POST", path, headers, body);
    };
    const auto as = [](const QByteArray &who) { return bearer(who); };
    const QByteArray r = "/api/reservations";

    // Bodies: broken JSON, wrong types, huge numbers, unknown guids.
    row("broken json", post(r, as("{A}") + Json, "{\"session\": "), 400, "bad-json");
    row("json array", post(r, as("{A}") + Json, "[\"lab\"]"), 400, "bad-request");
    row("session is a number", post(r, as("{A}") + Json, "{\"session\": 42}"), 400, "bad-request");
    row("session is null", post(r, as("{A}") + Json, "{\"session\": null}"), 400, "bad-request");
    row("session is an object", post(r, as("{A}") + Json, "{\"session\": {\"id\": \"lab\"}}"), 400,
        "bad-request");
    row("waitlist is a string", post(r, as("{A}") + Json, "{\"session\": \"tiny\", \"waitlist\": \"yes\"}"),
        400, "bad-request");
    row("nul in session id", post(r, as("{A}") + Json, "{\"session\": \"lab\\u0000\"}"), 400, "bad-request");
    row("5000-character session id",
        post(r, as("{A}") + Json, "{\"session\": \"" + QByteArray(5000, 'x') + "\"}"), 400, "bad-request");
    row("json nested 6000 deep", post(r, as("{A}") + Json, QByteArray(6000, '[') + QByteArray(6000, ']')),
        400, "bad-json");
    row("unknown guid", post(r, as("{A}") + Json, "{\"session\": \"00000000-dead-beef-0000-000000000000\"}"),
        404, "unknown-session");
    row("sql in session id",
        post(r, as("{A}") + Json, "{\"session\": \"lab'; DELETE FROM reservations; --\"}"), 404,
        "unknown-session");
    row("huge capacity",
        RawClient::request("PUT", "/api/admin/sessions/lab/capacity", as("{ADMIN}") + Json,
                           "{\"capacity\": 1e300}"),
        400, "bad-request");
    row("capacity past 64 bits",
        RawClient::request("PUT", "/api/admin/sessions/lab/capacity", as("{ADMIN}") + Json,
                           "{\"capacity\": 99999999999999999999999}"),
        400, "bad-request");
    row("negative capacity",
        RawClient::request("PUT", "/api/admin/sessions/lab/capacity", as("{ADMIN}") + Json,
                           "{\"capacity\": -1}"),
        400, "bad-request");
    row("fractional capacity",
        RawClient::request("PUT", "/api/admin/sessions/lab/capacity", as("{ADMIN}") + Json,
                           "{\"capacity\": 2.5}"),
        400, "bad-request");
    row("capacity of an unknown session",
        RawClient::request("PUT", "/api/admin/sessions/nope/capacity", as("{ADMIN}") + Json,
                           "{\"capacity\": 3}"),
        404, "unknown-session");
    row("badge is an object", post("/api/session", Json, "{\"badge\": {\"code\": 1}}"), 400, "bad-request");
    row("1000-character badge", post("/api/session", Json, "{\"badge\": \"" + QByteArray(1000, 'B') + "\"}"),
        400, "bad-request");
    row("unknown badge", post("/api/session", Json, "{\"badge\": \"NOBODY\"}"), 401, "unknown-badge");

    // Content types.
    row("text/plain body", post(r, as("{A}") + "Content-Type: text/plain\r\n", "{\"session\": \"lab\"}"), 415,
        "unsupported-media-type");
    row("form body",
        post(r, as("{A}") + "Content-Type: application/x-www-form-urlencoded\r\n", "session=lab"), 415,
        "unsupported-media-type");
    row("no content type", post(r, as("{A}"), "{\"session\": \"keynote\"}"), 415, "unsupported-media-type");
    row("form sign-in", post("/api/session", "Content-Type: multipart/form-data; boundary=x\r\n", "--x--"),
        415, "unsupported-media-type");

    // Tokens: missing, forged, malformed, revoked, expired; other people's things; admin routes.
    row("no token", RawClient::request("GET", r), 401, "unauthorized");
    row("forged token", RawClient::request("GET", r, bearer(QByteArray(43, 'A'))), 401, "unauthorized");
    row("basic auth", RawClient::request("GET", r, "Authorization: Basic YWRtaW46YWRtaW4=\r\n"), 401,
        "unauthorized");
    row("token with quotes", RawClient::request("GET", r, bearer("\"{A}\"")), 401, "unauthorized");
    row("revoked token", RawClient::request("GET", r, as("{REVOKED}")), 401, "unauthorized");
    QTest::newRow("expired token") << RawClient::request("GET", r, as("{A}")) << 401
                                   << QStringLiteral("token-expired") << 1 << QStringLiteral("127.0.0.1")
                                   << 8;
    row("another attendee's reservation", RawClient::request("GET", r + "/{BOBS}", as("{A}")), 404,
        "not-found");
    row("cancel another attendee's reservation", RawClient::request("DELETE", r + "/{BOBS}", as("{A}")), 404,
        "not-found");
    row("reservation id past 64 bits",
        RawClient::request("DELETE", r + "/99999999999999999999999", as("{A}")), 404, "not-found");
    row("negative reservation id", RawClient::request("DELETE", r + "/-1", as("{A}")), 404, "not-found");
    row("reservation id 1e3", RawClient::request("GET", r + "/1e3", as("{A}")), 404, "not-found");
    row("reload with an attendee token", RawClient::request("POST", "/api/admin/reload", as("{A}")), 403,
        "forbidden");
    row("capacity with an attendee token",
        RawClient::request("PUT", "/api/admin/sessions/tiny/capacity", as("{A}") + Json,
                           "{\"capacity\": 500}"),
        403, "forbidden");

    // Paths.
    row("dot-dot segment", RawClient::request("GET", "/api/../api/seats"), 404, "not-found");
    row("encoded dot-dot", RawClient::request("GET", "/api/%2e%2e/api/seats"), 404, "not-found");
    row("encoded slashes", RawClient::request("GET", "/api/seats/..%2f..%2fetc%2fpasswd"), 404, "not-found");
    row("double slash", RawClient::request("GET", "//api//seats"), 404, "not-found");
    row("encoded nul", RawClient::request("GET", r + "/%00", as("{A}")), 400, "bad-request");
    row("raw nul in the path", QByteArray("GET /api/seats") + '\0' + "/x HTTP/1.1\r\nHost: t\r\n\r\n", 400,
        "bad-http");
    row("7000-character path", RawClient::request("GET", "/api/" + QByteArray(7000, 'p')), 404, "not-found");
    row("9000-character request line", RawClient::request("GET", "/api/" + QByteArray(9000, 'p')), 400,
        "bad-http");
    row("outside the api", RawClient::request("GET", "/../../etc/passwd"), 404, "not-found");

    // Methods.
    row("patch reservations", RawClient::request("PATCH", r, as("{A}") + Json, "{}"), 405,
        "method-not-allowed");
    row("delete the seat map", RawClient::request("DELETE", "/api/seats"), 405, "method-not-allowed");
    row("put a session", RawClient::request("PUT", "/api/session", Json, "{}"), 405, "method-not-allowed");
    row("trace", RawClient::request("TRACE", "/api/health"), 405, "method-not-allowed");
    row("lower-case method", QByteArray("get /api/health HTTP/1.1\r\nHost: t\r\n\r\n"), 400, "bad-http");
    row("HTTP/0.9", QByteArray("GET /api/health\r\n\r\n"), 400, "bad-http");

    // Heads: duplicates, malformed lines, sizes.
    row("two content lengths",
        QByteArray("POST /api/reservations HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                   "Content-Length: 2\r\nContent-Length: 19\r\n\r\n{\"session\": \"lab\"}"),
        400, "duplicate-header");
    row("two authorizations", RawClient::request("GET", r, as("{A}") + as("{B}")), 400, "duplicate-header");
    row("two hosts", RawClient::request("GET", "/api/health", "Host: evil\r\n"), 400, "duplicate-header");
    row("chunked body",
        QByteArray("POST /api/reservations HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "13\r\n{\"session\": \"lab\"}\r\n0\r\n\r\n"),
        400, "bad-http");
    row("content length and chunked",
        QByteArray(
            "POST /api/session HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
            "0\r\n\r\n"),
        400, "bad-http");
    row("content length not a number", RawClient::request("GET", "/api/health", "Content-Length: 12abc\r\n"),
        400, "bad-http");
    row("header without colon", RawClient::request("GET", "/api/health", "NoColonHere\r\n"), 400, "bad-http");
    row("space before colon", RawClient::request("GET", "/api/health", "X-Thing : 1\r\n"), 400, "bad-http");
    row("folded header", RawClient::request("GET", "/api/health", "X-Thing: 1\r\n  continued\r\n"), 400,
        "bad-http");
    row("nul in a header value",
        RawClient::request("GET", "/api/health", QByteArray("X-Thing: a") + '\0' + "b\r\n"), 400, "bad-http");
    QByteArray many;
    for (int i = 0; i < 60; ++i)
        many += "X-Header-" + QByteArray::number(i) + ": v\r\n";
    row("60 headers", RawClient::request("GET", "/api/health", many), 431, "head-too-large");
    row("12 KiB header",
        RawClient::request("GET", "/api/health", "X-Big: " + QByteArray(12 * 1024, 'h') + "\r\n"), 431,
        "head-too-large");
    row("head that never ends", "GET /api/health HTTP/1.1\r\n" + QByteArray(10 * 1024, 'h'), 431,
        "head-too-large");
    row("20 KiB body", post(r, as("{A}") + Json, "{\"session\": \"" + QByteArray(20 * 1024, 'x') + "\"}"),
        413, "too-large");
    row("3 MB declared, not sent",
        QByteArray("POST /api/reservations HTTP/1.1\r\nHost: t\r\nContent-Length: 3000000\r\n\r\n"), 413,
        "too-large");
    row("content length past 64 bits",
        QByteArray(
            "POST /api/session HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
        413, "too-large");

    // Slow senders: a head or a body that does not arrive in time.
    row("slowloris head", QByteArray("GET /api/seats HTTP/1.1\r\nHost: t\r\nX-Slow: "), 408,
        "request-timeout");
    row("slow body",
        QByteArray("POST /api/session HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                   "Content-Length: 100\r\n\r\n{\"badge\": "),
        408, "request-timeout");

    // Conflicts that change nothing.
    row("session without seats", post(r, as("{A}") + Json, "{\"session\": \"keynote\"}"), 409,
        "not-seat-limited");
    row("full without waitlist", post(r, as("{D}") + Json, "{\"session\": \"tiny\"}"), 409, "full");
    row("idempotency key reused",
        post(r, as("{A}") + Json + "Idempotency-Key: alice-key-1\r\n",
             "{\"session\": \"tiny\", \"waitlist\": true}"),
        409, "idempotency-key-reused");
    row("300-character idempotency key",
        post(r, as("{A}") + Json + "Idempotency-Key: " + QByteArray(300, 'k') + "\r\n",
             "{\"session\": \"lab\"}"),
        400, "bad-request");

    // Guessing badge codes from one address: a few failures, then 429 with Retry-After.
    QTest::newRow("sign-in brute force")
        << post("/api/session", Json, "{\"badge\": \"GUESS\"}") << 429 << QStringLiteral("rate-limited") << 12
        << QStringLiteral("127.0.0.9") << 0;
}

void TestBadInput::hostileRequest()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, repeat);
    QFETCH(QString, from);
    QFETCH(int, ageDays);
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        bytes.replace(it.key(), it.value());
    const qint64 versionBefore = m_server->ledger().version();

    m_clockOffsetMs = qint64(ageDays) * 24 * 3600 * 1000;
    RawResponse response;
    for (int i = 0; i < repeat; ++i)
        response = RawClient::exchange(m_port, bytes, RequestTimeoutMs + 4000, QHostAddress(from));
    m_clockOffsetMs = 0;
    ++m_rows;

    QCOMPARE(response.status, status);
    if (status >= 400) {
        QCOMPARE(response.header("Content-Type").left(16), QByteArray("application/json"));
        QCOMPARE(response.errorCode(), code);
        QVERIFY(!response.errorMessage().isEmpty());
    }
    if (status == 429 || status == 503)
        QVERIFY(response.header("Retry-After").toInt() >= 1);
    if (status == 408)
        QVERIFY(response.elapsedMs >= RequestTimeoutMs - 100); // coarse timers: up to 5 % early
    QCOMPARE(m_server->ledger().version(), versionBefore);
    // The server still serves.
    const RawResponse health = RawClient::exchange(m_port, RawClient::request("GET", "/api/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(u"status").toString(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
