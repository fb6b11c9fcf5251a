#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QStringView>
#include <QTimer>

#include <functional>
#include <limits>

namespace Plenary {

/** The feed server's request log: one line per request, buffered and written out on a short timer. */
class RequestLog : public QObject
{
    Q_OBJECT
public:
    // Lines read "2027-05-11T09:00:01.123 GET /api/seats 200 0 ms" (local time, as plenary-feed's message
    // pattern writes its other lines). They are skipped while the category plenary.server has info disabled.
    // Writing a line per request costs a system call each; here lines wait at most flushIntervalMs() (or
    // until 64 KiB are pending) and leave together.

    using Sink = std::function<void(QByteArrayView bytes)>;

    explicit RequestLog(QObject *parent = nullptr);
    ~RequestLog() override;

    void append(QByteArrayView method, QStringView path, int status, qint64 elapsedMs);

    /** Writes out the pending lines now. */
    void flush();

    /** Where lines go; stderr by default. */
    void setSink(Sink sink) { m_sink = std::move(sink); }
    /** The clock for the time stamps (milliseconds since the epoch); the system clock by default. */
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    void setFlushIntervalMs(int ms) { m_timer.setInterval(ms); }
    int flushIntervalMs() const { return m_timer.interval(); }

private:
    void appendTimestamp(qint64 msecsSinceEpoch);

    Sink m_sink;
    std::function<qint64()> m_clock;
    QByteArray m_pending;
    QTimer m_timer;
    qint64 m_second = std::numeric_limits<qint64>::min();
    QByteArray m_secondText; ///< "yyyy-MM-ddThh:mm:ss." of m_second, in local time
};

} // namespace Plenary
