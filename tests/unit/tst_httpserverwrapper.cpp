// The wrapper around QtHttpServer on a real socket: dispatch, parked and dropped responders, streams, the
// body limit before and after buffering, unparsable requests, head limits, duplicate headers, request
// deadlines, connection caps, idle connections.
#include "httpserverwrapper.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <list>

using namespace Plenary;

namespace {
struct Finished
{
    QByteArray method;
    QString path;
    int status = 0;
};

/** Sends raw bytes and collects what comes back until the server closes or one response is complete. */
QByteArray exchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(bytes);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    // The server runs in this thread: keep its event loop turning while waiting.
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        received += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            break;
        const qsizetype end = received.indexOf("\r\n\r\n");
        const qsizetype lengthAt = received.toLower().indexOf("content-length: ");
        if (end > 0 && lengthAt > 0 && lengthAt < end) {
            const qsizetype lineEnd = received.indexOf("\r\n", lengthAt);
            const int length = received.mid(lengthAt + 16, lineEnd - lengthAt - 16).toInt();
            if (received.size() >= end + 4 + length)
                break;
        }
    }
    return received;
}

int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

QJsonObject errorOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return QJsonDocument::fromJson(response.mid(end + 4)).object().value(u"error").toObject();
}
} // namespace

class TestHttpServerWrapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void dispatchesParsedRequests();
    void parkedResponderAnswersLater();
    void droppedResponderAnswers500();
    void clientGoneBeforeAnswerIsSafe();
    void streamsUntilClosed();
    void bodyLimit_data();
    void bodyLimit();
    void unparsableRequestGets400_data();
    void unparsableRequestGets400();
    void keepAliveServesSeveralRequests();
    void idleConnectionsAreClosedButNotParkedOnes();
    void headLimits_data();
    void headLimits();
    void requestDeadline();
    void connectionCaps();
    void clientKeys_data();
    void clientKeys();

private:
    std::unique_ptr<HttpServerWrapper> m_server;
    quint16 m_port = 0;
    QList<HttpRequest> m_requests;
    std::list<HttpResponder> m_parked;
    QList<Finished> m_finished;
};

void TestHttpServerWrapper::init()
{
    m_server = std::make_unique<HttpServerWrapper>();
    m_server->setMaxBodyBytes(1024);
    m_server->setHandler([this](const HttpRequest &request, HttpResponder &&responder) {
        m_requests.append(request);
        if (request.segments.value(0) == u"park") {
            m_parked.push_back(std::move(responder));
        } else if (request.segments.value(0) == u"drop") {
            HttpResponder dropped = std::move(responder);
        } else if (request.segments.value(0) == u"stream") {
            responder.beginStream(200, {{"Content-Type", "text/event-stream"}});
            responder.writeToStream("data: one\n\n");
            m_parked.push_back(std::move(responder));
        } else {
            responder.send(200,
                           request.method + ' ' + request.segments.join(u'|').toUtf8() + ' ' + request.body,
                           {{"Content-Type", "text/plain"}});
        }
    });
    connect(m_server.get(), &HttpServerWrapper::requestFinished, this,
            [this](const QByteArray &method, const QString &path, int status) {
                m_finished.append(Finished{method, path, status});
            });
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestHttpServerWrapper::cleanup()
{
    m_parked.clear();
    m_server.reset();
    m_requests.clear();
    m_finished.clear();
}

void TestHttpServerWrapper::dispatchesParsedRequests()
{
    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/a%2Fb/c%23d?x=1&token=secret").arg(m_port)));
    request.setRawHeader("X-Test", "yes");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, QByteArrayLiteral("{\"a\":1}"));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), QByteArrayLiteral("POST api|a/b|c#d {\"a\":1}"));
    QCOMPARE(m_requests.size(), 1);
    const HttpRequest &seen = m_requests.first();
    QCOMPARE(seen.header("x-test"), QByteArrayLiteral("yes"));
    QCOMPARE(seen.query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
    QVERIFY(seen.remoteAddress.isLoopback());
    QCOMPARE(m_finished.size(), 1);
    QCOMPARE(m_finished.first().method, QByteArrayLiteral("POST"));
    QCOMPARE(m_finished.first().path, QStringLiteral("/api/a%2Fb/c%23d")); // no query string in the log
    QCOMPARE(m_finished.first().status, 200);
    delete reply;
}

void TestHttpServerWrapper::parkedResponderAnswersLater()
{
    QNetworkAccessManager nam;
    QNetworkReply *reply =
        nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/park").arg(m_port))));
    QTRY_COMPARE(m_parked.size(), size_t(1));
    QTest::qWait(100);
    QVERIFY(!reply->isFinished());
    QVERIFY(m_parked.front().isConnected());
    m_parked.front().send(201, "later");
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(reply->readAll(), QByteArrayLiteral("later"));
    QVERIFY(m_parked.front().isFinished());
    delete reply;
}

void TestHttpServerWrapper::droppedResponderAnswers500()
{
    const QByteArray response = exchange(m_port, "GET /drop HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(statusOf(response), 500);
    QCOMPARE(errorOf(response).value(u"code").toString(), QStringLiteral("internal"));
}

void TestHttpServerWrapper::clientGoneBeforeAnswerIsSafe()
{
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        socket.write("GET /park HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_parked.size(), size_t(1));
        socket.abort();
    }
    QTRY_VERIFY(!m_parked.front().isConnected());
    QTest::qWait(50); // let the server delete the socket
    m_parked.front().send(200, "nobody listens");
    QVERIFY(m_parked.front().isFinished());
    QCOMPARE(m_finished.last().status, 499);
    // The server still serves.
    QCOMPARE(statusOf(exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
}

void TestHttpServerWrapper::streamsUntilClosed()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    socket.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll()).contains("data: one\n\n"));
    QVERIFY(received.startsWith("HTTP/1.1 200"));
    QVERIFY(received.contains("Connection: close"));
    QVERIFY(!received.toLower().contains("content-length"));
    QVERIFY(m_parked.front().writeToStream("data: two\n\n"));
    QTRY_VERIFY((received += socket.readAll()).contains("data: two\n\n"));
    m_parked.front().endStream();
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(m_finished.last().status, 200);
    QVERIFY(!m_parked.front().writeToStream("data: three\n\n"));
}

void TestHttpServerWrapper::bodyLimit_data()
{
    QTest::addColumn<int>("bodyBytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("handlerSeesIt");
    QTest::newRow("at the limit") << 1024 << 200 << true;
    QTest::newRow("just over") << 1025 << 413 << false;
    QTest::newRow("buffered, over") << 20 * 1024 << 413 << false;
    QTest::newRow("huge, refused while arriving") << 4 * 1024 * 1024 << 413 << false;
}

void TestHttpServerWrapper::bodyLimit()
{
    QFETCH(int, bodyBytes);
    QFETCH(int, status);
    QFETCH(bool, handlerSeesIt);
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/upload").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, QByteArray(bodyBytes, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 413) {
        const QJsonObject error =
            QJsonDocument::fromJson(reply->readAll()).object().value(u"error").toObject();
        QCOMPARE(error.value(u"code").toString(), QStringLiteral("too-large"));
        QCOMPARE(m_finished.last().status, 413);
        QCOMPARE(m_finished.last().path, QStringLiteral("/upload"));
    }
    QCOMPARE(!m_requests.isEmpty(), handlerSeesIt);
    delete reply;
    QCOMPARE(statusOf(exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
}

void TestHttpServerWrapper::unparsableRequestGets400_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\r\n\r\n", 8);
    QTest::newRow("no path") << QByteArray("GET nopath HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    QTest::newRow("endless line") << QByteArray("GET /" + QByteArray(9000, 'a'));
}

void TestHttpServerWrapper::unparsableRequestGets400()
{
    QFETCH(QByteArray, bytes);
    const QByteArray response = exchange(m_port, bytes);
    QCOMPARE(statusOf(response), 400);
    QCOMPARE(errorOf(response).value(u"code").toString(), QStringLiteral("bad-http"));
    QVERIFY(m_requests.isEmpty());
    QCOMPARE(m_finished.last().status, 400);
    QCOMPARE(statusOf(exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
}

void TestHttpServerWrapper::keepAliveServesSeveralRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QByteArray received;
    for (int i = 0; i < 3; ++i) {
        socket.write("GET /n" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(
            (received += socket.readAll()).endsWith(QByteArray("GET n" + QByteArray::number(i) + ' ')));
    }
    QCOMPARE(received.count("HTTP/1.1 200"), 3);
    QCOMPARE(m_requests.size(), 3);
}

void TestHttpServerWrapper::idleConnectionsAreClosedButNotParkedOnes()
{
    m_server->setIdleTimeoutMs(300);
    m_server.get()->close();
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QTcpSocket idle;
    idle.connectToHost(QHostAddress::LocalHost, m_port);
    QTRY_COMPARE(idle.state(), QAbstractSocket::ConnectedState);
    QTcpSocket parked;
    parked.connectToHost(QHostAddress::LocalHost, m_port);
    parked.write("GET /park HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(idle.state(), QAbstractSocket::UnconnectedState);
    QTest::qWait(600);
    QCOMPARE(parked.state(), QAbstractSocket::ConnectedState);
    m_parked.front().send(200, "still here");
    QByteArray received;
    QTRY_VERIFY((received += parked.readAll()).endsWith("still here"));
}

void TestHttpServerWrapper::headLimits_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QByteArray many;
    for (int i = 0; i < 11; ++i)
        many += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("head over 2 KiB") << "GET /ok HTTP/1.1\r\nX-Big: " + QByteArray(2100, 'b') + "\r\n\r\n"
                                     << 431 << "head-too-large";
    QTest::newRow("11 headers") << "GET /ok HTTP/1.1\r\n" + many + "\r\n" << 431 << "head-too-large";
    QTest::newRow("10 headers") << "GET /ok HTTP/1.1\r\n" + many.left(many.lastIndexOf("X-10")) + "\r\n"
                                << 200 << "";
    QTest::newRow("different content lengths")
        << QByteArray("POST /ok HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400
        << "duplicate-header";
    QTest::newRow("two authorization headers")
        << QByteArray("GET /ok HTTP/1.1\r\nAuthorization: Bearer a\r\nAuthorization: Bearer a\r\n\r\n") << 400
        << "duplicate-header";
}

void TestHttpServerWrapper::headLimits()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    m_server->setMaxHeaderBytes(2048);
    m_server->setMaxHeaderCount(10);
    const QByteArray response = exchange(m_port, bytes);
    QCOMPARE(statusOf(response), status);
    if (status != 200) {
        QCOMPARE(errorOf(response).value(u"code").toString(), code);
        QCOMPARE(m_finished.last().status, status);
    }
    QCOMPARE(statusOf(exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
}

void TestHttpServerWrapper::requestDeadline()
{
    m_server->setRequestTimeoutMs(400);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    socket.write("POST /ok HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345");
    QElapsedTimer timer;
    timer.start();
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll()).contains("\r\n\r\n{"));
    QVERIFY(timer.elapsed() >= 350);
    QCOMPARE(statusOf(received), 408);
    QTRY_VERIFY((received += socket.readAll()).endsWith("}"));
    QCOMPARE(errorOf(received).value(u"code").toString(), QStringLiteral("request-timeout"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(m_requests.isEmpty());
    QCOMPARE(m_finished.last().status, 408);
    QCOMPARE(m_finished.last().path, QStringLiteral("/ok"));
}

void TestHttpServerWrapper::connectionCaps()
{
    m_server->setMaxConnectionsPerAddress(2);
    QTcpSocket a;
    QTcpSocket b;
    a.connectToHost(QHostAddress::LocalHost, m_port);
    b.connectToHost(QHostAddress::LocalHost, m_port);
    QTRY_COMPARE(m_server->openConnections(), 2);
    const QByteArray refused = exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(statusOf(refused), 503);
    QCOMPARE(errorOf(refused).value(u"code").toString(), QStringLiteral("too-many-connections"));
    QVERIFY(refused.contains("Retry-After: 5\r\n"));
    QVERIFY(m_requests.isEmpty());
    a.abort();
    QTRY_COMPARE(m_server->openConnections(), 1);
    QCOMPARE(statusOf(exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")), 200);

    m_server->setMaxConnectionsPerAddress(0);
    m_server->setMaxConnections(1);
    QCOMPARE(statusOf(exchange(m_port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")), 503);
}

void TestHttpServerWrapper::clientKeys_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("same v4") << "192.0.2.7"
                             << "192.0.2.7" << true;
    QTest::newRow("neighbouring v4") << "192.0.2.7"
                                     << "192.0.2.8" << false;
    QTest::newRow("v4-mapped v6") << "::ffff:192.0.2.7"
                                  << "192.0.2.7" << true;
    QTest::newRow("same v6 /64") << "2001:db8:1:2::1"
                                 << "2001:db8:1:2:ffff::9" << true;
    QTest::newRow("other v6 /64") << "2001:db8:1:2::1"
                                  << "2001:db8:1:3::1" << false;
    QTest::newRow("loopbacks") << "127.0.0.1"
                               << "::1" << false;
}

void TestHttpServerWrapper::clientKeys()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(HttpServerWrapper::clientKey(QHostAddress(a)) == HttpServerWrapper::clientKey(QHostAddress(b)),
             same);
}

QTEST_GUILESS_MAIN(TestHttpServerWrapper)
#include "tst_httpserverwrapper.moc"
