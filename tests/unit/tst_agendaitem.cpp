#include "agendaitem.h"

#include <QTest>

using namespace Plenary;

namespace {

Conference venueConference()
{
    Conference c;
    c.id = "conf";
    c.timeZone = QTimeZone("Europe/Brussels");
    c.venue.floors = {Floor{"l1", "Level 1", 1}, Floor{"unnamed", {}, 2}};
    c.venue.rooms = {Room{"k1", "K.1.105", "l1", {}, {}, 80}, Room{"k2", "K.2.201", "unnamed", {}, {}, {}},
                     Room{"bar", "Delirium Café", {}, {}, "Impasse de la Fidélité 4, Brussels", {}},
                     Room{"noname", {}, {}, {}, {}, {}}};
    Session s;
    s.guid = "g1";
    s.title = "Keynote";
    s.start = QDateTime(QDate(2026, 2, 7), QTime(9, 30), c.timeZone);
    s.end = s.start.addSecs(3600);
    s.roomId = "k1";
    c.sessions = {s};
    c.normalize();
    return c;
}

} // namespace

class TestAgendaItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keys();
    void kindNames();
    void placeOf_data();
    void placeOf();
    void fromSession();
    void fromPersonal();
};

void TestAgendaItem::keys()
{
    AgendaItem session;
    session.kind = AgendaItem::Kind::Seat;
    session.sessionId = "g1#2";
    QCOMPARE(session.key(), "session:g1#2");
    QVERIFY(session.isSession());
    session.kind = AgendaItem::Kind::Favourite;
    QCOMPARE(session.key(), "session:g1#2"); // a seat and a favourite of one session share reminders

    AgendaItem personal;
    personal.personalId = "p-1";
    QCOMPARE(personal.key(), "personal:p-1");
    QVERIFY(!personal.isSession());
    QCOMPARE(AgendaItem::sessionKey("x"), "session:x");
    QCOMPARE(AgendaItem::personalKey("x"), "personal:x");
}

void TestAgendaItem::kindNames()
{
    for (const auto kind : {AgendaItem::Kind::Favourite, AgendaItem::Kind::Seat, AgendaItem::Kind::Personal})
        QCOMPARE(AgendaItem::kindFromName(AgendaItem::kindName(kind)), kind);
    QCOMPARE(AgendaItem::kindName(AgendaItem::Kind::Seat), "seat");
    QCOMPARE(AgendaItem::kindFromName(u" FAVOURITE "), AgendaItem::Kind::Favourite);
    QVERIFY(!AgendaItem::kindFromName(u"favorite").has_value());
    QVERIFY(!AgendaItem::kindFromName(u"").has_value());
}

void TestAgendaItem::placeOf_data()
{
    QTest::addColumn<QString>("roomId");
    QTest::addColumn<QString>("place");
    QTest::newRow("room and floor") << "k1"
                                    << "K.1.105 · Level 1";
    QTest::newRow("floor without a name") << "k2"
                                          << "K.2.201";
    QTest::newRow("off-site") << "bar"
                              << "Delirium Café, Impasse de la Fidélité 4, Brussels";
    QTest::newRow("room without a name") << "noname"
                                         << "noname";
    QTest::newRow("unknown room") << "ghost"
                                  << "ghost";
    QTest::newRow("no room") << ""
                             << "";
}

void TestAgendaItem::placeOf()
{
    QFETCH(QString, roomId);
    QFETCH(QString, place);
    const Conference c = venueConference();
    Session s = c.sessions.first();
    s.roomId = roomId;
    QCOMPARE(AgendaItem::placeOf(c, s), place);
}

void TestAgendaItem::fromSession()
{
    const Conference c = venueConference();
    const AgendaItem item = AgendaItem::fromSession(c, c.sessions.first(), AgendaItem::Kind::Seat);
    QCOMPARE(item.kind, AgendaItem::Kind::Seat);
    QCOMPARE(item.sessionId, "g1");
    QCOMPARE(item.guid, "g1");
    QCOMPARE(item.title, "Keynote");
    QCOMPARE(item.start, QDateTime(QDate(2026, 2, 7), QTime(9, 30), QTimeZone("Europe/Brussels")));
    QCOMPARE(item.end, item.start.addSecs(3600));
    QCOMPARE(item.place, "K.1.105 · Level 1");
    QVERIFY(item.inSchedule);
    QVERIFY(item.personalId.isEmpty());
    // A session is never a personal item.
    QCOMPARE(AgendaItem::fromSession(c, c.sessions.first(), AgendaItem::Kind::Personal).kind,
             AgendaItem::Kind::Favourite);
}

void TestAgendaItem::fromPersonal()
{
    const PersonalItem dinner{"p1",
                              "Dinner with the Qt folks",
                              QDateTime(QDate(2026, 2, 7), QTime(19, 0), QTimeZone("Europe/Brussels")),
                              QDateTime(QDate(2026, 2, 7), QTime(22, 0), QTimeZone("Europe/Brussels")),
                              "Delirium Café",
                              "Table for 8"};
    const AgendaItem item = AgendaItem::fromPersonal(dinner);
    QCOMPARE(item.kind, AgendaItem::Kind::Personal);
    QCOMPARE(item.key(), "personal:p1");
    QCOMPARE(item.title, dinner.title);
    QCOMPARE(item.start, dinner.start);
    QCOMPARE(item.end, dinner.end);
    QCOMPARE(item.place, "Delirium Café");
    QCOMPARE(item.notes, "Table for 8");
    QVERIFY(item.sessionId.isEmpty());
}

QTEST_GUILESS_MAIN(TestAgendaItem)
#include "tst_agendaitem.moc"
