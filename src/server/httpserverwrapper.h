#pragma once

#include "httprequest.h"
#include "httpresponder.h"

#include <QHostAddress>
#include <QObject>

#include <functional>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace Plenary {

/** The one class that touches QtHttpServer (a technology preview in Qt 6.4); routes see HttpRequest only. */
class HttpServerWrapper : public QObject
{
    Q_OBJECT
public:
    // Besides dispatching, it guards connections where the library does not: bodies over the size limit (413,
    // refused while they arrive when large), a first request line that is not HTTP/1.x (400, where the
    // library would just close) and idle connections. Every finished exchange is reported through
    // requestFinished().

    using Handler = std::function<void(const HttpRequest &, HttpResponder &&)>;

    explicit HttpServerWrapper(QObject *parent = nullptr);
    ~HttpServerWrapper() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    /** Request bodies larger than this are answered with 413. Default 16 KiB. */
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    /** Connections with no request in flight are closed after this long without traffic. Default 120 s. */
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }

    /** Starts listening; returns the bound port (useful with port 0), or 0 with errorString() set. */
    quint16 listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_error; }

    /** Stops accepting new connections (open ones finish). */
    void close();

Q_SIGNALS:
    /** `status` 499 means the client went away before an answer. */
    void requestFinished(const QByteArray &method, const QString &path, int status, qint64 elapsedMs);

private:
    friend class HttpResponder;
    class Backend;

    void dispatch(const QHttpServerRequest &request, QTcpSocket *socket, QHttpServerResponder &&responder);
    void reportFinished(const QByteArray &method, const QString &path, int status, qint64 elapsedMs);

    Backend *m_backend = nullptr;
    Handler m_handler;
    qint64 m_maxBodyBytes = 16 * 1024;
    int m_idleTimeoutMs = 120'000;
    QString m_error;
};

} // namespace Plenary
