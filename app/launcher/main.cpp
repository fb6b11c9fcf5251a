// plenary: the command users run. It asks the kernel to read what the last start of the app read (the
// StartupFileList in the user's cache directory) on a process of its own, and meanwhile replaces itself with
// the app (same process, arguments and environment), whose dynamic loader then finds Qt's libraries, plugins,
// fonts and the database already read or on their way: a cold start waits for the disk once, in parallel,
// instead of once per page fault. A warm start (the app's file still cached) skips the prefetch. Links no Qt
// library, so it starts in well under a millisecond.
#include "startupfilelist.h"

#include <fcntl.h>
#include <sys/mman.h>
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

/** Whether the app's program file was read recently (its first page, which the dynamic loader reads first at
 *  every start, is in the page cache): then its start will be a warm one, with nothing to prefetch. */
bool startsWarm(const std::string &app)
{
    const int fd = ::open(app.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const long page = ::sysconf(_SC_PAGESIZE);
    void *mapped = ::mmap(nullptr, std::size_t(page), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED)
        return false;
    unsigned char resident = 0;
    const bool warm = ::mincore(mapped, std::size_t(page), &resident) == 0 && (resident & 1);
    ::munmap(mapped, std::size_t(page));
    return warm;
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
    // PLENARY_PREFETCH: "off", "always", or unset for when the start is not a warm one.
    const char *setting = std::getenv("PLENARY_PREFETCH");
    const std::string prefetch = setting ? setting : "";
    if (prefetch == "always" || (prefetch != "off" && !startsWarm(app)))
        prefetchInBackground();
    ::execv(app.c_str(), argv);
    std::fprintf(stderr, "plenary: cannot start %s: %s\n", app.c_str(), std::strerror(errno));
    return 127;
}
