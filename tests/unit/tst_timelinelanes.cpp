#include "timelinelanes.h"

#include <QTest>

using namespace Plenary;

class TestTimelineLanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assign_data();
    void assign();
    void keepsInputOrder();
};

namespace {
// Spans in minutes of the day, written as "HH:mm-HH:mm".
QList<TimelineLanes::Span> spansOf(const QStringList &texts)
{
    QList<TimelineLanes::Span> spans;
    for (const QString &text : texts) {
        const auto minute = [](const QString &hhmm) {
            return qint64(hhmm.section(':', 0, 0).toInt() * 60 + hhmm.section(':', 1, 1).toInt());
        };
        spans.append({minute(text.section('-', 0, 0)), minute(text.section('-', 1, 1))});
    }
    return spans;
}
} // namespace

void TestTimelineLanes::assign_data()
{
    QTest::addColumn<QStringList>("spans");
    QTest::addColumn<QList<int>>("lanes");
    QTest::addColumn<QList<int>>("laneCounts");

    QTest::newRow("empty") << QStringList{} << QList<int>{} << QList<int>{};
    QTest::newRow("single") << QStringList{"09:00-10:00"} << QList<int>{0} << QList<int>{1};
    QTest::newRow("back-to-back share a lane") << QStringList{"09:00-10:00", "10:00-11:00", "11:00-11:30"}
                                               << QList<int>{0, 0, 0} << QList<int>{1, 1, 1};
    QTest::newRow("apart") << QStringList{"09:00-10:00", "14:00-15:00"} << QList<int>{0, 0}
                           << QList<int>{1, 1};
    QTest::newRow("nested") << QStringList{"09:00-12:00", "10:00-11:00"} << QList<int>{0, 1}
                            << QList<int>{2, 2};
    QTest::newRow("same start, longer first")
        << QStringList{"09:00-09:30", "09:00-11:00"} << QList<int>{1, 0} << QList<int>{2, 2};
    QTest::newRow("three-way overlap") << QStringList{"09:00-11:00", "10:00-12:00", "10:30-11:30"}
                                       << QList<int>{0, 1, 2} << QList<int>{3, 3, 3};
    QTest::newRow("freed lane is reused within the group")
        << QStringList{"09:00-10:00", "09:30-11:00", "10:00-10:30"} << QList<int>{0, 1, 0}
        << QList<int>{2, 2, 2};
    QTest::newRow("chain is one group")
        << QStringList{"09:00-10:00", "09:30-10:30", "10:15-11:00", "11:00-12:00"} << QList<int>{0, 1, 0, 0}
        << QList<int>{2, 2, 2, 1};
    QTest::newRow("points in time at the same moment")
        << QStringList{"09:00-09:00", "09:00-09:00"} << QList<int>{0, 1} << QList<int>{2, 2};
    QTest::newRow("point at a span's end does not overlap")
        << QStringList{"09:00-10:00", "10:00-10:00"} << QList<int>{0, 0} << QList<int>{1, 1};
}

void TestTimelineLanes::assign()
{
    QFETCH(QStringList, spans);
    QFETCH(QList<int>, lanes);
    QFETCH(QList<int>, laneCounts);

    const QList<LanePlacement> placements = TimelineLanes::assign(spansOf(spans));
    QCOMPARE(placements.size(), spans.size());
    QList<int> gotLanes;
    QList<int> gotCounts;
    for (const LanePlacement &placement : placements) {
        gotLanes.append(placement.lane);
        gotCounts.append(placement.laneCount);
        QVERIFY(placement.lane < placement.laneCount);
    }
    QCOMPARE(gotLanes, lanes);
    QCOMPARE(gotCounts, laneCounts);
}

void TestTimelineLanes::keepsInputOrder()
{
    // The same spans in reverse order get the same placements, reversed.
    const QList<LanePlacement> forward = TimelineLanes::assign(spansOf({"09:00-12:00", "10:00-11:00"}));
    const QList<LanePlacement> backward = TimelineLanes::assign(spansOf({"10:00-11:00", "09:00-12:00"}));
    QCOMPARE(backward.value(0), forward.value(1));
    QCOMPARE(backward.value(1), forward.value(0));
}

QTEST_GUILESS_MAIN(TestTimelineLanes)
#include "tst_timelinelanes.moc"
