#include "agendacontroller.h"
#include "fakekoreantranslator.h"
#include "modelfixture.h"
#include "sessionlistmodel.h"
#include "timezonecontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Plenary;

class TestSessionListModel : public QObject
{
    Q_OBJECT

private:
    QVariant value(const SessionListModel &model, int row, SessionListModel::Roles role)
    {
        return model.data(model.index(row), role);
    }

private Q_SLOTS:
    void floorTextDropsTheRoomsOwnName_data()
    {
        QTest::addColumn<QString>("floor");
        QTest::addColumn<QString>("room");
        QTest::addColumn<QString>("expected");
        QTest::newRow("floor names the room") << "Floor 3 · Expo Hall"
                                              << "Expo Hall"
                                              << "Floor 3";
        QTest::newRow("other room on that floor") << "Floor 3 · Expo Hall"
                                                  << "Expo Theater A"
                                                  << "Floor 3 · Expo Hall";
        QTest::newRow("plain floor") << "Floor 5"
                                     << "Lab 511"
                                     << "Floor 5";
        QTest::newRow("case differs") << "Level 0 · foyer"
                                      << "Foyer"
                                      << "Level 0";
        QTest::newRow("floor is the room") << "Expo Hall"
                                           << "Expo Hall"
                                           << "";
    }

    void floorTextDropsTheRoomsOwnName()
    {
        QFETCH(QString, floor);
        QFETCH(QString, room);
        QFETCH(QString, expected);
        QCOMPARE(SessionListModel::floorText(floor, room), expected);
    }

    void rowsFollowTheConferenceInTimeOrder()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy countSpy(&model, &SessionListModel::countChanged);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(countSpy.count(), 1);
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(value(model, row, SessionListModel::IdRole).toString());
        QCOMPARE(ids, (QStringList{"lab", "cafe", "keynote", "korean", "lunch", "night"}));
        QCOMPARE(model.rowOf("keynote"), 2);
        QCOMPARE(model.rowOf("missing"), -1);

        model.setConference(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void rolesCarryTypedRawValues()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));

        QCOMPARE(value(model, 0, SessionListModel::TitleRole).toString(),
                 "Hands-on: Tracing a Slow Checkout");
        QCOMPARE(value(model, 0, SessionListModel::TypeRole).toInt(), int(SessionListModel::HandsOnLab));
        QCOMPARE(value(model, 0, SessionListModel::TypeNameRole).toString(), "hands-on-lab");
        QCOMPARE(value(model, 0, SessionListModel::TypeTextRole).toString(), "Hands-on lab");
        QCOMPARE(value(model, 0, SessionListModel::TrackNameRole).toString(), "Observability");
        QCOMPARE(value(model, 0, SessionListModel::TrackColorRole).toString(), "#1e88e5");
        QCOMPARE(value(model, 0, SessionListModel::RoomNameRole).toString(), "Lab 1");
        QCOMPARE(value(model, 0, SessionListModel::FloorIdRole).toString(), "f3");
        QCOMPARE(value(model, 0, SessionListModel::FloorNameRole).toString(), "Floor 3 · Expo");
        QCOMPARE(value(model, 0, SessionListModel::SeatCapacityRole).toInt(), 40);
        QCOMPARE(value(model, 0, SessionListModel::RegistrationRequiredRole).toBool(), true);
        QCOMPARE(value(model, 0, SessionListModel::LevelRole).toString(), "intermediate");
        QCOMPARE(value(model, 0, SessionListModel::TagsRole).toStringList(),
                 (QStringList{"tracing", "opentelemetry"}));
        QCOMPARE(value(model, 0, SessionListModel::DayRole).toInt(), 0);
        QCOMPARE(value(model, 0, SessionListModel::DurationMinutesRole).toInt(), 180);
        QCOMPARE(value(model, 0, SessionListModel::StartRole).toDateTime(), Fixture::nyc(5, 11, 9));
        QCOMPARE(value(model, 0, SessionListModel::EndRole).toDateTime(), Fixture::nyc(5, 11, 12));

        QCOMPARE(value(model, 2, SessionListModel::SpeakerNamesRole).toStringList(),
                 (QStringList{"Ada Park", "이민준 (Min-jun Lee)"}));
        QCOMPARE(value(model, 2, SessionListModel::SeatCapacityRole).toInt(), -1);
        QCOMPARE(value(model, 2, SessionListModel::DayRole).toInt(), 1);
        QCOMPARE(value(model, 5, SessionListModel::FloorNameRole).toString(), QString());
        QCOMPARE(value(model, 5, SessionListModel::InAgendaRole).toBool(), false);

        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(SessionListModel::IdRole), "sessionId");
        QCOMPARE(roles.value(SessionListModel::TimeSlotRole), "timeSlot");
        QCOMPARE(roles.value(SessionListModel::InAgendaRole), "inAgenda");
    }

    void levelTextNamesKnownLevels_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("text");
        QTest::newRow("beginner") << "beginner"
                                  << "Beginner";
        QTest::newRow("any case") << "Intermediate "
                                  << "Intermediate";
        QTest::newRow("advanced") << "ADVANCED"
                                  << "Advanced";
        QTest::newRow("source's own wording") << "Level 200"
                                              << "Level 200";
        QTest::newRow("none") << ""
                              << "";
    }

    void levelTextNamesKnownLevels()
    {
        QFETCH(QString, level);
        QFETCH(QString, text);
        QCOMPARE(SessionListModel::levelText(level), text);
    }

    void switchingTheTranslatorRetranslatesTextRoles()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QCOMPARE(value(model, 0, SessionListModel::TypeTextRole).toString(), "Hands-on lab");
        QCOMPARE(value(model, 0, SessionListModel::LevelTextRole).toString(), "Intermediate");

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        FakeKoreanTranslator korean;
        QVERIFY(QCoreApplication::installTranslator(&korean));
        QVERIFY(changed.count() >= 1);
        const QList<int> roles = changed.last().at(2).value<QList<int>>();
        QVERIFY(roles.contains(SessionListModel::TypeTextRole));
        QVERIFY(roles.contains(SessionListModel::LevelTextRole));
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.last().at(1).toModelIndex().row(), model.rowCount() - 1);
        QCOMPARE(value(model, 0, SessionListModel::TypeTextRole).toString(), QString::fromUtf8("실습"));
        QCOMPARE(value(model, 0, SessionListModel::LevelTextRole).toString(), QString::fromUtf8("중급"));

        changed.clear();
        QVERIFY(QCoreApplication::removeTranslator(&korean));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(value(model, 0, SessionListModel::TypeTextRole).toString(), "Hands-on lab");
    }

    void timeTextsFollowTheDisplayZone()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TimeZoneController tz;
        tz.setLocaleName("en_GB");
        tz.setVenueZoneId("America/New_York");
        tz.setDeviceZoneId("Europe/Berlin");
        model.setTimeZone(&tz);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));

        QCOMPARE(value(model, 0, SessionListModel::TimeTextRole).toString(), "09:00 – 12:00");
        QCOMPARE(value(model, 0, SessionListModel::TimeSlotRole).toString(), "09:00");
        QCOMPARE(value(model, 0, SessionListModel::DaySlotRole).toString(), "Tue 11 May · 09:00");

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        tz.setUseVenueTime(false);
        QCOMPARE(changed.count(), 1);
        const QList<int> roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(SessionListModel::TimeTextRole));
        QVERIFY(roles.contains(SessionListModel::TimeSlotRole));
        QCOMPARE(value(model, 0, SessionListModel::TimeTextRole).toString(), "15:00 – 18:00");
        // Customer Night runs past midnight in Berlin: 01:00 on the next day there.
        QCOMPARE(value(model, 5, SessionListModel::DaySlotRole).toString(), "Thu 13 May · 01:00");
    }

    void agendaChangesReachTheRow()
    {
        const auto conference = std::make_shared<const Conference>(Fixture::conference());
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AgendaController agenda;
        agenda.setConference(conference);
        model.setAgenda(&agenda);
        model.setConference(conference);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy agendaSpy(&model, &SessionListModel::agendaChanged);
        QCOMPARE(agenda.add("korean"), AgendaController::Added);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{SessionListModel::InAgendaRole});
        QCOMPARE(agendaSpy.count(), 1);
        QVERIFY(value(model, 3, SessionListModel::InAgendaRole).toBool());
        QVERIFY(model.isInAgenda(3));
        QVERIFY(!model.isInAgenda(2));

        QCOMPARE(agenda.toggle("korean"), AgendaController::Removed);
        QVERIFY(!value(model, 3, SessionListModel::InAgendaRole).toBool());
        QCOMPARE(agenda.add("no-such-session"), AgendaController::UnknownSession);
        QCOMPARE(changed.count(), 2);
    }

    void searchIndexHoldsFoldedFields()
    {
        SessionListModel model;
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        std::vector<quint8> matches;
        model.searchIndex().match(u"cafe societe", matches);
        QCOMPARE(matches, (std::vector<quint8>{0, 1, 0, 0, 0, 0}));
        model.searchIndex().match(u"floor 3", matches);
        QCOMPARE(matches, (std::vector<quint8>{1, 0, 0, 1, 0, 0}));
    }

    void searchIndexIsBuiltLaterButFollowsTheConference()
    {
        SessionListModel model;
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        model.buildSearchIndex(); // as start-up does after the first frame
        std::vector<quint8> matches;
        model.searchIndex().match(u"cafe societe", matches);
        QCOMPARE(matches, (std::vector<quint8>{0, 1, 0, 0, 0, 0}));

        // A new conference is searched in its own sessions even when nobody called buildSearchIndex() again.
        Conference smaller = Fixture::conference();
        smaller.sessions.removeAt(1);
        model.setConference(std::make_shared<const Conference>(smaller));
        QCOMPARE(model.searchIndex().documentCount(), 5);
        model.searchIndex().match(u"cafe societe", matches);
        QCOMPARE(matches, (std::vector<quint8>(5, 0)));
        model.searchIndex().match(u"floor 3", matches);
        QCOMPARE(matches, (std::vector<quint8>{1, 0, 1, 0, 0}));
    }
};

QTEST_GUILESS_MAIN(TestSessionListModel)
#include "tst_sessionlistmodel.moc"
