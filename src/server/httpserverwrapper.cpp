#include "httpserverwrapper.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Plenary {

namespace {

const char InFlightProperty[] = "plenaryInFlight";
constexpr qint64 HeaderAllowance = 64 * 1024;
constexpr qint64 DrainLimit = 8 * 1024 * 1024;
constexpr int DrainQuietMs = 500;
constexpr qsizetype MaxRequestLine = 8192;

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

/**
 * Watches one connection's raw bytes ahead of QtHttpServer: refuses requests that grow past the body limit
 * before they are buffered, answers a first request line that is not HTTP/1.x with 400 (QtHttpServer would
 * just close the connection), and closes idle connections.
 */
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, HttpServerWrapper *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
    {
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        m_idle.setSingleShot(true);
        connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdle);
        m_idle.start(server->idleTimeoutMs());
        m_clock.start();
    }

    void requestDispatched()
    {
        m_pending = 0;
        m_firstRequest = false;
        m_lineChecked = false;
        m_head.clear();
    }

private:
    void onReadyRead()
    {
        if (m_rejected)
            return;
        m_idle.start();
        if (m_pending == 0)
            m_clock.restart();
        if (!m_lineChecked) {
            m_head += m_socket->peek(MaxRequestLine - m_head.size());
            const qsizetype lineEnd = m_head.indexOf('\n');
            if (lineEnd >= 0) {
                m_lineChecked = true;
                const QList<QByteArray> parts = m_head.left(lineEnd).trimmed().split(' ');
                m_method = parts.value(0).left(16);
                m_path = QString::fromLatin1(parts.value(1).left(256).split('?').value(0));
                // Only a connection's first request line is known to start at the first byte we see:
                // QtHttpServer may already hold the start of a pipelined one.
                if (m_firstRequest && !isRequestLine(parts)) {
                    reject(400, QByteArrayLiteral("Bad Request"), QStringLiteral("bad-http"),
                           QStringLiteral("the request line is not HTTP/1.1"));
                    return;
                }
            } else if (m_firstRequest && m_head.size() >= MaxRequestLine) {
                reject(400, QByteArrayLiteral("Bad Request"), QStringLiteral("bad-http"),
                       QStringLiteral("the request line is longer than %1 bytes").arg(MaxRequestLine));
                return;
            }
        }
        m_pending += m_socket->bytesAvailable();
        const qint64 limit = (m_server ? m_server->maxBodyBytes() : 0) + HeaderAllowance;
        if (m_pending > limit) {
            reject(413, QByteArrayLiteral("Payload Too Large"), QStringLiteral("too-large"),
                   QStringLiteral("the request is larger than %1 bytes").arg(limit));
        }
    }

    /** "GET /path HTTP/1.1": an upper-case method, an origin-form target, HTTP/1.0 or 1.1. */
    static bool isRequestLine(const QList<QByteArray> &parts)
    {
        if (parts.size() != 3 || parts[0].isEmpty() || parts[0].size() > 16 || !parts[1].startsWith('/'))
            return false;
        for (const char c : parts[0]) {
            if (c < 'A' || c > 'Z')
                return false;
        }
        return parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0";
    }

    void reject(int status, const QByteArray &reason, const QString &code, const QString &message)
    {
        m_rejected = true;
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        m_socket->readAll();
        m_socket->write(rawErrorResponse(status, reason, code, message));
        m_drained = 0;
        connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            m_drained += m_socket->readAll().size();
            if (m_drained > DrainLimit)
                m_socket->abort();
            else
                m_idle.start(DrainQuietMs);
        });
        m_idle.start(DrainQuietMs);
        if (m_server)
            m_server->requestFinished(m_method.isEmpty() ? QByteArrayLiteral("-") : m_method,
                                      m_path.isEmpty() ? QStringLiteral("-") : m_path, status,
                                      m_clock.elapsed());
    }

    void onIdle()
    {
        if (m_rejected) {
            m_socket->disconnectFromHost();
            return;
        }
        if (m_socket->property(InFlightProperty).toInt() > 0) {
            m_idle.start();
            return;
        }
        m_socket->abort();
    }

    QTcpSocket *m_socket;
    QPointer<HttpServerWrapper> m_server;
    QTimer m_idle;
    QElapsedTimer m_clock;
    QByteArray m_method;
    QString m_path;
    qint64 m_pending = 0;
    qint64 m_drained = 0;
    QByteArray m_head;
    bool m_firstRequest = true;
    bool m_lineChecked = false;
    bool m_rejected = false;
};

/** A QTcpServer whose connections get a ConnectionGuard before QtHttpServer sees them. */
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(HttpServerWrapper *server)
        : m_server(server)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new ConnectionGuard(socket, m_server);
        addPendingConnection(socket);
    }

private:
    HttpServerWrapper *m_server;
};

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

void HttpServerWrapper::close()
{
    for (QTcpServer *server : m_backend->servers())
        server->close();
}

void HttpServerWrapper::dispatch(const QHttpServerRequest &request, QTcpSocket *socket,
                                 QHttpServerResponder &&responder)
{
    if (auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly))
        guard->requestDispatched();
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
    HttpResponder answer(std::move(responder), socket, this, parsed.method, parsed.path);
    if (parsed.body.size() > m_maxBodyBytes) {
        answer.sendError(413, QStringLiteral("too-large"),
                         QStringLiteral("the request body is larger than %1 bytes").arg(m_maxBodyBytes));
        return;
    }
    if (m_handler)
        m_handler(parsed, std::move(answer));
    else
        answer.sendError(503, QStringLiteral("unavailable"), QStringLiteral("the server is starting"));
}

void HttpServerWrapper::reportFinished(const QByteArray &method, const QString &path, int status,
                                       qint64 elapsedMs)
{
    Q_EMIT requestFinished(method, path, status, elapsedMs);
}

} // namespace Plenary

#include "httpserverwrapper.moc"
