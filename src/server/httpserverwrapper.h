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
    // Besides dispatching, it guards connections where the library does not (HttpRequestFramer sees every
    // byte first): a request line that is not HTTP/1.x, malformed or repeated critical headers (400), heads
    // over the size or header-count limit (431), bodies over the size limit (413, refused from Content-Length
    // before they arrive), requests that do not arrive in time (408), too many connections in total or from
    // one address (503) and idle connections. Every finished exchange is reported through requestFinished().

    using Handler = std::function<void(const HttpRequest &, HttpResponder &&)>;
    /** A connection whose client sends requests but leaves more than this of answers unread is aborted. */
    static constexpr qint64 MaxUnreadAnswerBytes = 4 * 1024 * 1024;

    explicit HttpServerWrapper(QObject *parent = nullptr);
    ~HttpServerWrapper() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    /** Answers `request` as if it had arrived on a connection: the body size check, then the handler. */
    void handle(const HttpRequest &request, HttpResponder &&responder);

    /** Request bodies larger than this are answered with 413. Default 16 KiB. */
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    /** Connections with no request in flight are closed after this long without traffic. Default 120 s. */
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }

    /** A request's line, headers and body must all arrive within this long (else 408); 0 disables. 10 s. */
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeoutMs() const { return m_requestTimeoutMs; }

    /** Request line plus headers larger than this are answered with 431. Default 16 KiB. */
    void setMaxHeaderBytes(qsizetype bytes) { m_maxHeaderBytes = bytes; }
    qsizetype maxHeaderBytes() const { return m_maxHeaderBytes; }

    /** Requests with more header lines than this are answered with 431. Default 100. */
    void setMaxHeaderCount(int count) { m_maxHeaderCount = count; }
    int maxHeaderCount() const { return m_maxHeaderCount; }

    /** Open connections allowed in total and from one address; 0 is unlimited. Default 2000 and 256. */
    void setMaxConnections(int count) { m_maxConnections = count; }
    int maxConnections() const { return m_maxConnections; }
    void setMaxConnectionsPerAddress(int count) { m_maxConnectionsPerAddress = count; }
    int maxConnectionsPerAddress() const { return m_maxConnectionsPerAddress; }

    /** Connections open now (not counting refused ones being closed). */
    int openConnections() const;

    /** The key limits count one client by: the IPv4 address, or the /64 prefix of an IPv6 address. */
    static QByteArray clientKey(const QHostAddress &address);

    /**
     * Ends a connection whose client stopped reading: a TCP reset instead of a close, so that neither the
     * socket's buffer nor the kernel's (which would otherwise keep retrying a full window) holds on to the
     * bytes still queued for it.
     */
    static void cut(QTcpSocket *socket);

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
    int m_requestTimeoutMs = 10'000;
    qsizetype m_maxHeaderBytes = 16 * 1024;
    int m_maxHeaderCount = 100;
    int m_maxConnections = 2000;
    int m_maxConnectionsPerAddress = 256;
    QString m_error;
};

} // namespace Plenary
