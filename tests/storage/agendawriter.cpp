// Helper process for tst_agendadurability: writes to the agenda database and exits, or writes in a loop
// until it is killed, printing "ACK <n>" after each committed transaction.
//
//   agenda-writer write <db>                 the fixed agenda the restart test checks, then "DONE"
//   agenda-writer fire <db> <key> <start-ms> marks a reminder fired: "FIRED" the first time, else "ALREADY"
//   agenda-writer loop <db> <first-n>        n even: star session "s<n>"; n odd: personal item "p<n>" and its
//                                            reminder switch in one transaction; forever

#include "agendafixture.h"
#include "agendarepository.h"
#include "conferencerepository.h"
#include "database.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

using namespace Plenary;

namespace {

void say(const QByteArray &line)
{
    const QByteArray text = line + '\n';
    // Straight to the pipe, unbuffered: once written, a SIGKILL cannot take it back.
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.constData() + done, size_t(text.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

int writeFixture(Database &db)
{
    using namespace AgendaFixture;
    ConferenceRepository conferences(db);
    AgendaRepository agenda(db);
    const Conference v1 = conference(1);
    if (!conferences.save(v1, QStringLiteral("fosdem.xml")))
        return 3;
    bool ok = agenda.add(v1, *v1.session(QStringLiteral("a"))) &&
              agenda.add(v1, *v1.session(QStringLiteral("w#2")));
    const PersonalItem flight{QStringLiteral("flight"),
                              QStringLiteral("Flight BRU → ICN"),
                              QDateTime(QDate(2026, 2, 9), QTime(9, 40), QTimeZone("Asia/Seoul")),
                              QDateTime(QDate(2026, 2, 10), QTime(8, 0), QTimeZone("Asia/Seoul")),
                              QStringLiteral("BRU"),
                              QStringLiteral("Seat 42K")};
    ok = ok && agenda.addPersonalItem(v1.id, flight) == flight.id;
    ok = ok && agenda.setReminderSettings({true, 15});
    ok = ok && agenda.setReminderEnabled(v1.id, AgendaItem::sessionKey(QStringLiteral("w#2")), false);
    ok = ok && agenda.markReminderFired(v1.id, AgendaItem::sessionKey(QStringLiteral("a")),
                                        v1.session(QStringLiteral("a"))->start);
    const Conference v2 = conference(2);
    const QList<AgendaChange> changes = ScheduleDiff::compare(v1, v2, agenda.sessionIds(v1.id));
    ok = ok && db.transaction([&] {
        return conferences.save(v2, QStringLiteral("fosdem.xml")) && agenda.applyScheduleChanges(v2, changes);
    });
    if (!ok)
        return 4;
    say("DONE");
    return 0;
}

int fire(Database &db, const QString &key, qint64 startMs)
{
    AgendaRepository agenda(db);
    const bool fired = agenda.markReminderFired(QStringLiteral("fosdem"), key,
                                                QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC));
    say(fired ? "FIRED" : "ALREADY");
    return 0;
}

int loop(Database &db, qint64 first)
{
    AgendaRepository agenda(db);
    const QString conferenceId = QStringLiteral("fosdem");
    const QDateTime base = AgendaFixture::feb(7, 9);
    for (qint64 n = first;; ++n) {
        const QDateTime start = base.addSecs(60 * (n % 600));
        bool ok = false;
        if (n % 2 == 0) {
            Session session =
                AgendaFixture::session(QStringLiteral("s%1").arg(n), start, 30, QStringLiteral("k1"));
            session.id = session.guid;
            ok = agenda.add(conferenceId, session);
        } else {
            const QString id = QStringLiteral("p%1").arg(n);
            ok = db.transaction([&] {
                return agenda.addPersonalItem(conferenceId,
                                              PersonalItem{id, QStringLiteral("Item %1").arg(n), start,
                                                           start.addSecs(1800), QStringLiteral("Here"),
                                                           QString(200, QLatin1Char('n'))}) == id &&
                       agenda.setReminderEnabled(conferenceId, AgendaItem::personalKey(id), false);
            });
        }
        if (!ok) {
            std::fprintf(stderr, "write %lld failed\n", static_cast<long long>(n));
            return 5;
        }
        say("ACK " + QByteArray::number(n));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: agenda-writer write|fire|loop <db> ...\n");
        return 2;
    }
    Database db(args.at(2));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 3;
    }
    if (args.at(1) == u"write")
        return writeFixture(db);
    if (args.at(1) == u"fire" && args.size() == 5)
        return fire(db, args.at(3), args.at(4).toLongLong());
    if (args.at(1) == u"loop" && args.size() == 4)
        return loop(db, args.at(3).toLongLong());
    return 2;
}
