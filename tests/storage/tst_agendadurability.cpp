#include "agendafixture.h"
#include "agendarepository.h"
#include "conferencerepository.h"
#include "database.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Plenary;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runWriter(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(AGENDA_WRITER), arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList integrityCheck(const Database &db)
{
    QStringList rows;
    QSqlQuery query(db.connection());
    if (!query.exec("PRAGMA integrity_check"))
        return {"query failed"};
    while (query.next())
        rows.append(query.value(0).toString());
    return rows;
}

QSet<qint64> numbersIn(const Database &db, const QString &sql)
{
    QSet<qint64> numbers;
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return numbers;
    while (query.next())
        numbers.insert(query.value(0).toString().mid(1).toLongLong());
    return numbers;
}

} // namespace

class TestAgendaDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void survivesProcessRestart();
    void survivesSigkill();
};

void TestAgendaDurability::survivesProcessRestart()
{
    using namespace AgendaFixture;
    QTemporaryDir dir;
    const QString path = dir.filePath("plenary.sqlite");
    const Run written = runWriter({"write", path});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    QCOMPARE(written.out, "DONE\n");

    // A different process (this one) opens what the writer left behind.
    Database db(path);
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.recoveryMessage().isEmpty());
    QCOMPARE(integrityCheck(db), QStringList{"ok"});
    AgendaRepository agenda(db);
    const Conference v2 = conference(2);

    const QList<AgendaItem> items = agenda.agenda(v2);
    QStringList keys;
    for (const AgendaItem &item : items)
        keys.append(item.key());
    QCOMPARE(keys, (QStringList{"session:a", "session:w#2", "personal:flight"}));
    QCOMPARE(items.at(0).start, feb(7, 15));
    const std::optional<PersonalItem> flight = agenda.personalItem("fosdem", "flight");
    QVERIFY(flight.has_value());
    QCOMPARE(flight->title, "Flight BRU → ICN");
    QCOMPARE(flight->start.timeZone(), QTimeZone("Asia/Seoul"));
    QCOMPARE(flight->start.time(), QTime(9, 40));
    QCOMPARE(flight->notes, "Seat 42K");
    QCOMPARE(agenda.reminderSettings(), (ReminderSettings{true, 15}));
    QCOMPARE(agenda.reminderOverrides("fosdem"), (QHash<QString, bool>{{"session:w#2", false}}));
    const QList<AgendaNotice> notices = agenda.notices("fosdem");
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.first().agendaSessionId, "a");
    QCOMPARE(notices.first().change.changes, AgendaChange::Changes(AgendaChange::Moved));
    QCOMPARE(notices.first().change.before.start, feb(7, 10));
    QCOMPARE(notices.first().change.after.start, feb(7, 15));

    // Reminders never fire twice across processes; the move re-armed "a" for its new start.
    const QList<Reminder> plans =
        ReminderPlanner::planAll(items, agenda.reminderSettings(), agenda.reminderOverrides("fosdem"),
                                 agenda.reminderRecords("fosdem"), feb(7, 14, 50));
    QCOMPARE(plans.at(0).status, ReminderStatus::Due);
    QCOMPARE(plans.at(0).dueAt, feb(7, 14, 45));
    QCOMPARE(plans.at(1).status, ReminderStatus::Disabled);
    db.close();

    const QString oldStart = QString::number(feb(7, 10).toMSecsSinceEpoch());
    const QString newStart = QString::number(feb(7, 15).toMSecsSinceEpoch());
    QCOMPARE(runWriter({"fire", path, "session:a", oldStart}).out, "ALREADY\n");
    QCOMPARE(runWriter({"fire", path, "session:a", newStart}).out, "FIRED\n");
    QCOMPARE(runWriter({"fire", path, "session:a", newStart}).out, "ALREADY\n");
}

void TestAgendaDurability::survivesSigkill()
{
    constexpr int kKills = 200;
    QTemporaryDir dir;
    const QString path = dir.filePath("plenary.sqlite");
    {
        Database db(path);
        QVERIFY(db.open());
        ConferenceRepository conferences(db);
        QVERIFY(conferences.save(AgendaFixture::conference(1), "fosdem.xml"));
    }

    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed %u", seed);
    QRandomGenerator random(seed);
    QElapsedTimer clock;
    clock.start();
    QSet<qint64> acked;
    qint64 next = 0;
    int killedMidRun = 0;
    int unackedCommits = 0;
    for (int kill = 0; kill < kKills; ++kill) {
        QProcess writer;
        writer.start(QStringLiteral(AGENDA_WRITER), {"loop", path, QString::number(next)});
        QVERIFY(writer.waitForStarted());
        // A quarter of the runs die at a random moment of startup (opening, checking, the first writes); the
        // rest at a random moment once writing is under way.
        QByteArray out;
        const bool early = random.bounded(4) == 0;
        if (!early) {
            while (!out.contains("ACK ") && writer.waitForReadyRead(10000))
                out += writer.readAllStandardOutput();
        }
        QThread::msleep(random.bounded(early ? 80 : 40));
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        out += writer.readAllStandardOutput();

        QSet<qint64> ackedNow;
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("ACK "))
                ackedNow.insert(line.mid(4).toLongLong());
        }
        const QByteArray errors = writer.readAllStandardError();
        QVERIFY2(!errors.contains("failed"), errors.constData());
        if (!ackedNow.isEmpty())
            ++killedMidRun;

        // What a restarted app sees: the file opens without being moved aside and passes a full check.
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QVERIFY2(db.recoveryMessage().isEmpty(), qPrintable(db.recoveryMessage()));
        QCOMPARE(integrityCheck(db), QStringList{"ok"});
        const QSet<qint64> favourites =
            numbersIn(db, "SELECT session_id FROM favourites WHERE session_id LIKE 's%'");
        const QSet<qint64> personal = numbersIn(db, "SELECT id FROM personal_items");
        const QSet<qint64> switches =
            numbersIn(db, "SELECT substr(item_key, length('personal:') + 1) FROM reminder_overrides");
        // A transaction is all or nothing: every personal item has its reminder switch, and nothing else.
        QCOMPARE(switches, personal);
        for (const qint64 n : std::as_const(ackedNow)) {
            QVERIFY2(n % 2 == 0 ? favourites.contains(n) : personal.contains(n),
                     qPrintable(QString("ACKed change %1 is missing after kill %2").arg(n).arg(kill)));
        }
        acked.unite(ackedNow);
        const qint64 highestStored =
            std::max(favourites.isEmpty() ? -1 : *std::max_element(favourites.cbegin(), favourites.cend()),
                     personal.isEmpty() ? -1 : *std::max_element(personal.cbegin(), personal.cend()));
        const qint64 highestAcked =
            ackedNow.isEmpty() ? -1 : *std::max_element(ackedNow.cbegin(), ackedNow.cend());
        if (highestStored > highestAcked && highestStored >= next)
            ++unackedCommits; // committed, but killed before it could say so: allowed
        next = std::max(next, highestStored + 1);
    }

    // All of it, once more, at the end.
    Database db(path);
    QVERIFY(db.open());
    QCOMPARE(integrityCheck(db), QStringList{"ok"});
    const QSet<qint64> stored = numbersIn(db, "SELECT session_id FROM favourites WHERE session_id LIKE 's%'")
                                    .unite(numbersIn(db, "SELECT id FROM personal_items"));
    QVERIFY(stored.contains(acked));
    db.close();
    if (QFileInfo::exists("/usr/bin/sqlite3")) {
        QProcess sqlite;
        sqlite.start("/usr/bin/sqlite3", {path, "PRAGMA integrity_check;"});
        QVERIFY(sqlite.waitForFinished(30000));
        QCOMPARE(sqlite.readAllStandardOutput().trimmed(), "ok");
    }
    qInfo(
        "%d kills in %.1f s: %lld ACKed changes (%d runs killed after their first ACK), %d unACKed commits, "
        "%lld rows",
        kKills, clock.elapsed() / 1000.0, static_cast<long long>(acked.size()), killedMidRun, unackedCommits,
        static_cast<long long>(stored.size()));
    QVERIFY2(killedMidRun >= kKills / 2, "most runs must be killed while writing, or the test proves little");
}

QTEST_GUILESS_MAIN(TestAgendaDurability)
#include "tst_agendadurability.moc"
