#pragma once

namespace Plenary {

/**
 * Start-up timing marks for profiling: with PLENARY_TRACE_STARTUP set, each mark() writes one line to stderr
 * with the wall time since the process was started (its exec, read from /proc where there is one, else since
 * the first mark), the process's CPU time (user + system) and the step's own share of both; otherwise mark()
 * costs one branch.
 */
class StartupTrace
{
public:
    static bool isEnabled();
    /** Writes "startup: <wall> ms (+<step>) cpu <cpu> ms (+<step>)  <what>" when enabled. */
    static void mark(const char *what);
};

} // namespace Plenary
