#include "agendacontroller.h"
#include "agendarepository.h"
#include "clock.h"
#include "conferencecontroller.h"
#include "conferencelistmodel.h"
#include "conferencerepository.h"
#include "database.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "timezonecontroller.h"
#include "venuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

namespace {
const QString kSample = QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/conference.json");
const QString kFosdem = QStringLiteral(PLENARY_TEST_DATA_DIR "/real/fosdem-2025-schedule.xml");

/** A controller on its own database in a temporary folder. */
struct Stack
{
    explicit Stack(const QString &dir)
        : database(dir + "/plenary.sqlite")
        , conferences(database)
        , agenda(database)
    {
        QVERIFY(database.open());
        controller.setStorage(&conferences, &agenda);
        controller.setBundledSamplePath(kSample);
    }
    Database database;
    ConferenceRepository conferences;
    AgendaRepository agenda;
    ConferenceController controller;
};
} // namespace

class TestConferenceController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsTheSampleIntoEveryModel()
    {
        ConferenceController controller;
        QSignalSpy changed(&controller, &ConferenceController::conferenceChanged);
        QVERIFY(!controller.isLoaded());
        QVERIFY(controller.loadFile(kSample));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(controller.title(), "Beacon Summit New York 2027");
        QCOMPARE(controller.timeZoneId(), "America/New_York");
        QCOMPARE(controller.timeZone()->venueZoneId(), "America/New_York");
        QCOMPARE(controller.days().size(), 2);
        QCOMPARE(controller.sessions()->rowCount(), controller.sessionCount());
        QVERIFY(controller.sessionCount() > 100);
        QCOMPARE(controller.speakers()->rowCount(), int(controller.conference()->speakers.size()));
        QCOMPARE(controller.venue()->rowCount(), int(controller.conference()->venue.rooms.size()));
        QCOMPARE(controller.floors().size(), 4);
        QCOMPARE(controller.floors().first().toMap().value("name").toString(), "Floor 3 · Expo Hall");
        QVERIFY(controller.tracks().size() >= 8);
        QCOMPARE(controller.levels().first().toMap().value("id").toString(), "beginner");
        QStringList typeNames;
        for (const QVariant &type : controller.types())
            typeNames.append(type.toMap().value("name").toString());
        QVERIFY(typeNames.contains("Keynote"));
        QVERIFY(typeNames.contains("Hands-on lab"));
    }

    void todayFollowsTheClock()
    {
        ConferenceController controller;
        QVERIFY(controller.loadFile(kSample));
        QSignalSpy today(&controller, &ConferenceController::todayIndexChanged);
        controller.clock()->freezeAt(
            QDateTime(QDate(2027, 5, 12), QTime(10, 15), QTimeZone("America/New_York")));
        QCOMPARE(controller.todayIndex(), 1);
        // After midnight the main day is still "today" (days run until 02:00).
        controller.clock()->freezeAt(
            QDateTime(QDate(2027, 5, 13), QTime(0, 20), QTimeZone("America/New_York")));
        QCOMPARE(controller.todayIndex(), 1);
        controller.clock()->freezeAt(
            QDateTime(QDate(2027, 6, 1), QTime(9, 0), QTimeZone("America/New_York")));
        QCOMPARE(controller.todayIndex(), -1);
        QCOMPARE(today.count(), 2);
    }

    void startsWithTheSampleThenWithTheLastOpened()
    {
        QTemporaryDir dir;
        {
            Stack stack(dir.path());
            QVERIFY(stack.controller.start());
            QCOMPARE(stack.controller.conferenceId(), stack.controller.conference()->id);
            QCOMPARE(stack.controller.conferences()->rowCount(), 1);
            QCOMPARE(stack.controller.agenda()->add(stack.controller.conference()->sessions.at(3).id),
                     AgendaController::Added);

            QSignalSpy finished(&stack.controller, &ConferenceController::importFinished);
            QCOMPARE(stack.controller.importConference(kFosdem), ConferenceController::Started);
            QVERIFY(stack.controller.isBusy());
            QVERIFY(finished.wait(20000));
            QCOMPARE(finished.first().at(0).toBool(), true);
            QVERIFY(!stack.controller.isBusy());
            QVERIFY2(stack.controller.errorText().isEmpty(), qPrintable(stack.controller.errorText()));
            QVERIFY(stack.controller.title().contains("FOSDEM"));
            QCOMPARE(stack.controller.conferences()->rowCount(), 2);
            QCOMPARE(stack.controller.agenda()->count(), 0);
        }
        Stack again(dir.path());
        QVERIFY(again.controller.start());
        QVERIFY(again.controller.title().contains("FOSDEM"));
        ConferenceListModel *list = again.controller.conferences();
        QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(list->rowCount(), 2);
        QCOMPARE(list->index(0).data(ConferenceListModel::IsCurrentRole).toBool(), true);
        const QString sampleId = list->index(1).data(ConferenceListModel::IdRole).toString();
        QVERIFY(again.controller.openConference(sampleId));
        QCOMPARE(again.controller.title(), "Beacon Summit New York 2027");
        QCOMPARE(again.controller.agenda()->count(), 1);
        QVERIFY(!again.controller.removeConference(sampleId));
        QVERIFY(
            again.controller.removeConference(list->index(1).data(ConferenceListModel::IdRole).toString()));
        QCOMPARE(list->rowCount(), 1);
    }

    void importErrorsAreExplained()
    {
        ConferenceController controller;
        QCOMPARE(controller.importConference("   "), ConferenceController::EmptyInput);
        QVERIFY(!controller.errorText().isEmpty());
        QCOMPARE(controller.importConference("ftp://example.org/schedule.xml"),
                 ConferenceController::UnsupportedAddress);
        QVERIFY(controller.errorText().contains("ftp://example.org/schedule.xml"));

        QSignalSpy finished(&controller, &ConferenceController::importFinished);
        QCOMPARE(controller.importConference("/no/such/schedule.xml"), ConferenceController::Started);
        QCOMPARE(controller.importConference("/other.xml"), ConferenceController::AlreadyRunning);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(controller.errorText().contains("no such file"), qPrintable(controller.errorText()));
        QVERIFY(!controller.isLoaded());

        QTemporaryDir dir;
        QFile garbage(dir.filePath("garbage.json"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("{\"hello\": \"world\"}");
        garbage.close();
        finished.clear();
        QCOMPARE(controller.importConference(garbage.fileName()), ConferenceController::Started);
        QVERIFY(finished.wait(5000));
        QVERIFY2(controller.errorText().contains("garbage.json"), qPrintable(controller.errorText()));
        controller.clearMessages();
        QVERIFY(controller.errorText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConferenceController)
#include "tst_conferencecontroller.moc"
