#include "agendarepository.h"
#include "clock.h"
#include "conferencerepository.h"
#include "database.h"
#include "modelfixture.h"
#include "remindernotifier.h"
#include "reminderservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

namespace {
// Records what it was asked to show; `accepts` false plays a desktop that fails to show a notification.
class FakeNotifier : public ReminderNotifier
{
public:
    bool notify(const QString &title, const QString &) override
    {
        titles.append(title);
        return accepts;
    }
    QStringList titles;
    bool accepts = true;
};
} // namespace

class TestReminderService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AgendaRepository> m_repo;
    std::shared_ptr<const Conference> m_conference;
    int m_run = 0;

    // Connects a service to the given clock (and notifier) and to the test's agenda and conference.
    void attach(ReminderService &service, Clock &clock, ReminderNotifier *notifier = nullptr)
    {
        if (notifier)
            service.setNotifier(notifier);
        service.setClock(&clock);
        service.setRepository(m_repo.get());
        service.setConference(m_conference);
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QString("r%1.sqlite").arg(++m_run)));
        QVERIFY(m_db->open());
        ConferenceRepository conferences(*m_db);
        m_conference = std::make_shared<const Conference>(Fixture::conference());
        QVERIFY(conferences.save(*m_conference, "fixture"));
        m_repo = std::make_unique<AgendaRepository>(*m_db);
        QVERIFY(m_repo->add(*m_conference, *m_conference->session("keynote"))); // 12 May 09:00
        QVERIFY(m_repo->add(*m_conference, *m_conference->session("lunch")));   // 12 May 12:00
    }

    void cleanup()
    {
        m_repo.reset();
        m_db.reset();
    }

    void firesOnceWhenDue()
    {
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 8, 40));
        ReminderService service;
        QSignalSpy shown(&service, &ReminderService::reminderShown);
        FakeNotifier notifier;
        attach(service, clock, &notifier);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(service.minutesBefore(), 10);
        QCOMPARE(service.nextWakeUp(), Fixture::nyc(5, 12, 8, 50));

        clock.freezeAt(Fixture::nyc(5, 12, 8, 51));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(0).toString(), AgendaItem::sessionKey("keynote"));
        QCOMPARE(notifier.titles, QStringList{"Opening Keynote"});
        QVERIFY(service.banner().isEmpty());
        QCOMPARE(service.bannerCount(), 0);
        QVERIFY(shown.first().at(2).toString().contains("9 minutes"));
        service.check();
        clock.freezeAt(Fixture::nyc(5, 12, 8, 55));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(service.nextWakeUp(), Fixture::nyc(5, 12, 11, 50));
    }

    void heldSeatIsRemindedWithoutAStar()
    {
        // The lab (11 May 09:00) is not starred; holding a seat in it brings its reminder.
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 11, 8, 55));
        ReminderService service;
        QSignalSpy shown(&service, &ReminderService::reminderShown);
        FakeNotifier notifier;
        attach(service, clock, &notifier);
        QCOMPARE(shown.count(), 0);
        service.setHeldSessions({"lab"});
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(0).toString(), AgendaItem::sessionKey("lab"));
        QCOMPARE(notifier.titles, QStringList{"Hands-on: Tracing a Slow Checkout"});
        service.setHeldSessions({});
        service.setHeldSessions({"lab"});
        QCOMPARE(shown.count(), 1); // fired once, even when the hold comes and goes
    }

    void survivesRestart()
    {
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 8, 52));
        {
            ReminderService first;
            QSignalSpy shown(&first, &ReminderService::reminderShown);
            attach(first, clock);
            QCOMPARE(shown.count(), 1);
            // Without a desktop notifier the reminder goes to the in-app banner.
            QVERIFY(first.banner().startsWith("Opening Keynote"));
            first.dismissBanner();
            QVERIFY(first.banner().isEmpty());
        }
        m_repo = std::make_unique<AgendaRepository>(*m_db);
        ReminderService second;
        QSignalSpy shown(&second, &ReminderService::reminderShown);
        attach(second, clock);
        clock.freezeAt(Fixture::nyc(5, 12, 8, 58));
        QCOMPARE(shown.count(), 0);
        QVERIFY(second.banner().isEmpty());
    }

    void failingNotifierFallsBackToBanner()
    {
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 8, 52));
        FakeNotifier notifier;
        notifier.accepts = false;
        ReminderService service;
        attach(service, clock, &notifier);
        QCOMPARE(notifier.titles, QStringList{"Opening Keynote"});
        QCOMPARE(service.bannerCount(), 1);
        QCOMPARE(service.banners().first().toMap().value("key").toString(),
                 AgendaItem::sessionKey("keynote"));
    }

    void bannersStackNewestFirst()
    {
        QVERIFY(m_repo->setReminderSettings({true, 4 * 60}));
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 8, 30));
        ReminderService service;
        QSignalSpy changed(&service, &ReminderService::bannerChanged);
        attach(service, clock);
        // Both are due (lunch at 12:00 with four hours' notice); the later one is shown first.
        QCOMPARE(service.bannerCount(), 2);
        const QVariantList banners = service.banners();
        QCOMPARE(banners.at(0).toMap().value("key").toString(), AgendaItem::sessionKey("lunch"));
        QCOMPARE(banners.at(1).toMap().value("key").toString(), AgendaItem::sessionKey("keynote"));
        QVERIFY(service.banner().startsWith(banners.at(0).toMap().value("title").toString()));
        QVERIFY(changed.count() >= 2);

        QVERIFY(service.dismiss(AgendaItem::sessionKey("keynote")));
        QVERIFY(!service.dismiss(AgendaItem::sessionKey("keynote")));
        QCOMPARE(service.bannerCount(), 1);

        // Snoozed: gone now, back five minutes later, and only once.
        QVERIFY(service.snooze(AgendaItem::sessionKey("lunch"), 5));
        QCOMPARE(service.bannerCount(), 0);
        QCOMPARE(service.nextWakeUp(), Fixture::nyc(5, 12, 8, 35));
        clock.freezeAt(Fixture::nyc(5, 12, 8, 34));
        QCOMPARE(service.bannerCount(), 0);
        clock.freezeAt(Fixture::nyc(5, 12, 8, 35));
        QCOMPARE(service.bannerCount(), 1);
        QCOMPARE(service.banners().first().toMap().value("key").toString(), AgendaItem::sessionKey("lunch"));
        service.dismissBanner();
        clock.freezeAt(Fixture::nyc(5, 12, 8, 45));
        QCOMPARE(service.bannerCount(), 0);
        QVERIFY(!service.snooze(AgendaItem::sessionKey("lunch")));
    }

    void disabledItemNeverFires()
    {
        QVERIFY(m_repo->setReminderEnabled(m_conference->id, AgendaItem::sessionKey("lunch"), false));
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 11, 0));
        ReminderService service;
        QSignalSpy shown(&service, &ReminderService::reminderShown);
        attach(service, clock);
        QVERIFY(!service.nextWakeUp().isValid());
        for (int minute : {50, 55, 59})
            clock.freezeAt(Fixture::nyc(5, 12, 11, minute));
        clock.freezeAt(Fixture::nyc(5, 12, 12, 2));
        QCOMPARE(shown.count(), 0);
    }

    void leadTimeIsConfigurable()
    {
        Clock clock;
        clock.freezeAt(Fixture::nyc(5, 12, 8, 0));
        ReminderService service;
        QSignalSpy settings(&service, &ReminderService::settingsChanged);
        QSignalSpy shown(&service, &ReminderService::reminderShown);
        attach(service, clock);
        service.setMinutesBefore(60);
        QCOMPARE(service.minutesBefore(), 60);
        QCOMPARE(m_repo->reminderSettings().minutesBefore, 60);
        QCOMPARE(shown.count(), 1); // the keynote is now due (60 minutes before 09:00)
        service.setEnabled(false);
        QVERIFY(!service.isEnabled());
        QVERIFY(!service.nextWakeUp().isValid());
        QVERIFY(settings.count() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestReminderService)
#include "tst_reminderservice.moc"
