#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Plenary {

/** Finds where each HTTP/1.x request of a connection's byte stream ends and checks its head against limits.
 */
class HttpRequestFramer
{
public:
    // It sees the bytes before QtHttpServer buffers them: a request line that is not HTTP/1.x, a head over
    // the size or header-count limit, a malformed header line, conflicting Content-Length or repeated
    // Authorization, Host or Content-Type headers, Transfer-Encoding (only Content-Length bodies are
    // accepted) and a declared body over the limit are refused as soon as they show, without holding more
    // than one head in memory. Pure: no sockets, no clock.

    struct Limits
    {
        qsizetype maxHeadBytes = 16 * 1024; ///< request line, headers and the blank line
        int maxHeaders = 100;
        qint64 maxBodyBytes = 16 * 1024;
    };

    /** Why the stream was refused; `status` is 0 while it is acceptable. */
    struct Refusal
    {
        int status = 0;
        QString code;
        QString message;
    };

    /** Longest request line (method, target, version) accepted. */
    static constexpr qsizetype MaxRequestLine = 8192;

    HttpRequestFramer();
    explicit HttpRequestFramer(const Limits &limits);

    /** Consumes the next bytes of the stream. After a refusal nothing more is consumed and it is returned. */
    Refusal feed(QByteArrayView bytes);

    /** Some bytes of a request that is not complete yet have arrived. */
    bool inRequest() const { return !m_head.isEmpty() || m_bodyLeft > 0; }

    /** Requests whose head and body have completely arrived. */
    int completedRequests() const { return m_completed; }

    /** The latest request line's method and path (no query, at most 256 characters), empty before one. */
    QByteArray method() const { return m_method; }
    QString path() const { return m_path; }

private:
    Refusal refuse(int status, const QString &code, const QString &message);
    bool checkRequestLine(QByteArrayView line);
    void parseHead(QByteArrayView head);

    Limits m_limits;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    int m_completed = 0;
    bool m_lineChecked = false;
    QByteArray m_method;
    QString m_path;
    Refusal m_refusal;
};

} // namespace Plenary
