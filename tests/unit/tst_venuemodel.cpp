#include "clock.h"
#include "modelfixture.h"
#include "timezonecontroller.h"
#include "venuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Plenary;

namespace {
QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.data(model.index(row, 0), role).toString());
    return values;
}
} // namespace

class TestVenueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roomsGroupedByFloorInLevelOrder()
    {
        VenueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(column(model, VenueModel::RoomIdRole), (QStringList{"lab-1", "main-hall", "hq"}));
        QCOMPARE(column(model, VenueModel::FloorNameRole),
                 (QStringList{"Floor 3 · Expo", "Floor 4", "Rooms"}));
        QCOMPARE(column(model, VenueModel::CapacityRole), (QStringList{"40", "3000", "-1"}));
        QCOMPARE(column(model, VenueModel::AddressRole), (QStringList{"", "", "100 Hudson St"}));
        QCOMPARE(column(model, VenueModel::SessionCountRole), (QStringList{"2", "3", "1"}));
        QCOMPARE(model.venueName(), "Harbor Convention Center");
    }

    void nowAndNextFollowTheClock()
    {
        VenueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 9, 30));
        TimeZoneController tz;
        tz.setLocaleName("en_GB");
        tz.setVenueZoneId("America/New_York");
        model.setClock(&clock);
        model.setTimeZone(&tz);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));

        QCOMPARE(column(model, VenueModel::NowTitleRole), (QStringList{"", "Opening Keynote", ""}));
        QCOMPARE(column(model, VenueModel::NowSessionIdRole), (QStringList{"", "keynote", ""}));
        QCOMPARE(column(model, VenueModel::NowTimeTextRole), (QStringList{"", "09:00 – 10:00", ""}));
        QCOMPARE(column(model, VenueModel::NextTitleRole),
                 (QStringList{"한국어 세션: 관측성 입문", "Lunch", "Customer Night"}));
        QCOMPARE(column(model, VenueModel::NextTimeTextRole),
                 (QStringList{"11:00 – 11:45", "12:00 – 13:00", "19:00 – 23:30"}));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.freezeAt(Fixture::nyc(5, 12, 12, 15));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(column(model, VenueModel::NowTitleRole), (QStringList{"", "Lunch", ""}));
        QCOMPARE(column(model, VenueModel::NextTitleRole), (QStringList{"", "", "Customer Night"}));

        // The morning before: the lab is on, and "next" looks no further than 12 hours ahead.
        clock.freezeAt(Fixture::nyc(5, 11, 10));
        QCOMPARE(column(model, VenueModel::NowTitleRole),
                 (QStringList{"Hands-on: Tracing a Slow Checkout", "", ""}));
        QCOMPARE(column(model, VenueModel::NextTitleRole),
                 (QStringList{"", "Café culture and résumé parsing", ""}));

        tz.setDeviceZoneId("Europe/Berlin");
        changed.clear();
        tz.setUseVenueTime(false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(column(model, VenueModel::NowTimeTextRole), (QStringList{"15:00 – 18:00", "", ""}));
    }

    void emptyWithoutConference()
    {
        VenueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Clock clock;
        model.setClock(&clock);
        clock.freezeAt(Fixture::nyc(5, 12, 9));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.venueName(), QString());
    }
};

QTEST_GUILESS_MAIN(TestVenueModel)
#include "tst_venuemodel.moc"
