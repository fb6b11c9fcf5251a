#include "agendaexporter.h"
#include "agendarepository.h"
#include "conferencerepository.h"
#include "conflictdetector.h"
#include "database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

using namespace Plenary;

namespace {

Session makeSession(const QString &id, const QDateTime &start)
{
    Session session;
    session.id = id;
    session.guid = id.section(QLatin1Char('#'), 0, 0);
    session.title = QStringLiteral("Session ") + id;
    session.start = start;
    session.end = start.addSecs(1800);
    return session;
}

Conference makeConference(const QString &id, const QList<Session> &sessions)
{
    Conference conference;
    conference.id = id;
    conference.title = id.toUpper();
    conference.timeZone = QTimeZone("Europe/Brussels");
    conference.sessions = sessions;
    conference.normalize();
    return conference;
}

const QTimeZone kBrussels("Europe/Brussels");

Session timed(const QString &guid, const QDateTime &start, int minutes, const QString &room,
              const QString &title = {})
{
    Session session;
    session.guid = guid;
    session.title = title.isEmpty() ? QStringLiteral("Talk ") + guid : title;
    session.start = start;
    session.end = start.addSecs(60 * minutes);
    session.roomId = room;
    return session;
}

Conference scheduleVersion(const QString &version, const QList<Session> &sessions)
{
    Conference conference;
    conference.id = "fosdem";
    conference.title = "FOSDEM";
    conference.version = version;
    conference.timeZone = kBrussels;
    conference.venue.floors = {Floor{"k", "Building K", 1}};
    conference.venue.rooms = {Room{"k1", "K.1.105", "k", {}, {}, 80}, Room{"k2", "K.2.201", "k", {}, {}, 40}};
    conference.sessions = sessions;
    conference.normalize();
    return conference;
}

QDateTime feb(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 2, day), QTime(hour, minute), kBrussels);
}

QStringList keysOf(const QList<AgendaItem> &items)
{
    QStringList keys;
    for (const AgendaItem &item : items)
        keys.append(item.key());
    return keys;
}

QStringList favouriteIds(const AgendaRepository &agenda)
{
    QStringList ids;
    for (const Favourite &favourite : agenda.favourites("fosdem"))
        ids.append(favourite.sessionId);
    ids.sort();
    return ids;
}

QString noticeText(const AgendaNotice &notice)
{
    QStringList flags;
    const QList<QPair<AgendaChange::Change, QString>> names{
        {AgendaChange::Moved, "moved"},         {AgendaChange::EndChanged, "end"},
        {AgendaChange::RoomChanged, "room"},    {AgendaChange::Cancelled, "cancelled"},
        {AgendaChange::Vanished, "vanished"},   {AgendaChange::Returned, "returned"},
        {AgendaChange::NewOccurrence, "added"}, {AgendaChange::Renumbered, "renumbered"}};
    for (const auto &[flag, name] : names) {
        if (notice.change.changes.testFlag(flag))
            flags.append(name);
    }
    return notice.agendaSessionId + ":" + flags.join("+");
}

QStringList noticeTexts(const AgendaRepository &agenda)
{
    QStringList texts;
    for (const AgendaNotice &notice : agenda.notices("fosdem"))
        texts.append(noticeText(notice));
    return texts;
}

// Makes a file unwritable, also for root (who ignores mode bits), with the Linux immutable flag.
class ImmutableFile
{
public:
    explicit ImmutableFile(const QString &path)
        : m_path(path)
    {
#ifdef Q_OS_LINUX
        m_set = setFlag(true);
#endif
    }
    ~ImmutableFile()
    {
#ifdef Q_OS_LINUX
        if (m_set)
            setFlag(false);
#endif
    }
    bool isSet() const
    {
        return m_set;
    }

private:
#ifdef Q_OS_LINUX
    bool setFlag(bool on)
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY);
        if (fd < 0)
            return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        ::close(fd);
        return ok;
    }
#endif
    QString m_path;
    bool m_set = false;
};

} // namespace

class TestAgendaRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addContainsRemove();
    void addTwiceKeepsFirstAddedAt();
    void favouritesInStartOrder();
    void conferencesAreSeparate();
    void unknownConferenceIsRefused();
    void survivesResaveAndGoesWithConference();
    void persistsAcrossReopen();
    void favouriteKeepsSnapshot();
    void personalItems();
    void agendaCombinesKinds();
    void reminderSettings();
    void reminderFiresOncePerStart();
    void scheduleUpdateFollowsSessions();
    void scheduleUpdateFoldsNotices();
    void scheduleUpdateOfRoomlessSession();
    void vanishedIdTakenByAnotherOccurrence();
    void swappedOccurrencesKeepTheirReminders();
    void importTwiceAddsNothing();
    void migratesSchema1File();
    void corruptFileStartsAnEmptyAgenda();
    void closedOrReadOnlyFailsQuietly();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("plenary.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConferenceRepository> m_conferences;
    std::unique_ptr<AgendaRepository> m_agenda;
    QDateTime m_now;
    QList<Session> m_sessions;
};

void TestAgendaRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(path());
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_conferences = std::make_unique<ConferenceRepository>(*m_db);
    m_agenda = std::make_unique<AgendaRepository>(*m_db);
    m_now = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    m_agenda->setClock([this] { return m_now; });

    const QDateTime day(QDate(2026, 2, 7), QTime(10, 0), kBrussels);
    m_sessions = {makeSession("keynote", day), makeSession("rust", day.addSecs(7200)),
                  makeSession("qt", day.addSecs(3600)), makeSession("workshop", day.addDays(1))};
    QVERIFY(m_conferences->save(makeConference("fosdem", m_sessions), "fosdem.xml"));
    QVERIFY(m_conferences->save(makeConference("akademy", m_sessions), "akademy.xml"));
}

void TestAgendaRepository::cleanup()
{
    m_agenda.reset();
    m_conferences.reset();
    m_db.reset();
}

void TestAgendaRepository::addContainsRemove()
{
    QVERIFY(!m_agenda->contains("fosdem", "rust"));
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(1)));
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(2)));
    QVERIFY(m_agenda->contains("fosdem", "rust"));
    QVERIFY(m_agenda->contains("fosdem", "qt"));
    QVERIFY(!m_agenda->contains("fosdem", "keynote"));
    QCOMPARE(m_agenda->sessionIds("fosdem"), (QSet<QString>{"rust", "qt"}));

    QVERIFY(m_agenda->remove("fosdem", "rust"));
    QVERIFY(!m_agenda->remove("fosdem", "rust"));
    QVERIFY(!m_agenda->contains("fosdem", "rust"));
    QCOMPARE(m_agenda->sessionIds("fosdem"), QSet<QString>{"qt"});
}

void TestAgendaRepository::addTwiceKeepsFirstAddedAt()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    m_now = m_now.addSecs(600);
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    const QList<Favourite> favourites = m_agenda->favourites("fosdem");
    QCOMPARE(favourites.size(), 1);
    QCOMPARE(favourites.at(0).addedAt, QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC));
}

void TestAgendaRepository::favouritesInStartOrder()
{
    for (int i : {3, 1, 0, 2})
        QVERIFY(m_agenda->add("fosdem", m_sessions.at(i)));
    Session noStart = makeSession("tba", QDateTime());
    QVERIFY(m_agenda->add("fosdem", noStart));

    const QList<Favourite> favourites = m_agenda->favourites("fosdem");
    QStringList ids;
    for (const Favourite &favourite : favourites)
        ids.append(favourite.sessionId);
    QCOMPARE(ids, (QStringList{"keynote", "qt", "rust", "workshop", "tba"}));
    QCOMPARE(favourites.at(2).guid, "rust");
    QCOMPARE(favourites.at(2).startUtc, m_sessions.at(1).start.toUTC());
    QCOMPARE(favourites.at(2).startUtc.timeSpec(), Qt::UTC);
    QVERIFY(!favourites.at(4).startUtc.isValid());
}

void TestAgendaRepository::conferencesAreSeparate()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    QVERIFY(m_agenda->add("akademy", m_sessions.at(1)));
    QCOMPARE(m_agenda->sessionIds("fosdem"), QSet<QString>{"keynote"});
    QCOMPARE(m_agenda->sessionIds("akademy"), QSet<QString>{"rust"});
    QVERIFY(!m_agenda->contains("akademy", "keynote"));
    QVERIFY(!m_agenda->remove("akademy", "keynote"));
}

void TestAgendaRepository::unknownConferenceIsRefused()
{
    QVERIFY(!m_agenda->add("nope", m_sessions.at(0)));
    QVERIFY(m_agenda->sessionIds("nope").isEmpty());
    QVERIFY(!m_agenda->add("fosdem", Session()));
}

void TestAgendaRepository::survivesResaveAndGoesWithConference()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(3)));
    QVERIFY(m_agenda->add("akademy", m_sessions.at(3)));

    // An updated schedule where "workshop" vanished: the favourite stays, to be shown as gone.
    QVERIFY(m_conferences->save(makeConference("fosdem", m_sessions.mid(0, 3)), "fosdem.xml"));
    QCOMPARE(m_agenda->sessionIds("fosdem"), (QSet<QString>{"keynote", "workshop"}));

    QVERIFY(m_conferences->remove("fosdem"));
    QVERIFY(m_agenda->sessionIds("fosdem").isEmpty());
    QCOMPARE(m_agenda->sessionIds("akademy"), QSet<QString>{"workshop"});
}

void TestAgendaRepository::persistsAcrossReopen()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(2)));
    cleanup();
    Database db(path());
    QVERIFY(db.open());
    AgendaRepository agenda(db);
    QCOMPARE(agenda.sessionIds("fosdem"), QSet<QString>{"qt"});
    QCOMPARE(agenda.favourites("fosdem").at(0).guid, "qt");
}

void TestAgendaRepository::favouriteKeepsSnapshot()
{
    const Conference conference = scheduleVersion("1", {timed("talk", feb(7, 10), 50, "k1")});
    QVERIFY(m_conferences->save(conference, "fosdem.xml"));
    QVERIFY(m_agenda->add(conference, conference.sessions.first()));
    QList<Favourite> favourites = m_agenda->favourites("fosdem");
    QCOMPARE(favourites.size(), 1);
    QCOMPARE(favourites.first().title, "Talk talk");
    QCOMPARE(favourites.first().endUtc, feb(7, 10, 50));
    QCOMPARE(favourites.first().place, "K.1.105 · Building K");

    // Adding again (without a place) refreshes the snapshot but keeps added_at and the place.
    m_now = m_now.addSecs(60);
    Session renamed = conference.sessions.first();
    renamed.title = "Renamed";
    QVERIFY(m_agenda->add("fosdem", renamed));
    favourites = m_agenda->favourites("fosdem");
    QCOMPARE(favourites.first().title, "Renamed");
    QCOMPARE(favourites.first().place, "K.1.105 · Building K");
    QCOMPARE(favourites.first().addedAt, QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC));
}

void TestAgendaRepository::personalItems()
{
    const QTimeZone seoul("Asia/Seoul");
    PersonalItem flight{{}, "Flight BRU → ICN", QDateTime(QDate(2026, 2, 9), QTime(9, 40), seoul), {}, "BRU",
                        {}};
    const QString flightId = m_agenda->addPersonalItem("fosdem", flight);
    QVERIFY(!flightId.isEmpty());
    PersonalItem dinner{"dinner", "Dinner", feb(7, 19), feb(7, 22), "Chez Léon", "Table for 8"};
    QCOMPARE(m_agenda->addPersonalItem("fosdem", dinner), "dinner");
    QVERIFY(m_agenda->addPersonalItem("fosdem", dinner).isEmpty()); // the id is taken
    QVERIFY(m_agenda->addPersonalItem("nope", PersonalItem{{}, "x", feb(7, 1), {}, {}, {}}).isEmpty());
    QVERIFY(m_agenda->addPersonalItem("fosdem", PersonalItem{{}, " ", feb(7, 1), {}, {}, {}}).isEmpty());
    QVERIFY(
        m_agenda->addPersonalItem("fosdem", PersonalItem{{}, "x", feb(7, 2), feb(7, 1), {}, {}}).isEmpty());

    const QList<PersonalItem> items = m_agenda->personalItems("fosdem");
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0), dinner);
    flight.id = flightId;
    QCOMPARE(items.at(1), flight);
    QCOMPARE(items.at(1).start.timeZone(), seoul);
    QCOMPARE(items.at(1).start.time(), QTime(9, 40));
    QVERIFY(!items.at(1).end.isValid());
    QVERIFY(m_agenda->personalItems("akademy").isEmpty());

    dinner.title = "Dinner with ACME";
    dinner.end = feb(7, 23);
    QVERIFY(m_agenda->updatePersonalItem("fosdem", dinner));
    QCOMPARE(m_agenda->personalItem("fosdem", "dinner"), dinner);
    QVERIFY(!m_agenda->updatePersonalItem("fosdem", PersonalItem{"ghost", "x", feb(7, 1), {}, {}, {}}));
    PersonalItem broken = dinner;
    broken.end = feb(7, 18);
    QVERIFY(!m_agenda->updatePersonalItem("fosdem", broken));
    QCOMPARE(m_agenda->personalItem("fosdem", "dinner"), dinner);

    QVERIFY(m_agenda->setReminderEnabled("fosdem", AgendaItem::personalKey("dinner"), false));
    QVERIFY(m_agenda->markReminderFired("fosdem", AgendaItem::personalKey("dinner"), dinner.start));
    QVERIFY(m_agenda->removePersonalItem("fosdem", "dinner"));
    QVERIFY(!m_agenda->removePersonalItem("fosdem", "dinner"));
    QVERIFY(!m_agenda->personalItem("fosdem", "dinner").has_value());
    QVERIFY(m_agenda->reminderOverrides("fosdem").isEmpty());
    QVERIFY(m_agenda->reminderRecords("fosdem").isEmpty());
    QCOMPARE(m_agenda->personalItems("fosdem").size(), 1);
}

void TestAgendaRepository::agendaCombinesKinds()
{
    const Conference v1 =
        scheduleVersion("1", {timed("a", feb(7, 10), 60, "k1"), timed("b", feb(7, 11), 60, "k2"),
                              timed("c", feb(7, 12), 30, "k1"), timed("d", feb(7, 9), 30, "k2")});
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    for (const QString id : {"a", "b", "c"})
        QVERIFY(m_agenda->add(v1, *v1.session(id)));
    QVERIFY(
        !m_agenda->addPersonalItem("fosdem", PersonalItem{"lunch", "Lunch", feb(7, 12), feb(7, 13), {}, {}})
             .isEmpty());

    // In the current schedule, "c" is gone; the user holds seats in "b" and "d".
    const Conference v2 =
        scheduleVersion("2", {timed("a", feb(7, 10), 60, "k1"), timed("b", feb(7, 11), 60, "k2"),
                              timed("d", feb(7, 9), 30, "k2")});
    const QList<AgendaItem> items = m_agenda->agenda(v2, {"b", "d"});
    QCOMPARE(keysOf(items),
             (QStringList{"session:d", "session:a", "session:b", "personal:lunch", "session:c"}));
    QCOMPARE(items.at(0).kind, AgendaItem::Kind::Seat);
    QCOMPARE(items.at(1).kind, AgendaItem::Kind::Favourite);
    QCOMPARE(items.at(2).kind, AgendaItem::Kind::Seat);
    QCOMPARE(items.at(2).place, "K.2.201 · Building K");
    QCOMPARE(items.at(3).kind, AgendaItem::Kind::Personal);
    const AgendaItem &gone = items.at(4); // same start as lunch: sorted by key
    QVERIFY(!gone.inSchedule);
    QCOMPARE(gone.title, "Talk c");
    QCOMPARE(gone.start, feb(7, 12));
    QCOMPARE(gone.start.timeZone(), kBrussels);
    QCOMPARE(gone.end, feb(7, 12, 30));
    QCOMPARE(gone.place, "K.1.105 · Building K");

    // The rules take it from here: lunch and the vanished "c" do not conflict, "b" and "a" do not either.
    const QList<Conflict> conflicts = ConflictDetector::detect(items);
    QVERIFY(conflicts.isEmpty());
}

void TestAgendaRepository::reminderSettings()
{
    QCOMPARE(m_agenda->reminderSettings(), ReminderSettings{});
    QCOMPARE(m_agenda->reminderSettings().minutesBefore, 10);
    QVERIFY(m_agenda->setReminderSettings({false, 25}));
    QCOMPARE(m_agenda->reminderSettings(), (ReminderSettings{false, 25}));
    QVERIFY(!m_agenda->setReminderSettings({true, -1}));
    QVERIFY(!m_agenda->setReminderSettings({true, 24 * 60 + 1}));
    QCOMPARE(m_agenda->reminderSettings(), (ReminderSettings{false, 25}));

    QVERIFY(m_agenda->setReminderEnabled("fosdem", "session:keynote", false));
    QVERIFY(m_agenda->setReminderEnabled("fosdem", "personal:x", true));
    QVERIFY(m_agenda->setReminderEnabled("akademy", "session:keynote", true));
    QVERIFY(m_agenda->setReminderEnabled("fosdem", "personal:x", false));
    QCOMPARE(m_agenda->reminderOverrides("fosdem"),
             (QHash<QString, bool>{{"session:keynote", false}, {"personal:x", false}}));
    QCOMPARE(m_agenda->reminderOverrides("akademy"), (QHash<QString, bool>{{"session:keynote", true}}));
}

void TestAgendaRepository::reminderFiresOncePerStart()
{
    const QString key = AgendaItem::sessionKey("keynote");
    const QDateTime start = m_sessions.at(0).start;
    QVERIFY(m_agenda->markReminderFired("fosdem", key, start));
    QVERIFY(!m_agenda->markReminderFired("fosdem", key, start));              // never twice
    QVERIFY(m_agenda->markReminderFired("fosdem", key, start.addSecs(3600))); // moved: armed again
    QVERIFY(m_agenda->markReminderFired("akademy", key, start));

    // Snoozing makes it due again; it then fires once more.
    const QDateTime until = start.addSecs(-120);
    QVERIFY(m_agenda->snoozeReminder("fosdem", key, start, until));
    QList<ReminderRecord> records = m_agenda->reminderRecords("fosdem");
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0), (ReminderRecord{key, start.toUTC(), {}, until.toUTC()}));
    QVERIFY(m_agenda->markReminderFired("fosdem", key, start));
    QVERIFY(!m_agenda->markReminderFired("fosdem", key, start));
    records = m_agenda->reminderRecords("fosdem");
    QCOMPARE(records.at(0).firedAt, m_now);
    QVERIFY(!records.at(0).snoozedUntil.isValid());

    // What the planner makes of it, after reopening the database.
    cleanup();
    Database db(path());
    QVERIFY(db.open());
    AgendaRepository agenda(db);
    AgendaItem item;
    item.kind = AgendaItem::Kind::Favourite;
    item.sessionId = "keynote";
    item.start = start;
    item.end = start.addSecs(1800);
    const QList<Reminder> plans =
        ReminderPlanner::planAll({item}, agenda.reminderSettings(), agenda.reminderOverrides("fosdem"),
                                 agenda.reminderRecords("fosdem"), start.addSecs(-300));
    QCOMPARE(plans.first().status, ReminderStatus::Fired);
    QVERIFY(!agenda.markReminderFired("fosdem", key, start));
}

void TestAgendaRepository::scheduleUpdateFollowsSessions()
{
    const QList<Session> base{timed("a", feb(7, 10), 60, "k1"),  timed("b", feb(7, 11), 60, "k2"),
                              timed("c", feb(7, 12), 30, "k1"),  timed("w", feb(7, 14), 120, "k2"),
                              timed("w", feb(8, 14), 120, "k2"), timed("x", feb(7, 9), 30, "k1")};
    const Conference v1 = scheduleVersion("1", base);
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    for (const QString id : {"a", "b", "c", "w#2"})
        QVERIFY(m_agenda->add(v1, *v1.session(id)));
    QVERIFY(m_agenda->setReminderEnabled("fosdem", AgendaItem::sessionKey("w#2"), false));

    // Version 2: "a" moved, "b" changed room, "c" vanished, the first workshop run was dropped (so "w#2"
    // is now "w"), and "x" (not in the agenda) moved.
    QList<Session> next = base;
    next[0].start = feb(7, 15);
    next[0].end = feb(7, 16);
    next[1].roomId = "k1";
    next[5].start = feb(7, 17);
    next.removeAt(3);
    next.removeAt(2);
    const Conference v2 = scheduleVersion("2", next);
    const QList<AgendaChange> changes = ScheduleDiff::compare(v1, v2, m_agenda->sessionIds("fosdem"));
    QVERIFY(m_db->transaction([&] {
        return m_conferences->save(v2, "fosdem.xml") && m_agenda->applyScheduleChanges(v2, changes);
    }));

    QCOMPARE(favouriteIds(*m_agenda), (QStringList{"a", "b", "c", "w"}));
    QCOMPARE(noticeTexts(*m_agenda), (QStringList{"a:moved", "b:room", "c:vanished"}));
    const QList<AgendaNotice> notices = m_agenda->notices("fosdem");
    QCOMPARE(notices.at(0).change.before.start, feb(7, 10));
    QCOMPARE(notices.at(0).change.after.start, feb(7, 15));
    QCOMPARE(notices.at(0).scheduleVersion, "2");
    QCOMPARE(notices.at(0).createdAt, m_now);
    QCOMPARE(notices.at(1).change.before.place, "K.2.201 · Building K");
    QCOMPARE(notices.at(1).change.after.place, "K.1.105 · Building K");
    QCOMPARE(notices.at(2).change.before.title, "Talk c");

    // Snapshots follow the schedule; the renumbered workshop keeps its reminder switch.
    const QList<Favourite> favourites = m_agenda->favourites("fosdem");
    const auto a = std::find_if(favourites.cbegin(), favourites.cend(),
                                [](const Favourite &f) { return f.sessionId == "a"; });
    QCOMPARE(a->startUtc, feb(7, 15));
    QCOMPARE(m_agenda->reminderOverrides("fosdem"), (QHash<QString, bool>{{"session:w", false}}));
    const QList<AgendaItem> items = m_agenda->agenda(v2);
    QCOMPARE(keysOf(items), (QStringList{"session:b", "session:c", "session:a", "session:w"}));
    QVERIFY(!items.at(1).inSchedule);
    QCOMPARE(items.at(3).start, feb(8, 14));

    // The user removes the vanished favourite: its notice goes too.
    QVERIFY(m_agenda->remove("fosdem", "c"));
    QCOMPARE(noticeTexts(*m_agenda), (QStringList{"a:moved", "b:room"}));
    QVERIFY(m_agenda->dismissNotice("fosdem", notices.at(0).id));
    QVERIFY(!m_agenda->dismissNotice("fosdem", notices.at(0).id));
    QCOMPARE(noticeTexts(*m_agenda), QStringList{"b:room"});
    QVERIFY(m_agenda->dismissAllNotices("fosdem"));
    QVERIFY(m_agenda->notices("fosdem").isEmpty());
}

void TestAgendaRepository::scheduleUpdateOfRoomlessSession()
{
    // A starred session without a room has an empty place; refreshing its snapshot must not bind NULL.
    const QList<Session> base{timed("a", feb(7, 10), 60, ""), timed("b", feb(7, 11), 60, "k1")};
    const Conference v1 = scheduleVersion("1", base);
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    QVERIFY(m_agenda->add(v1, *v1.session("a")));
    QList<Session> next = base;
    next[0].start = feb(7, 12);
    next[0].end = feb(7, 13);
    const Conference v2 = scheduleVersion("2", next);
    const QList<AgendaChange> changes = ScheduleDiff::compare(v1, v2, m_agenda->sessionIds("fosdem"));
    QVERIFY(m_db->transaction([&] {
        return m_conferences->save(v2, "fosdem.xml") && m_agenda->applyScheduleChanges(v2, changes);
    }));
    QCOMPARE(noticeTexts(*m_agenda), QStringList{"a:moved"});
    QCOMPARE(m_agenda->favourites("fosdem").value(0).startUtc, feb(7, 12));
}

void TestAgendaRepository::scheduleUpdateFoldsNotices()
{
    const auto update = [&](const Conference &before, const Conference &after) {
        const QList<AgendaChange> changes =
            ScheduleDiff::compare(before, after, m_agenda->sessionIds("fosdem"));
        return m_db->transaction([&] {
            return m_conferences->save(after, "fosdem.xml") && m_agenda->applyScheduleChanges(after, changes);
        });
    };
    const Conference v1 =
        scheduleVersion("1", {timed("a", feb(7, 10), 60, "k1"), timed("b", feb(7, 11), 60, "k2"),
                              timed("c", feb(7, 12), 30, "k1"), timed("w", feb(7, 14), 60, "k2")});
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    for (const QString id : {"a", "b", "c", "w"})
        QVERIFY(m_agenda->add(v1, *v1.session(id)));

    const Conference v2 =
        scheduleVersion("2", {timed("a", feb(7, 15), 60, "k1"), timed("b", feb(7, 11), 60, "k1"),
                              timed("w", feb(7, 14), 60, "k2"), timed("w", feb(8, 9), 60, "k2")});
    QVERIFY(update(v1, v2));
    QCOMPARE(noticeTexts(*m_agenda), (QStringList{"a:moved", "b:room", "c:vanished", "w:added"}));

    // Version 3 undoes the move of "a", moves "b" too, and brings "c" back unchanged; applying it twice is
    // the same as once.
    const Conference v3 =
        scheduleVersion("3", {timed("a", feb(7, 10), 60, "k1"), timed("b", feb(7, 16), 60, "k1"),
                              timed("c", feb(7, 12), 30, "k1"), timed("w", feb(7, 14), 60, "k2"),
                              timed("w", feb(8, 9), 60, "k2")});
    QVERIFY(update(v2, v3));
    QVERIFY(update(v3, v3));
    QCOMPARE(noticeTexts(*m_agenda), (QStringList{"b:moved+room", "w:added"}));
    const AgendaNotice b = m_agenda->notices("fosdem").first();
    QCOMPARE(b.change.before.start, feb(7, 11));
    QCOMPARE(b.change.before.roomId, "k2");
    QCOMPARE(b.change.after.start, feb(7, 16));
    QCOMPARE(b.change.after.roomId, "k1");
    QCOMPARE(b.scheduleVersion, "3");
    QCOMPARE(m_agenda->notices("fosdem").at(1).change.after.sessionId, "w#2");
}

void TestAgendaRepository::vanishedIdTakenByAnotherOccurrence()
{
    // The user starred the first run of "x"; the next version drops it, so the second run becomes "x".
    const Conference v1 =
        scheduleVersion("1", {timed("x", feb(7, 10), 60, "k1"), timed("x", feb(8, 15), 60, "k1")});
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    QVERIFY(m_agenda->add(v1, *v1.session("x")));
    QVERIFY(m_agenda->setReminderEnabled("fosdem", "session:x", false));
    const Conference v2 = scheduleVersion("2", {timed("x", feb(8, 15), 60, "k1")});
    const QList<AgendaChange> changes = ScheduleDiff::compare(v1, v2, m_agenda->sessionIds("fosdem"));
    QVERIFY(m_db->transaction([&] {
        return m_conferences->save(v2, "fosdem.xml") && m_agenda->applyScheduleChanges(v2, changes);
    }));

    const QString tombstone = "x~" + QString::number(feb(7, 10).toMSecsSinceEpoch());
    QCOMPARE(favouriteIds(*m_agenda), QStringList{tombstone});
    QVERIFY(!m_agenda->contains("fosdem", "x")); // the second run was never starred
    const QList<AgendaItem> items = m_agenda->agenda(v2);
    QCOMPARE(items.size(), 1);
    QVERIFY(!items.first().inSchedule);
    QCOMPARE(items.first().start, feb(7, 10));
    QCOMPARE(noticeTexts(*m_agenda), QStringList{tombstone + ":vanished"});
    QCOMPARE(m_agenda->reminderOverrides("fosdem"), (QHash<QString, bool>{{"session:" + tombstone, false}}));
}

void TestAgendaRepository::swappedOccurrencesKeepTheirReminders()
{
    const Conference v1 =
        scheduleVersion("1", {timed("w", feb(7, 10), 60, "k1"), timed("w", feb(7, 14), 60, "k1")});
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    QVERIFY(m_agenda->add(v1, *v1.session("w")));
    QVERIFY(m_agenda->add(v1, *v1.session("w#2")));
    QVERIFY(m_agenda->setReminderEnabled("fosdem", "session:w", false));
    QVERIFY(m_agenda->markReminderFired("fosdem", "session:w#2", feb(7, 14)));

    // The morning run moves to the evening: ids swap ("w" is now the 14:00 run).
    const Conference v2 =
        scheduleVersion("2", {timed("w", feb(7, 18), 60, "k1"), timed("w", feb(7, 14), 60, "k1")});
    const QList<AgendaChange> changes = ScheduleDiff::compare(v1, v2, m_agenda->sessionIds("fosdem"));
    QVERIFY(m_agenda->applyScheduleChanges(v2, changes));

    QCOMPARE(favouriteIds(*m_agenda), (QStringList{"w", "w#2"}));
    QCOMPARE(m_agenda->reminderOverrides("fosdem"), (QHash<QString, bool>{{"session:w#2", false}}));
    const QList<ReminderRecord> records = m_agenda->reminderRecords("fosdem");
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().itemKey, "session:w");
    QCOMPARE(noticeTexts(*m_agenda), QStringList{"w#2:moved+renumbered"});
    QCOMPARE(m_agenda->notices("fosdem").first().change.before.sessionId, "w");
}

void TestAgendaRepository::importTwiceAddsNothing()
{
    const Conference v1 =
        scheduleVersion("1", {timed("a", feb(7, 10), 60, "k1"), timed("w", feb(7, 14), 60, "k2"),
                              timed("w", feb(8, 14), 60, "k2"), timed("gone", feb(8, 9), 30, "k1")});
    QVERIFY(m_conferences->save(v1, "fosdem.xml"));
    for (const QString id : {"a", "w#2", "gone"})
        QVERIFY(m_agenda->add(v1, *v1.session(id)));
    QVERIFY(!m_agenda
                 ->addPersonalItem("fosdem",
                                   PersonalItem{"dinner", "Dinner", feb(7, 19), feb(7, 22), "Léon", "8"})
                 .isEmpty());
    QVERIFY(m_agenda->setReminderEnabled("fosdem", "personal:dinner", false));
    // On this machine "gone" already vanished from the schedule.
    const Conference current =
        scheduleVersion("2", {timed("a", feb(7, 10), 60, "k1"), timed("w", feb(7, 14), 60, "k2"),
                              timed("w", feb(8, 14), 60, "k2")});
    const QList<AgendaItem> exported = m_agenda->agenda(current);
    AgendaExportOptions options;
    options.remindersOff = QSet<QString>{"personal:dinner"};
    const QByteArray ics = AgendaExporter::write(current, exported, options);

    // Another machine, with the conference but an empty agenda.
    QTemporaryDir otherDir;
    Database other(otherDir.filePath("plenary.sqlite"));
    QVERIFY(other.open());
    ConferenceRepository otherConferences(other);
    AgendaRepository otherAgenda(other);
    QVERIFY(otherConferences.save(current, "fosdem.xml"));

    const AgendaImportResult parsed = AgendaImporter::parse(ics);
    QVERIFY(parsed.ok());
    const std::optional<AgendaImportSummary> first = otherAgenda.importAgenda(current, parsed.items);
    QVERIFY(first.has_value());
    QCOMPARE(*first, (AgendaImportSummary{4, 0, 0, 0}));
    const QList<AgendaItem> imported = otherAgenda.agenda(current);
    QCOMPARE(keysOf(imported), keysOf(exported));
    for (qsizetype i = 0; i < imported.size(); ++i) {
        QCOMPARE(imported.at(i).title, exported.at(i).title);
        QCOMPARE(imported.at(i).start, exported.at(i).start);
        QCOMPARE(imported.at(i).end, exported.at(i).end);
        QCOMPARE(imported.at(i).place, exported.at(i).place);
        QCOMPARE(imported.at(i).inSchedule, exported.at(i).inSchedule);
    }
    QCOMPARE(otherAgenda.reminderOverrides("fosdem"), (QHash<QString, bool>{{"personal:dinner", false}}));

    // Twice: nothing new. A changed personal item in the file updates the stored one.
    QCOMPARE(*otherAgenda.importAgenda(current, parsed.items), (AgendaImportSummary{0, 0, 4, 0}));
    QList<ImportedAgendaItem> edited = parsed.items;
    for (ImportedAgendaItem &entry : edited) {
        if (entry.item.kind == AgendaItem::Kind::Personal)
            entry.item.title = "Dinner (moved)";
    }
    edited.append(ImportedAgendaItem{"akademy", exported.first(), false});
    QCOMPARE(*otherAgenda.importAgenda(current, edited), (AgendaImportSummary{0, 1, 3, 1}));
    QCOMPARE(otherAgenda.personalItem("fosdem", "dinner")->title, "Dinner (moved)");
    QCOMPARE(otherAgenda.favourites("fosdem").size(), 3);
    QCOMPARE(otherAgenda.personalItems("fosdem").size(), 1);
}

void TestAgendaRepository::migratesSchema1File()
{
    cleanup();
    const QString file = m_dir->filePath("schema1.sqlite");
    {
        // The version-1 schema as Plenary 0.1 wrote it, with one conference and two favourites.
        auto raw = QSqlDatabase::addDatabase("QSQLITE", "schema1");
        raw.setDatabaseName(file);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        const QStringList ddl{
            "CREATE TABLE conferences (id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '',"
            " source_url TEXT NOT NULL DEFAULT '', feed_url TEXT NOT NULL DEFAULT '', format TEXT NOT NULL "
            "DEFAULT '',"
            " feed_json BLOB NOT NULL, session_count INTEGER NOT NULL DEFAULT 0, imported_at INTEGER NOT "
            "NULL,"
            " opened_at INTEGER, version TEXT NOT NULL DEFAULT '')",
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL DEFAULT '')",
            "CREATE TABLE favourites (conference_id TEXT NOT NULL REFERENCES conferences(id) ON DELETE "
            "CASCADE,"
            " session_id TEXT NOT NULL, guid TEXT NOT NULL DEFAULT '', start_utc INTEGER, added_at INTEGER "
            "NOT NULL,"
            " PRIMARY KEY (conference_id, session_id))",
            "INSERT INTO conferences (id, title, feed_json, imported_at) VALUES ('fosdem', 'FOSDEM', '{}', "
            "1)",
            QString("INSERT INTO favourites VALUES ('fosdem', 'a', 'a', %1, 5)")
                .arg(feb(7, 10).toMSecsSinceEpoch()),
            "INSERT INTO favourites VALUES ('fosdem', 'old', 'old', NULL, 6)",
            "INSERT INTO settings VALUES ('reminders.minutesBefore', '15')",
            "PRAGMA user_version = 1",
        };
        for (const QString &sql : ddl)
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase("schema1");

    Database db(file);
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.recoveryMessage().isEmpty());
    QCOMPARE(db.schemaVersion(), db.latestSchemaVersion());
    AgendaRepository agenda(db);
    const QList<Favourite> favourites = agenda.favourites("fosdem");
    QCOMPARE(favourites.size(), 2);
    QCOMPARE(favourites.at(0).sessionId, "a");
    QCOMPARE(favourites.at(0).startUtc, feb(7, 10));
    QCOMPARE(favourites.at(0).title, "");
    QVERIFY(!favourites.at(0).endUtc.isValid());
    QCOMPARE(agenda.reminderSettings().minutesBefore, 15);

    // The agenda works on the migrated file: "a" resolves, "old" shows by its id.
    const Conference conference = scheduleVersion("1", {timed("a", feb(7, 10), 60, "k1")});
    QCOMPARE(keysOf(agenda.agenda(conference)), (QStringList{"session:a", "session:old"}));
    QCOMPARE(agenda.agenda(conference).at(1).title, "old");
    QVERIFY(!agenda.addPersonalItem("fosdem", PersonalItem{{}, "Dinner", feb(7, 19), {}, {}, {}}).isEmpty());
    QVERIFY(agenda.markReminderFired("fosdem", "session:a", feb(7, 10)));
}

void TestAgendaRepository::corruptFileStartsAnEmptyAgenda()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    cleanup();
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(8192, 'x'));
    file.close();

    Database db(path());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(!db.recoveryMessage().isEmpty());
    QVERIFY(QFileInfo::exists(db.movedAsidePath()));
    ConferenceRepository conferences(db);
    AgendaRepository agenda(db);
    QVERIFY(agenda.sessionIds("fosdem").isEmpty());
    QVERIFY(conferences.save(makeConference("fosdem", m_sessions), "fosdem.xml"));
    QVERIFY(!agenda.addPersonalItem("fosdem", PersonalItem{{}, "Dinner", feb(7, 19), {}, {}, {}}).isEmpty());
    QCOMPARE(agenda.personalItems("fosdem").size(), 1);
}

void TestAgendaRepository::closedOrReadOnlyFailsQuietly()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    QVERIFY(
        !m_agenda->addPersonalItem("fosdem", PersonalItem{"p", "Dinner", feb(7, 19), {}, {}, {}}).isEmpty());
    cleanup();

    const auto checkQuiet = [](AgendaRepository &agenda) {
        const Conference conference = scheduleVersion("1", {});
        QVERIFY(agenda.addPersonalItem("fosdem", PersonalItem{{}, "x", feb(7, 1), {}, {}, {}}).isEmpty());
        QVERIFY(!agenda.updatePersonalItem("fosdem", PersonalItem{"p", "x", feb(7, 1), {}, {}, {}}));
        QVERIFY(!agenda.removePersonalItem("fosdem", "p"));
        QVERIFY(agenda.personalItems("fosdem").isEmpty());
        QVERIFY(agenda.agenda(conference).isEmpty());
        QCOMPARE(agenda.reminderSettings(), ReminderSettings{});
        QVERIFY(!agenda.setReminderSettings({}));
        QVERIFY(!agenda.setReminderEnabled("fosdem", "session:a", false));
        QVERIFY(!agenda.markReminderFired("fosdem", "session:a", feb(7, 1)));
        QVERIFY(!agenda.snoozeReminder("fosdem", "session:a", feb(7, 1), feb(7, 2)));
        QVERIFY(agenda.reminderRecords("fosdem").isEmpty());
        QVERIFY(!agenda.applyScheduleChanges(conference, {}));
        QVERIFY(agenda.notices("fosdem").isEmpty());
        QVERIFY(!agenda.dismissAllNotices("fosdem"));
        QVERIFY(!agenda.importAgenda(conference, {}).has_value());
    };

    Database closed(path());
    AgendaRepository closedAgenda(closed);
    checkQuiet(closedAgenda);

    ImmutableFile readOnly(path());
    if (!readOnly.isSet())
        QSKIP("cannot make a file read-only here (no CAP_LINUX_IMMUTABLE?)");
    Database db(path());
    QVERIFY(!db.open());
    QVERIFY2(db.errorString().contains("read-only"), qPrintable(db.errorString()));
    AgendaRepository agenda(db);
    checkQuiet(agenda);
}

QTEST_GUILESS_MAIN(TestAgendaRepository)
#include "tst_agendarepository.moc"
