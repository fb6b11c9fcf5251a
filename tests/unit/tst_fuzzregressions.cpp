// Replays every input the fuzz targets (tests/fuzz) once crashed on through the same entry functions, in the
// normal build. Files live in tests/data/fuzz-regressions/<target>/<name>.<accepted|refused>: the suffix is
// what the code under test must now do with the input (take it, or refuse it with a clean error).
#include "fuzzentries.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
    void unknownTargetHasNoEntry();
};

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    const QDir root(QStringLiteral(PLENARY_TEST_DATA_DIR "/fuzz-regressions"));
    const QStringList targets = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    int rows = 0;
    for (const QString &target : targets) {
        const QDir dir(root.filePath(target));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &file : files) {
            QTest::addRow("%s/%s", qPrintable(target), qPrintable(file)) << target << dir.filePath(file);
            ++rows;
        }
    }
    if (rows == 0)
        QTest::addRow("none") << QString() << QString();
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    if (path.isEmpty())
        QSKIP("no fuzz regression inputs yet");
    const PlenaryFuzz::Entry entry = PlenaryFuzz::entryFor(target.toLatin1());
    QVERIFY2(entry, qPrintable(QStringLiteral("no fuzz target named %1").arg(target)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray input = file.readAll();
    const QString expected = QFileInfo(path).suffix();
    QVERIFY2(expected == QLatin1String("accepted") || expected == QLatin1String("refused"),
             "a regression input is named <name>.accepted or <name>.refused");
    const PlenaryFuzz::Outcome outcome = entry(input);
    QCOMPARE(outcome == PlenaryFuzz::Outcome::Accepted ? QStringLiteral("accepted")
                                                       : QStringLiteral("refused"),
             expected);
}

void TestFuzzRegressions::unknownTargetHasNoEntry()
{
    QVERIFY(!PlenaryFuzz::entryFor("nosuchtarget"));
    QVERIFY(PlenaryFuzz::entryFor("serverrequest"));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
