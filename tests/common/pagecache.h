#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

/** Files and the page cache, for the start-up prefetch's tests (tests/unit, tests/cli). */
namespace PageCache {

/** Writes `bytes` to `file`, failing the test when it cannot. */
inline void writeFile(const QString &file, const QByteArray &bytes)
{
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(bytes), bytes.size());
}

/** How many of the file's pages are in the page cache (mincore). */
inline qsizetype residentPages(const QString &file)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
    struct stat status
    {};
    if (fd < 0 || ::fstat(fd, &status) != 0 || status.st_size == 0) {
        if (fd >= 0)
            ::close(fd);
        return 0;
    }
    const size_t size = size_t(status.st_size);
    void *mapped = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED)
        return 0;
    std::vector<unsigned char> pages((size + size_t(::sysconf(_SC_PAGESIZE)) - 1) /
                                     size_t(::sysconf(_SC_PAGESIZE)));
    ::mincore(mapped, size, pages.data());
    ::munmap(mapped, size);
    return std::count_if(pages.begin(), pages.end(), [](unsigned char page) { return page & 1; });
}

/** Writes `size` bytes to `file` and drops them from the page cache: true when none of them is left there
 *  (tmpfs, for one, keeps them; a test should skip then). */
inline bool writeUncached(const QString &file, qsizetype size)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QByteArray(size, 'p')) != size)
        return false;
    out.close();
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
    return residentPages(file) == 0;
}

} // namespace PageCache
