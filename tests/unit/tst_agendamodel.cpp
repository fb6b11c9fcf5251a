#include "agendacontroller.h"
#include "agendamodel.h"
#include "agendarepository.h"
#include "clock.h"
#include "conferencecontroller.h"
#include "conferencerepository.h"
#include "database.h"
#include "modelfixture.h"
#include "plenaryfeedwriter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Plenary;

class TestAgendaModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConferenceRepository> m_conferences;
    std::unique_ptr<AgendaRepository> m_repo;
    std::unique_ptr<AgendaController> m_agenda;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<AgendaModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Conference m_conference;
    int m_run = 0;

    QVariant value(int row, AgendaModel::Roles role) const
    {
        return m_model->data(m_model->index(row), role);
    }
    int rowOf(const QString &key) const
    {
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (value(i, AgendaModel::KeyRole).toString() == key)
                return i;
        }
        return -1;
    }
    QString addPersonal(const char *title, QDateTime start, QDateTime end)
    {
        PersonalItem item;
        item.title = QString::fromUtf8(title);
        item.start = start;
        item.end = end;
        item.place = "Lobby";
        const QString id = m_repo->addPersonalItem(m_conference.id, item);
        m_model->reload();
        return id;
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QString("agenda%1.sqlite").arg(++m_run)));
        QVERIFY(m_db->open());
        m_conferences = std::make_unique<ConferenceRepository>(*m_db);
        m_repo = std::make_unique<AgendaRepository>(*m_db);
        m_conference = Fixture::conference();
        QVERIFY(m_conferences->save(m_conference, "fixture"));
        m_clock = std::make_unique<Clock>();
        m_clock->freezeAt(Fixture::nyc(5, 12, 9, 15));
        m_agenda = std::make_unique<AgendaController>();
        m_agenda->setRepository(m_repo.get());
        m_model = std::make_unique<AgendaModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setRepository(m_repo.get());
        m_model->setAgendaController(m_agenda.get());
        m_model->setClock(m_clock.get());
        const auto shared = std::make_shared<const Conference>(m_conference);
        m_model->setConference(shared);
        m_agenda->setConference(shared);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_agenda.reset();
        m_repo.reset();
        m_conferences.reset();
        m_db.reset();
    }

    void listsStarsInStartOrder()
    {
        QCOMPARE(m_model->count(), 0);
        QSignalSpy count(m_model.get(), &AgendaModel::countChanged);
        QCOMPARE(m_agenda->add("korean"), AgendaController::Added);
        QCOMPARE(m_agenda->add("lab"), AgendaController::Added);
        QCOMPARE(m_model->count(), 2);
        QVERIFY(count.count() >= 2);
        QCOMPARE(value(0, AgendaModel::SessionIdRole).toString(), "lab");
        QCOMPARE(value(1, AgendaModel::TitleRole).toString(), m_conference.session("korean")->title);
        QCOMPARE(value(1, AgendaModel::KindRole).toInt(), int(AgendaModel::Favourite));
        QCOMPARE(value(1, AgendaModel::PlaceRole).toString(), "Lab 1 · Floor 3 · Expo");
        QCOMPARE(value(1, AgendaModel::ConflictSeverityRole).toInt(), int(AgendaModel::NoConflict));
        QCOMPARE(value(1, AgendaModel::VanishedRole).toBool(), false);
        QCOMPARE(value(1, AgendaModel::ReminderOnRole).toBool(), true);
    }

    void filtersByDay()
    {
        m_agenda->add("lab");     // 11 May
        m_agenda->add("keynote"); // 12 May
        m_agenda->add("night");   // 12 May
        QSignalSpy day(m_model.get(), &AgendaModel::dayIndexChanged);
        m_model->setDayIndex(0);
        QCOMPARE(m_model->count(), 1);
        QCOMPARE(value(0, AgendaModel::SessionIdRole).toString(), "lab");
        m_model->setDayIndex(1);
        QCOMPARE(m_model->count(), 2);
        QCOMPARE(value(0, AgendaModel::SessionIdRole).toString(), "keynote");
        QCOMPARE(value(1, AgendaModel::SessionIdRole).toString(), "night");
        m_model->setDayIndex(1);
        QCOMPARE(day.count(), 2);
        QCOMPARE(m_model->totalCount(), 3);
        // The clock (12 May 09:15) is in the keynote: it runs, and "now" sits above the next item.
        QCOMPARE(value(0, AgendaModel::RunningRole).toBool(), true);
        QCOMPARE(value(0, AgendaModel::NowBeforeRole).toBool(), false);
        QCOMPARE(value(1, AgendaModel::NowBeforeRole).toBool(), true);
        QVERIFY(m_model->hasNextUp());
        QCOMPARE(m_model->nextUpTitle(), "Opening Keynote");
        QVERIFY(m_model->nextUpRunning());
        m_clock->freezeAt(Fixture::nyc(5, 12, 10, 30));
        QCOMPARE(m_model->nextUpTitle(), "Customer Night");
        QCOMPARE(value(0, AgendaModel::PastRole).toBool(), true);
        QVERIFY(!m_model->nextUpRunning());
    }

    // What the wide layout shows beside the day when nothing is picked: the day's next session, else its
    // first.
    void firstSessionIdOfTheShownDay()
    {
        m_model->setDayIndex(1);
        QCOMPARE(m_model->firstSessionId(), QString()); // nothing in the agenda
        QCOMPARE(m_model->savePersonalItem({}, "Breakfast", "2027-05-12", "08:00", "08:30", "", ""),
                 AgendaModel::Done);
        QCOMPARE(m_model->count(), 1);
        QCOMPARE(m_model->firstSessionId(), QString()); // a personal item is no session
        m_agenda->add("keynote");                       // 12 May 9:00-10:00
        m_agenda->add("night");                         // 12 May 19:00
        m_agenda->add("lab");                           // 11 May
        QCOMPARE(m_model->firstSessionId(), "keynote"); // 09:15: running
        m_clock->freezeAt(Fixture::nyc(5, 12, 10, 30));
        QCOMPARE(m_model->firstSessionId(), "night");
        m_clock->freezeAt(Fixture::nyc(5, 13, 1, 0));
        QCOMPARE(m_model->firstSessionId(), "keynote"); // all over: the day's first
        m_model->setDayIndex(0);
        QCOMPARE(m_model->firstSessionId(), "lab");
    }

    void personalItemsAndConflicts()
    {
        m_agenda->add("keynote"); // 09:00-10:00 on 12 May
        const QString callId =
            addPersonal("Customer call", Fixture::nyc(5, 12, 9, 30), Fixture::nyc(5, 12, 10, 30));
        QVERIFY(!callId.isEmpty());
        QCOMPARE(m_model->count(), 2);
        const int call = rowOf(AgendaItem::personalKey(callId));
        const int keynote = rowOf(AgendaItem::sessionKey("keynote"));
        QVERIFY(call >= 0 && keynote >= 0);
        QCOMPARE(value(call, AgendaModel::KindRole).toInt(), int(AgendaModel::Personal));
        QCOMPARE(value(call, AgendaModel::PlaceRole).toString(), "Lobby");
        QCOMPARE(value(call, AgendaModel::ConflictSeverityRole).toInt(), int(AgendaModel::Overlap));
        QCOMPARE(value(keynote, AgendaModel::ConflictSeverityRole).toInt(), int(AgendaModel::Overlap));
        QCOMPARE(value(keynote, AgendaModel::ConflictTextRole).toString(),
                 "Customer call (in your agenda) overlaps");
        QCOMPARE(value(call, AgendaModel::ConflictTextRole).toString(),
                 "Opening Keynote (in your agenda) overlaps");
        // The favourite gives way to the personal item.
        QCOMPARE(value(keynote, AgendaModel::CanFixConflictRole).toBool(), true);
        QCOMPARE(value(call, AgendaModel::CanFixConflictRole).toBool(), false);
        QCOMPARE(m_model->conflictCount(), 2);
        QCOMPARE(m_model->conflictTextForSession("lunch"), QString());
        QCOMPARE(m_model->conflictTextForSession("keynote"), "Customer call (in your agenda) overlaps");
        QCOMPARE(value(keynote, AgendaModel::FixActionRole).toInt(), int(AgendaModel::UnstarFix));

        QCOMPARE(m_model->fixConflict(AgendaItem::personalKey(callId)), AgendaModel::Done);
        QVERIFY(!m_agenda->contains("keynote"));
        QCOMPARE(m_model->count(), 1);
        QCOMPARE(value(0, AgendaModel::ConflictSeverityRole).toInt(), int(AgendaModel::NoConflict));
        QCOMPARE(m_model->fixConflict(AgendaItem::personalKey(callId)), AgendaModel::NoFix);
        QCOMPARE(m_model->fixConflict("personal:ghost"), AgendaModel::UnknownItem);
    }

    void heldSeatsJoinTheAgenda()
    {
        // A seat in the Korean session (11:00-11:45), not starred, and a call that overlaps it.
        m_model->setDayIndex(1);
        const QString callId =
            addPersonal("Customer call", Fixture::nyc(5, 12, 11, 30), Fixture::nyc(5, 12, 12, 15));
        QCOMPARE(m_model->count(), 1);
        QSignalSpy holdsChanged(m_agenda.get(), &AgendaController::seatHoldsChanged);
        m_agenda->setSeatHolds({{"korean", SeatHold{SeatHold::Status::Confirmed, 0}}});
        QCOMPARE(holdsChanged.count(), 1);
        QCOMPARE(m_model->count(), 2);
        const int korean = rowOf(AgendaItem::sessionKey("korean"));
        const int call = rowOf(AgendaItem::personalKey(callId));
        QVERIFY(korean >= 0 && call >= 0);
        QCOMPARE(value(korean, AgendaModel::KindRole).toInt(), int(AgendaModel::Seat));
        QCOMPARE(value(korean, AgendaModel::SeatStatusRole).toInt(), int(AgendaController::SeatConfirmed));
        QCOMPARE(value(korean, AgendaModel::StarredRole).toBool(), false);
        QCOMPARE(value(call, AgendaModel::ConflictSeverityRole).toInt(), int(AgendaModel::SeatHeld));
        const QString title = m_conference.session("korean")->title;
        QCOMPARE(value(call, AgendaModel::ConflictTextRole).toString(),
                 QString("You hold a seat in %1 at the same time").arg(title));
        QCOMPARE(value(korean, AgendaModel::ConflictTextRole).toString(),
                 "Customer call (in your agenda) overlaps");
        // The seat gives way to the personal item: releasing it is the fix, offered on the seat.
        QCOMPARE(value(korean, AgendaModel::FixActionRole).toInt(), int(AgendaModel::ReleaseSeatFix));
        QCOMPARE(value(korean, AgendaModel::CanFixConflictRole).toBool(), true);
        QCOMPARE(value(call, AgendaModel::FixActionRole).toInt(), int(AgendaModel::NoFixAction));
        // The session page tells a seat apart from a favourite.
        QCOMPARE(m_model->conflictTextForSession("lunch"), "Customer call (in your agenda) overlaps");

        QCOMPARE(m_model->fixConflict(AgendaItem::personalKey(callId)), AgendaModel::NoFix); // no releaser
        QStringList released;
        m_agenda->setSeatReleaser([&released](const QString &id) {
            released.append(id);
            return true;
        });
        QCOMPARE(m_model->fixConflict(AgendaItem::personalKey(callId)), AgendaModel::SeatReleaseSent);
        QCOMPARE(released, QStringList{"korean"});
        QVERIFY(!m_agenda->contains("korean")); // releasing never touches the stars

        // A waitlist place shows with its position, and counts as a wish, not a seat.
        m_agenda->setSeatHolds({{"korean", SeatHold{SeatHold::Status::Waitlisted, 3}}});
        const int waiting = rowOf(AgendaItem::sessionKey("korean"));
        QCOMPARE(value(waiting, AgendaModel::SeatStatusRole).toInt(), int(AgendaController::SeatWaitlisted));
        QCOMPARE(value(waiting, AgendaModel::WaitlistPositionRole).toInt(), 3);
        QCOMPARE(value(waiting, AgendaModel::KindRole).toInt(), int(AgendaModel::Favourite));
        QCOMPARE(value(rowOf(AgendaItem::personalKey(callId)), AgendaModel::ConflictSeverityRole).toInt(),
                 int(AgendaModel::Overlap));
        QCOMPARE(value(rowOf(AgendaItem::personalKey(callId)), AgendaModel::ConflictTextRole).toString(),
                 QString("You are on the waitlist for %1 at the same time").arg(title));
        QCOMPARE(value(waiting, AgendaModel::CanFixConflictRole).toBool(),
                 false); // neither starred nor a seat

        // A pending request counts as a seat; a starred one can also be unstarred.
        QCOMPARE(m_agenda->add("korean"), AgendaController::Added);
        m_agenda->setSeatHolds({{"korean", SeatHold{SeatHold::Status::Pending, 0}}});
        const int pending = rowOf(AgendaItem::sessionKey("korean"));
        QCOMPARE(value(pending, AgendaModel::StarredRole).toBool(), true);
        QCOMPARE(value(pending, AgendaModel::KindRole).toInt(), int(AgendaModel::Seat));
        QCOMPARE(value(rowOf(AgendaItem::personalKey(callId)), AgendaModel::ConflictTextRole).toString(),
                 QString("You asked for a seat in %1 at the same time").arg(title));

        // Gone from the seats and unstarred: gone from the agenda.
        m_agenda->setSeatHolds({});
        QCOMPARE(m_agenda->remove("korean"), AgendaController::Removed);
        QCOMPARE(m_model->count(), 1);
    }

    void timelineLanes()
    {
        m_model->setDayIndex(1);
        m_agenda->add("keynote"); // 09:00-10:00
        m_agenda->add("korean");  // 11:00-11:45
        const QString callId =
            addPersonal("Customer call", Fixture::nyc(5, 12, 9, 30), Fixture::nyc(5, 12, 10, 30));
        const QString pingId = addPersonal("Ping", Fixture::nyc(5, 12, 11, 45), QDateTime());
        const int keynote = rowOf(AgendaItem::sessionKey("keynote"));
        const int call = rowOf(AgendaItem::personalKey(callId));
        const int korean = rowOf(AgendaItem::sessionKey("korean"));
        const int ping = rowOf(AgendaItem::personalKey(pingId));
        QCOMPARE(value(keynote, AgendaModel::StartMinuteRole).toInt(), 9 * 60);
        QCOMPARE(value(keynote, AgendaModel::SpanMinutesRole).toInt(), 60);
        QCOMPARE(value(keynote, AgendaModel::LaneRole).toInt(), 0);
        QCOMPARE(value(keynote, AgendaModel::LaneCountRole).toInt(), 2);
        QCOMPARE(value(call, AgendaModel::LaneRole).toInt(), 1);
        QCOMPARE(value(call, AgendaModel::LaneCountRole).toInt(), 2);
        QCOMPARE(value(korean, AgendaModel::LaneCountRole).toInt(), 1);
        // A point in time is drawn as a short block; back to back with the Korean session, same lane.
        QCOMPARE(value(ping, AgendaModel::SpanMinutesRole).toInt(), int(AgendaModel::kMinSpanMinutes));
        QCOMPARE(value(ping, AgendaModel::LaneRole).toInt(), 0);
        QCOMPARE(value(ping, AgendaModel::LaneCountRole).toInt(), 1);
        QCOMPARE(m_model->timelineStartMinute(), 9 * 60);
        QCOMPARE(m_model->timelineEndMinute(), 12 * 60 + 60); // the ping's block ends at 12:15
        QCOMPARE(m_model->nowMinute(), 9 * 60 + 15);
        m_clock->freezeAt(Fixture::nyc(5, 12, 7, 40));
        QCOMPARE(m_model->nowMinute(), 7 * 60 + 40);
        QCOMPARE(m_model->timelineStartMinute(), 7 * 60); // the timeline reaches back to "now"
        m_model->setDayIndex(0);
        QCOMPARE(m_model->nowMinute(), -1);
    }

    void personalItemEditor()
    {
        m_model->setDayIndex(1);
        QCOMPARE(m_model->shownDate(), "2027-05-12");
        QCOMPARE(m_model->savePersonalItem({}, "  ", "2027-05-12", "18:00", "", "", ""),
                 AgendaModel::EmptyTitle);
        QCOMPARE(m_model->savePersonalItem({}, "Dinner", "2027-05-12", "", "", "", ""), AgendaModel::NoStart);
        QCOMPARE(m_model->savePersonalItem({}, "Dinner", "12/05", "18:00", "", "", ""), AgendaModel::NoStart);
        QCOMPARE(m_model->savePersonalItem({}, "Dinner", "2027-05-12", "18:00", "17:00", "", ""),
                 AgendaModel::EndBeforeStart);
        QCOMPARE(m_model->savePersonalItem({}, "Dinner", "2027-05-12", "18:00", "7pm", "", ""),
                 AgendaModel::EndBeforeStart);
        QVERIFY(!m_model->resultText(AgendaModel::EndBeforeStart).isEmpty());
        QCOMPARE(m_model->count(), 0);
        QCOMPARE(
            m_model->savePersonalItem({}, "Dinner", "2027-05-12", "18:00", "20:30", "Pier 17", "Table for 4"),
            AgendaModel::Done);
        QCOMPARE(m_model->count(), 1);
        QCOMPARE(value(0, AgendaModel::StartRole).toDateTime(), Fixture::nyc(5, 12, 18));
        QCOMPARE(value(0, AgendaModel::EndRole).toDateTime(), Fixture::nyc(5, 12, 20, 30));
        QCOMPARE(value(0, AgendaModel::NotesRole).toString(), "Table for 4");
        const QString id = value(0, AgendaModel::PersonalIdRole).toString();
        const QVariantMap fields = m_model->personalItemFields(id);
        QCOMPARE(fields.value("start").toString(), "18:00");
        QCOMPARE(fields.value("end").toString(), "20:30");
        QCOMPARE(fields.value("date").toString(), "2027-05-12");
        QCOMPARE(m_model->savePersonalItem(id, "Dinner", "2027-05-11", "19:00", "", "Pier 17", ""),
                 AgendaModel::Done);
        QCOMPARE(m_model->count(), 0); // moved to the other day
        m_model->setDayIndex(0);
        QCOMPARE(m_model->count(), 1);
        QCOMPARE(value(0, AgendaModel::TitleRole).toString(), "Dinner");
        QCOMPARE(m_model->removePersonalItem(id), AgendaModel::Done);
        QCOMPARE(m_model->count(), 0);
        QCOMPARE(m_model->removePersonalItem(id), AgendaModel::UnknownItem);
    }

    void exportThenImportElsewhere()
    {
        m_agenda->add("keynote");
        m_agenda->add("lab");
        addPersonal("Flight home", Fixture::nyc(5, 12, 21), {});
        QSignalSpy message(m_model.get(), &AgendaModel::messageChanged);
        const QString path = m_dir.filePath(QString("agenda%1.ics").arg(m_run));
        QCOMPARE(m_model->exportTo(path), AgendaModel::Done);
        QCOMPARE(m_model->message(), "Exported 3 items");
        QCOMPARE(message.count(), 1);
        QCOMPARE(m_model->exportTo(m_dir.filePath("no/such/dir/x.ics")), AgendaModel::FileError);

        // Another machine: a fresh database with the same conference.
        Database other(m_dir.filePath(QString("other%1.sqlite").arg(m_run)));
        QVERIFY(other.open());
        ConferenceRepository otherConferences(other);
        QVERIFY(otherConferences.save(m_conference, "fixture"));
        AgendaRepository otherRepo(other);
        AgendaController otherAgenda;
        otherAgenda.setRepository(&otherRepo);
        AgendaModel model;
        model.setRepository(&otherRepo);
        model.setAgendaController(&otherAgenda);
        const auto shared = std::make_shared<const Conference>(m_conference);
        model.setConference(shared);
        otherAgenda.setConference(shared);
        QCOMPARE(model.importFrom(QUrl::fromLocalFile(path).toString()), AgendaModel::Done);
        QCOMPARE(model.message(), "Imported 3 new items");
        QCOMPARE(model.totalCount(), 3);
        QVERIFY(otherAgenda.contains("keynote"));
        QCOMPARE(model.importFrom(path), AgendaModel::Done);
        QCOMPARE(model.message(), "Imported 0 new items, 3 already there");
        QCOMPARE(model.totalCount(), 3);
        QFile junk(m_dir.filePath("junk.ics"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a calendar");
        junk.close();
        QCOMPARE(model.importFrom(junk.fileName()), AgendaModel::NotAnAgenda);
        QCOMPARE(model.importFrom(m_dir.filePath("missing.ics")), AgendaModel::FileError);
    }

    void reimportStoresNoticesWithTheSave()
    {
        const auto writeVersion = [this](const Conference &c, const QString &name) {
            QFile file(m_dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write(PlenaryFeedWriter::write(c));
            return file.fileName();
        };
        ConferenceController controller;
        controller.setStorage(m_conferences.get(), m_repo.get());
        controller.setDatabase(m_db.get());
        const QString v1 = writeVersion(m_conference, QString("v1-%1.json").arg(m_run));
        QVERIFY(controller.loadFile(v1));
        QCOMPARE(controller.conferenceId(), m_conference.id);
        QCOMPARE(controller.agenda()->add("lunch"), AgendaController::Added);
        QCOMPARE(controller.agendaItems()->noticeCount(), 0);

        Conference newer = m_conference;
        for (Session &s : newer.sessions) {
            if (s.guid == "lunch")
                s.roomId = "lab-1";
        }
        QVERIFY(controller.loadFile(writeVersion(newer, QString("v2-%1.json").arg(m_run))));
        QCOMPARE(m_repo->notices(m_conference.id).size(), 1);
        AgendaModel *model = controller.agendaItems();
        QCOMPARE(model->noticeCount(), 1);
        model->setDayIndex(-1);
        QCOMPARE(model->count(), 1);
        const QString text = model->data(model->index(0), AgendaModel::ChangedTextRole).toString();
        QVERIFY2(text.contains("Main Hall") && text.contains("Lab 1"), qPrintable(text));
        // Loading the same version again brings no new notice.
        QVERIFY(controller.loadFile(writeVersion(newer, QString("v3-%1.json").arg(m_run))));
        QCOMPARE(m_repo->notices(m_conference.id).size(), 1);
    }

    void vanishedFavouriteStaysUntilRemoved()
    {
        m_agenda->add("korean");
        m_agenda->add("lunch");
        Conference newer = m_conference;
        newer.sessions.removeIf([](const Session &s) { return s.guid == "korean"; });
        m_model->setConference(std::make_shared<const Conference>(newer));
        const int row = rowOf(AgendaItem::sessionKey("korean"));
        QVERIFY(row >= 0);
        QCOMPARE(value(row, AgendaModel::VanishedRole).toBool(), true);
        QCOMPARE(value(row, AgendaModel::TitleRole).toString(), m_conference.session("korean")->title);
        QCOMPARE(m_model->removeFavourite("korean"), AgendaModel::Done);
        QCOMPARE(m_model->count(), 1);
        QCOMPARE(value(0, AgendaModel::SessionIdRole).toString(), "lunch");
        QCOMPARE(m_model->removeFavourite("korean"), AgendaModel::UnknownItem);
    }

    void reminderSwitchIsStored()
    {
        m_agenda->add("lunch");
        const QString key = AgendaItem::sessionKey("lunch");
        QCOMPARE(m_model->setReminderOn(key, false), AgendaModel::Done);
        QCOMPARE(value(0, AgendaModel::ReminderOnRole).toBool(), false);
        QCOMPARE(m_repo->reminderOverrides(m_conference.id).value(key, true), false);
        QCOMPARE(m_model->setReminderOn(key, true), AgendaModel::Done);
        QCOMPARE(value(0, AgendaModel::ReminderOnRole).toBool(), true);
        QCOMPARE(m_model->setReminderOn("session:ghost", true), AgendaModel::UnknownItem);
    }

    void scheduleChangeShowsBeforeAndAfter()
    {
        m_agenda->add("lunch");
        Conference newer = m_conference;
        for (Session &s : newer.sessions) {
            if (s.guid == "lunch") {
                s.start = Fixture::nyc(5, 12, 12, 30);
                s.end = Fixture::nyc(5, 12, 13, 30);
            }
        }
        const QList<AgendaChange> changes =
            ScheduleDiff::compare(m_conference, newer, m_repo->sessionIds(m_conference.id));
        QCOMPARE(changes.size(), 1);
        QVERIFY(m_repo->applyScheduleChanges(newer, changes));
        m_model->setConference(std::make_shared<const Conference>(newer));
        QCOMPARE(value(0, AgendaModel::ChangedRole).toBool(), true);
        const QString text = value(0, AgendaModel::ChangedTextRole).toString();
        QVERIFY2(text.contains("12:00") && text.contains("12:30") && text.contains("→"), qPrintable(text));
        QCOMPARE(m_model->noticeCount(), 1);
        m_model->dismissNotices();
        QCOMPARE(m_model->noticeCount(), 0);
        QCOMPARE(value(0, AgendaModel::ChangedRole).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestAgendaModel)
#include "tst_agendamodel.moc"
