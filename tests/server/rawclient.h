#pragma once

// Raw HTTP/1.1 over QTcpSocket for the hostile-client tests: exact bytes on the wire (malformed heads,
// duplicate headers, slow senders), optionally from another loopback address (127.0.0.x) to act as another
// client.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <functional>
#include <memory>

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false; ///< the server closed the connection
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error").toObject().value(u"code").toString(); }
    QString errorMessage() const { return json().value(u"error").toObject().value(u"message").toString(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

class RawClient
{
public:
    explicit RawClient(quint16 port, const QHostAddress &from = QHostAddress::LocalHost)
        : m_socket(std::make_unique<QTcpSocket>())
    {
        if (from != QHostAddress(QHostAddress::LocalHost))
            m_socket->bind(from);
        m_socket->connectToHost(QHostAddress::LocalHost, port);
    }

    QTcpSocket &socket() { return *m_socket; }

    bool waitConnected(int timeoutMs = 5000)
    {
        return spin([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    }

    void send(const QByteArray &bytes)
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            waitConnected();
        m_socket->write(bytes);
    }

    /** Waits for one complete response (by Content-Length) or for the server to close. */
    RawResponse read(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        RawResponse response;
        spin(
            [&] {
                m_buffer += m_socket->readAll();
                response.closed = m_socket->state() == QAbstractSocket::UnconnectedState;
                return complete(response) || response.closed;
            },
            timeoutMs);
        m_buffer += m_socket->readAll();
        complete(response);
        response.elapsedMs = timer.elapsed();
        return response;
    }

    /** Waits until the server has closed the connection. */
    bool waitClosed(int timeoutMs)
    {
        return spin(
            [this] {
                if (m_socket->isOpen())
                    m_buffer += m_socket->readAll();
                return m_socket->state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

    /** One request on a fresh connection. */
    static RawResponse exchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000,
                                const QHostAddress &from = QHostAddress::LocalHost)
    {
        RawClient client(port, from);
        client.send(bytes);
        return client.read(timeoutMs);
    }

    static QByteArray request(const QByteArray &method, const QByteArray &target,
                              const QByteArray &headers = {}, const QByteArray &body = {})
    {
        QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: test\r\n" + headers;
        if (!body.isEmpty() || method == "POST" || method == "PUT")
            bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        return bytes + "\r\n" + body;
    }

    static bool spin(const std::function<bool()> &done, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done() && timer.elapsed() < timeoutMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return done();
    }

private:
    /** Splits the buffer into head and body once a whole response is there. */
    bool complete(RawResponse &response)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        response.head = m_buffer.left(end);
        response.status = m_buffer.startsWith("HTTP/1.") ? m_buffer.mid(9, 3).toInt() : 0;
        const QByteArray length = response.header("Content-Length");
        const qsizetype want = length.isEmpty() ? -1 : length.toLongLong();
        if (want < 0) {
            response.body = m_buffer.mid(end + 4);
            return response.status == 204 || response.status == 304;
        }
        if (m_buffer.size() < end + 4 + want)
            return false;
        response.body = m_buffer.mid(end + 4, want);
        return true;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};
