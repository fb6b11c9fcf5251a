#include "httpserverwrapper.h"

#include "httprequestframer.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Plenary {

namespace {

const char InFlightProperty[] = "plenaryInFlight";
constexpr qint64 DrainLimit = 8 * 1024 * 1024;
constexpr int DrainQuietMs = 500;
constexpr int DrainMaxMs = 2000;
constexpr int CloseGraceMs = 2000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        break;
    }
    return QByteArrayLiteral("UNKNOWN");
}

QByteArray rawErrorResponse(int status, const QByteArray &reason, const QString &code, const QString &message)
{
    const QByteArray body = HttpResponder::errorBody(code, message);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: "
           "close\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        break;
    }
    return QByteArrayLiteral("Error");
}

class GuardedTcpServer;

/**
 * Watches one connection's raw bytes ahead of QtHttpServer: frames its requests and refuses bad or oversized
 * heads and bodies before they are buffered, answers 408 when a request does not arrive in time, and closes
 * idle connections.
 */
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, HttpServerWrapper *server, GuardedTcpServer *counter,
                    const QByteArray &clientKey);
    ~ConnectionGuard() override;

    /** Answers `status` at once and closes: the connection is over a connection limit. */
    void refuse(int status, const QString &code, const QString &message, const QByteArray &retryAfter);

private:
    void onReadyRead();
    void reject(int status, const QString &code, const QString &message, const QByteArray &extraHeaders = {});
    void onIdle();
    void onDeadline();

    QTcpSocket *m_socket;
    QPointer<HttpServerWrapper> m_server;
    QPointer<GuardedTcpServer> m_counter;
    QByteArray m_clientKey;
    HttpRequestFramer m_framer;
    QTimer m_idle;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    qint64 m_drained = 0;
    bool m_rejected = false;
};

/** A QTcpServer that caps open connections (in total and per client) and gives each a ConnectionGuard. */
class GuardedTcpServer : public QTcpServer
{
public:
    explicit GuardedTcpServer(HttpServerWrapper *server)
        : m_server(server)
    {}

    int openConnections() const { return m_open; }

    void connectionClosed(const QByteArray &clientKey)
    {
        --m_open;
        const auto it = m_perClient.find(clientKey);
        if (it != m_perClient.end() && --*it <= 0)
            m_perClient.erase(it);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        const QByteArray key = HttpServerWrapper::clientKey(socket->peerAddress());
        const int perClientLimit = m_server->maxConnectionsPerAddress();
        const bool overTotal = m_server->maxConnections() > 0 && m_open >= m_server->maxConnections();
        const bool overClient = perClientLimit > 0 && m_perClient.value(key) >= perClientLimit;
        if (overTotal || overClient) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            auto *guard = new ConnectionGuard(socket, m_server, nullptr, key);
            guard->refuse(503, QStringLiteral("too-many-connections"),
                          overTotal ? QStringLiteral("the server has too many open connections")
                                    : QStringLiteral("too many open connections from your address"),
                          QByteArrayLiteral("5"));
            return;
        }
        ++m_open;
        ++m_perClient[key];
        new ConnectionGuard(socket, m_server, this, key);
        addPendingConnection(socket);
    }

private:
    HttpServerWrapper *m_server;
    int m_open = 0;
    QHash<QByteArray, int> m_perClient;
};

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, HttpServerWrapper *server, GuardedTcpServer *counter,
                                 const QByteArray &clientKey)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_counter(counter)
    , m_clientKey(clientKey)
    , m_framer(HttpRequestFramer::Limits{server->maxHeaderBytes(), server->maxHeaderCount(),
                                         server->maxBodyBytes()})
{
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdle);
    m_idle.start(server->idleTimeoutMs());
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::onDeadline);
    if (server->requestTimeoutMs() > 0)
        m_deadline.start(server->requestTimeoutMs()); // the first request must begin and end in time too
    m_clock.start();
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_counter)
        m_counter->connectionClosed(m_clientKey);
}

void ConnectionGuard::refuse(int status, const QString &code, const QString &message,
                             const QByteArray &retryAfter)
{
    reject(status, code, message, "Retry-After: " + retryAfter + "\r\n");
}

void ConnectionGuard::onReadyRead()
{
    if (m_rejected)
        return;
    if (m_socket->bytesToWrite() > HttpServerWrapper::MaxUnreadAnswerBytes) {
        // The client sends requests but does not read the answers: stop buffering them for it. Nobody else
        // reads this emission's bytes either (the connection is gone).
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        HttpServerWrapper::cut(m_socket);
        return;
    }
    m_idle.start();
    const bool wasInRequest = m_framer.inRequest();
    const int completedBefore = m_framer.completedRequests();
    const HttpRequestFramer::Refusal refusal = m_framer.feed(m_socket->peek(m_socket->bytesAvailable()));
    if (refusal.status != 0) {
        reject(refusal.status, refusal.code, refusal.message);
        return;
    }
    const int timeoutMs = m_server ? m_server->requestTimeoutMs() : 0;
    if (m_framer.inRequest()) {
        if (timeoutMs > 0 && (!wasInRequest || m_framer.completedRequests() != completedBefore)) {
            m_clock.restart();
            m_deadline.start(timeoutMs);
        }
    } else {
        m_deadline.stop();
    }
}

void ConnectionGuard::reject(int status, const QString &code, const QString &message,
                             const QByteArray &extraHeaders)
{
    m_rejected = true;
    m_deadline.stop();
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_socket->readAll();
    if (m_socket->property(InFlightProperty).toInt() > 0) {
        // An earlier request on this connection is still being answered: an error now would garble it.
        m_socket->abort();
        return;
    }
    QByteArray response = rawErrorResponse(status, reasonPhrase(status), code, message);
    if (!extraHeaders.isEmpty())
        response.insert(response.indexOf("\r\n") + 2, extraHeaders);
    m_socket->write(response);
    m_drained = 0;
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_drained += m_socket->readAll().size();
        if (m_drained > DrainLimit)
            m_socket->abort();
        else
            m_idle.start(DrainQuietMs);
    });
    m_idle.start(DrainQuietMs);
    m_deadline.start(DrainMaxMs);
    if (m_server) {
        const QByteArray method = m_framer.method();
        const QString path = m_framer.path();
        m_server->requestFinished(method.isEmpty() ? QByteArrayLiteral("-") : method,
                                  path.isEmpty() ? QStringLiteral("-") : path, status, m_clock.elapsed());
    }
}

void ConnectionGuard::onIdle()
{
    if (m_rejected) {
        m_socket->disconnectFromHost();
        m_deadline.start(CloseGraceMs);
        return;
    }
    if (m_socket->property(InFlightProperty).toInt() > 0) {
        m_idle.start();
        return;
    }
    m_socket->abort();
}

void ConnectionGuard::onDeadline()
{
    if (m_rejected) {
        m_socket->abort();
        return;
    }
    if (!m_framer.inRequest()) {
        // A connection that never started its first request in time: nothing to answer.
        if (m_framer.completedRequests() == 0 && m_socket->property(InFlightProperty).toInt() == 0)
            m_socket->abort();
        return;
    }
    reject(408, QStringLiteral("request-timeout"),
           QStringLiteral("the request did not arrive completely within %1 ms")
               .arg(m_server ? m_server->requestTimeoutMs() : 0));
}

} // namespace

class HttpServerWrapper::Backend : public QAbstractHttpServer
{
public:
    explicit Backend(HttpServerWrapper *wrapper)
        : QAbstractHttpServer(wrapper)
        , m_wrapper(wrapper)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_wrapper->dispatch(request, socket, makeResponder(request, socket));
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    HttpServerWrapper *m_wrapper;
};

HttpServerWrapper::HttpServerWrapper(QObject *parent)
    : QObject(parent)
    , m_backend(new Backend(this))
{}

HttpServerWrapper::~HttpServerWrapper() = default;

quint16 HttpServerWrapper::listen(const QHostAddress &address, quint16 port)
{
    auto *server = new GuardedTcpServer(this);
    if (!server->listen(address, port)) {
        m_error = server->errorString();
        delete server;
        return 0;
    }
    m_error.clear();
    m_backend->bind(server);
    return server->serverPort();
}

int HttpServerWrapper::openConnections() const
{
    int open = 0;
    for (QTcpServer *server : m_backend->servers()) {
        if (auto *guarded = dynamic_cast<GuardedTcpServer *>(server))
            open += guarded->openConnections();
    }
    return open;
}

QByteArray HttpServerWrapper::clientKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QByteArrayLiteral("4:") + QByteArray::number(v4, 16);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    // One IPv6 client usually holds a whole /64: count it as one.
    return QByteArrayLiteral("6:") + QByteArray(reinterpret_cast<const char *>(v6.c), 8).toHex();
}

void HttpServerWrapper::cut(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor >= 0) {
        const linger reset{1, 0};
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    }
#endif
    socket->abort();
}

void HttpServerWrapper::close()
{
    for (QTcpServer *server : m_backend->servers())
        server->close();
}

void HttpServerWrapper::dispatch(const QHttpServerRequest &request, QTcpSocket *socket,
                                 QHttpServerResponder &&responder)
{
    HttpRequest parsed;
    parsed.method = methodName(request.method());
    parsed.path = request.url().path(QUrl::FullyEncoded);
    const QList<QByteArray> segments = parsed.path.toUtf8().split('/');
    for (const QByteArray &segment : segments) {
        if (!segment.isEmpty())
            parsed.segments.append(QUrl::fromPercentEncoding(segment));
    }
    parsed.query = request.query();
    parsed.headers = request.headers();
    parsed.body = request.body();
    parsed.remoteAddress = request.remoteAddress();
    handle(parsed, HttpResponder(std::move(responder), socket, this, parsed.method, parsed.path));
}

void HttpServerWrapper::handle(const HttpRequest &request, HttpResponder &&responder)
{
    if (request.body.size() > m_maxBodyBytes) {
        responder.sendError(413, QStringLiteral("too-large"),
                            QStringLiteral("the request body is larger than %1 bytes").arg(m_maxBodyBytes));
        return;
    }
    if (m_handler)
        m_handler(request, std::move(responder));
    else
        responder.sendError(503, QStringLiteral("unavailable"), QStringLiteral("the server is starting"));
}

void HttpServerWrapper::reportFinished(const QByteArray &method, const QString &path, int status,
                                       qint64 elapsedMs)
{
    Q_EMIT requestFinished(method, path, status, elapsedMs);
}

} // namespace Plenary

#include "httpserverwrapper.moc"
