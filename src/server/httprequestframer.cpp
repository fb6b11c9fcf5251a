#include "httprequestframer.h"

#include <QList>

#include <algorithm>
#include <limits>

namespace Plenary {

namespace {

constexpr qsizetype MaxLoggedPath = 256;
constexpr qsizetype MaxContentLengthDigits = 15;

/** RFC 9110 token characters (header names, methods). */
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

/** Index just past the first empty line at or after `from`, or -1. */
qsizetype headEnd(const QByteArray &head, qsizetype from)
{
    for (qsizetype i = head.indexOf('\n', from); i >= 0; i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head[i + 1] == '\n')
            return i + 2;
        if (i + 2 < head.size() && head[i + 1] == '\r' && head[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

} // namespace

HttpRequestFramer::HttpRequestFramer()
    : HttpRequestFramer(Limits())
{}

HttpRequestFramer::HttpRequestFramer(const Limits &limits)
    : m_limits(limits)
{
    m_limits.maxHeadBytes = std::max<qsizetype>(64, m_limits.maxHeadBytes);
    m_limits.maxHeaders = std::max(1, m_limits.maxHeaders);
}

HttpRequestFramer::Refusal HttpRequestFramer::refuse(int status, const QString &code, const QString &message)
{
    m_refusal = Refusal{status, code, message};
    return m_refusal;
}

HttpRequestFramer::Refusal HttpRequestFramer::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && m_refusal.status == 0) {
        if (m_bodyLeft > 0) {
            const qint64 take = std::min<qint64>(m_bodyLeft, bytes.size());
            m_bodyLeft -= take;
            bytes = bytes.sliced(take);
            if (m_bodyLeft == 0)
                ++m_completed;
            continue;
        }
        if (m_head.isEmpty()) {
            // Empty lines between requests are tolerated (RFC 9112 section 2.2).
            while (!bytes.isEmpty() && (bytes.front() == '\r' || bytes.front() == '\n'))
                bytes = bytes.sliced(1);
            if (bytes.isEmpty())
                break;
        }
        const qsizetype before = m_head.size();
        const QByteArrayView piece = bytes.first(std::min(m_limits.maxHeadBytes + 1 - before, bytes.size()));
        m_head += piece;
        if (!m_lineChecked) {
            // The length limit holds however the line was split into packets, so it is checked before the
            // line.
            const qsizetype lineEnd = m_head.indexOf('\n');
            if (lineEnd >= 0 && lineEnd <= MaxRequestLine) {
                m_lineChecked = true;
                if (!checkRequestLine(withoutCr(QByteArrayView(m_head).first(lineEnd))))
                    return m_refusal;
            } else if (m_head.size() > MaxRequestLine) {
                return refuse(400, QStringLiteral("bad-http"),
                              QStringLiteral("the request line is longer than %1 bytes").arg(MaxRequestLine));
            }
        }
        const qsizetype end = headEnd(m_head, std::max<qsizetype>(0, before - 2));
        if (end < 0 || end > m_limits.maxHeadBytes) {
            bytes = bytes.sliced(piece.size());
            if (end > m_limits.maxHeadBytes || m_head.size() > m_limits.maxHeadBytes) {
                return refuse(431, QStringLiteral("head-too-large"),
                              QStringLiteral("the request line and headers are larger than %1 bytes")
                                  .arg(m_limits.maxHeadBytes));
            }
            continue;
        }
        bytes = bytes.sliced(end - before);
        parseHead(QByteArrayView(m_head).first(end));
        m_head.clear();
        m_lineChecked = false;
        if (m_refusal.status != 0)
            break;
        if (m_bodyLeft == 0)
            ++m_completed;
    }
    return m_refusal;
}

bool HttpRequestFramer::checkRequestLine(QByteArrayView line)
{
    // Exactly one space between the parts: anything else is not a request line this server speaks.
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    const QByteArray target = parts.value(1);
    m_method = parts.value(0).left(16);
    const qsizetype query = target.indexOf('?');
    m_path = QString::fromLatin1(target.left(query >= 0 ? std::min(query, MaxLoggedPath) : MaxLoggedPath));
    bool ok = parts.size() == 3 && !parts[0].isEmpty() && parts[0].size() <= 16 && target.startsWith('/') &&
              (parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0");
    for (const char c : parts.value(0))
        ok = ok && c >= 'A' && c <= 'Z';
    for (const char c : target)
        ok = ok && !isControl(c) && c != ' ';
    if (!ok) {
        refuse(400, QStringLiteral("bad-http"),
               QStringLiteral("the request line is not \"METHOD /path HTTP/1.1\""));
    }
    return ok;
}

void HttpRequestFramer::parseHead(QByteArrayView head)
{
    int count = 0;
    qint64 contentLength = -1;
    QList<QByteArray> seen;
    const QList<QByteArrayView> lines = [head] {
        QList<QByteArrayView> out;
        qsizetype start = head.indexOf('\n') + 1;
        while (start < head.size()) {
            qsizetype next = head.indexOf('\n', start);
            if (next < 0)
                next = head.size();
            out.append(withoutCr(head.sliced(start, next - start)));
            start = next + 1;
        }
        return out;
    }();
    for (const QByteArrayView line : lines) {
        if (line.isEmpty())
            break;
        if (line.front() == ' ' || line.front() == '\t') {
            refuse(400, QStringLiteral("bad-http"), QStringLiteral("folded header lines are not accepted"));
            return;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar)) {
            refuse(400, QStringLiteral("bad-http"), QStringLiteral("a header line is not \"Name: value\""));
            return;
        }
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (std::any_of(value.begin(), value.end(), [](char c) { return isControl(c) && c != '\t'; })) {
            refuse(400, QStringLiteral("bad-http"), QStringLiteral("a header value has control characters"));
            return;
        }
        if (++count > m_limits.maxHeaders) {
            refuse(431, QStringLiteral("head-too-large"),
                   QStringLiteral("more than %1 header lines").arg(m_limits.maxHeaders));
            return;
        }
        const QByteArray lower = name.toByteArray().toLower();
        if (lower == "transfer-encoding") {
            refuse(400, QStringLiteral("bad-http"),
                   QStringLiteral("Transfer-Encoding is not accepted; send the body with Content-Length"));
            return;
        }
        if (lower == "content-length") {
            if (value.isEmpty() ||
                !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                refuse(400, QStringLiteral("bad-http"), QStringLiteral("Content-Length is not a number"));
                return;
            }
            const qint64 length = value.size() > MaxContentLengthDigits ? std::numeric_limits<qint64>::max()
                                                                        : value.toLongLong();
            if (contentLength >= 0 && contentLength != length) {
                refuse(400, QStringLiteral("duplicate-header"),
                       QStringLiteral("the request has conflicting Content-Length headers"));
                return;
            }
            contentLength = length;
            continue;
        }
        if (lower == "authorization" || lower == "host" || lower == "content-type") {
            if (seen.contains(lower)) {
                refuse(400, QStringLiteral("duplicate-header"),
                       QStringLiteral("the request has more than one %1 header")
                           .arg(QString::fromLatin1(name.toByteArray())));
                return;
            }
            seen.append(lower);
        }
    }
    if (contentLength > m_limits.maxBodyBytes) {
        refuse(413, QStringLiteral("too-large"),
               QStringLiteral("the request body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return;
    }
    m_bodyLeft = std::max<qint64>(0, contentLength);
}

} // namespace Plenary
