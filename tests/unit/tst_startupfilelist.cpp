#include "pagecache.h"
#include "startupfilelist.h"

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

using namespace Plenary;
using PageCache::residentPages;
using PageCache::writeFile;

namespace {

std::string path(const QString &file)
{
    return file.toStdString();
}

} // namespace

class TestStartupFileList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseStopsAtTheLimits();
    void formatAndParseRoundTrip();
    void loadReadsOnlyRegularFilesAndOnlySoFar();
    void saveReplacesTheFileWhole();
    void saveFailsCleanly();
    void defaultPathFollowsXdg();
    void prefetchAsksOnlyForRegularFilesWithinTheirSize();
    void prefetchReadsIntoThePageCache();
};

void TestStartupFileList::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<QByteArray>("firstPath");
    QTest::addColumn<quint64>("firstOffset");
    QTest::addColumn<quint64>("firstLength");

    QTest::newRow("two lines") << QByteArray("0 4096 /usr/lib/a.so\n8192 65536 /usr/lib/b.so\n") << 2
                               << QByteArray("/usr/lib/a.so") << quint64(0) << quint64(4096);
    QTest::newRow("no final newline")
        << QByteArray("4096 10 /a") << 1 << QByteArray("/a") << quint64(4096) << quint64(10);
    QTest::newRow("CRLF") << QByteArray("1 2 /a b/c.ttf\r\n") << 1 << QByteArray("/a b/c.ttf") << quint64(1)
                          << quint64(2);
    QTest::newRow("relative path") << QByteArray("0 1 lib/a.so\n0 1 /b\n") << 1 << QByteArray("/b")
                                   << quint64(0) << quint64(1);
    QTest::newRow("negative") << QByteArray("-1 10 /a\n0 -10 /a\n") << 0 << QByteArray() << quint64(0)
                              << quint64(0);
    QTest::newRow("too big a number") << QByteArray("99999999999999999999999 1 /a\n0 1 /b\n") << 1
                                      << QByteArray("/b") << quint64(0) << quint64(1);
    QTest::newRow("end past 2^64") << QByteArray("18446744073709551615 1 /a\n") << 0 << QByteArray()
                                   << quint64(0) << quint64(0);
    QTest::newRow("empty range") << QByteArray("0 0 /a\n") << 0 << QByteArray() << quint64(0) << quint64(0);
    QTest::newRow("no path") << QByteArray("0 1 \n0 1\n") << 0 << QByteArray() << quint64(0) << quint64(0);
    QTest::newRow("tabs and leading spaces")
        << QByteArray("0\t1\t/a\n 0 1 /a\n") << 0 << QByteArray() << quint64(0) << quint64(0);
    QTest::newRow("hex") << QByteArray("0x10 1 /a\n") << 0 << QByteArray() << quint64(0) << quint64(0);
    QTest::newRow("NUL in the path") << QByteArray("0 1 /a\0b\n0 2 /c\n", 15) << 1 << QByteArray("/c")
                                     << quint64(0) << quint64(2);
    QTest::newRow("binary garbage") << QByteArray("\xff\xfe\x00\x01 \n\n\n 7") << 0 << QByteArray()
                                    << quint64(0) << quint64(0);
    QTest::newRow("empty") << QByteArray() << 0 << QByteArray() << quint64(0) << quint64(0);
}

void TestStartupFileList::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(int, count);
    const StartupFileList list =
        StartupFileList::parse(std::string_view(text.constData(), size_t(text.size())));
    QCOMPARE(int(list.ranges().size()), count);
    if (count == 0)
        return;
    QTEST(QByteArray::fromStdString(list.ranges().front().path), "firstPath");
    QTEST(quint64(list.ranges().front().offset), "firstOffset");
    QTEST(quint64(list.ranges().front().length), "firstLength");
}

void TestStartupFileList::parseStopsAtTheLimits()
{
    std::string many;
    for (std::size_t i = 0; i < StartupFileList::kMaxRanges + 10; ++i)
        many += std::to_string(i * 4096) + " 4096 /lib/a.so\n";
    QCOMPARE(StartupFileList::parse(many).ranges().size(), StartupFileList::kMaxRanges);

    const std::uint64_t third = StartupFileList::kMaxTotalBytes / 3 + 1;
    const std::string big = "0 " + std::to_string(third) + " /a\n0 " + std::to_string(third) + " /b\n0 " +
                            std::to_string(third) + " /c\n0 4096 /d\n";
    const StartupFileList list = StartupFileList::parse(big);
    QCOMPARE(list.ranges().size(), std::size_t(3)); // /c would pass the total: dropped, /d still fits
    QCOMPARE(list.ranges().back().path, std::string("/d"));
    QVERIFY(list.totalBytes() <= StartupFileList::kMaxTotalBytes);

    StartupFileList tooLong;
    QVERIFY(!tooLong.add({'/' + std::string(StartupFileList::kMaxPathLength, 'a'), 0, 1}));
    QVERIFY(!tooLong.add({"/a\nb", 0, 1}));
    QVERIFY(tooLong.isEmpty());
}

void TestStartupFileList::formatAndParseRoundTrip()
{
    StartupFileList list;
    QVERIFY(list.add({"/usr/lib/x86_64-linux-gnu/libQt6Core.so.6.4.2", 0, 5169152}));
    QVERIFY(list.add({"/home/a user/.local/share/plenary/plenary.sqlite", 8192, 4096}));
    QVERIFY(list.add({"/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 18446744073709543424ull, 4096}));
    QCOMPARE(list.format(),
             std::string("0 5169152 /usr/lib/x86_64-linux-gnu/libQt6Core.so.6.4.2\n"
                         "8192 4096 /home/a user/.local/share/plenary/plenary.sqlite\n"
                         "18446744073709543424 4096 /usr/share/fonts/truetype/nanum/NanumGothic.ttf\n"));
    const StartupFileList again = StartupFileList::parse(list.format());
    QVERIFY(again.ranges() == list.ranges());
    QCOMPARE(again.totalBytes(), list.totalBytes());
    QVERIFY(again.mentions("/home/a user/.local/share/plenary/plenary.sqlite"));
    QVERIFY(!again.mentions("/home/a user/.local/share/plenary"));
}

void TestStartupFileList::loadReadsOnlyRegularFilesAndOnlySoFar()
{
    QTemporaryDir dir;
    QVERIFY(StartupFileList::load(path(dir.filePath(QStringLiteral("missing")))).isEmpty());
    QVERIFY(StartupFileList::load(path(dir.path())).isEmpty());

    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(StartupFileList::load(path(fifo)).isEmpty()); // a blocking open would wait for a writer forever
    QVERIFY(timer.elapsed() < 5000);

    // Two megabytes of valid lines: only the first megabyte is read, and its cut last line is not taken
    // whole.
    QByteArray text;
    int lines = 0;
    while (text.size() < 2 * 1024 * 1024) {
        text += QByteArray::number(lines * 4096) + " 4096 /usr/lib/x86_64-linux-gnu/libQt6Quick.so.6\n";
        ++lines;
    }
    const QString big = dir.filePath(QStringLiteral("big"));
    writeFile(big, text);
    const StartupFileList list = StartupFileList::load(path(big));
    QCOMPARE(list.ranges().size(), StartupFileList::kMaxRanges); // the limit comes first
    QVERIFY(std::size_t(lines) > StartupFileList::kMaxRanges);
    QCOMPARE(list.ranges().back().offset, std::uint64_t(StartupFileList::kMaxRanges - 1) * 4096);
}

void TestStartupFileList::saveReplacesTheFileWhole()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("cache/plenary/startup-files"));
    StartupFileList first;
    QVERIFY(first.add({"/a", 0, 4096}));
    QVERIFY(first.save(path(file))); // makes the missing directories
    QCOMPARE(QFileInfo(QFileInfo(file).path()).permissions() & QFileDevice::ReadOther,
             QFileDevice::Permissions());

    struct stat before
    {};
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &before), 0);
    StartupFileList second;
    QVERIFY(second.add({"/b", 4096, 8192}));
    QVERIFY(second.save(path(file)));
    struct stat after
    {};
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &after), 0);
    QVERIFY(before.st_ino != after.st_ino); // a new file renamed over the old one, never rewritten in place
    QVERIFY(StartupFileList::load(path(file)).ranges() == second.ranges());
    QCOMPARE(QDir(QFileInfo(file).path()).entryList(QDir::Files),
             QStringList{QStringLiteral("startup-files")});
}

void TestStartupFileList::saveFailsCleanly()
{
    StartupFileList list;
    QVERIFY(list.add({"/a", 0, 4096}));
    QVERIFY(!list.save("/dev/null/plenary/startup-files"));
    QVERIFY(!list.save("relative"));
    QVERIFY(!list.save(""));
}

void TestStartupFileList::defaultPathFollowsXdg()
{
    const QByteArray home = qgetenv("HOME");
    const QByteArray cache = qgetenv("XDG_CACHE_HOME");
    qputenv("HOME", "/home/someone");
    qputenv("XDG_CACHE_HOME", "/var/cache/someone");
    QCOMPARE(StartupFileList::defaultPath(), std::string("/var/cache/someone/plenary/startup-files"));
    qputenv("XDG_CACHE_HOME", "relative/cache");
    QCOMPARE(StartupFileList::defaultPath(), std::string("/home/someone/.cache/plenary/startup-files"));
    qunsetenv("XDG_CACHE_HOME");
    QCOMPARE(StartupFileList::defaultPath(), std::string("/home/someone/.cache/plenary/startup-files"));
    qunsetenv("HOME");
    QCOMPARE(StartupFileList::defaultPath(), std::string());
    qputenv("HOME", home);
    qputenv("XDG_CACHE_HOME", cache);
}

void TestStartupFileList::prefetchAsksOnlyForRegularFilesWithinTheirSize()
{
    QTemporaryDir dir;
    const QString small = dir.filePath(QStringLiteral("small"));
    writeFile(small, QByteArray(10000, 'x'));
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

    StartupFileList list;
    QVERIFY(list.add({path(fifo), 0, 4096}));
    QVERIFY(list.add({"/dev/zero", 0, 1 << 20}));
    QVERIFY(list.add({path(dir.path()), 0, 4096}));
    QVERIFY(list.add({path(dir.filePath(QStringLiteral("missing"))), 0, 4096}));
    QVERIFY(list.add({path(small), 4096, 1 << 20})); // clamped to the 5904 bytes there are
    QVERIFY(list.add({path(small), 20000, 4096}));   // past the end
    QVERIFY(list.add({path(small), 0, 100}));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(list.prefetch(), std::uint64_t(10000 - 4096 + 100));
    QVERIFY(timer.elapsed() < 5000);
}

void TestStartupFileList::prefetchReadsIntoThePageCache()
{
    // Next to the build, on a disk: tmpfs has no page cache to drop.
    QTemporaryDir dir(QStringLiteral(PLENARY_BINARY_DIR "/prefetch-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("data"));
    if (!PageCache::writeUncached(file, 4 << 20))
        QSKIP("this file system keeps the file's pages cached (tmpfs?)");

    StartupFileList list;
    QVERIFY(list.add({path(file), 1 << 20, 2 << 20}));
    QCOMPARE(list.prefetch(), std::uint64_t(2 << 20));
    QTRY_COMPARE_WITH_TIMEOUT(residentPages(file), 512, 10000); // the 2 MB asked for, and no more
}

QTEST_GUILESS_MAIN(TestStartupFileList)
#include "tst_startupfilelist.moc"
