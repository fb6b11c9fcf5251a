#include "roomtimeline.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace Plenary;

namespace {
const QTimeZone kZone("Europe/Berlin");

// "Tue 23:30" style instants on the week of 2027-05-10 (Mon) in the venue's zone.
QDateTime at(const QString &dayAndTime)
{
    static const QStringList days{"Mon", "Tue", "Wed"};
    const QDate date = QDate(2027, 5, 10).addDays(days.indexOf(dayAndTime.section(' ', 0, 0)));
    return QDateTime(date, QTime::fromString(dayAndTime.section(' ', 1, 1), "HH:mm"), kZone);
}

// Sessions written as "room|title|Mon 09:00|Mon 10:00".
QList<Session> sessionsOf(const QStringList &texts)
{
    QList<Session> sessions;
    for (const QString &text : texts) {
        const QStringList f = text.split('|');
        Session s;
        s.id = f[1];
        s.title = f[1];
        s.roomId = f[0];
        s.start = at(f[2]);
        s.end = at(f[3]);
        sessions.append(s);
    }
    return sessions;
}

QString titleOf(const QList<Session> &sessions, int index)
{
    return index < 0 ? QString("-") : sessions[index].title;
}
} // namespace

class TestRoomTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void occupancy_data();
    void occupancy();
    void nextStartAfter();
    void countsPerRoomAndEmpty();
};

void TestRoomTimeline::occupancy_data()
{
    QTest::addColumn<QStringList>("sessions");
    QTest::addColumn<QString>("now");
    QTest::addColumn<int>("horizonMinutes");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");

    const QStringList day{"A|talk1|Mon 09:00|Mon 10:00", "A|talk2|Mon 10:00|Mon 11:00",
                          "A|talk3|Mon 13:00|Mon 14:00", "B|other|Mon 09:30|Mon 12:00"};
    QTest::newRow("before the first") << day << "Mon 08:00" << 180 << "-"
                                      << "talk1";
    QTest::newRow("first too far ahead") << day << "Mon 05:00" << 180 << "-"
                                         << "-";
    QTest::newRow("during the first") << day << "Mon 09:15" << 180 << "talk1"
                                      << "talk2";
    QTest::newRow("back-to-back: at the change the later runs") << day << "Mon 10:00" << 180 << "talk2"
                                                                << "talk3";
    QTest::newRow("back-to-back: a minute before") << day << "Mon 09:59" << 180 << "talk1"
                                                   << "talk2";
    QTest::newRow("gap: nothing now, next after lunch") << day << "Mon 12:00" << 180 << "-"
                                                        << "talk3";
    QTest::newRow("gap: next beyond the horizon") << day << "Mon 11:30" << 60 << "-"
                                                  << "-";
    QTest::newRow("gap: next exactly at the horizon") << day << "Mon 12:00" << 60 << "-"
                                                      << "talk3";
    QTest::newRow("last session running") << day << "Mon 13:30" << 180 << "talk3"
                                          << "-";
    QTest::newRow("last session ended") << day << "Mon 14:00" << 180 << "-"
                                        << "-";
    QTest::newRow("long after the end") << day << "Wed 09:00" << 180 << "-"
                                        << "-";

    const QStringList night{"A|late|Mon 22:00|Mon 23:30", "A|party|Mon 23:30|Tue 02:00",
                            "A|morning|Tue 09:00|Tue 10:00"};
    QTest::newRow("spanning midnight: before") << night << "Mon 23:45" << 180 << "party"
                                               << "-";
    QTest::newRow("spanning midnight: after") << night << "Tue 01:00" << 180 << "party"
                                              << "-";
    QTest::newRow("spanning midnight: next day within a long horizon")
        << night << "Tue 01:00" << 720 << "party"
        << "morning";
    QTest::newRow("spanning midnight: ended") << night << "Tue 02:00" << 180 << "-"
                                              << "-";

    const QStringList overlap{"A|long|Mon 09:00|Mon 12:00", "A|short|Mon 10:00|Mon 10:30",
                              "A|after|Mon 13:00|Mon 14:00"};
    QTest::newRow("overlap: latest start wins") << overlap << "Mon 10:15" << 180 << "short"
                                                << "after";
    QTest::newRow("overlap: long one still runs behind an ended one")
        << overlap << "Mon 11:00" << 180 << "long"
        << "after";

    QTest::newRow("unknown room") << QStringList{"B|x|Mon 09:00|Mon 10:00"} << "Mon 09:30" << 180 << "-"
                                  << "-";
}

void TestRoomTimeline::occupancy()
{
    QFETCH(QStringList, sessions);
    QFETCH(QString, now);
    QFETCH(int, horizonMinutes);
    QFETCH(QString, current);
    QFETCH(QString, next);

    // Shuffle the input so the timeline has to sort.
    QList<Session> list = sessionsOf(sessions);
    std::reverse(list.begin(), list.end());
    RoomTimeline timeline;
    timeline.build(list);
    const RoomTimeline::Occupancy o = timeline.at("A", at(now), horizonMinutes * 60);
    QCOMPARE(titleOf(list, o.current), current);
    QCOMPARE(titleOf(list, o.next), next);
}

void TestRoomTimeline::nextStartAfter()
{
    const QList<Session> list = sessionsOf({"B|b|Mon 11:00|Mon 12:00", "A|a|Mon 09:00|Mon 10:00"});
    RoomTimeline timeline;
    timeline.build(list);
    QCOMPARE(timeline.nextStartAfter(at("Mon 08:00")), at("Mon 09:00"));
    QCOMPARE(timeline.nextStartAfter(at("Mon 09:00")), at("Mon 11:00"));
    QVERIFY(!timeline.nextStartAfter(at("Mon 11:00")).isValid());
}

void TestRoomTimeline::countsPerRoomAndEmpty()
{
    const QList<Session> list =
        sessionsOf({"A|a|Mon 09:00|Mon 10:00", "A|b|Mon 10:00|Mon 11:00", "B|c|Mon 09:00|Mon 10:00"});
    RoomTimeline timeline;
    QCOMPARE(timeline.at("A", at("Mon 09:30"), 3600), RoomTimeline::Occupancy{});
    timeline.build(list);
    QCOMPARE(timeline.sessionCount("A"), 2);
    QCOMPARE(timeline.sessionCount("B"), 1);
    QCOMPARE(timeline.sessionCount("C"), 0);
    QCOMPARE(timeline.at("A", QDateTime(), 3600), RoomTimeline::Occupancy{});
}

QTEST_APPLESS_MAIN(TestRoomTimeline)
#include "tst_roomtimeline.moc"
