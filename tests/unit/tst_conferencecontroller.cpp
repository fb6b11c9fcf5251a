#include "agendacontroller.h"
#include "agendarepository.h"
#include "clock.h"
#include "conferencecontroller.h"
#include "conferencelistmodel.h"
#include "conferencerepository.h"
#include "database.h"
#include "fakekoreantranslator.h"
#include "feedserver.h"
#include "modelfixture.h"
#include "plenaryfeedwriter.h"
#include "schedulefetcher.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "timezonecontroller.h"
#include "venuemodel.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>
#include <tuple>

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

/** The real feed server on 127.0.0.1 (port 0) in this process, serving a two-session conference. */
struct FeedFixture
{
    explicit FeedFixture(const QString &dir)
        : conferencePath(dir + "/served.json")
    {
        QVERIFY(write(QStringLiteral("v1"), 9));
        FeedServerConfig config;
        config.conferencePath = conferencePath;
        config.databasePath = dir + "/ledger.sqlite";
        server = std::make_unique<FeedServer>(config);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        QObject::connect(server.get(), &FeedServer::requestLogged,
                         [this](const QString &line) { log.append(line); });
        port = server->listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port != 0, qPrintable(error));
    }
    /** Writes version `version` of the conference, its workshop starting at `hour`. */
    bool write(const QString &version, int hour)
    {
        const QTimeZone zone("Europe/Berlin");
        Conference c;
        c.id = QStringLiteral("feedconf-2027");
        c.title = QStringLiteral("Feed Conf");
        c.timeZone = zone;
        c.version = version;
        // Rooms: AgendaRepository cannot yet refresh a starred session that has no place (NOT NULL).
        c.venue.rooms = {Room{QStringLiteral("r1"), QStringLiteral("Room 1"), {}, {}, {}, {}}};
        for (const auto &[id, seats, h] : {std::tuple{"lab", std::optional<int>(20), hour},
                                           std::tuple{"talk", std::optional<int>(), 15}}) {
            Session s;
            s.id = s.guid = QString::fromLatin1(id);
            s.title = s.id;
            s.type = seats ? SessionType::Workshop : SessionType::Talk;
            s.start = QDateTime(QDate(2027, 5, 11), QTime(h, 0), zone);
            s.end = s.start.addSecs(3600);
            s.seatCapacity = seats;
            s.roomId = QStringLiteral("r1");
            c.sessions.append(s);
        }
        c.normalize();
        QSaveFile file(conferencePath);
        const QByteArray data = PlenaryFeedWriter::write(c);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }

    QString conferencePath;
    std::unique_ptr<FeedServer> server;
    quint16 port = 0;
    QStringList log;
};

bool waitForImport(ConferenceController &controller)
{
    QSignalSpy finished(&controller, &ConferenceController::importFinished);
    if (!finished.wait(10000))
        return false;
    return finished.constFirst().constFirst().toBool();
}
} // namespace

class TestConferenceController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importsFromAFeedServer_data();
    void importsFromAFeedServer();
    void aScheduleFileIsNoFeed();
    void plainHttpImportsNeedPermission();
    void newScheduleVersionFromTheFeed();
    void aVersionThatCannotBeKeptIsSaid();
    void init();
    void backgroundStartOpensWhatStartOpens();
    void backgroundStartPicksTheLastOpened();
    void unreadableStoredConferenceFallsBackToTheSample();
    void withoutADatabaseTheSampleOpens();
    void theEventLoopFinishesAPendingStart();
    void aConferenceReadFromItsFeedGetsASnapshot();
    void importAndOpenWaitForAPendingStart();
    void aPendingStartSurvivesItsController();
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

    void filterOptionsFollowTheLanguage()
    {
        ConferenceController controller;
        QVERIFY(controller.loadFile(kSample));
        QSignalSpy options(&controller, &ConferenceController::filterOptionsChanged);
        QSignalSpy days(&controller, &ConferenceController::daysChanged);
        const auto nameOf = [](const QVariantList &list, const QString &key, const QString &value) {
            for (const QVariant &entry : list) {
                if (entry.toMap().value(key).toString() == value)
                    return entry.toMap().value("name").toString();
            }
            return QString();
        };
        const QString labValue = QString::number(int(SessionType::HandsOnLab));
        QCOMPARE(nameOf(controller.types(), "value", labValue), "Hands-on lab");
        QCOMPARE(nameOf(controller.levels(), "id", "intermediate"), "Intermediate");

        FakeKoreanTranslator korean;
        QVERIFY(QCoreApplication::installTranslator(&korean));
        QCOMPARE(options.count(), 1);
        QCOMPARE(days.count(), 1);
        QCOMPARE(nameOf(controller.types(), "value", labValue), QString::fromUtf8("실습"));
        QCOMPARE(nameOf(controller.levels(), "id", "intermediate"), QString::fromUtf8("중급"));

        QVERIFY(QCoreApplication::removeTranslator(&korean));
        QCOMPARE(options.count(), 2);
        QCOMPARE(nameOf(controller.types(), "value", labValue), "Hands-on lab");
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

void TestConferenceController::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false\nplenary.sync.info=false"));
}

void TestConferenceController::importsFromAFeedServer_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("base") << "";
    QTest::newRow("base with slash") << "/";
    QTest::newRow("conference route") << "/api/conference";
}

void TestConferenceController::importsFromAFeedServer()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    FeedFixture feed(dir.path());
    Stack stack(dir.path());
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);
    stack.controller.setFetcher(&fetcher);
    QSignalSpy feedChanged(&stack.controller, &ConferenceController::feedUrlChanged);

    QCOMPARE(stack.controller.importConference(feed.base() + path), ConferenceController::Started);
    QVERIFY2(waitForImport(stack.controller), qPrintable(stack.controller.errorText()));
    QCOMPARE(stack.controller.conferenceId(), "feedconf-2027");
    QCOMPARE(stack.controller.feedUrl(), feed.base());
    QVERIFY(feedChanged.size() >= 1);
    const QList<ConferenceSummary> kept = stack.conferences.list();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().feedUrl, feed.base());
    QCOMPARE(kept.first().sourceUrl, feed.base() + path);
    // The server was recognised by its discovery route unless the address named the feed itself.
    QCOMPARE(feed.log.filter("GET /api/health 200").size(), path.isEmpty() || path == "/" ? 1 : 0);
    QCOMPARE(feed.log.filter("GET /api/conference 200").size(), 1);

    // Opening it again later brings the feed back.
    Stack again(dir.path());
    QVERIFY(again.controller.openConference("feedconf-2027"));
    QCOMPARE(again.controller.feedUrl(), feed.base());
}

void TestConferenceController::aScheduleFileIsNoFeed()
{
    QTemporaryDir dir;
    FeedFixture feed(dir.path());
    Stack stack(dir.path());
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);
    stack.controller.setFetcher(&fetcher);
    // Not a schedule and no feed server behind it: the first error is the one shown.
    QCOMPARE(stack.controller.importConference(feed.base() + "/nothing/here"), ConferenceController::Started);
    QVERIFY(!waitForImport(stack.controller));
    QVERIFY2(stack.controller.errorText().contains("404"), qPrintable(stack.controller.errorText()));
    QVERIFY(stack.controller.errorText().contains("/nothing/here"));
    QCOMPARE(feed.log.filter("GET /nothing/here/api/health 404").size(), 1);
    QVERIFY(stack.controller.feedUrl().isEmpty());
}

void TestConferenceController::plainHttpImportsNeedPermission()
{
    QTemporaryDir dir;
    Stack stack(dir.path());
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);
    stack.controller.setFetcher(&fetcher);
    QVERIFY(!stack.controller.allowInsecureHttp());
    QVERIFY(!fetcher.allowsInsecureHttp());
    QCOMPARE(stack.controller.importConference("http://192.0.2.10/schedule.xml"),
             ConferenceController::InsecureAddress);
    QVERIFY(!stack.controller.isBusy());
    QVERIFY2(stack.controller.errorText().contains("Allow unencrypted connections"),
             qPrintable(stack.controller.errorText()));
    QVERIFY(stack.controller.errorText().contains("--allow-http"));

    // For this run only: the setting stays off.
    stack.controller.setInsecureHttpAllowedForRun(true);
    QVERIFY(fetcher.allowsInsecureHttp());
    QCOMPARE(stack.controller.importConference("http://192.0.2.10/schedule.xml"),
             ConferenceController::Started);
    stack.controller.cancelImport();
    QVERIFY(!stack.controller.isBusy());
    stack.controller.setInsecureHttpAllowedForRun(false);
    QVERIFY(!fetcher.allowsInsecureHttp());

    // The setting is kept.
    QSignalSpy changed(&stack.controller, &ConferenceController::insecureHttpChanged);
    stack.controller.setAllowInsecureHttp(true);
    QCOMPARE(changed.size(), 1);
    QVERIFY(fetcher.allowsInsecureHttp());
    Stack again(dir.path());
    QVERIFY(again.controller.allowInsecureHttp());
    QVERIFY(again.controller.insecureHttpAllowed());
}

void TestConferenceController::newScheduleVersionFromTheFeed()
{
    QTemporaryDir dir;
    FeedFixture feed(dir.path());
    Stack stack(dir.path());
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);
    stack.controller.setFetcher(&fetcher);
    QCOMPARE(stack.controller.importConference(feed.base()), ConferenceController::Started);
    QVERIFY(waitForImport(stack.controller));
    QCOMPARE(stack.controller.agenda()->add("lab"), AgendaController::Added);
    QSignalSpy updated(&stack.controller, &ConferenceController::scheduleUpdated);

    // Nothing new: a conditional GET answered 304.
    QVERIFY(stack.controller.refreshFeed());
    QTRY_COMPARE(feed.log.filter("GET /api/conference 304").size(), 1);
    QTest::qWait(50);
    QCOMPARE(updated.size(), 0);

    // The organizer moves the workshop and reloads: the app applies version v2 and the agenda is told.
    QVERIFY(feed.write(QStringLiteral("v2"), 11));
    QString error;
    feed.server->reload(&error);
    QVERIFY(stack.controller.refreshFeed());
    QTRY_COMPARE(updated.size(), 1);
    QCOMPARE(updated.constFirst().constFirst().toString(), "v2");
    QCOMPARE(stack.controller.conference()->version, "v2");
    const auto lab = std::find_if(stack.controller.conference()->sessions.cbegin(),
                                  stack.controller.conference()->sessions.cend(),
                                  [](const Session &s) { return s.id == "lab"; });
    QCOMPARE(lab->start.toTimeZone(QTimeZone("Europe/Berlin")).time(), QTime(11, 0));
    QCOMPARE(stack.controller.feedUrl(), feed.base());
    QCOMPARE(stack.conferences.list().first().feedUrl, feed.base());
    QCOMPARE(stack.conferences.list().first().version, "v2");
    const QList<AgendaNotice> notices = stack.agenda.notices("feedconf-2027");
    QCOMPARE(stack.controller.statusText(), "Updated to schedule version v2.");
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.first().agendaSessionId, "lab");
    QCOMPARE(notices.first().scheduleVersion, "v2");

    // A later start asks again with the kept ETag and gets 304.
    Stack again(dir.path());
    ScheduleFetcher fetcher2(&network);
    again.controller.setFetcher(&fetcher2);
    QVERIFY(again.controller.start());
    QCOMPARE(again.controller.feedUrl(), feed.base());
    QTRY_COMPARE(feed.log.filter("GET /api/conference 304").size(), 2);
}

void TestConferenceController::aVersionThatCannotBeKeptIsSaid()
{
    QTemporaryDir dir;
    FeedFixture feed(dir.path());
    Stack stack(dir.path());
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);
    stack.controller.setFetcher(&fetcher);
    QCOMPARE(stack.controller.importConference(feed.base()), ConferenceController::Started);
    QVERIFY(waitForImport(stack.controller));
    QSignalSpy updated(&stack.controller, &ConferenceController::scheduleUpdated);

    // The device refuses to keep it (here: a trigger makes every change of a kept conference fail).
    QVERIFY(stack.database.exec("CREATE TRIGGER refuse BEFORE UPDATE ON conferences"
                                " BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
    QVERIFY(feed.write(QStringLiteral("v2"), 11));
    QString error;
    feed.server->reload(&error);
    QVERIFY(stack.controller.refreshFeed());
    QTRY_COMPARE(updated.size(), 1);
    QCOMPARE(stack.controller.conference()->version, "v2");
    QCOMPARE(stack.controller.statusText(),
             "Showing schedule version v2, but it could not be kept on this device.");
    QCOMPARE(stack.conferences.list().first().version, "v1");

    // Once it can be kept, the next refresh gets the version again (no ETag was kept for it) and keeps it.
    QVERIFY(stack.database.exec("DROP TRIGGER refuse"));
    QVERIFY(stack.controller.refreshFeed());
    QTRY_COMPARE(updated.size(), 2);
    QCOMPARE(stack.controller.statusText(), "Updated to schedule version v2.");
    QCOMPARE(stack.conferences.list().first().version, "v2");
    QCOMPARE(feed.log.filter("GET /api/conference 304").size(), 0);
}

void TestConferenceController::init()
{
    // Every reader connection is closed and removed by the thread that opened it.
    QTest::failOnWarning(QRegularExpression("still in use|duplicate connection name"));
}

namespace {
/** Two kept conferences: the sample (imported first, then opened) and the NYC fixture (imported later). */
void keepTwo(Stack &stack, QDateTime &now)
{
    stack.conferences.setClock([&now] { return now; });
    QVERIFY(stack.controller.loadFile(kSample));
    now = now.addSecs(60);
    QVERIFY(stack.conferences.save(Fixture::conference(), "nyc.json"));
    now = now.addSecs(60);
}

/** What the controller shows, model by model. */
QVariantList shown(ConferenceController &controller)
{
    return {controller.conferenceId(),
            controller.title(),
            controller.sessionCount(),
            controller.sessions()->rowCount(),
            controller.speakers()->rowCount(),
            controller.venue()->rowCount(),
            controller.days(),
            controller.tracks(),
            controller.timeZone()->venueZoneId(),
            controller.conferences()->rowCount(),
            controller.todayIndex(),
            controller.errorText()};
}
} // namespace

void TestConferenceController::backgroundStartOpensWhatStartOpens()
{
    QTemporaryDir dir;
    QDateTime now(QDate(2020, 5, 1), QTime(9, 0), Qt::UTC);
    QVariantList synchronously;
    {
        Stack stack(dir.path());
        keepTwo(stack, now);
        QVERIFY(stack.controller.openConference("nyc-test"));
    }
    {
        Stack stack(dir.path());
        QVERIFY(stack.controller.start());
        synchronously = shown(stack.controller);
        QCOMPARE(synchronously.first().toString(), "nyc-test");
    }
    Stack stack(dir.path());
    QSignalSpy loading(&stack.controller, &ConferenceController::loadingChanged);
    QSignalSpy changed(&stack.controller, &ConferenceController::conferenceChanged);
    stack.controller.beginStart();
    QVERIFY(stack.controller.isLoading());
    QVERIFY(!stack.controller.isLoaded());
    QCOMPARE(stack.controller.sessions()->rowCount(), 0);
    QCOMPARE(loading.size(), 1);
    QVERIFY(stack.controller.finishStart());
    QVERIFY(!stack.controller.isLoading());
    QCOMPARE(loading.size(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(shown(stack.controller), synchronously);
    QVERIFY(stack.controller.finishStart()); // nothing pending: says what is open
    QCOMPARE(loading.size(), 2);
}

void TestConferenceController::backgroundStartPicksTheLastOpened()
{
    QTemporaryDir dir;
    QDateTime now(QDate(2020, 5, 1), QTime(9, 0), Qt::UTC);
    {
        Stack stack(dir.path());
        keepTwo(stack, now); // the NYC fixture is the newest kept, the sample the last opened
    }
    {
        Stack stack(dir.path());
        stack.controller.beginStart();
        QVERIFY(stack.controller.finishStart());
        QCOMPARE(stack.controller.title(), "Beacon Summit New York 2027");
    }
    {
        // Never opened: the newest kept one.
        Stack stack(dir.path());
        QVERIFY(stack.database.exec("UPDATE conferences SET opened_at = NULL"));
        stack.controller.beginStart();
        QVERIFY(stack.controller.finishStart());
        QCOMPARE(stack.controller.conferenceId(), "nyc-test");
    }
}

void TestConferenceController::unreadableStoredConferenceFallsBackToTheSample()
{
    QTemporaryDir dir;
    Stack stack(dir.path());
    QVERIFY(stack.conferences.save(Fixture::conference(), "nyc.json"));
    QVERIFY(stack.conferences.markOpened("nyc-test"));
    QVERIFY(stack.database.exec(
        "UPDATE conference_feeds SET feed_json = '{\"broken' WHERE conference_id = 'nyc-test'"));
    QVERIFY(stack.database.exec("DELETE FROM conference_snapshots WHERE conference_id = 'nyc-test'"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot read .*stored conference nyc-test"));
    stack.controller.beginStart();
    QVERIFY(stack.controller.finishStart());
    QCOMPARE(stack.controller.errorText(), "The conference “nyc-test” could not be opened.");
    QCOMPARE(stack.controller.title(), "Beacon Summit New York 2027");
    QCOMPARE(stack.controller.conferences()->rowCount(), 2); // the sample is kept now

    // Without a sample to fall back on, nothing opens.
    stack.conferences.setClock([] { return QDateTime::currentDateTimeUtc().addDays(1); });
    QVERIFY(stack.conferences.markOpened("nyc-test"));
    ConferenceController bare;
    bare.setStorage(&stack.conferences, &stack.agenda);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot read .*stored conference"));
    QVERIFY(!bare.start());
    QVERIFY(!bare.isLoaded());
    QVERIFY(!bare.isLoading());
    QCOMPARE(bare.errorText(), "The conference “nyc-test” could not be opened.");
}

void TestConferenceController::withoutADatabaseTheSampleOpens()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath("file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // The folder the database should go into is a file: the database cannot open.
    Database database(dir.filePath("file/plenary.sqlite"));
    QVERIFY(!database.open());
    ConferenceRepository conferences(database);
    AgendaRepository agenda(database);
    ConferenceController controller;
    controller.setStorage(&conferences, &agenda);
    controller.setBundledSamplePath(kSample);
    controller.beginStart();
    QVERIFY(controller.finishStart());
    QCOMPARE(controller.title(), "Beacon Summit New York 2027");
    QCOMPARE(controller.statusText(), "Opened, but it could not be kept on this device.");
    QVERIFY(!QFileInfo::exists(dir.filePath("file/plenary.sqlite")));

    ConferenceController nothing; // no storage, no sample
    nothing.beginStart();
    QVERIFY(!nothing.finishStart());
    QVERIFY(!nothing.isLoaded());
    QVERIFY(!nothing.isLoading());
}

void TestConferenceController::theEventLoopFinishesAPendingStart()
{
    QTemporaryDir dir;
    Stack stack(dir.path());
    QSignalSpy changed(&stack.controller, &ConferenceController::conferenceChanged);
    stack.controller.beginStart();
    stack.controller.beginStart(); // still pending: nothing more to begin
    QVERIFY(changed.wait(10000));
    QVERIFY(!stack.controller.isLoading());
    QCOMPARE(stack.controller.title(), "Beacon Summit New York 2027");
    QTest::qWait(20);
    QCOMPARE(changed.size(), 1);
}

void TestConferenceController::aConferenceReadFromItsFeedGetsASnapshot()
{
    QTemporaryDir dir;
    const auto snapshots = [](Stack &stack) {
        QSqlQuery count(stack.database.connection());
        return count.exec("SELECT COUNT(*) FROM conference_snapshots") && count.next()
                   ? count.value(0).toInt()
                   : -1;
    };
    {
        Stack stack(dir.path());
        QVERIFY(stack.conferences.save(Fixture::conference(), "nyc.json"));
        QVERIFY(stack.conferences.markOpened("nyc-test"));
        QVERIFY(stack.database.exec("DELETE FROM conference_snapshots")); // kept by an older release
    }
    Stack stack(dir.path());
    QVERIFY(stack.controller.start());
    QCOMPARE(stack.controller.conference()->id, "nyc-test");
    QCOMPARE(snapshots(stack), 0); // written once the event loop runs, not before the first frame
    QTRY_COMPARE(snapshots(stack), 1);
    bool snapshotMissing = true;
    const std::optional<Conference> again = stack.conferences.load("nyc-test", &snapshotMissing);
    QVERIFY(!snapshotMissing);
    QVERIFY(again && *again == *stack.controller.conference());
}

void TestConferenceController::importAndOpenWaitForAPendingStart()
{
    QTemporaryDir dir;
    QDateTime now(QDate(2020, 5, 1), QTime(9, 0), Qt::UTC);
    {
        Stack stack(dir.path());
        keepTwo(stack, now);
    }
    const QString sampleId = [&] {
        Stack stack(dir.path());
        return stack.conferences.lastOpened();
    }();
    QVERIFY(!sampleId.isEmpty());

    // Opening another one while the start is pending: the start's conference is opened first, then it.
    {
        Stack stack(dir.path());
        QSignalSpy changed(&stack.controller, &ConferenceController::conferenceChanged);
        stack.controller.beginStart();
        QVERIFY(stack.controller.openConference("nyc-test"));
        QVERIFY(!stack.controller.isLoading());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(stack.controller.conferenceId(), "nyc-test");
        QTest::qWait(20); // the worker's own "done" finds nothing left to do
        QCOMPARE(stack.controller.conferenceId(), "nyc-test");
    }
    // Removing the conference being read is refused: it is open by then.
    {
        Stack stack(dir.path());
        stack.controller.beginStart();
        QVERIFY(!stack.controller.removeConference("nyc-test"));
        QCOMPARE(stack.controller.conferenceId(), "nyc-test");
        QCOMPARE(stack.controller.conferences()->rowCount(), 2);
    }
    // An import while the start is pending: it is opened over the start's conference.
    {
        Stack stack(dir.path());
        const QString file = dir.filePath("nyc-v2.json");
        Conference v2 = Fixture::conference();
        v2.version = "v2";
        QSaveFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(PlenaryFeedWriter::write(v2));
        QVERIFY(out.commit());
        QVERIFY(stack.controller.openConference(sampleId));
        stack.controller.beginStart();
        QCOMPARE(stack.controller.importConference(file), ConferenceController::Started);
        QVERIFY(!stack.controller.isLoading());
        QCOMPARE(stack.controller.conferenceId(), sampleId);
        QVERIFY(waitForImport(stack.controller));
        QCOMPARE(stack.controller.conferenceId(), "nyc-test");
        QCOMPARE(stack.controller.conference()->version, "v2");
    }
}

void TestConferenceController::aPendingStartSurvivesItsController()
{
    QTemporaryDir dir;
    Stack stack(dir.path());
    QVERIFY(stack.controller.start());
    for (int i = 0; i < 3; ++i) {
        auto controller = std::make_unique<ConferenceController>();
        controller->setStorage(&stack.conferences, &stack.agenda);
        controller->beginStart();
        controller.reset(); // waits for its worker; the worker's "done" goes nowhere
    }
    QTest::qWait(20);
    QCOMPARE(stack.controller.conferences()->rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestConferenceController)
#include "tst_conferencecontroller.moc"
