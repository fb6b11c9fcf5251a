#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaObject>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

class QHttpServerResponder;
class QObject;
class QTcpSocket;

namespace Plenary {

class HttpServerWrapper;

/** The answer channel of one request, which may outlive the route and the client that sent the request. */
class HttpResponder
{
public:
    // Kept after the route returns (long-poll, event streams), it stays safe when the client has gone: writes
    // then do nothing. An exchange dropped without an answer gets a 500 JSON error. Move-only.

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    /** An event-stream client with more than this still unsent (it stopped reading) is cut: 1 MiB. */
    static constexpr qint64 MaxStreamLagBytes = 1024 * 1024;
    using Sink = std::function<void(int status, const QByteArray &body, const Headers &headers)>;

    HttpResponder();
    /** A responder with no client behind it that hands its answer to `sink` (tests and fuzzing). */
    static HttpResponder capturing(Sink sink);
    HttpResponder(HttpResponder &&other) noexcept;
    HttpResponder &operator=(HttpResponder &&other) noexcept;
    ~HttpResponder();

    bool isValid() const { return d != nullptr; }
    bool isConnected() const;
    bool isFinished() const;

    /** Answers with a complete body (Content-Length is added; 204 and 304 carry no body). */
    void send(int status, const QByteArray &body, const Headers &headers = {});

    /** Answers with {"error": {"code": code, "message": message}}. */
    void sendError(int status, const QString &code, const QString &message, const Headers &headers = {});

    /** Starts a body of unknown length that ends when the connection closes (server-sent events). */
    bool beginStream(int status, const Headers &headers);
    /**
     * False (and the stream ends) when the client is gone or is more than MaxStreamLagBytes behind; such a
     * client is cut at once (its connection aborted, its unsent bytes dropped), never drained.
     */
    bool writeToStream(const QByteArray &bytes);
    void endStream();

    /** Calls `onGone` when the client disconnects before the exchange finished. */
    void onDisconnected(QObject *context, std::function<void()> onGone);

    /** The JSON error body used by sendError(). */
    static QByteArray errorBody(const QString &code, const QString &message);

    /** The standard reason phrase's status codes this class can send; others are sent as 500. */
    static bool isSupportedStatus(int status);

private:
    friend class HttpServerWrapper;
    struct Private;

    HttpResponder(QHttpServerResponder &&responder, QTcpSocket *socket, HttpServerWrapper *server,
                  const QByteArray &method, const QString &path);
    void finish(int status);

    std::unique_ptr<Private> d;
};

} // namespace Plenary
