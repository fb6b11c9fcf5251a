#include "pagecache.h"
#include "startupfilerecorder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <algorithm>

using namespace Plenary;
using PageCache::writeFile;

namespace {

std::string path(const QString &file)
{
    return file.toStdString();
}

std::vector<FileRange> rangesOf(const StartupFileList &list, const std::string &file)
{
    std::vector<FileRange> found;
    std::copy_if(list.ranges().begin(), list.ranges().end(), std::back_inserter(found),
                 [&file](const FileRange &range) { return range.path == file; });
    return found;
}

bool covers(const std::vector<FileRange> &ranges, std::uint64_t byte)
{
    return std::any_of(ranges.begin(), ranges.end(), [byte](const FileRange &range) {
        return byte >= range.offset && byte < range.offset + range.length;
    });
}

} // namespace

class TestStartupFileRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsTheProgramFirstThenItsLibraries();
    void recordsOnlyTheTouchedPagesOfAMapping();
    void recordsTheCachedPagesOfExtraFiles();
    void isStale();
    void canonicalPath();
};

void TestStartupFileRecorder::recordsTheProgramFirstThenItsLibraries()
{
    const StartupFileList list = StartupFileRecorder::record({});
    QVERIFY(!list.isEmpty());
    const std::string program =
        StartupFileRecorder::canonicalPath(path(QCoreApplication::applicationFilePath()));
    QCOMPARE(list.ranges().front().path, program);
    QCOMPARE(list.ranges().front().offset, std::uint64_t(0)); // the ELF header is where the loader starts

    const auto core = std::find_if(list.ranges().begin(), list.ranges().end(), [](const FileRange &range) {
        return range.path.find("/libQt6Core.so") != std::string::npos;
    });
    QVERIFY(core != list.ranges().end());
    const auto test = std::find_if(list.ranges().begin(), list.ranges().end(), [](const FileRange &range) {
        return range.path.find("/libQt6Test.so") != std::string::npos;
    });
    QVERIFY(test != list.ranges().end());
    QCOMPARE(core->path, StartupFileRecorder::canonicalPath(core->path)); // symbolic links resolved

    const std::uint64_t page = std::uint64_t(::sysconf(_SC_PAGESIZE));
    for (const FileRange &range : list.ranges()) {
        QVERIFY2(!range.path.starts_with("/proc/") && !range.path.starts_with("/dev/"), range.path.c_str());
        QCOMPARE(range.offset % page, std::uint64_t(0));
        QCOMPARE(range.length % page, std::uint64_t(0));
        struct stat status
        {};
        QVERIFY2(::stat(range.path.c_str(), &status) == 0, range.path.c_str());
        QVERIFY2(range.offset < std::uint64_t(status.st_size), range.path.c_str());
    }
    // Each file's ranges come together, in order and apart by more than the gap.
    for (std::size_t i = 1; i < list.ranges().size(); ++i) {
        const FileRange &previous = list.ranges()[i - 1];
        const FileRange &range = list.ranges()[i];
        if (range.path == previous.path)
            QVERIFY(range.offset >=
                    previous.offset + previous.length + StartupFileRecorder::kGapPages * page);
        else
            QVERIFY2(rangesOf(StartupFileList::parse(list.format()), range.path).front() == range,
                     range.path.c_str());
    }
}

void TestStartupFileRecorder::recordsOnlyTheTouchedPagesOfAMapping()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("mapped"));
    constexpr std::uint64_t kMiB = 1 << 20;
    writeFile(file, QByteArray(qsizetype(32 * kMiB), 'm'));
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
    auto *mapped =
        static_cast<const volatile char *>(::mmap(nullptr, 32 * kMiB, PROT_READ, MAP_SHARED, fd, 0));
    ::close(fd);
    QVERIFY(mapped != MAP_FAILED);
    QCOMPARE(mapped[0], 'm');
    QCOMPARE(mapped[24 * kMiB + 7], 'm');

    const std::vector<FileRange> ranges =
        rangesOf(StartupFileRecorder::record({}), StartupFileRecorder::canonicalPath(path(file)));
    ::munmap(const_cast<char *>(mapped), 32 * kMiB);
    // A fault maps the cached pages around it too (16 pages, or a whole large folio of up to 2 MB on file
    // systems with large folios), so each touch comes with some neighbours, but never the untouched middle.
    QCOMPARE(ranges.size(), std::size_t(2));
    QVERIFY(covers(ranges, 0));
    QVERIFY(covers(ranges, 24 * kMiB + 7));
    QVERIFY(!covers(ranges, 12 * kMiB));
    for (const FileRange &range : ranges)
        QVERIFY(range.length <= 4 * kMiB);
}

void TestStartupFileRecorder::recordsTheCachedPagesOfExtraFiles()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("plenary.sqlite"));
    writeFile(database, QByteArray(100000, 'd'));
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    const StartupFileList list = StartupFileRecorder::record(
        {path(database), path(dir.filePath(QStringLiteral("missing"))), path(fifo), "/dev/zero"});
    QVERIFY(timer.elapsed() < 5000);
    const std::vector<FileRange> ranges = rangesOf(list, StartupFileRecorder::canonicalPath(path(database)));
    QCOMPARE(ranges.size(), std::size_t(1)); // just written, so all cached
    QCOMPARE(ranges.front().offset, std::uint64_t(0));
    QVERIFY(ranges.front().length >= 100000);
    QCOMPARE(list.ranges().back().path, ranges.front().path); // after everything mapped
    QVERIFY(!list.mentions(StartupFileRecorder::canonicalPath(path(fifo))));
    QVERIFY(!list.mentions("/dev/zero"));
}

void TestStartupFileRecorder::isStale()
{
    QTemporaryDir dir;
    const std::string listPath = path(dir.filePath(QStringLiteral("plenary/startup-files")));
    const QString database = dir.filePath(QStringLiteral("plenary.sqlite"));
    writeFile(database, QByteArray(8192, 'd'));
    QVERIFY(StartupFileRecorder::isStale(listPath, {path(database)})); // never recorded

    QVERIFY(StartupFileRecorder::record({path(database)}).save(listPath));
    QVERIFY(!StartupFileRecorder::isStale(listPath, {path(database)}));
    // The same database through another spelling of its path is the same file.
    QVERIFY(
        !StartupFileRecorder::isStale(listPath, {path(dir.path() + QStringLiteral("/./plenary.sqlite"))}));
    QVERIFY(StartupFileRecorder::isStale(listPath, {path(dir.filePath(QStringLiteral("other.sqlite")))}));

    // Recorded after this program was built: stale once older than the age allowed.
    struct stat program
    {};
    QCOMPARE(::stat("/proc/self/exe", &program), 0);
    const std::time_t recordedAt = program.st_mtime + 1;
    const utimbuf times{recordedAt, recordedAt};
    QCOMPARE(::utime(listPath.c_str(), &times), 0);
    const std::int64_t age = std::int64_t(std::time(nullptr)) - recordedAt;
    QVERIFY(!StartupFileRecorder::isStale(listPath, {path(database)}, age + 60));
    QVERIFY(StartupFileRecorder::isStale(listPath, {path(database)}, age - 60));
    // Recorded before this program was built: stale whatever its age.
    const utimbuf before{program.st_mtime - 10, program.st_mtime - 10};
    QCOMPARE(::utime(listPath.c_str(), &before), 0);
    QVERIFY(StartupFileRecorder::isStale(listPath, {path(database)}, age + 3600));
}

void TestStartupFileRecorder::canonicalPath()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("target"));
    writeFile(target, "x");
    const QString link = dir.filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(target, link));
    const std::string resolved = path(QFileInfo(target).canonicalFilePath());
    QCOMPARE(StartupFileRecorder::canonicalPath(path(link)), resolved);
    QCOMPARE(StartupFileRecorder::canonicalPath("/no/such/file"), std::string("/no/such/file"));
}

QTEST_GUILESS_MAIN(TestStartupFileRecorder)
#include "tst_startupfilerecorder.moc"
