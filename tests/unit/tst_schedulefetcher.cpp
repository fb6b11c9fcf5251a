#include "schedulefetcher.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Plenary;

namespace {

const QByteArray kBody = R"({"plenaryFeed":1,"conference":{"id":"demo"}})";
const QByteArray kEtag = R"("v1")";
constexpr int kSlowServerDelayMs = 1500;

/**
 * A real QHttpServer on 127.0.0.1 (port chosen by the system) running in its own thread, so a route can stall
 * without stalling the client under test.
 */
class TestServer
{
public:
    TestServer()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = new QHttpServer;
                addRoutes(*m_server);
                m_port = m_server->listen(QHostAddress::LocalHost, 0);
            },
            Qt::BlockingQueuedConnection);
    }
    ~TestServer()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

private:
    static void addRoutes(QHttpServer &server)
    {
        using Status = QHttpServerResponder::StatusCode;
        server.route("/schedule.json", [](const QHttpServerRequest &request) {
            if (request.value("If-None-Match") == kEtag) {
                QHttpServerResponse notModified(Status::NotModified);
                notModified.setHeader("ETag", kEtag);
                return notModified;
            }
            QHttpServerResponse response("application/json", kBody);
            response.setHeader("ETag", kEtag);
            return response;
        });
        server.route("/agent", [](const QHttpServerRequest &request) {
            return QHttpServerResponse("text/plain", request.value("User-Agent"));
        });
        server.route("/broken", [] { return QHttpServerResponse("oops", Status::InternalServerError); });
        server.route("/big", [] { return QHttpServerResponse("text/plain", QByteArray(5000, 'x')); });
        server.route("/big-stream", [](const QHttpServerRequest &, QHttpServerResponder &&responder) {
            // No Content-Length: only counting the received bytes can stop this one.
            responder.writeStatusLine(Status::Ok);
            responder.writeHeader("Content-Type", "text/plain");
            responder.writeBody(QByteArray(5000, 'y'));
        });
        server.route("/deflate/<arg>", [](int megabytes) {
            // Content-Encoding: deflate is a zlib stream: qCompress() without its 4-byte length prefix.
            QHttpServerResponse response("text/plain", qCompress(QByteArray(megabytes << 20, '0'), 9).mid(4));
            response.setHeader("Content-Encoding", "deflate");
            return response;
        });
        server.route("/deflate-text/<arg>", [](int megabytes) {
            QByteArray text(megabytes << 20, Qt::Uninitialized);
            quint32 state = 12345;
            for (char &c : text) {
                state = state * 1103515245u + 12345u;
                c = char('0' + (state >> 16) % 10);
            }
            QHttpServerResponse response("text/plain", qCompress(text, 9).mid(4));
            response.setHeader("Content-Encoding", "deflate");
            return response;
        });
        server.route("/slow", [] {
            QThread::msleep(kSlowServerDelayMs);
            return QHttpServerResponse("text/plain", "late");
        });
        server.route("/old", [] {
            QHttpServerResponse response(Status::Found);
            response.setHeader("Location", "/schedule.json");
            return response;
        });
        server.route("/hop/<arg>", [](int hop) {
            QHttpServerResponse response(Status::MovedPermanently);
            response.setHeader("Location", hop < 3 ? QByteArray("/hop/" + QByteArray::number(hop + 1))
                                                   : QByteArray("/schedule.json"));
            return response;
        });
        server.route("/to-file", [] {
            QHttpServerResponse response(Status::Found);
            response.setHeader("Location", "file:///etc/hostname");
            return response;
        });
        server.route("/to-remote-http", [] {
            QHttpServerResponse response(Status::Found);
            response.setHeader("Location", "http://192.0.2.10/schedule.json"); // TEST-NET-1, never reached
            return response;
        });
        server.route("/loop", [] {
            QHttpServerResponse response(Status::Found);
            response.setHeader("Location", "/loop");
            return response;
        });
    }

    QThread m_thread;
    QObject m_context;
    QHttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace

class TestScheduleFetcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void okWithBody();
    void sendsUserAgent();
    void notModifiedWithEtag();
    void httpErrorsNameTheStatus_data();
    void httpErrorsNameTheStatus();
    void contentLengthOverLimitIsAborted();
    void streamedBodyOverLimitIsAborted();
    void decompressedSizeIsLimited();
    void followsRelativeRedirect();
    void followsRedirectChain();
    void refusesRedirectToFile();
    void redirectLoopFails();
    void refusesPlainHttpBeyondLoopback();
    void refusesRedirectToRemotePlainHttp();
    void redirectPolicy_data();
    void redirectPolicy();
    void slowServerTimesOut();
    void abortEmitsCancelled();
    void localFileUrl();
    void plainPath();
    void missingFile();
    void localFileOverLimit();
    void unsupportedScheme();
    void fetchBlocking();
    void fetchIsNeverSynchronous();

private:
    std::optional<FetchResult> run(ScheduleFetcher &fetcher, const QUrl &url, const QString &etag = {});

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestScheduleFetcher::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->port() != 0);
    QVERIFY(m_dir.isValid());
}

void TestScheduleFetcher::cleanupTestCase()
{
    m_server.reset();
}

std::optional<FetchResult> TestScheduleFetcher::run(ScheduleFetcher &fetcher, const QUrl &url,
                                                    const QString &etag)
{
    std::optional<FetchResult> result;
    int count = 0;
    const auto connection = connect(&fetcher, &ScheduleFetcher::finished, this, [&](const FetchResult &r) {
        result = r;
        ++count;
    });
    fetcher.fetch(url, etag);
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < 8000)
        QTest::qWait(10);
    QTest::qWait(20); // a second finished() would be a bug
    disconnect(connection);
    if (count > 1)
        return std::nullopt;
    return result;
}

void TestScheduleFetcher::okWithBody()
{
    ScheduleFetcher fetcher(&m_network);
    QSignalSpy progress(&fetcher, &ScheduleFetcher::progress);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/schedule.json")));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->httpStatus, 200);
    QCOMPARE(result->data, kBody);
    QCOMPARE(result->etag, QString::fromLatin1(kEtag));
    QCOMPARE(result->finalUrl, m_server->url(QStringLiteral("/schedule.json")));
    QVERIFY(!result->notModified());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toLongLong(), kBody.size());
    QVERIFY(!fetcher.isRunning());
}

void TestScheduleFetcher::sendsUserAgent()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/agent")));
    QVERIFY(result && result->ok());
    QCOMPARE(result->data, ScheduleFetcher::userAgent());
    static const QRegularExpression pattern(QStringLiteral("^Plenary/\\d+\\.\\d+\\.\\d+$"));
    QVERIFY2(pattern.match(QString::fromLatin1(result->data)).hasMatch(), result->data.constData());
}

void TestScheduleFetcher::notModifiedWithEtag()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result =
        run(fetcher, m_server->url(QStringLiteral("/schedule.json")), QString::fromLatin1(kEtag));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->httpStatus, 304);
    QVERIFY(result->notModified());
    QVERIFY(result->data.isEmpty());
    QCOMPARE(result->etag, QString::fromLatin1(kEtag));

    const auto changed =
        run(fetcher, m_server->url(QStringLiteral("/schedule.json")), QStringLiteral("\"v0\""));
    QVERIFY(changed && changed->ok());
    QCOMPARE(changed->httpStatus, 200);
    QCOMPARE(changed->data, kBody);
}

void TestScheduleFetcher::httpErrorsNameTheStatus_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::newRow("404") << "/missing" << 404 << "HTTP 404";
    QTest::newRow("500") << "/broken" << 500 << "HTTP 500";
}

void TestScheduleFetcher::httpErrorsNameTheStatus()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, text);
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(path));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->httpStatus, status);
    QVERIFY2(result->error.contains(text), qPrintable(result->error));
    QVERIFY2(result->error.contains(path), qPrintable(result->error));
    QVERIFY(result->data.isEmpty());
}

void TestScheduleFetcher::contentLengthOverLimitIsAborted()
{
    ScheduleFetcher fetcher(&m_network);
    fetcher.setMaxBytes(1000);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/big")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("limit")), qPrintable(result->error));
    QVERIFY(result->data.isEmpty());

    fetcher.setMaxBytes(5000);
    const auto exact = run(fetcher, m_server->url(QStringLiteral("/big")));
    QVERIFY(exact && exact->ok());
    QCOMPARE(exact->data.size(), 5000);
}

void TestScheduleFetcher::streamedBodyOverLimitIsAborted()
{
    ScheduleFetcher fetcher(&m_network);
    fetcher.setMaxBytes(1000);
    fetcher.setTimeoutMs(3000);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/big-stream")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("larger than")), qPrintable(result->error));
}

void TestScheduleFetcher::decompressedSizeIsLimited()
{
    // A compression bomb: 64 MiB of zeros sent as about 64 KiB. The limit counts decompressed bytes.
    ScheduleFetcher fetcher(&m_network);
    fetcher.setMaxBytes(1 << 20);
    const auto bomb = run(fetcher, m_server->url(QStringLiteral("/deflate/64")));
    QVERIFY(bomb);
    QVERIFY(!bomb->ok());
    QVERIFY(bomb->data.isEmpty());
    QVERIFY2(bomb->error.contains(QStringLiteral("decompressed safely")), qPrintable(bomb->error));

    // Text that compresses only about 2:1 passes Qt's own ratio check; our limit still stops it.
    const auto text = run(fetcher, m_server->url(QStringLiteral("/deflate-text/4")));
    QVERIFY(text);
    QVERIFY(!text->ok());
    QVERIFY(text->data.isEmpty());
    QVERIFY2(text->error.contains(QStringLiteral("larger than")), qPrintable(text->error));

    // Below the limit the same encoding is decoded transparently.
    fetcher.setMaxBytes(2 << 20);
    const auto small = run(fetcher, m_server->url(QStringLiteral("/deflate/1")));
    QVERIFY(small);
    QVERIFY2(small->ok(), qPrintable(small->error));
    QCOMPARE(small->data, QByteArray(1 << 20, '0'));
}

void TestScheduleFetcher::followsRelativeRedirect()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/old")));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->httpStatus, 200);
    QCOMPARE(result->data, kBody);
    QCOMPARE(result->finalUrl, m_server->url(QStringLiteral("/schedule.json")));
}

void TestScheduleFetcher::followsRedirectChain()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/hop/1")));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->data, kBody);
    QCOMPARE(result->finalUrl, m_server->url(QStringLiteral("/schedule.json")));
}

void TestScheduleFetcher::refusesRedirectToFile()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/to-file")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY(result->data.isEmpty());
    QVERIFY2(result->error.contains(QStringLiteral("redirect")), qPrintable(result->error));
    QVERIFY2(result->error.contains(QStringLiteral("file:///etc/hostname")), qPrintable(result->error));
}

void TestScheduleFetcher::redirectLoopFails()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/loop")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("redirects")), qPrintable(result->error));
    QVERIFY(result->data.isEmpty());
}

void TestScheduleFetcher::refusesPlainHttpBeyondLoopback()
{
    ScheduleFetcher fetcher(&m_network);
    QVERIFY(!fetcher.allowsInsecureHttp());
    QSignalSpy requests(&m_network, &QNetworkAccessManager::finished);
    const auto result = run(fetcher, QUrl(QStringLiteral("http://192.0.2.10/schedule.json")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("Allow unencrypted connections")),
             qPrintable(result->error));
    QVERIFY2(result->error.contains(QStringLiteral("http://192.0.2.10/schedule.json")),
             qPrintable(result->error));
    QCOMPARE(requests.size(), 0); // refused before any connection

    // Loopback stays allowed without the setting.
    const auto local = run(fetcher, m_server->url(QStringLiteral("/schedule.json")));
    QVERIFY(local);
    QVERIFY2(local->ok(), qPrintable(local->error));
}

void TestScheduleFetcher::refusesRedirectToRemotePlainHttp()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, m_server->url(QStringLiteral("/to-remote-http")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("Allow unencrypted connections")),
             qPrintable(result->error));
    QVERIFY(result->data.isEmpty());
}

void TestScheduleFetcher::redirectPolicy_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("http to https") << "http://a.example/x"
                                   << "https://b.example/y" << true;
    QTest::newRow("https to https") << "https://a.example/x"
                                    << "https://a.example/y" << true;
    QTest::newRow("http to http") << "http://a.example/x"
                                  << "http://a.example/y" << true;
    QTest::newRow("https to http") << "https://a.example/x"
                                   << "http://a.example/x" << false;
    QTest::newRow("to file") << "http://a.example/x"
                             << "file:///etc/passwd" << false;
    QTest::newRow("to ftp") << "https://a.example/x"
                            << "ftp://a.example/x" << false;
    QTest::newRow("no host") << "https://a.example/x"
                             << "https:///x" << false;
}

void TestScheduleFetcher::redirectPolicy()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    QCOMPARE(ScheduleFetcher::isRedirectAllowed(QUrl(from), QUrl(to)), allowed);
}

void TestScheduleFetcher::slowServerTimesOut()
{
    ScheduleFetcher fetcher(&m_network);
    fetcher.setTimeoutMs(300);
    QElapsedTimer timer;
    timer.start();
    const auto result = run(fetcher, m_server->url(QStringLiteral("/slow")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("timed out")), qPrintable(result->error));
    QVERIFY2(timer.elapsed() < kSlowServerDelayMs, QByteArray::number(timer.elapsed()));
}

void TestScheduleFetcher::abortEmitsCancelled()
{
    ScheduleFetcher fetcher(&m_network);
    QSignalSpy finished(&fetcher, &ScheduleFetcher::finished);
    fetcher.fetch(m_server->url(QStringLiteral("/slow")));
    QVERIFY(fetcher.isRunning());
    QTest::qWait(50);
    fetcher.abort();
    QCOMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<FetchResult>();
    QVERIFY(result.error.contains(QStringLiteral("cancelled")));
    QVERIFY(!fetcher.isRunning());
    fetcher.abort();
    QTest::qWait(20);
    QCOMPARE(finished.count(), 1);
}

void TestScheduleFetcher::localFileUrl()
{
    const QString path = m_dir.filePath(QStringLiteral("local schedule.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kBody);
    file.close();

    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, QUrl::fromLocalFile(path));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->data, kBody);
    QCOMPARE(result->httpStatus, 0);
    QCOMPARE(result->finalUrl, QUrl::fromLocalFile(path));
}

void TestScheduleFetcher::plainPath()
{
    const QString path = m_dir.filePath(QStringLiteral("plain.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kBody);
    file.close();

    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, QUrl(path));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->data, kBody);
    QCOMPARE(result->finalUrl, QUrl::fromLocalFile(path));
}

void TestScheduleFetcher::missingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("nope.xml"));
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, QUrl::fromLocalFile(path));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(path), qPrintable(result->error));
    QVERIFY2(result->error.contains(QStringLiteral("does not exist")), qPrintable(result->error));
}

void TestScheduleFetcher::localFileOverLimit()
{
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, ' '));
    file.close();

    ScheduleFetcher fetcher(&m_network);
    fetcher.setMaxBytes(2047);
    const auto result = run(fetcher, QUrl::fromLocalFile(path));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("limit")), qPrintable(result->error));
    QVERIFY(result->data.isEmpty());
}

void TestScheduleFetcher::unsupportedScheme()
{
    ScheduleFetcher fetcher(&m_network);
    const auto result = run(fetcher, QUrl(QStringLiteral("ftp://example.org/schedule.xml")));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error.contains(QStringLiteral("ftp://example.org")), qPrintable(result->error));
}

void TestScheduleFetcher::fetchBlocking()
{
    const FetchResult ok =
        ScheduleFetcher::fetchBlocking(m_server->url(QStringLiteral("/schedule.json")), 5000);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
    QCOMPARE(ok.data, kBody);

    const FetchResult tooBig =
        ScheduleFetcher::fetchBlocking(m_server->url(QStringLiteral("/big")), 5000, 100);
    QVERIFY(!tooBig.ok());

    const FetchResult missing =
        ScheduleFetcher::fetchBlocking(QUrl(m_dir.filePath(QStringLiteral("none"))), 5000);
    QVERIFY(!missing.ok());
}

void TestScheduleFetcher::fetchIsNeverSynchronous()
{
    ScheduleFetcher fetcher(&m_network);
    QSignalSpy finished(&fetcher, &ScheduleFetcher::finished);
    fetcher.fetch(QUrl(m_dir.filePath(QStringLiteral("none"))));
    QCOMPARE(finished.count(), 0);
    fetcher.fetch(QUrl(QStringLiteral("gopher://example.org/")));
    QCOMPARE(finished.count(), 1); // the first read was cancelled by the second fetch
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.count(), 2);
    QVERIFY(finished.at(1).at(0).value<FetchResult>().error.contains(QStringLiteral("gopher")));
}

QTEST_GUILESS_MAIN(TestScheduleFetcher)
#include "tst_schedulefetcher.moc"
