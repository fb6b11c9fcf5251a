#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTextStream>

#include <algorithm>
#include <ctime>

/** Measures one run both as wall time and as this thread's CPU time (less disturbed by other processes). */
class BenchTimer
{
public:
    BenchTimer()
    {
        m_wall.start();
        m_cpuStart = threadCpuNs();
    }
    double wallMs() const { return m_wall.nsecsElapsed() / 1e6; }
    double cpuMs() const { return (threadCpuNs() - m_cpuStart) / 1e6; }

private:
    static qint64 threadCpuNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    QElapsedTimer m_wall;
    qint64 m_cpuStart = 0;
};

/** Wall and CPU timings of repeated runs of one operation. */
struct BenchTimings
{
    QList<double> wall;
    QList<double> cpu;
    void add(const BenchTimer &t)
    {
        cpu.append(t.cpuMs());
        wall.append(t.wallMs());
    }
};

/** Prints min / median / p90 / max of a list of timings in milliseconds, one line, labelled. */
inline void printTimings(const char *label, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))];
    };
    QTextStream(stdout) << label << ": runs " << ms.size() << "  min " << Qt::fixed
                        << qSetRealNumberPrecision(2) << ms.front() << " ms  median " << at(0.5)
                        << " ms  p90 " << at(0.9) << " ms  max " << ms.back() << " ms" << Qt::endl;
}

inline void printTimings(const QString &label, const BenchTimings &t)
{
    printTimings(qPrintable(label + QStringLiteral(" (wall)")), t.wall);
    printTimings(qPrintable(label + QStringLiteral(" (cpu) ")), t.cpu);
}
