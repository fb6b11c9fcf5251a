#include "startupfilelist.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>

namespace Plenary {

namespace {

bool readNumber(std::string_view &text, std::uint64_t &value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end == text.data() || end == text.data() + text.size() || *end != ' ')
        return false;
    text.remove_prefix(std::size_t(end - text.data()) + 1);
    return true;
}

bool makeDirectories(const std::string &directory)
{
    for (std::size_t slash = directory.find('/', 1);; slash = directory.find('/', slash + 1)) {
        const std::string prefix = directory.substr(0, slash);
        if (::mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST)
            return false;
        if (slash == std::string::npos)
            return true;
    }
}

bool writeAll(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes.remove_prefix(std::size_t(written));
    }
    return true;
}

} // namespace

StartupFileList StartupFileList::parse(std::string_view text)
{
    StartupFileList list;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        std::uint64_t offset = 0, length = 0;
        if (!readNumber(line, offset) || !readNumber(line, length))
            continue;
        list.add({std::string(line), offset, length});
        if (list.m_ranges.size() == kMaxRanges)
            break;
    }
    return list;
}

StartupFileList StartupFileList::load(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return {};
    std::string text;
    struct stat status
    {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
        // As far as the file went when opened, up to kMaxTextSize.
        text.resize(std::min<std::size_t>(std::size_t(std::max<off_t>(status.st_size, 0)), kMaxTextSize));
        std::size_t filled = 0;
        while (filled < text.size()) {
            const ssize_t got = ::read(fd, text.data() + filled, text.size() - filled);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            filled += std::size_t(got);
        }
        text.resize(filled);
    }
    ::close(fd);
    return parse(text);
}

std::string StartupFileList::defaultPath()
{
    const char *cache = std::getenv("XDG_CACHE_HOME");
    std::string directory;
    if (cache && cache[0] == '/') {
        directory = cache;
    } else {
        const char *home = std::getenv("HOME");
        if (!home || home[0] != '/')
            return {};
        directory = std::string(home) + "/.cache";
    }
    return directory + "/plenary/startup-files";
}

bool StartupFileList::add(FileRange range)
{
    if (range.length == 0 || range.offset > UINT64_MAX - range.length || range.path.empty() ||
        range.path.front() != '/' || range.path.size() > kMaxPathLength ||
        range.path.find_first_of(std::string_view("\n\r\0", 3)) != std::string::npos)
        return false;
    if (m_ranges.size() >= kMaxRanges || range.length > kMaxTotalBytes - m_totalBytes)
        return false;
    m_totalBytes += range.length;
    m_ranges.push_back(std::move(range));
    return true;
}

bool StartupFileList::mentions(std::string_view path) const
{
    for (const FileRange &range : m_ranges) {
        if (range.path == path)
            return true;
    }
    return false;
}

std::string StartupFileList::format() const
{
    std::string text;
    for (const FileRange &range : m_ranges)
        text += std::to_string(range.offset) + ' ' + std::to_string(range.length) + ' ' + range.path + '\n';
    return text;
}

bool StartupFileList::save(const std::string &path) const
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0 || !makeDirectories(path.substr(0, slash)))
        return false;
    std::string temporary = path + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        return false;
    const bool written = writeAll(fd, format());
    if (::close(fd) != 0 || !written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        return false;
    }
    return true;
}

std::uint64_t StartupFileList::prefetch() const
{
    std::uint64_t asked = 0;
    const std::string *openPath = nullptr;
    int fd = -1;
    std::uint64_t size = 0;
    for (const FileRange &range : m_ranges) {
        if (!openPath || *openPath != range.path) {
            if (fd >= 0)
                ::close(fd);
            openPath = &range.path;
            size = 0;
            // O_NONBLOCK: a FIFO put into the list must not hold the start up.
            fd = ::open(range.path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
            struct stat status
            {};
            if (fd >= 0 && (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode))) {
                ::close(fd);
                fd = -1;
            }
            if (fd >= 0)
                size = std::uint64_t(status.st_size);
        }
        if (fd < 0 || range.offset >= size)
            continue;
        const std::uint64_t length = std::min(range.length, size - range.offset);
        // readahead(2) refuses files it cannot read ahead on some file systems; the advice may still work
        // there.
        if (::readahead(fd, off64_t(range.offset), std::size_t(length)) == 0 ||
            ::posix_fadvise(fd, off_t(range.offset), off_t(length), POSIX_FADV_WILLNEED) == 0)
            asked += length;
    }
    if (fd >= 0)
        ::close(fd);
    return asked;
}

} // namespace Plenary
