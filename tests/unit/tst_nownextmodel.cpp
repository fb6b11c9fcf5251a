#include "clock.h"
#include "modelfixture.h"
#include "nownextmodel.h"
#include "timezonecontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Plenary;

namespace {
QVariantList column(const QAbstractItemModel &model, int role)
{
    QVariantList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.data(model.index(row, 0), role));
    return values;
}
} // namespace

class TestNowNextModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roomsWithSomethingOnNowOrSoon()
    {
        NowNextModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 9, 15));
        TimeZoneController tz;
        tz.setLocaleName("en_GB");
        tz.setVenueZoneId("America/New_York");
        model.setClock(&clock);
        model.setTimeZone(&tz);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));

        // At 09:15 the keynote runs; the Korean talk (11:00) is within three hours, Customer Night (19:00) is
        // not.
        QCOMPARE(column(model, NowNextModel::RoomIdRole), (QVariantList{"lab-1", "main-hall"}));
        QCOMPARE(column(model, NowNextModel::NowTitleRole), (QVariantList{"", "Opening Keynote"}));
        QCOMPARE(column(model, NowNextModel::NowMinutesLeftRole), (QVariantList{-1, 45}));
        QCOMPARE(column(model, NowNextModel::NowProgressRole), (QVariantList{0.0, 0.25}));
        QCOMPARE(column(model, NowNextModel::NextSessionIdRole), (QVariantList{"korean", "lunch"}));
        QCOMPARE(column(model, NowNextModel::NextMinutesUntilRole), (QVariantList{105, 165}));
        QCOMPARE(column(model, NowNextModel::NextStartTextRole), (QVariantList{"11:00", "12:00"}));
        QCOMPARE(column(model, NowNextModel::NowTrackColorRole), (QVariantList{"", ""}));
        QCOMPARE(column(model, NowNextModel::NextTrackColorRole), (QVariantList{"#1e88e5", ""}));
        QCOMPARE(model.nowText(), "Wed 12 May · 09:15");
        QCOMPARE(model.nextStart(), Fixture::nyc(5, 12, 11));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.freezeAt(Fixture::nyc(5, 12, 9, 45));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(column(model, NowNextModel::NowMinutesLeftRole), (QVariantList{-1, 15}));

        clock.freezeAt(Fixture::nyc(5, 12, 17));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(column(model, NowNextModel::RoomIdRole), (QVariantList{"hq"}));
        QCOMPARE(column(model, NowNextModel::NextTitleRole), (QVariantList{"Customer Night"}));
    }

    void nothingOnLeavesTheNextStart()
    {
        NowNextModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Clock clock;
        TimeZoneController tz;
        tz.setLocaleName("en_GB");
        tz.setVenueZoneId("America/New_York");
        model.setClock(&clock);
        model.setTimeZone(&tz);
        clock.freezeAt(Fixture::nyc(5, 1, 9));
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.nextStartText(), "Tue 11 May · 09:00");

        clock.freezeAt(Fixture::nyc(5, 14, 9));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.nextStart().isValid());
        QCOMPARE(model.nextStartText(), QString());
    }
};

QTEST_GUILESS_MAIN(TestNowNextModel)
#include "tst_nownextmodel.moc"
