#include "schedulediff.h"

#include <QTest>

#include <functional>

using namespace Plenary;

namespace {

const QTimeZone kBrussels("Europe/Brussels");

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 6, 10), QTime(hour, minute), kBrussels);
}

Session session(const QString &guid, const QDateTime &start, int minutes, const QString &room,
                const QString &title = {})
{
    Session s;
    s.guid = guid;
    s.title = title.isEmpty() ? "Talk " + guid : title;
    s.start = start;
    s.end = start.addSecs(60 * minutes);
    s.roomId = room;
    return s;
}

QList<Session> baseSessions()
{
    return {
        session("a", at(10), 60, "k1"),   session("b", at(11), 60, "k2"),
        session("c", at(12), 30, "k1"),   session("w", at(10), 120, "lab"), // a workshop held twice
        session("w", at(14), 120, "lab"), session("x", at(9), 30, "k2"),
    };
}

Conference conference(QList<Session> sessions)
{
    Conference c;
    c.id = "conf";
    c.timeZone = kBrussels;
    c.venue.floors = {Floor{"f1", "Level 1", 1}};
    c.venue.rooms = {Room{"k1", "K.1.105", "f1", {}, {}, 100}, Room{"k2", "K.2.201", "f1", {}, {}, 50},
                     Room{"lab", "Lab", {}, {}, "Rue Example 1, Brussels", 20}};
    c.sessions = std::move(sessions);
    c.normalize();
    return c;
}

using Mutation = std::function<void(QList<Session> &)>;

Session &find(QList<Session> &sessions, const QString &guid, const QDateTime &start)
{
    for (Session &s : sessions) {
        if (s.guid == guid && s.start == start)
            return s;
    }
    qFatal("no such session in the test data");
}

QString describe(const AgendaChange &change)
{
    QStringList flags;
    const QList<QPair<AgendaChange::Change, QString>> names{
        {AgendaChange::Moved, "moved"},         {AgendaChange::EndChanged, "end"},
        {AgendaChange::RoomChanged, "room"},    {AgendaChange::Cancelled, "cancelled"},
        {AgendaChange::Vanished, "vanished"},   {AgendaChange::Returned, "returned"},
        {AgendaChange::NewOccurrence, "added"}, {AgendaChange::Renumbered, "renumbered"}};
    for (const auto &[flag, name] : names) {
        if (change.changes.testFlag(flag))
            flags.append(name);
    }
    return change.before.sessionId + ">" + change.after.sessionId + ":" + flags.join("+");
}

} // namespace

class TestScheduleDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compare_data();
    void compare();
    void beforeAndAfterValues();
    void movedIntoTheRepeatedHour();
    void merge_data();
    void merge();
    void looksCancelled_data();
    void looksCancelled();
};

void TestScheduleDiff::compare_data()
{
    QTest::addColumn<QStringList>("agenda");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QStringList>("expected");

    const QStringList all{"a", "b", "c", "w", "w#2"};
    QTest::newRow("unchanged") << all << Mutation([](QList<Session> &) {}) << QStringList();
    QTest::newRow("re-ordered in the source")
        << all << Mutation([](QList<Session> &s) { std::reverse(s.begin(), s.end()); }) << QStringList();
    QTest::newRow("moved") << all << Mutation([](QList<Session> &s) {
        Session &a = find(s, "a", at(10));
        a.start = at(15);
        a.end = at(16);
    }) << QStringList{"a>a:moved"};
    QTest::newRow("longer") << all << Mutation([](QList<Session> &s) { find(s, "c", at(12)).end = at(13); })
                            << QStringList{"c>c:end"};
    QTest::newRow("room changed") << all
                                  << Mutation([](QList<Session> &s) { find(s, "b", at(11)).roomId = "k1"; })
                                  << QStringList{"b>b:room"};
    QTest::newRow("moved and room changed") << all << Mutation([](QList<Session> &s) {
        Session &b = find(s, "b", at(11));
        b.start = at(16);
        b.end = at(16, 45);
        b.roomId = "lab";
    }) << QStringList{"b>b:moved+end+room"};
    QTest::newRow("vanished") << all << Mutation([](QList<Session> &s) {
        s.removeIf([](const Session &x) { return x.guid == "c"; });
    }) << QStringList{"c>:vanished"};
    QTest::newRow("cancelled in the title")
        << all << Mutation([](QList<Session> &s) { find(s, "a", at(10)).title = "CANCELLED: Talk a"; })
        << QStringList{"a>a:cancelled"};
    QTest::newRow("not in the agenda") << QStringList{"a", "b"} << Mutation([](QList<Session> &s) {
        find(s, "x", at(9)).start = at(17);
        s.removeIf([](const Session &x) { return x.guid == "c"; });
    }) << QStringList();
    QTest::newRow("new occurrence of a starred event") << QStringList{"w"} << Mutation([](QList<Session> &s) {
        s.append(session("w", at(16, 30), 120, "lab"));
    }) << QStringList{"w>w#3:added"};
    QTest::newRow("new occurrence of an unstarred event")
        << QStringList{"a"}
        << Mutation([](QList<Session> &s) { s.append(session("w", at(16, 30), 120, "lab")); })
        << QStringList();
    QTest::newRow("first occurrence dropped: the second is renumbered, not news")
        << QStringList{"w#2"} << Mutation([](QList<Session> &s) {
               s.removeIf([](const Session &x) { return x.guid == "w" && x.start == at(10); });
           })
        << QStringList{"w#2>w:renumbered"};
    QTest::newRow("first occurrence dropped, both starred")
        << QStringList{"w", "w#2"} << Mutation([](QList<Session> &s) {
               s.removeIf([](const Session &x) { return x.guid == "w" && x.start == at(10); });
           })
        << QStringList{"w>:vanished", "w#2>w:renumbered"};
    QTest::newRow("occurrences swap order") << QStringList{"w", "w#2"} << Mutation([](QList<Session> &s) {
        Session &first = find(s, "w", at(10));
        first.start = at(16);
        first.end = at(18);
    }) << QStringList{"w>w#2:moved+renumbered", "w#2>w:renumbered"};
    QTest::newRow("a starred session comes back") << QStringList{"gone"} << Mutation([](QList<Session> &s) {
        s.append(session("gone", at(17), 30, "k2"));
    }) << QStringList{">gone:returned"};
    QTest::newRow("unknown agenda ids are ignored")
        << QStringList{"never-existed"} << Mutation([](QList<Session> &) {}) << QStringList();
}

void TestScheduleDiff::compare()
{
    QFETCH(QStringList, agenda);
    QFETCH(Mutation, mutate);
    QFETCH(QStringList, expected);

    const Conference before = conference(baseSessions());
    QList<Session> changed = baseSessions();
    mutate(changed);
    const Conference after = conference(changed);

    const QList<AgendaChange> changes =
        ScheduleDiff::compare(before, after, QSet<QString>(agenda.cbegin(), agenda.cend()));
    QStringList described;
    for (const AgendaChange &change : changes)
        described.append(describe(change));
    QCOMPARE(described, expected);
    for (const AgendaChange &change : changes) {
        QCOMPARE(change.isNoteworthy(), change.changes != AgendaChange::Changes(AgendaChange::Renumbered));
        QVERIFY(!change.guid.isEmpty());
    }
}

void TestScheduleDiff::beforeAndAfterValues()
{
    const Conference before = conference(baseSessions());
    QList<Session> changed = baseSessions();
    Session &b = find(changed, "b", at(11));
    b.start = at(16);
    b.end = at(17);
    b.roomId = "lab";
    changed.removeIf([](const Session &x) { return x.guid == "c"; });
    const Conference after = conference(changed);

    const QList<AgendaChange> changes = ScheduleDiff::compare(before, after, {"b", "c"});
    QCOMPARE(changes.size(), 2);
    const AgendaChange &moved = changes.at(0);
    QCOMPARE(moved.guid, "b");
    QCOMPARE(moved.before.start, at(11));
    QCOMPARE(moved.after.start, at(16));
    QCOMPARE(moved.before.place, "K.2.201 · Level 1");
    QCOMPARE(moved.after.place, "Lab, Rue Example 1, Brussels");
    QCOMPARE(moved.before.roomId, "k2");
    QCOMPARE(moved.after.roomId, "lab");
    QCOMPARE(moved.currentSessionId(), "b");

    const AgendaChange &vanished = changes.at(1);
    QCOMPARE(vanished.changes, AgendaChange::Changes(AgendaChange::Vanished));
    QCOMPARE(vanished.before.title, "Talk c");
    QVERIFY(!vanished.after.exists());
    QCOMPARE(vanished.currentSessionId(), "c");
}

void TestScheduleDiff::movedIntoTheRepeatedHour()
{
    // 02:30 happens twice on 25 October 2026 in Brussels: same wall clock, an hour apart.
    QList<Session> sessions{session(
        "night", QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC).toTimeZone(kBrussels), 30, "k1")};
    const Conference before = conference(sessions);
    sessions.first().start = QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC).toTimeZone(kBrussels);
    sessions.first().end = sessions.first().start.addSecs(1800);
    const Conference after = conference(sessions);
    QCOMPARE(before.sessions.first().start.time(), after.sessions.first().start.time());

    const QList<AgendaChange> changes = ScheduleDiff::compare(before, after, {"night"});
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().changes, AgendaChange::Changes(AgendaChange::Moved));
}

void TestScheduleDiff::merge_data()
{
    QTest::addColumn<QString>("first");  // "moved", "room", "vanished", "renumbered"
    QTest::addColumn<QString>("second"); // "back", "room", "returned", "returned-moved", "moved"
    QTest::addColumn<QString>("expected");

    QTest::newRow("moved, then moved back") << "moved"
                                            << "back"
                                            << ":";
    QTest::newRow("moved, then room") << "moved"
                                      << "room"
                                      << "a>a:moved+room";
    QTest::newRow("moved, then moved again") << "moved"
                                             << "moved"
                                             << "a>a:moved";
    QTest::newRow("vanished, then returned unchanged") << "vanished"
                                                       << "returned"
                                                       << ":";
    QTest::newRow("vanished, then returned elsewhere") << "vanished"
                                                       << "returned-moved"
                                                       << "a>a:moved";
    QTest::newRow("room, then vanished") << "room"
                                         << "vanished"
                                         << "a>:vanished";
    QTest::newRow("renumbered, then moved") << "renumbered"
                                            << "moved"
                                            << "a>a#2:moved+renumbered";
}

void TestScheduleDiff::merge()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, expected);

    const SessionSnapshot original{"a", "Talk a", at(10), at(11), "k1", "K.1.105"};
    SessionSnapshot middle = original;
    if (first == "moved") {
        middle.start = at(12);
        middle.end = at(13);
    } else if (first == "room") {
        middle.roomId = "k2";
    } else if (first == "vanished") {
        middle = SessionSnapshot{};
    } else if (first == "renumbered") {
        middle.sessionId = "a#2";
    }
    SessionSnapshot last = middle;
    if (second == "back") {
        last = original;
    } else if (second == "room") {
        last.roomId = "k2";
    } else if (second == "returned") {
        last = original;
    } else if (second == "returned-moved") {
        last = original;
        last.start = at(17);
        last.end = at(18);
    } else if (second == "vanished") {
        last = SessionSnapshot{};
    } else if (second == "moved") {
        last.start = at(15);
        last.end = at(16);
    }
    const AgendaChange earlier{ScheduleDiff::changesBetween(original, middle), "a", original, middle};
    const AgendaChange later{ScheduleDiff::changesBetween(middle, last), "a", middle, last};
    QVERIFY(earlier.isNoteworthy() || first == "renumbered");
    const AgendaChange merged = ScheduleDiff::merge(earlier, later);
    QCOMPARE(merged.changes ? describe(merged) : QString(":"), expected);
    QCOMPARE(merged.before, original);
    QCOMPARE(merged.after, last);
}

void TestScheduleDiff::looksCancelled_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("cancelled");
    QTest::newRow("prefix") << "CANCELLED: Rust in space" << true;
    QTest::newRow("american") << "Canceled - Rust in space" << true;
    QTest::newRow("brackets") << "[cancelled] Rust in space" << true;
    QTest::newRow("parentheses") << "(Cancelled) Rust" << true;
    QTest::newRow("german") << "ABGESAGT: Vortrag" << true;
    QTest::newRow("french") << "Annulé : conférence" << true;
    QTest::newRow("plain") << "Rust in space" << false;
    QTest::newRow("word inside") << "Why my flight was cancelled" << false;
    QTest::newRow("longer word") << "Cancellation policies in practice" << false;
    QTest::newRow("empty") << "" << false;
}

void TestScheduleDiff::looksCancelled()
{
    QFETCH(QString, title);
    QFETCH(bool, cancelled);
    QCOMPARE(ScheduleDiff::looksCancelled(title), cancelled);
}

QTEST_GUILESS_MAIN(TestScheduleDiff)
#include "tst_schedulediff.moc"
