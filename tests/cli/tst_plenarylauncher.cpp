// End-to-end tests of the `plenary` command (app/launcher): it prefetches what the last start recorded, then
// becomes the app, which records its start for the next one. Run as child processes.
#include "pagecache.h"
#include "startupfilelist.h"
#include "startupfilerecorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Plenary;
using PageCache::residentPages;

namespace {

const QString kLauncher = QStringLiteral(PLENARY_BINARY_DIR "/bin/plenary");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

/** The test's environment with the cache directory given. */
QProcessEnvironment environmentWithCache(const QString &cacheDir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cacheDir);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

} // namespace

class TestPlenaryLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsTheAppWhateverTheListHolds();
    void prefetchesWhatTheListNames();
    void theAppRecordsItsStartOnce();
    void anOpenWindowRecordsInTheBackground();
    void saysWhenTheAppIsMissing();
    void helpNeedsNoDisplay();
};

void TestPlenaryLauncher::startsTheAppWhateverTheListHolds()
{
    QTemporaryDir cache;
    const QString fifo = cache.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(QDir(cache.path()).mkpath(QStringLiteral("plenary")));
    QFile list(cache.filePath(QStringLiteral("plenary/startup-files")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("0 4096 " + QFile::encodeName(fifo) + "\n0 1048576 /dev/zero\n0 4096 /no/such/file\n" +
               "garbage\n\xff\xfe\n-5 5 /etc/hostname\n0 18446744073709551615 /etc/hostname\n" +
               QByteArray(300000, 'x') + "\n");
    list.close();

    QProcessEnvironment environment = environmentWithCache(cache.path());
    environment.insert(QStringLiteral("PLENARY_PREFETCH"), QStringLiteral("always"));
    const Run version = run(kLauncher, {QStringLiteral("--version")}, environment);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QByteArray("plenary " PLENARY_VERSION_FOR_TEST));
}

void TestPlenaryLauncher::prefetchesWhatTheListNames()
{
    QTemporaryDir dir(QStringLiteral(PLENARY_BINARY_DIR "/launcher-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("data"));
    if (!PageCache::writeUncached(file, 4 << 20))
        QSKIP("this file system keeps the file's pages cached (tmpfs?)");
    StartupFileList list;
    QVERIFY(list.add({file.toStdString(), 0, 1 << 20}));
    QVERIFY(list.save(dir.filePath(QStringLiteral("cache/plenary/startup-files")).toStdString()));
    QProcessEnvironment environment = environmentWithCache(dir.filePath(QStringLiteral("cache")));

    environment.insert(QStringLiteral("PLENARY_PREFETCH"), QStringLiteral("off"));
    QCOMPARE(run(kLauncher, {QStringLiteral("--version")}, environment).exitCode, 0);
    QTest::qWait(300);
    QCOMPARE(residentPages(file), 0); // told not to
    // Unset, the launcher prefetches only for a cold start: the app's file, just run, is cached.
    environment.remove(QStringLiteral("PLENARY_PREFETCH"));
    QCOMPARE(run(kLauncher, {QStringLiteral("--version")}, environment).exitCode, 0);
    QTest::qWait(300);
    QCOMPARE(residentPages(file), 0);

    environment.insert(QStringLiteral("PLENARY_PREFETCH"), QStringLiteral("always"));
    QCOMPARE(run(kLauncher, {QStringLiteral("--version")}, environment).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(residentPages(file), 256, 10000); // the first megabyte, as listed
}

void TestPlenaryLauncher::theAppRecordsItsStartOnce()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString listPath = dir.filePath(QStringLiteral("cache/plenary/startup-files"));
    const QProcessEnvironment environment = environmentWithCache(dir.filePath(QStringLiteral("cache")));
    const QStringList arguments{QStringLiteral("--data-dir"), data,
                                QStringLiteral("--quit-after-first-frame")};
    const Run first = run(kLauncher, arguments, environment);
    QCOMPARE(first.exitCode, 0);
    QVERIFY(first.out.startsWith("first frame after "));

    const StartupFileList list = StartupFileList::load(listPath.toStdString());
    QVERIFY(!list.isEmpty());
    QVERIFY2(QByteArray::fromStdString(list.ranges().front().path).endsWith("/libexec/plenary/plenary-app"),
             list.ranges().front().path.c_str());
    const auto mentionsPart = [&list](const char *part) {
        return std::any_of(list.ranges().begin(), list.ranges().end(), [part](const FileRange &range) {
            return range.path.find(part) != std::string::npos;
        });
    };
    QVERIFY(mentionsPart("/libQt6Quick.so"));
    QVERIFY(mentionsPart("/libQt6Gui.so"));
    QVERIFY(mentionsPart("/platforms/libqoffscreen.so")); // a plugin loaded after main()
    QVERIFY(list.mentions(StartupFileRecorder::canonicalPath(
        QDir(data).filePath(QStringLiteral("plenary.sqlite")).toStdString())));

    // Fresh: the next start leaves it as it is.
    struct stat before
    {};
    QCOMPARE(::stat(QFile::encodeName(listPath).constData(), &before), 0);
    QCOMPARE(run(kLauncher, arguments, environment).exitCode, 0);
    struct stat after
    {};
    QCOMPARE(::stat(QFile::encodeName(listPath).constData(), &after), 0);
    QCOMPARE(after.st_ino, before.st_ino);

    // Another data directory is another start: recorded again.
    const QStringList other{QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("other")),
                            QStringLiteral("--quit-after-first-frame")};
    QCOMPARE(run(kLauncher, other, environment).exitCode, 0);
    QCOMPARE(::stat(QFile::encodeName(listPath).constData(), &after), 0);
    QVERIFY(after.st_ino != before.st_ino);
}

void TestPlenaryLauncher::anOpenWindowRecordsInTheBackground()
{
    QTemporaryDir dir;
    const QString listPath = dir.filePath(QStringLiteral("cache/plenary/startup-files"));
    QProcess app;
    app.setProcessEnvironment(environmentWithCache(dir.filePath(QStringLiteral("cache"))));
    app.start(kLauncher, {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))});
    QVERIFY(app.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(listPath), 30000);
    QCOMPARE(app.state(), QProcess::Running); // recorded while the window stays open
    app.terminate();
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished();
    }
    const StartupFileList list = StartupFileList::load(listPath.toStdString());
    QVERIFY(list.mentions(StartupFileRecorder::canonicalPath(QDir(dir.filePath(QStringLiteral("data")))
                                                                 .filePath(QStringLiteral("plenary.sqlite"))
                                                                 .toStdString())));
    QVERIFY(list.totalBytes() > 1 << 20);
}

void TestPlenaryLauncher::saysWhenTheAppIsMissing()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("bin/plenary"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bin")));
    QVERIFY(QFile::copy(kLauncher, copy));
    const Run missing = run(copy, {QStringLiteral("--version")}, environmentWithCache(dir.path()));
    QCOMPARE(missing.exitCode, 127);
    QVERIFY2(missing.err.contains("plenary: cannot start ") && missing.err.contains("plenary-app"),
             missing.err.constData());
}

void TestPlenaryLauncher::helpNeedsNoDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    const Run help = run(kLauncher, {QStringLiteral("--help")}, environment);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("--import <FILE|URL>"), help.out.constData());
    QCOMPARE(run(kLauncher, {QStringLiteral("--version")}, environment).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestPlenaryLauncher)
#include "tst_plenarylauncher.moc"
