#include "requestlog.h"

#include "serverlogging.h"

#include <QDateTime>

#include <algorithm>
#include <cstdio>

namespace Plenary {

namespace {
constexpr qsizetype FlushThreshold = 64 * 1024;
constexpr int DefaultFlushIntervalMs = 50;

void writeToStderr(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void appendNumber(QByteArray &out, qint64 value)
{
    if (value < 0) {
        out.append('-');
        value = -value;
    }
    char digits[20];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0)
        out.append(digits[--n]);
}
} // namespace

RequestLog::RequestLog(QObject *parent)
    : QObject(parent)
    , m_sink(writeToStderr)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultFlushIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RequestLog::flush);
}

RequestLog::~RequestLog()
{
    flush();
}

void RequestLog::append(QByteArrayView method, QStringView path, int status, qint64 elapsedMs)
{
    if (!plenaryServer().isInfoEnabled())
        return;
    appendTimestamp(m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch());
    m_pending.append(' ').append(method).append(' ');
    if (std::all_of(path.begin(), path.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        for (const QChar c : path)
            m_pending.append(char(c.unicode()));
    } else {
        m_pending.append(path.toUtf8());
    }
    m_pending.append(' ');
    appendNumber(m_pending, status);
    m_pending.append(' ');
    appendNumber(m_pending, elapsedMs);
    m_pending.append(" ms\n");
    if (m_pending.size() >= FlushThreshold)
        flush();
    else if (!m_timer.isActive())
        m_timer.start();
}

void RequestLog::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    if (m_sink)
        m_sink(m_pending);
    m_pending.clear();
}

void RequestLog::appendTimestamp(qint64 msecsSinceEpoch)
{
    const qint64 second = msecsSinceEpoch >= 0 ? msecsSinceEpoch / 1000 : (msecsSinceEpoch - 999) / 1000;
    if (second != m_second) {
        // Local-time offsets change on whole seconds, so one conversion per second is exact.
        m_second = second;
        m_secondText = QDateTime::fromMSecsSinceEpoch(second * 1000)
                           .toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzz"))
                           .toLatin1();
        m_secondText.chop(3);
    }
    const int ms = int(msecsSinceEpoch - second * 1000);
    m_pending.append(m_secondText);
    m_pending.append(char('0' + ms / 100)).append(char('0' + ms / 10 % 10)).append(char('0' + ms % 10));
}

} // namespace Plenary
