#include "httpresponder.h"

#include "httpserverwrapper.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <optional>

namespace Plenary {

namespace {
const char InFlightProperty[] = "plenaryInFlight";

void adjustInFlight(QTcpSocket *socket, int delta)
{
    if (socket)
        socket->setProperty(InFlightProperty, socket->property(InFlightProperty).toInt() + delta);
}
} // namespace

struct HttpResponder::Private
{
    std::optional<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    QPointer<HttpServerWrapper> server;
    QByteArray method;
    QString path;
    QElapsedTimer timer;
    int streamStatus = 0;
    bool finished = false;
    QMetaObject::Connection disconnectConnection;
    HttpResponder::Sink sink; ///< set on a capturing responder, which has no socket
};

HttpResponder::HttpResponder() = default;

HttpResponder::HttpResponder(QHttpServerResponder &&responder, QTcpSocket *socket, HttpServerWrapper *server,
                             const QByteArray &method, const QString &path)
    : d(std::make_unique<Private>())
{
    d->responder.emplace(std::move(responder));
    d->socket = socket;
    d->server = server;
    d->method = method;
    d->path = path;
    d->timer.start();
    adjustInFlight(socket, +1);
}

HttpResponder HttpResponder::capturing(Sink sink)
{
    HttpResponder responder;
    responder.d = std::make_unique<Private>();
    responder.d->sink = std::move(sink);
    responder.d->timer.start();
    return responder;
}

HttpResponder::HttpResponder(HttpResponder &&other) noexcept = default;

HttpResponder &HttpResponder::operator=(HttpResponder &&other) noexcept
{
    if (this != &other) {
        HttpResponder dropped(std::move(*this));
        d = std::move(other.d);
    }
    return *this;
}

HttpResponder::~HttpResponder()
{
    if (!d || d->finished)
        return;
    if (d->streamStatus != 0)
        endStream();
    else if (isConnected())
        sendError(500, QStringLiteral("internal"),
                  QStringLiteral("the request was dropped without an answer"));
    else
        finish(499);
}

bool HttpResponder::isConnected() const
{
    return d && (d->sink || (d->socket && d->socket->state() == QAbstractSocket::ConnectedState));
}

bool HttpResponder::isFinished() const
{
    return !d || d->finished;
}

bool HttpResponder::isSupportedStatus(int status)
{
    switch (status) {
    case 200:
    case 201:
    case 204:
    case 304:
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 409:
    case 413:
    case 415:
    case 429:
    case 500:
    case 503:
        return true;
    default:
        return false;
    }
}

QByteArray HttpResponder::errorBody(const QString &code, const QString &message)
{
    const QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

void HttpResponder::finish(int status)
{
    if (!d || d->finished)
        return;
    d->finished = true;
    QObject::disconnect(d->disconnectConnection);
    adjustInFlight(d->socket, -1);
    if (d->server)
        d->server->reportFinished(d->method, d->path, status, d->timer.elapsed());
}

void HttpResponder::send(int status, const QByteArray &body, const Headers &headers)
{
    if (!d || d->finished || d->streamStatus != 0)
        return;
    if (!isSupportedStatus(status)) {
        sendError(500, QStringLiteral("internal"), QStringLiteral("unsupported status %1").arg(status));
        return;
    }
    if (!isConnected()) {
        finish(499);
        return;
    }
    const bool bodyless = status == 204 || status == 304;
    if (d->sink) {
        d->sink(status, bodyless ? QByteArray() : body, headers);
        finish(status);
        return;
    }
    QHttpServerResponder &r = *d->responder;
    r.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto &[name, value] : headers)
        r.writeHeader(name, value);
    if (!bodyless)
        r.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    r.writeBody(bodyless ? QByteArray() : body);
    finish(status);
}

void HttpResponder::sendError(int status, const QString &code, const QString &message, const Headers &headers)
{
    Headers all = headers;
    all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    all.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    send(status, errorBody(code, message), all);
}

bool HttpResponder::beginStream(int status, const Headers &headers)
{
    if (!d || d->finished || d->streamStatus != 0 || !isSupportedStatus(status))
        return false;
    if (!isConnected()) {
        finish(499);
        return false;
    }
    d->streamStatus = status;
    if (d->sink) {
        d->sink(status, QByteArray(), headers);
        return true;
    }
    QHttpServerResponder &r = *d->responder;
    r.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto &[name, value] : headers)
        r.writeHeader(name, value);
    r.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    r.writeBody(QByteArray());
    return true;
}

bool HttpResponder::writeToStream(const QByteArray &bytes)
{
    if (!d || d->finished || d->streamStatus == 0)
        return false;
    if (!isConnected()) {
        finish(d->streamStatus);
        return false;
    }
    if (d->sink)
        return true;
    if (d->socket->bytesToWrite() > MaxStreamLagBytes) {
        // Closing gracefully would keep the stale megabyte (and the socket) until the client reads it.
        finish(d->streamStatus);
        HttpServerWrapper::cut(d->socket);
        return false;
    }
    d->responder->writeBody(bytes);
    return true;
}

void HttpResponder::endStream()
{
    if (!d || d->finished || d->streamStatus == 0)
        return;
    if (d->socket && isConnected())
        d->socket->disconnectFromHost();
    finish(d->streamStatus);
}

void HttpResponder::onDisconnected(QObject *context, std::function<void()> onGone)
{
    if (!d || d->finished || d->sink)
        return;
    if (!isConnected()) {
        QMetaObject::invokeMethod(context, std::move(onGone), Qt::QueuedConnection);
        return;
    }
    QObject::disconnect(d->disconnectConnection);
    d->disconnectConnection = QObject::connect(d->socket, &QTcpSocket::disconnected, context,
                                               std::move(onGone), Qt::QueuedConnection);
}

} // namespace Plenary
