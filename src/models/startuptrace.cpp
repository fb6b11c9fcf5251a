#include "startuptrace.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <cstdio>
#include <ctime>
#include <mutex>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

namespace Plenary {

namespace {

double millisecondsOf(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

/** When the process was started, in CLOCK_BOOTTIME milliseconds (10 ms resolution); negative if unknown. */
double processStartMs()
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime) counts clock ticks since boot; fields after the ")" of the command are plain.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    bool ok = false;
    const qlonglong ticks = fields.value(19).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return -1;
    return double(ticks) * 1000.0 / double(ticksPerSecond);
#else
    return -1;
#endif
}

struct TraceState
{
    const bool enabled = !qEnvironmentVariableIsEmpty("PLENARY_TRACE_STARTUP");
    std::mutex mutex;     ///< marks may come from worker threads too
    double originMs = -1; ///< CLOCK_BOOTTIME of the process start (or of the first mark)
    double lastWallMs = 0;
    double lastCpuMs = 0;
};

TraceState &state()
{
    static TraceState s;
    return s;
}

} // namespace

bool StartupTrace::isEnabled()
{
    return state().enabled;
}

void StartupTrace::mark(const char *what)
{
    TraceState &s = state();
    if (!s.enabled)
        return;
    const std::lock_guard lock(s.mutex);
    const double nowMs = millisecondsOf(CLOCK_BOOTTIME);
    if (s.originMs < 0) {
        s.originMs = processStartMs();
        if (s.originMs < 0 || s.originMs > nowMs)
            s.originMs = nowMs;
    }
    const double wall = nowMs - s.originMs;
    const double cpu = millisecondsOf(CLOCK_PROCESS_CPUTIME_ID);
    std::fprintf(stderr, "startup: %7.1f ms (+%6.1f)  cpu %7.1f ms (+%6.1f)  %s\n", wall, wall - s.lastWallMs,
                 cpu, cpu - s.lastCpuMs, what);
    s.lastWallMs = wall;
    s.lastCpuMs = cpu;
}

} // namespace Plenary
