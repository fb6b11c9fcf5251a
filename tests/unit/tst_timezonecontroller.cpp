#include "appsettings.h"
#include "timezonecontroller.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Plenary;

namespace {
QDateTime at(const char *zone, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2027, month, day), QTime(hour, minute), QTimeZone(zone));
}
} // namespace

class TestTimeZoneController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("PlenaryTest");
        QCoreApplication::setApplicationName("tst_timezonecontroller");
        QSettings().clear();
    }

    void venueAndDeviceTimeAcrossDst_data()
    {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<QString>("venue");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("venueZone");
        QTest::addColumn<QString>("deviceZone");

        // New York moves to summer time on 14 March 2027, Berlin on 28 March: for two weeks they are 5 h
        // apart.
        QTest::newRow("both winter") << at("America/New_York", 3, 10, 12) << "12:00"
                                     << "18:00"
                                     << "EST"
                                     << "CET";
        QTest::newRow("only New York in summer time") << at("America/New_York", 3, 20, 12) << "12:00"
                                                      << "17:00"
                                                      << "EDT"
                                                      << "CET";
        QTest::newRow("both summer") << at("America/New_York", 3, 30, 12) << "12:00"
                                     << "18:00"
                                     << "EDT"
                                     << "CEST";
        QTest::newRow("the skipped hour in New York")
            << QDateTime(QDate(2027, 3, 14), QTime(7, 0), QTimeZone::utc()) << "03:00"
            << "08:00"
            << "EDT"
            << "CET";
        QTest::newRow("just before the switch")
            << QDateTime(QDate(2027, 3, 14), QTime(6, 59), QTimeZone::utc()) << "01:59"
            << "07:59"
            << "EST"
            << "CET";
    }

    void venueAndDeviceTimeAcrossDst()
    {
        QFETCH(QDateTime, instant);
        QFETCH(QString, venue);
        QFETCH(QString, device);
        QFETCH(QString, venueZone);
        QFETCH(QString, deviceZone);

        TimeZoneController tz;
        tz.setLocaleName("en_GB");
        tz.setVenueZoneId("America/New_York");
        tz.setDeviceZoneId("Europe/Berlin");
        QVERIFY(tz.useVenueTime());
        QCOMPARE(tz.formatTime(instant), venue);
        QCOMPARE(tz.zoneAbbreviation(instant), venueZone);
        tz.setUseVenueTime(false);
        QCOMPARE(tz.formatTime(instant), device);
        QCOMPARE(tz.zoneAbbreviation(instant), deviceZone);
    }

    void rangesAndDaysUseTheDisplayZone()
    {
        TimeZoneController tz;
        tz.setLocaleName("en_GB");
        tz.setVenueZoneId("America/New_York");
        tz.setDeviceZoneId("Asia/Seoul");
        // A session over the night New York springs forward lasts one hour but reads 01:30 – 03:30 there.
        const QDateTime start = at("America/New_York", 3, 14, 1, 30);
        const QDateTime end = start.addSecs(3600);
        QCOMPARE(tz.formatTimeRange(start, end), "01:30 – 03:30");
        QCOMPARE(tz.formatDayTime(start), "Sun 14 Mar · 01:30");
        tz.setUseVenueTime(false);
        QCOMPARE(tz.formatTimeRange(start, end), "15:30 – 16:30");
        QCOMPARE(tz.formatDayTime(at("America/New_York", 5, 12, 19)), "Thu 13 May · 08:00");
        QCOMPARE(tz.formatTimeRange(start, QDateTime()), "15:30");
        QCOMPARE(tz.formatTime(QDateTime()), QString());
        QCOMPARE(tz.formatDay(QDate(2027, 5, 12)), "Wed 12 May");
    }

    void koreanFormatting()
    {
        TimeZoneController tz;
        tz.setLocaleName("ko");
        tz.setVenueZoneId("America/New_York");
        const QString text = tz.formatTime(at("America/New_York", 5, 12, 14, 5));
        QVERIFY2(text.contains("2:05") || text.contains("14:05"), qPrintable(text));
        QVERIFY2(!text.contains(":00"), qPrintable(text));
    }

    void zoneLabelIsAnOffsetOutsideEnglish()
    {
        TimeZoneController tz;
        tz.setLocaleName("ko");
        tz.setVenueZoneId("America/New_York");
        tz.setDeviceZoneId("Asia/Kolkata");
        QCOMPARE(tz.zoneAbbreviation(at("America/New_York", 5, 12, 14)), QString::fromUtf8("UTC\u22124"));
        QCOMPARE(tz.zoneAbbreviation(at("America/New_York", 1, 12, 14)), QString::fromUtf8("UTC\u22125"));
        tz.setUseVenueTime(false);
        QCOMPARE(tz.zoneAbbreviation(at("America/New_York", 5, 12, 14)), "UTC+5:30");
        tz.setLocaleName("en_US");
        QCOMPARE(tz.zoneAbbreviation(at("America/New_York", 5, 12, 14)), "IST");
    }

    void labelsAndSignals()
    {
        TimeZoneController tz;
        QSignalSpy changed(&tz, &TimeZoneController::displayChanged);
        tz.setVenueZoneId("America/New_York");
        tz.setDeviceZoneId("Europe/Lisbon");
        QCOMPARE(changed.count(), 2);
        QCOMPARE(tz.venueCity(), "New York");
        QCOMPARE(tz.deviceCity(), "Lisbon");
        QCOMPARE(tz.label(), "Venue time · New York");
        QCOMPARE(tz.displayZoneId(), "America/New_York");
        QVERIFY(tz.zonesDiffer());
        tz.toggle();
        QCOMPARE(changed.count(), 3);
        QCOMPARE(tz.label(), "Your time");
        QCOMPARE(tz.displayZoneId(), "Europe/Lisbon");
        tz.setUseVenueTime(false);
        QCOMPARE(changed.count(), 3);
        tz.setVenueZoneId("Not/AZone");
        QCOMPARE(tz.venueZoneId(), "UTC");
        tz.setDeviceZoneId("America/New_York");
        tz.setVenueZoneId("America/New_York");
        QVERIFY(!tz.zonesDiffer());
        QCOMPARE(TimeZoneController::cityOf(QTimeZone("America/Argentina/Buenos_Aires")), "Buenos Aires");
    }

    void theChoiceIsKeptInSettings()
    {
        {
            AppSettings settings;
            settings.load();
            TimeZoneController tz;
            tz.setSettings(&settings);
            QVERIFY(tz.useVenueTime());
            QSignalSpy changed(&tz, &TimeZoneController::displayChanged);
            tz.setUseVenueTime(false);
            QCOMPARE(changed.count(), 1);
            QVERIFY(!settings.useVenueTime());
            settings.setLanguage("ko");
            QCOMPARE(tz.localeName(), "ko");
        }
        AppSettings reloaded;
        reloaded.load();
        QVERIFY(!reloaded.useVenueTime());
        QCOMPARE(reloaded.language(), "ko");
        TimeZoneController tz;
        tz.setSettings(&reloaded);
        QVERIFY(!tz.useVenueTime());
        QCOMPARE(tz.localeName(), "ko");
    }

    void themeFollowsTheSystemUnlessChosen()
    {
        AppSettings settings;
        QSignalSpy dark(&settings, &AppSettings::darkChanged);
        QVERIFY(!settings.dark());
        settings.setSystemDark(true);
        QVERIFY(settings.dark());
        settings.setTheme(AppSettings::LightTheme);
        QVERIFY(!settings.dark());
        settings.setSystemDark(false);
        settings.setTheme(AppSettings::DarkTheme);
        QVERIFY(settings.dark());
        QCOMPARE(dark.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTimeZoneController)
#include "tst_timezonecontroller.moc"
