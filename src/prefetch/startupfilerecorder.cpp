#include "startupfilerecorder.h"

#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string_view>

namespace Plenary {

namespace {

struct TouchedFile
{
    std::string path;
    std::vector<std::uint64_t> pages;
};

std::string readWholeFile(const char *path)
{
    std::string text;
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return text;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        text.append(buffer, std::size_t(got));
    }
    ::close(fd);
    return text;
}

/** The loaded objects in the dynamic loader's order: the program first, then its libraries, then plugins. */
std::vector<std::string> loadOrder()
{
    std::vector<std::string> names;
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            auto *list = static_cast<std::vector<std::string> *>(data);
            if (info->dlpi_name && info->dlpi_name[0] == '/')
                list->push_back(StartupFileRecorder::canonicalPath(info->dlpi_name));
            else if (list->empty())
                list->push_back(StartupFileRecorder::canonicalPath("/proc/self/exe"));
            return 0;
        },
        &names);
    return names;
}

bool isRecordable(std::string_view path)
{
    constexpr std::string_view kDeleted = " (deleted)";
    return path.size() > 1 && path.front() == '/' && !path.starts_with("/dev/") &&
           !path.starts_with("/proc/") && !path.starts_with("/sys/") && !path.starts_with("/memfd:") &&
           !(path.size() > kDeleted.size() && path.ends_with(kDeleted));
}

void appendRanges(StartupFileList &list, TouchedFile &file, std::uint64_t pageSize)
{
    std::sort(file.pages.begin(), file.pages.end());
    file.pages.erase(std::unique(file.pages.begin(), file.pages.end()), file.pages.end());
    for (std::size_t i = 0; i < file.pages.size();) {
        std::size_t last = i;
        while (last + 1 < file.pages.size() &&
               file.pages[last + 1] - file.pages[last] <= StartupFileRecorder::kGapPages)
            ++last;
        list.add({file.path, file.pages[i] * pageSize, (file.pages[last] - file.pages[i] + 1) * pageSize});
        i = last + 1;
    }
}

/** The pages of [start, end) that are in this process's page tables (or swapped out), per /proc/self/pagemap;
 *  all of them when pagemap cannot be read. */
void addTouchedPages(int pagemap, std::uintptr_t start, std::uintptr_t end, std::uint64_t firstFilePage,
                     std::uint64_t pageSize, std::vector<std::uint64_t> &pages)
{
    const std::uint64_t count = (end - start) / pageSize;
    std::vector<std::uint64_t> entries(count);
    const std::size_t bytes = count * sizeof(std::uint64_t);
    const bool read =
        pagemap >= 0 && ::pread(pagemap, entries.data(), bytes,
                                off_t(start / pageSize * sizeof(std::uint64_t))) == ssize_t(bytes);
    for (std::uint64_t i = 0; i < count; ++i) {
        constexpr std::uint64_t kPresentOrSwapped = (std::uint64_t(1) << 63) | (std::uint64_t(1) << 62);
        if (!read || (entries[i] & kPresentOrSwapped))
            pages.push_back(firstFilePage + i);
    }
}

/** The pages of a file that are in the page cache (mincore), up to kMaxExtraFileBytes. */
void addCachedPages(const std::string &path, std::uint64_t pageSize, std::vector<std::uint64_t> &pages)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat status
    {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
        const std::size_t length = std::size_t(
            std::min<std::uint64_t>(std::uint64_t(status.st_size), StartupFileRecorder::kMaxExtraFileBytes));
        void *mapped = ::mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, 0);
        if (mapped != MAP_FAILED) {
            std::vector<unsigned char> resident((length + pageSize - 1) / pageSize);
            if (::mincore(mapped, length, resident.data()) == 0) {
                for (std::size_t i = 0; i < resident.size(); ++i) {
                    if (resident[i] & 1)
                        pages.push_back(i);
                }
            }
            ::munmap(mapped, length);
        }
    }
    ::close(fd);
}

} // namespace

std::string StartupFileRecorder::canonicalPath(const std::string &path)
{
    char *resolved = ::realpath(path.c_str(), nullptr);
    if (!resolved)
        return path;
    std::string result(resolved);
    std::free(resolved);
    return result;
}

StartupFileList StartupFileRecorder::record(const std::vector<std::string> &extraFiles)
{
    const std::uint64_t pageSize = std::uint64_t(::sysconf(_SC_PAGESIZE));
    std::vector<TouchedFile> files;
    std::map<std::string, std::size_t, std::less<>> indexOf;
    const auto fileFor = [&](std::string_view path) -> TouchedFile & {
        const auto found = indexOf.find(path);
        if (found != indexOf.end())
            return files[found->second];
        indexOf.emplace(std::string(path), files.size());
        files.push_back({std::string(path), {}});
        return files.back();
    };
    for (const std::string &name : loadOrder())
        fileFor(name);

    const std::string maps = readWholeFile("/proc/self/maps");
    const int pagemap = ::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    std::string_view rest(maps);
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        const std::string line(rest.substr(0, newline));
        rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
        unsigned long start = 0, end = 0, inode = 0;
        unsigned long long offset = 0;
        int pathAt = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx %*s %llx %*x:%*x %lu %n", &start, &end, &offset, &inode,
                        &pathAt) < 4 ||
            inode == 0 || pathAt <= 0 || end <= start)
            continue;
        const std::string_view path = std::string_view(line).substr(std::size_t(pathAt));
        if (!isRecordable(path))
            continue;
        addTouchedPages(pagemap, start, end, offset / pageSize, pageSize, fileFor(path).pages);
    }
    if (pagemap >= 0)
        ::close(pagemap);

    for (const std::string &extra : extraFiles) {
        const std::string path = canonicalPath(extra);
        if (isRecordable(path))
            addCachedPages(path, pageSize, fileFor(path).pages);
    }

    StartupFileList list;
    for (TouchedFile &file : files)
        appendRanges(list, file, pageSize);
    return list;
}

bool StartupFileRecorder::isStale(const std::string &listPath, const std::vector<std::string> &requiredFiles,
                                  std::int64_t maxAgeSeconds)
{
    struct stat list
    {
    }, program{};
    if (::stat(listPath.c_str(), &list) != 0)
        return true;
    if (std::int64_t(list.st_mtime) < std::int64_t(std::time(nullptr)) - maxAgeSeconds)
        return true;
    if (::stat("/proc/self/exe", &program) == 0 && program.st_mtime > list.st_mtime)
        return true;
    const StartupFileList recorded = StartupFileList::load(listPath);
    return !std::all_of(requiredFiles.begin(), requiredFiles.end(), [&recorded](const std::string &file) {
        return recorded.mentions(canonicalPath(file));
    });
}

} // namespace Plenary
