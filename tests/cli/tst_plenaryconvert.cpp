// End-to-end tests of the plenary-convert executable, run as a child process.
#include "plenaryfeedparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

class TestPlenaryConvert : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summaryOfRealFiles_data();
    void summaryOfRealFiles();
    void writesFeedThatReadsBack();
    void badInputLeavesOutputUntouched();
    void errors_data();
    void errors();
    void readsFileUrl();
    void readsRelativePath();
    void readsHttpUrl();
    void httpErrorIsNamed();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &args, const QString &workingDirectory = {});
    static QString real(const char *file)
    {
        return QStringLiteral(PLENARY_TEST_DATA_DIR "/real/") + QLatin1String(file);
    }
};

TestPlenaryConvert::Run TestPlenaryConvert::run(const QStringList &args, const QString &workingDirectory)
{
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(QStringLiteral(PLENARY_BINARY_DIR "/bin/plenary-convert"), args);
    // Keep serving our own event loop (the HTTP test serves the child from this process).
    if (!p.waitForStarted(10000))
        return {};
    QElapsedTimer timer;
    timer.start();
    while (p.state() != QProcess::NotRunning && timer.elapsed() < 60000)
        QTest::qWait(5);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
}

void TestPlenaryConvert::summaryOfRealFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("sessions");
    QTest::newRow("fosdem 2025") << real("fosdem-2025-schedule.xml") << "pentabarf-xml" << 943;
    QTest::newRow("fosdem 2021") << real("fosdem-2021-schedule.xml") << "pentabarf-xml" << 773;
    QTest::newRow("camp2019") << real("camp2019-frab-schedule.json") << "frab-json" << 79;
    QTest::newRow("38c3") << real("38c3-hub-schedule2-excerpt.json") << "schedule-v2-json" << 2;
    QTest::newRow("lca 2020") << real("linux_conf_au_2020.ics") << "icalendar" << 262;
    QTest::newRow("kielux 2020") << real("kielux_2020.ics") << "icalendar" << 24;
    QTest::newRow("sample") << QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/conference.json") << "plenary"
                            << -1;
}

void TestPlenaryConvert::summaryOfRealFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, sessions);
    const Run r = run({file, "--summary"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary["format"].toString(), format);
    if (sessions >= 0)
        QCOMPARE(summary["sessions"].toInt(), sessions);
    else
        QVERIFY(summary["sessions"].toInt() >= 150);
    QVERIFY(!summary["title"].toString().isEmpty());
    QVERIFY(!summary["timeZone"].toString().isEmpty());
}

void TestPlenaryConvert::writesFeedThatReadsBack()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("fosdem.json");
    const Run r = run({real("fosdem-2025-schedule.xml"), "-o", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ImportResult back = PlenaryFeedParser::parse(file.readAll());
    QVERIFY2(back.ok(), qPrintable(back.error.toString()));
    QCOMPARE(back.conference->sessions.size(), 943);
    // A feed converts to itself.
    const Run again = run({out, "--summary"});
    QCOMPARE(QJsonDocument::fromJson(again.out).object()["sessions"].toInt(), 943);
}

void TestPlenaryConvert::badInputLeavesOutputUntouched()
{
    QTemporaryDir dir;
    QFile source(real("fosdem-2025-schedule.xml"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile truncated(dir.filePath("truncated.xml"));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(source.read(300 * 1024));
    truncated.close();

    const QString out = dir.filePath("out.json");
    QFile previous(out);
    QVERIFY(previous.open(QIODevice::WriteOnly));
    previous.write("previous contents");
    previous.close();

    const Run r = run({truncated.fileName(), "-o", out});
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(truncated.fileName() + QLatin1Char(':')), qPrintable(err));
    QVERIFY2(QRegularExpression(QStringLiteral("truncated\\.xml:\\d+:\\d+: ")).match(err).hasMatch(),
             qPrintable(err));
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), QByteArray("previous contents"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporary files left behind
}

void TestPlenaryConvert::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no input") << QStringList() << 2 << "expected exactly one INPUT";
    QTest::newRow("two inputs") << QStringList{"a", "b"} << 2 << "expected exactly one INPUT";
    QTest::newRow("missing file") << QStringList{"/nonexistent/schedule.xml"} << 1
                                  << "/nonexistent/schedule.xml: no such file";
    QTest::newRow("bad zone") << QStringList{real("kielux_2020.ics"), "--time-zone", "Mars/Olympus"} << 2
                              << "unknown time zone";
    QTest::newRow("ftp") << QStringList{"ftp://example.org/x.xml"} << 2 << "unsupported URL scheme \"ftp\"";
    QTest::newRow("unwritable output")
        << QStringList{real("kielux_2020.ics"), "-o", "/nonexistent/dir/out.json"} << 3 << "cannot write";
}

void TestPlenaryConvert::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestPlenaryConvert::readsFileUrl()
{
    const Run r = run({QUrl::fromLocalFile(real("camp2019-frab-schedule.json")).toString(), "--summary"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object()["sessions"].toInt(), 79);
}

void TestPlenaryConvert::readsRelativePath()
{
    const Run r = run({"real/kielux_2020.ics", "--summary"}, QStringLiteral(PLENARY_TEST_DATA_DIR));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object()["sessions"].toInt(), 24);
}

void TestPlenaryConvert::readsHttpUrl()
{
    QFile ics(real("linux_conf_au_2020.ics"));
    QVERIFY(ics.open(QIODevice::ReadOnly));
    const QByteArray body = ics.readAll();
    QHttpServer server;
    server.route("/lca.ics", [body] { return QHttpServerResponse("text/calendar", body); });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const Run r = run({QStringLiteral("http://127.0.0.1:%1/lca.ics").arg(port), "--summary"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object()["sessions"].toInt(), 262);
}

void TestPlenaryConvert::httpErrorIsNamed()
{
    QHttpServer server;
    server.route("/gone.xml", [] { return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound); });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1/gone.xml").arg(port);
    const Run r = run({url});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(url) && r.err.contains("404"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestPlenaryConvert)
#include "tst_plenaryconvert.moc"
