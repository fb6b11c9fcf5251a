// plenary: the command users run. It asks the kernel to read what the last start of the app read (the
// StartupFileList in the user's cache directory) on a process of its own, and meanwhile replaces itself with
// the app (same process, arguments and environment), whose dynamic loader then finds Qt's libraries, plugins,
// fonts and the database already read or on their way: a cold start waits for the disk once, in parallel,
// instead of once per page fault. Links no Qt library, so it starts in about a millisecond.
#include "startupfilelist.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

/** The app's path: PLENARY_APP_PATH, relative to this program's directory (the install's bin/ -> libexec/).
 */
std::string appPath()
{
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        return PLENARY_APP_PATH;
    std::string path(self, std::size_t(length));
    return path.substr(0, path.rfind('/') + 1) + PLENARY_APP_PATH;
}

/** Prefetches on a grandchild that init adopts, so the app never has a child it does not know about. */
void prefetchInBackground()
{
    const pid_t child = ::fork();
    if (child < 0)
        return;
    if (child == 0) {
        if (::fork() == 0) {
            // Hold none of the app's streams open: whoever reads its output waits for them to close.
            const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
            for (int fd = 0; fd <= 2; ++fd)
                null >= 0 ? ::dup2(null, fd) : ::close(fd);
            const std::string listPath = Plenary::StartupFileList::defaultPath();
            if (!listPath.empty())
                Plenary::StartupFileList::load(listPath).prefetch();
        }
        ::_exit(0);
    }
    while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
    }
}

} // namespace

int main(int argc, char *argv[])
{
    (void)argc;
    const std::string app = appPath();
    const char *disabled = std::getenv("PLENARY_NO_PREFETCH");
    if (!disabled || !*disabled)
        prefetchInBackground();
    ::execv(app.c_str(), argv);
    std::fprintf(stderr, "plenary: cannot start %s: %s\n", app.c_str(), std::strerror(errno));
    return 127;
}
