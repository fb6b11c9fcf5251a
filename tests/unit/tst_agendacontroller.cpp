#include "agendacontroller.h"
#include "agendarepository.h"
#include "conferencerepository.h"
#include "database.h"
#include "modelfixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

class TestAgendaController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inMemoryWithoutRepository()
    {
        AgendaController agenda;
        QCOMPARE(agenda.add("keynote"), AgendaController::UnknownSession);
        agenda.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QSignalSpy changed(&agenda, &AgendaController::sessionChanged);
        QSignalSpy count(&agenda, &AgendaController::countChanged);
        QCOMPARE(agenda.add("keynote"), AgendaController::Added);
        QCOMPARE(agenda.add("keynote"), AgendaController::Added);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), "keynote");
        QVERIFY(agenda.contains("keynote"));
        QCOMPARE(agenda.count(), 1);
        QCOMPARE(agenda.toggle("lab"), AgendaController::Added);
        QCOMPARE(agenda.toggle("lab"), AgendaController::Removed);
        QCOMPARE(agenda.remove("lab"), AgendaController::Removed);
        QCOMPARE(agenda.remove("ghost"), AgendaController::UnknownSession);
        QCOMPARE(agenda.sessionIds(), QSet<QString>{"keynote"});
        QCOMPARE(count.count(), 3);
    }

    void seatHolds()
    {
        AgendaController agenda;
        QSignalSpy changed(&agenda, &AgendaController::seatHoldsChanged);
        agenda.setSeatHoldsMap(
            {{"lab", QVariantMap{{"status", int(AgendaController::SeatWaitlisted)}, {"position", 2}}},
             {"keynote", QVariantMap{{"status", int(AgendaController::NoSeatHeld)}}},
             {"night", QVariantMap{{"status", 99}}}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(agenda.seatHolds().size(), 1);
        QCOMPARE(agenda.seatHolds().value("lab"), (SeatHold{SeatHold::Status::Waitlisted, 2}));
        QCOMPARE(agenda.seatHoldsMap().value("lab").toMap().value("position").toInt(), 2);
        agenda.setSeatHolds(agenda.seatHolds()); // unchanged: no signal
        QCOMPARE(changed.count(), 1);

        // Only a confirmed seat can be released, and only through the releaser.
        QCOMPARE(agenda.releaseSeat("lab"), AgendaController::NoSeat);
        agenda.setSeatHolds({{"lab", SeatHold{SeatHold::Status::Confirmed, 0}}});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(agenda.releaseSeat("lab"), AgendaController::NoSeat);
        QStringList released;
        bool accept = false;
        agenda.setSeatReleaser([&](const QString &id) {
            released.append(id);
            return accept;
        });
        QCOMPARE(agenda.releaseSeat("lab"), AgendaController::NoSeat); // refused (e.g. not signed in)
        accept = true;
        QCOMPARE(agenda.releaseSeat("lab"), AgendaController::SeatReleased);
        QCOMPARE(agenda.releaseSeat("keynote"), AgendaController::NoSeat);
        QCOMPARE(released, (QStringList{"lab", "lab"}));
    }

    void keptPerConferenceInTheRepository()
    {
        QTemporaryDir dir;
        Database database(dir.filePath("plenary.sqlite"));
        QVERIFY(database.open());
        ConferenceRepository conferences(database);
        AgendaRepository favourites(database);
        const Conference conference = Fixture::conference();
        QVERIFY(conferences.save(conference, "fixture"));
        {
            AgendaController agenda;
            agenda.setRepository(&favourites);
            agenda.setConference(std::make_shared<const Conference>(conference));
            QCOMPARE(agenda.add("korean"), AgendaController::Added);
            QCOMPARE(agenda.add("night"), AgendaController::Added);
            QCOMPARE(agenda.remove("night"), AgendaController::Removed);
        }
        AgendaController agenda;
        agenda.setRepository(&favourites);
        QSignalSpy reset(&agenda, &AgendaController::agendaReset);
        agenda.setConference(std::make_shared<const Conference>(conference));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(agenda.sessionIds(), QSet<QString>{"korean"});

        // A favourite whose session vanished from a newer schedule stays, and can still be removed.
        Conference newer = conference;
        newer.sessions.removeIf([](const Session &s) { return s.id == u"korean"; });
        newer.normalize();
        agenda.setConference(std::make_shared<const Conference>(newer));
        QVERIFY(agenda.contains("korean"));
        QCOMPARE(agenda.remove("korean"), AgendaController::Removed);
        QCOMPARE(agenda.count(), 0);
    }

    void refusedWritesAreReported()
    {
        QTemporaryDir dir;
        Database database(dir.filePath("plenary.sqlite"));
        QVERIFY(database.open());
        AgendaRepository favourites(database);
        AgendaController agenda;
        agenda.setRepository(&favourites);
        // The conference was never saved, so the repository refuses its favourites.
        agenda.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QCOMPARE(agenda.add("lab"), AgendaController::NotStored);
        QVERIFY(agenda.contains("lab"));
    }
};

QTEST_GUILESS_MAIN(TestAgendaController)
#include "tst_agendacontroller.moc"
