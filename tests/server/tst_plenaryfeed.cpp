// End-to-end: the real plenary-feed binary as a child process on port 0, serving the sample conference.
#include "testclient.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QByteArray AdminToken = QByteArrayLiteral("e2e-admin-9c41d0");
const QString FullLab = QStringLiteral("04a8ecb7-c148-5bcf-8e2e-ab26d149e8f7#2");
const QString OpenLab = QStringLiteral("04a8ecb7-c148-5bcf-8e2e-ab26d149e8f7");
const QString FirstBadge = QStringLiteral("BCN-7Q4K-2H9D");

QString sample(const char *file)
{
    return QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/") + QLatin1String(file);
}
} // namespace

class TestPlenaryFeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void servesTheSampleAndNeverLogsSecrets();
    void limitsFromTheCommandLine();
    void usageErrors_data();
    void usageErrors();

private:
    /** Starts the server; returns its port (0 on failure). */
    quint16 start(QProcess &process, const QStringList &extra = {});

    QTemporaryDir m_dir;
};

void TestPlenaryFeed::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::copy(sample("conference.json"), m_dir.filePath(QStringLiteral("conference.json"))));
}

quint16 TestPlenaryFeed::start(QProcess &process, const QStringList &extra)
{
    process.setProgram(QStringLiteral(PLENARY_BINARY_DIR "/bin/plenary-feed"));
    process.setArguments(QStringList{QStringLiteral("serve"), QStringLiteral("--conference"),
                                     m_dir.filePath(QStringLiteral("conference.json")),
                                     QStringLiteral("--db"), m_dir.filePath(QStringLiteral("ledger.sqlite")),
                                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("--badges"), sample("badges.json"),
                                     QStringLiteral("--seats"), sample("seats.json"),
                                     QStringLiteral("--admin-token"), QString::fromLatin1(AdminToken)} +
                         extra);
    process.start();
    if (!process.waitForStarted(10'000))
        return 0;
    QByteArray out;
    const QRegularExpression listening(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)$"),
                                       QRegularExpression::MultilineOption);
    QRegularExpressionMatch match;
    TestClient::waitFor(
        [&] {
            out += process.readAllStandardOutput();
            match = listening.match(QString::fromUtf8(out));
            return match.hasMatch() || process.state() == QProcess::NotRunning;
        },
        20'000);
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

void TestPlenaryFeed::servesTheSampleAndNeverLogsSecrets()
{
    QProcess server;
    const quint16 port = start(server);
    QVERIFY2(port != 0, server.readAllStandardError().constData());

    TestClient client(port);
    const TestResponse feed = client.call("GET", QStringLiteral("/api/conference"));
    QCOMPARE(feed.status, 200);
    QCOMPARE(feed.json().value(u"sessions").toArray().size(), 153);
    QCOMPARE(
        client.call("GET", QStringLiteral("/api/conference"), {}, {{"If-None-Match", feed.header("ETag")}})
            .status,
        304);

    const TestResponse seats = client.call("GET", QStringLiteral("/api/seats"));
    QCOMPARE(seats.json().value(u"sessions").toArray().size(), 29);
    QCOMPARE(sessionSeats(seats, FullLab).value(u"taken").toInt(), 40);
    QCOMPARE(sessionSeats(seats, FullLab).value(u"waitlist").toInt(), 3);
    QCOMPARE(sessionSeats(seats, OpenLab).value(u"taken").toInt(), 38);

    QVERIFY(client.signIn(FirstBadge));
    const QByteArray token = client.token;
    const TestResponse reserved =
        client.postJson(QStringLiteral("/api/reservations"), {{QStringLiteral("session"), OpenLab}});
    QCOMPARE(reserved.status, 201);
    const TestResponse waiting =
        client.postJson(QStringLiteral("/api/reservations"),
                        {{QStringLiteral("session"), FullLab}, {QStringLiteral("waitlist"), true}});
    QCOMPARE(waiting.json().value(u"reservation").toObject().value(u"position").toInt(), 4);

    // SIGHUP reloads the conference file without a restart.
    QFile conference(m_dir.filePath(QStringLiteral("conference.json")));
    QVERIFY(conference.open(QIODevice::ReadWrite));
    QJsonObject document = QJsonDocument::fromJson(conference.readAll()).object();
    QJsonObject meta = document.value(u"conference").toObject();
    meta.insert(QStringLiteral("version"), QStringLiteral("e2e-reloaded"));
    document.insert(QStringLiteral("conference"), meta);
    conference.resize(0);
    conference.write(QJsonDocument(document).toJson());
    conference.close();
    QCOMPARE(::kill(pid_t(server.processId()), SIGHUP), 0);
    QVERIFY(TestClient::waitFor(
        [&] {
            return client.call("GET", QStringLiteral("/api/health"))
                       .json()
                       .value(u"scheduleVersion")
                       .toString() == QStringLiteral("e2e-reloaded");
        },
        10'000));
    QCOMPARE(
        client.call("GET", QStringLiteral("/api/conference"), {}, {{"If-None-Match", feed.header("ETag")}})
            .status,
        200);

    TestClient organizer(port);
    organizer.token = AdminToken;
    QCOMPARE(organizer.call("POST", QStringLiteral("/api/admin/reload")).status, 200);

    server.terminate();
    QVERIFY(server.waitForFinished(10'000));
    const QString log = QString::fromUtf8(server.readAllStandardError());
    // A clean stop exits 0, so a sanitizer report from the server (asan preset) fails this test.
    QVERIFY2(server.exitStatus() == QProcess::NormalExit && server.exitCode() == 0, qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("GET /api/conference 200 ")), qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("GET /api/conference 304 ")));
    QVERIFY(log.contains(QStringLiteral("POST /api/session 201 ")));
    QVERIFY(log.contains(QStringLiteral("POST /api/admin/reload 200 ")));
    QVERIFY(log.contains(QStringLiteral("e2e-reloaded")));
    QVERIFY(!log.contains(QString::fromLatin1(token)));
    QVERIFY(!log.contains(QString::fromLatin1(AdminToken)));
    QVERIFY(!log.contains(FirstBadge));

    // A restart keeps the ledger and the sign-in, and does not seed again.
    QProcess again;
    const quint16 port2 = start(again);
    QVERIFY2(port2 != 0, again.readAllStandardError().constData());
    TestClient returning(port2);
    returning.token = token;
    const TestResponse mine = returning.call("GET", QStringLiteral("/api/reservations"));
    QCOMPARE(mine.status, 200);
    QCOMPARE(mine.json().value(u"reservations").toArray().size(), 2);
    const TestResponse after = returning.call("GET", QStringLiteral("/api/seats"));
    QCOMPARE(sessionSeats(after, OpenLab).value(u"taken").toInt(), 39);
    QCOMPARE(sessionSeats(after, FullLab).value(u"waitlist").toInt(), 4);
    again.terminate();
    QVERIFY(again.waitForFinished(10'000));
    QVERIFY2(again.exitStatus() == QProcess::NormalExit && again.exitCode() == 0,
             again.readAllStandardError().constData());
}

void TestPlenaryFeed::limitsFromTheCommandLine()
{
    QProcess server;
    const quint16 port =
        start(server,
              {QStringLiteral("--max-header-bytes"), QStringLiteral("1024"), QStringLiteral("--max-headers"),
               QStringLiteral("8"), QStringLiteral("--rate-limit-per-address"), QStringLiteral("1"),
               QStringLiteral("--rate-burst-per-address"), QStringLiteral("6"),
               QStringLiteral("--token-lifetime"), QStringLiteral("2s"), QStringLiteral("--request-timeout"),
               QStringLiteral("1"), QStringLiteral("--max-connections-per-address"), QStringLiteral("3")});
    QVERIFY2(port != 0, server.readAllStandardError().constData());
    TestClient client(port);
    const TestResponse big =
        client.call("GET", QStringLiteral("/api/health"), {}, {{"X-Big", QByteArray(1100, 'b')}});
    QCOMPARE(big.status, 431);
    QCOMPARE(big.errorCode(), QStringLiteral("head-too-large"));
    QVERIFY(client.signIn(FirstBadge));
    QCOMPARE(client.call("GET", QStringLiteral("/api/session")).status, 200);
    QTest::qWait(2100);
    const TestResponse expired = client.call("GET", QStringLiteral("/api/session"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("token-expired"));
    // A burst of 6, refilled at 1 per second: the address runs dry within a few more requests.
    TestResponse limited;
    int served = 0;
    for (int i = 0; i < 20 && limited.status != 429; ++i) {
        limited = client.call("GET", QStringLiteral("/api/health"));
        served += limited.status == 200 ? 1 : 0;
    }
    QCOMPARE(limited.status, 429);
    QVERIFY2(served <= 6, qPrintable(QString::number(served)));
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    server.terminate();
    QVERIFY(server.waitForFinished(10'000));
}

void TestPlenaryFeed::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString db = m_dir.filePath(QStringLiteral("usage.sqlite"));
    QTest::newRow("no command") << QStringList() << 2 << "serve";
    QTest::newRow("no db") << QStringList{"serve", "--conference", sample("conference.json")} << 2 << "--db";
    QTest::newRow("bad listen")
        << QStringList{"serve", "--conference", sample("conference.json"), "--db", db, "--listen", "nowhere"}
        << 2 << "HOST:PORT";
    QTest::newRow("missing conference")
        << QStringList{"serve", "--conference", "/nonexistent/c.json", "--db", db} << 1 << "no such file";
    QTest::newRow("bad badges") << QStringList{"serve", "--conference", sample("conference.json"), "--db",
                                               db,      "--badges",     sample("README.md")}
                                << 1 << "README.md";
    QTest::newRow("tiny head limit")
        << QStringList{"serve", "--conference", sample("conference.json"), "--db", db, "--max-header-bytes",
                       "100"}
        << 2 << "--max-header-bytes";
    QTest::newRow("bad token lifetime")
        << QStringList{"serve",  "--conference", sample("conference.json"), "--db", db, "--token-lifetime",
                       "forever"}
        << 2 << "--token-lifetime";
    QTest::newRow("negative address rate") << QStringList{"serve",
                                                          "--conference",
                                                          sample("conference.json"),
                                                          "--db",
                                                          db,
                                                          "--rate-limit-per-address",
                                                          "-1"}
                                           << 2 << "limit";
    const auto withFlag = [&](const char *flag, const char *value) {
        return QStringList{"serve", "--conference", sample("conference.json"), "--db", db, flag, value};
    };
    QTest::newRow("small max body") << withFlag("--max-body", "100") << 2 << "--max-body, --rate-limit";
    QTest::newRow("zero token rate") << withFlag("--rate-limit", "0") << 2 << "want positive numbers";
    QTest::newRow("fractional burst") << withFlag("--rate-burst", "0.5") << 2 << "want positive numbers";
    QTest::newRow("max headers not a number") << withFlag("--max-headers", "many") << 2 << "a limit is not";
    QTest::newRow("zero idle timeout") << withFlag("--idle-timeout", "0") << 2 << "a limit is not";
    QTest::newRow("request timeout over an hour")
        << withFlag("--request-timeout", "3601") << 2 << "a limit is not";
    QTest::newRow("fractional connection cap")
        << withFlag("--max-connections", "2.5") << 2 << "a limit is not";
}

void TestPlenaryFeed::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QProcess process;
    process.start(QStringLiteral(PLENARY_BINARY_DIR "/bin/plenary-feed"), arguments);
    QVERIFY(process.waitForFinished(20'000));
    QCOMPARE(process.exitCode(), exitCode);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestPlenaryFeed)
#include "tst_plenaryfeed.moc"
