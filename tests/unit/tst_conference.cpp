#include "conference.h"

#include <QTest>

using namespace Plenary;

class TestConference : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyFromName_data();
    void keyFromName();
    void deriveGuidIsStable();
    void normalizeDropsExactDuplicatesKeepsRepeats();
    void normalizeSortsAndFillsReferences();
    void normalizeDerivesDaysAcrossMidnight();
    void dayOfUsesDaySpans();
    void normalizeKeepsTimesWithinTheYear9999();
    void lookups();

private:
    static Session makeSession(const QString &guid, const QDateTime &start, int minutes,
                               const QString &room = {});
    const QTimeZone m_ny{"America/New_York"};
};

Session TestConference::makeSession(const QString &guid, const QDateTime &start, int minutes,
                                    const QString &room)
{
    Session s;
    s.guid = guid;
    s.title = QStringLiteral("Session ") + guid;
    s.start = start;
    s.end = start.addSecs(minutes * 60);
    s.roomId = room;
    return s;
}

void TestConference::keyFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::newRow("simple") << "Hall A"
                            << "hall-a";
    QTest::newRow("punctuation") << "  Room 4.01 / North  "
                                 << "room-4-01-north";
    QTest::newRow("accents kept") << "Salle Éole"
                                  << "salle-éole";
    QTest::newRow("korean") << "그랜드 볼룸"
                            << "그랜드-볼룸";
    QTest::newRow("empty") << ""
                           << "";
}

void TestConference::keyFromName()
{
    QFETCH(QString, name);
    QFETCH(QString, key);
    QCOMPARE(Conference::keyFromName(name), key);
    QVERIFY(!Conference::keyFromName(u"!!!").isEmpty());
}

void TestConference::deriveGuidIsStable()
{
    const QString a = Conference::deriveGuid(u"fosdem-2021", u"11213", u"Welcome");
    QCOMPARE(Conference::deriveGuid(u"fosdem-2021", u"11213", u"Welcome"), a);
    QVERIFY(Conference::deriveGuid(u"fosdem-2021", u"11214", u"Welcome") != a);
    QCOMPARE(a.size(), 36);
}

void TestConference::normalizeDropsExactDuplicatesKeepsRepeats()
{
    Conference c;
    c.timeZone = m_ny;
    const QDateTime mon(QDate(2026, 5, 11), QTime(9, 0), m_ny);
    const QDateTime tue(QDate(2026, 5, 12), QTime(9, 0), m_ny);
    c.sessions = {makeSession("ws", tue, 180), makeSession("ws", mon, 180), makeSession("ws", mon, 180)};
    c.normalize();
    QCOMPARE(c.sessions.size(), 2);
    QCOMPARE(c.sessions[0].id, QStringLiteral("ws"));
    QCOMPARE(c.sessions[0].start, mon);
    QCOMPARE(c.sessions[1].id, QStringLiteral("ws#2"));
    QCOMPARE(c.sessions[1].start, tue);
}

void TestConference::normalizeSortsAndFillsReferences()
{
    Conference c;
    c.id = "demo";
    c.timeZone = m_ny;
    const QDateTime nine(QDate(2026, 5, 12), QTime(9, 0), m_ny);
    Session late = makeSession("b", nine.addSecs(3600), 30, "hall");
    late.trackId = "observability";
    late.speakerIds = {"ada"};
    Session early = makeSession({}, nine, 30, "hall");
    c.sessions = {late, early};
    c.normalize();
    QCOMPARE(c.sessions[0].start, nine);
    QVERIFY(!c.sessions[0].guid.isEmpty());
    QCOMPARE(c.sessions[0].id, c.sessions[0].guid);
    QCOMPARE(c.tracks.size(), 1);
    QCOMPARE(c.tracks[0].id, QStringLiteral("observability"));
    QVERIFY(c.tracks[0].color.startsWith(u'#'));
    QCOMPARE(c.venue.rooms.size(), 1);
    QCOMPARE(c.speakers.size(), 1);
    QCOMPARE(c.sessionsOfSpeaker("ada"), QList<int>{1});
}

void TestConference::normalizeDerivesDaysAcrossMidnight()
{
    Conference c;
    c.timeZone = m_ny;
    c.sessions = {makeSession("a", QDateTime(QDate(2026, 5, 12), QTime(20, 0), m_ny), 60),
                  makeSession("b", QDateTime(QDate(2026, 5, 13), QTime(1, 0), m_ny), 60),
                  makeSession("c", QDateTime(QDate(2026, 5, 13), QTime(9, 0), m_ny), 60)};
    c.normalize();
    QCOMPARE(c.days.size(), 2);
    QCOMPARE(c.days[0].date, QDate(2026, 5, 12));
    QCOMPARE(c.dayOf(c.sessions[1]), 0);
    QCOMPARE(c.dayOf(c.sessions[2]), 1);
}

void TestConference::dayOfUsesDaySpans()
{
    Conference c;
    c.timeZone = m_ny;
    const QDate d(2026, 11, 1); // DST ends in New York this morning
    c.days = {Day{d, QDateTime(d, QTime(9, 0), m_ny), QDateTime(d.addDays(1), QTime(8, 59), m_ny)}};
    c.sessions = {makeSession("x", QDateTime(d.addDays(1), QTime(2, 30), m_ny), 30)};
    c.normalize();
    QCOMPARE(c.dayOf(c.sessions[0]), 0);
}

// Found by fuzz_icalendar and then fuzz_frabjson: ISO 8601 dates (the feed) carry four-digit years only.
void TestConference::normalizeKeepsTimesWithinTheYear9999()
{
    Conference c;
    c.timeZone = m_ny;
    const QDate last(9999, 12, 31);
    const QTimeZone honolulu("Pacific/Honolulu");
    c.sessions = {
        makeSession("late", QDateTime(last, QTime(23, 30), m_ny), 60),     // ends in the year 10000
        makeSession("later", QDateTime(last, QTime(23, 30), honolulu), 5), // in New York: 10000-01-01
        makeSession("fine", QDateTime(last, QTime(9, 0), m_ny), 60)};
    c.sessions[1].start = c.sessions[1].start.toTimeZone(m_ny);
    c.sessions[1].end = c.sessions[1].end.toTimeZone(m_ny);
    c.days = {Day{last, QDateTime(last, QTime(9, 0), m_ny), QDateTime(last.addDays(1), QTime(2, 0), m_ny)}};
    c.normalize();
    QCOMPARE(c.sessions.size(), 2); // "later" starts past 9999 as the conference keeps it: dropped
    QCOMPARE(c.sessions[0].guid, QStringLiteral("fine"));
    QCOMPARE(c.sessions[0].durationMinutes(), 60);
    QCOMPARE(c.sessions[1].guid, QStringLiteral("late"));
    QCOMPARE(c.sessions[1].end, c.sessions[1].start);
    QVERIFY(c.days[0].start.isValid());
    QVERIFY(!c.days[0].end.isValid());
}

void TestConference::lookups()
{
    Conference c;
    c.timeZone = m_ny;
    c.venue.floors = {Floor{"f4", "Floor 4", 4}};
    c.venue.rooms = {Room{"r1", "Room 1", "f4", {}, {}, 40}};
    c.sessions = {makeSession("g", QDateTime(QDate(2026, 5, 12), QTime(9, 0), m_ny), 30, "r1")};
    c.normalize();
    QVERIFY(c.session("g"));
    QVERIFY(!c.session("nope"));
    QCOMPARE(c.room("r1")->capacity, 40);
    QCOMPARE(c.floor("f4")->level, 4);
    QVERIFY(!c.speaker("nobody"));
}

QTEST_GUILESS_MAIN(TestConference)
#include "tst_conference.moc"
