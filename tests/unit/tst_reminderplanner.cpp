#include "reminderplanner.h"

#include <QTest>

using namespace Plenary;

namespace {

const QTimeZone kBrussels("Europe/Brussels");

QDateTime at(int day, int hour, int minute, int month = 6)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), kBrussels);
}

AgendaItem talk(const QDateTime &start, const QDateTime &end)
{
    AgendaItem item;
    item.kind = AgendaItem::Kind::Favourite;
    item.sessionId = QStringLiteral("talk");
    item.title = QStringLiteral("Talk");
    item.start = start;
    item.end = end;
    return item;
}

enum class RecordKind { None, FiredThisStart, FiredOldStart, SnoozedThisStart, SnoozedOldStart };

} // namespace

class TestReminderPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plan_data();
    void plan();
    void dueTimeAcrossDstChange();
    void planAllMatchesRecordsByStart();
    void dueAndNextWakeUp();
};

void TestReminderPlanner::plan_data()
{
    QTest::addColumn<bool>("globallyOn");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("itemOn");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<bool>("inSchedule");
    QTest::addColumn<RecordKind>("record");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<ReminderStatus>("status");
    QTest::addColumn<QDateTime>("dueAt");

    const QDateTime end = at(10, 11, 0);
    const QDateTime snoozeEnd = at(10, 9, 58);
    const auto none = RecordKind::None;
    // The talk starts at 10:00 on 10 June and ends at 11:00.
    QTest::newRow("pending") << true << 10 << true << end << true << none << at(10, 9, 0)
                             << ReminderStatus::Pending << at(10, 9, 50);
    QTest::newRow("due at the minute")
        << true << 10 << true << end << true << none << at(10, 9, 50) << ReminderStatus::Due << at(10, 9, 50);
    QTest::newRow("due") << true << 10 << true << end << true << none << at(10, 9, 55) << ReminderStatus::Due
                         << at(10, 9, 50);
    QTest::newRow("late but running") << true << 10 << true << end << true << none << at(10, 10, 40)
                                      << ReminderStatus::Due << at(10, 9, 50);
    QTest::newRow("missed after the end") << true << 10 << true << end << true << none << at(10, 11, 0)
                                          << ReminderStatus::Missed << at(10, 9, 50);
    QTest::newRow("point in time: late window") << true << 10 << true << QDateTime() << true << none
                                                << at(10, 10, 4) << ReminderStatus::Due << at(10, 9, 50);
    QTest::newRow("point in time: missed") << true << 10 << true << QDateTime() << true << none
                                           << at(10, 10, 5) << ReminderStatus::Missed << at(10, 9, 50);
    QTest::newRow("already fired") << true << 10 << true << end << true << RecordKind::FiredThisStart
                                   << at(10, 9, 55) << ReminderStatus::Fired << at(10, 9, 50);
    QTest::newRow("fired for an earlier start: re-armed")
        << true << 10 << true << end << true << RecordKind::FiredOldStart << at(10, 9, 55)
        << ReminderStatus::Due << at(10, 9, 50);
    QTest::newRow("fired for an earlier start: pending")
        << true << 10 << true << end << true << RecordKind::FiredOldStart << at(10, 8, 0)
        << ReminderStatus::Pending << at(10, 9, 50);
    QTest::newRow("snoozed") << true << 10 << true << end << true << RecordKind::SnoozedThisStart
                             << at(10, 9, 55) << ReminderStatus::Snoozed << snoozeEnd;
    QTest::newRow("snooze over") << true << 10 << true << end << true << RecordKind::SnoozedThisStart
                                 << at(10, 9, 58) << ReminderStatus::Due << at(10, 9, 50);
    QTest::newRow("snooze for an earlier start is ignored")
        << true << 10 << true << end << true << RecordKind::SnoozedOldStart << at(10, 9, 55)
        << ReminderStatus::Due << at(10, 9, 50);
    QTest::newRow("switched off for the item") << true << 10 << false << end << true << none << at(10, 9, 55)
                                               << ReminderStatus::Disabled << QDateTime();
    QTest::newRow("switched off for all") << false << 10 << true << end << true << none << at(10, 9, 55)
                                          << ReminderStatus::Disabled << QDateTime();
    QTest::newRow("zero minutes") << true << 0 << true << end << true << none << at(10, 9, 59)
                                  << ReminderStatus::Pending << at(10, 10, 0);
    QTest::newRow("zero minutes, at the start")
        << true << 0 << true << end << true << none << at(10, 10, 0) << ReminderStatus::Due << at(10, 10, 0);
    QTest::newRow("thirty minutes") << true << 30 << true << end << true << none << at(10, 9, 31)
                                    << ReminderStatus::Due << at(10, 9, 30);
    QTest::newRow("negative minutes count as zero")
        << true << -5 << true << end << true << none << at(10, 9, 59) << ReminderStatus::Pending
        << at(10, 10, 0);
    QTest::newRow("a day before") << true << 24 * 60 << true << end << true << none << at(9, 10, 0)
                                  << ReminderStatus::Due << at(9, 10, 0);
    QTest::newRow("vanished from the schedule") << true << 10 << true << end << false << none << at(10, 9, 55)
                                                << ReminderStatus::Unscheduled << QDateTime();
}

void TestReminderPlanner::plan()
{
    QFETCH(bool, globallyOn);
    QFETCH(int, minutes);
    QFETCH(bool, itemOn);
    QFETCH(QDateTime, end);
    QFETCH(bool, inSchedule);
    QFETCH(RecordKind, record);
    QFETCH(QDateTime, now);
    QFETCH(ReminderStatus, status);
    QFETCH(QDateTime, dueAt);

    AgendaItem item = talk(at(10, 10, 0), end);
    item.inSchedule = inSchedule;
    const ReminderSettings settings{globallyOn, minutes};
    const QDateTime oldStart = at(10, 8, 0);

    ReminderRecord stored{item.key(), item.start, {}, {}};
    switch (record) {
    case RecordKind::None:
        break;
    case RecordKind::FiredThisStart:
        stored.firedAt = at(10, 9, 50);
        break;
    case RecordKind::FiredOldStart:
        stored.itemStart = oldStart;
        stored.firedAt = at(10, 7, 50);
        break;
    case RecordKind::SnoozedThisStart:
        stored.snoozedUntil = at(10, 9, 58);
        break;
    case RecordKind::SnoozedOldStart:
        stored.itemStart = oldStart;
        stored.snoozedUntil = at(10, 9, 58);
        break;
    }
    const ReminderRecord *recordPtr = record == RecordKind::None ? nullptr : &stored;

    const Reminder reminder = ReminderPlanner::plan(item, settings, itemOn, recordPtr, now);
    QCOMPARE(reminder.status, status);
    QCOMPARE(reminder.itemKey, "session:talk");
    QCOMPARE(reminder.itemStart, item.start);
    QCOMPARE(reminder.dueAt, dueAt);

    // planAll() gives the same answer through the overrides and record lists.
    const QHash<QString, bool> overrides{{item.key(), itemOn}};
    const QList<ReminderRecord> records = recordPtr ? QList<ReminderRecord>{stored} : QList<ReminderRecord>{};
    QCOMPARE(ReminderPlanner::planAll({item}, settings, overrides, records, now), QList<Reminder>{reminder});
}

void TestReminderPlanner::dueTimeAcrossDstChange()
{
    // 03:30 CEST on 29 March 2026 is 01:30 UTC; an hour earlier is 01:30 CET, not the non-existent 02:30.
    const AgendaItem item = talk(at(29, 3, 30, 3), at(29, 4, 30, 3));
    const Reminder reminder = ReminderPlanner::plan(item, {true, 60}, true, nullptr, at(29, 1, 0, 3));
    QCOMPARE(reminder.status, ReminderStatus::Pending);
    QCOMPARE(reminder.dueAt.toUTC(), QDateTime(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC));
    QCOMPARE(reminder.dueAt.toTimeZone(kBrussels).time(), QTime(1, 30));
}

void TestReminderPlanner::planAllMatchesRecordsByStart()
{
    AgendaItem moved = talk(at(10, 14, 0), at(10, 15, 0));
    AgendaItem other = talk(at(10, 10, 0), at(10, 11, 0));
    other.sessionId = "other";
    AgendaItem dinner;
    dinner.kind = AgendaItem::Kind::Personal;
    dinner.personalId = "dinner";
    dinner.start = at(10, 19, 0);

    const QList<ReminderRecord> records{
        {moved.key(), at(10, 10, 0), at(10, 9, 50), {}}, // fired before the talk moved to 14:00
        {other.key(), at(10, 10, 0), at(10, 9, 50), {}}, // fired, still at 10:00
        {moved.key(), at(10, 16, 0), {}, at(10, 16, 5)}, // unrelated start
    };
    const QHash<QString, bool> overrides{{dinner.key(), false}};
    const QList<Reminder> plans =
        ReminderPlanner::planAll({moved, other, dinner}, {}, overrides, records, at(10, 13, 55));
    QCOMPARE(plans.size(), 3);
    QCOMPARE(plans.at(0).status, ReminderStatus::Due); // re-armed by the move
    QCOMPARE(plans.at(0).dueAt, at(10, 13, 50));
    QCOMPARE(plans.at(1).status, ReminderStatus::Fired);
    QCOMPARE(plans.at(2).status, ReminderStatus::Disabled);

    QVERIFY(ReminderPlanner::isEnabled(moved, {}, overrides));
    QVERIFY(!ReminderPlanner::isEnabled(dinner, {}, overrides));
    QVERIFY(!ReminderPlanner::isEnabled(moved, {false, 10}, overrides));
}

void TestReminderPlanner::dueAndNextWakeUp()
{
    QList<AgendaItem> items;
    for (int i = 0; i < 4; ++i) {
        AgendaItem item = talk(at(10, 10 + i, 0), at(10, 10 + i, 45));
        item.sessionId = QString("s%1").arg(i);
        items.append(item);
    }
    const QList<ReminderRecord> records{{items.at(0).key(), items.at(0).start, {}, at(10, 10, 20)}};
    // 10:15: s0 snoozed until 10:20, s1 pending (10:50), s2 pending (11:50), s3 pending (12:50).
    QList<Reminder> plans = ReminderPlanner::planAll(items, {}, {}, records, at(10, 10, 15));
    QVERIFY(ReminderPlanner::due(plans).isEmpty());
    QCOMPARE(ReminderPlanner::nextWakeUp(plans), at(10, 10, 20));

    // 11:55: s0 missed, s1 missed (ended 11:45), s2 due, s3 pending.
    plans = ReminderPlanner::planAll(items, {}, {}, records, at(10, 11, 55));
    const QList<Reminder> due = ReminderPlanner::due(plans);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().itemKey, "session:s2");
    QCOMPARE(ReminderPlanner::nextWakeUp(plans), at(10, 12, 50));

    plans = ReminderPlanner::planAll(items, {}, {}, records, at(10, 13, 0));
    QCOMPARE(ReminderPlanner::due(plans).size(), 1);
    QVERIFY(!ReminderPlanner::nextWakeUp(plans).isValid());
}

QTEST_GUILESS_MAIN(TestReminderPlanner)
#include "tst_reminderplanner.moc"
