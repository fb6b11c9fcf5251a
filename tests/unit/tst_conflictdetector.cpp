#include "conflictdetector.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Plenary;

namespace {

const QTimeZone kBrussels("Europe/Brussels");

using Kind = AgendaItem::Kind;

// "2026-06-10 10:00" in Brussels; "...Z" in UTC.
QDateTime at(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (text.endsWith('Z')) {
        QDateTime utc = QDateTime::fromString(text.chopped(1), "yyyy-MM-dd HH:mm");
        utc.setTimeSpec(Qt::UTC);
        return utc;
    }
    const QDateTime local = QDateTime::fromString(text, "yyyy-MM-dd HH:mm");
    return QDateTime(local.date(), local.time(), kBrussels);
}

AgendaItem item(const QString &id, Kind kind, const QDateTime &start, const QDateTime &end)
{
    AgendaItem item;
    item.kind = kind;
    if (kind == Kind::Personal)
        item.personalId = id;
    else
        item.sessionId = id;
    item.title = id;
    item.start = start;
    item.end = end;
    return item;
}

} // namespace

class TestConflictDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pair_data();
    void pair();
    void notTakingPart();
    void detectLists();
    void detectMatchesBruteForce();
    void worstAndPerItem();
};

void TestConflictDetector::pair_data()
{
    QTest::addColumn<Kind>("aKind");
    QTest::addColumn<QDateTime>("aStart");
    QTest::addColumn<QDateTime>("aEnd");
    QTest::addColumn<Kind>("bKind");
    QTest::addColumn<QDateTime>("bStart");
    QTest::addColumn<QDateTime>("bEnd");
    QTest::addColumn<ConflictSeverity>("severity");
    QTest::addColumn<ConflictFix>("fix");
    QTest::addColumn<QString>("yields"); // "a" or "b"

    const auto F = Kind::Favourite;
    const auto S = Kind::Seat;
    const auto P = Kind::Personal;
    const auto none = ConflictSeverity::None;
    const auto overlap = ConflictSeverity::Overlap;
    const auto seat = ConflictSeverity::SeatHeld;
    const auto both = ConflictSeverity::DoubleBooked;

    QTest::newRow("back-to-back") << F << at("2026-06-10 10:00") << at("2026-06-10 11:00") << F
                                  << at("2026-06-10 11:00") << at("2026-06-10 12:00") << none
                                  << ConflictFix::None << "";
    QTest::newRow("one minute apart")
        << F << at("2026-06-10 10:00") << at("2026-06-10 11:00") << F << at("2026-06-10 11:01")
        << at("2026-06-10 12:00") << none << ConflictFix::None << "";
    QTest::newRow("one minute overlap")
        << F << at("2026-06-10 10:00") << at("2026-06-10 11:01") << F << at("2026-06-10 11:00")
        << at("2026-06-10 12:00") << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("nested") << F << at("2026-06-10 10:00") << at("2026-06-10 12:00") << F
                            << at("2026-06-10 10:30") << at("2026-06-10 11:00") << overlap
                            << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("same start, same end")
        << F << at("2026-06-10 10:00") << at("2026-06-10 11:00") << F << at("2026-06-10 10:00")
        << at("2026-06-10 11:00") << overlap << ConflictFix::RemoveFavourite << "b"; // equal: greater key
    QTest::newRow("same start, shorter")
        << F << at("2026-06-10 10:00") << at("2026-06-10 12:00") << F << at("2026-06-10 10:00")
        << at("2026-06-10 10:30") << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("across midnight") << F << at("2026-06-10 23:00") << at("2026-06-11 01:00") << F
                                     << at("2026-06-11 00:30") << at("2026-06-11 01:30") << overlap
                                     << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("across midnight, back-to-back")
        << F << at("2026-06-10 23:00") << at("2026-06-11 00:00") << F << at("2026-06-11 00:00")
        << at("2026-06-11 01:00") << none << ConflictFix::None << "";
    // Night of 25 October 2026: 02:00-03:00 happens twice in Brussels (CEST, then CET).
    QTest::newRow("DST end: same wall clock, different hour")
        << F << at("2026-10-25 00:00Z") << at("2026-10-25 00:30Z") // 02:00-02:30 CEST
        << F << at("2026-10-25 01:15Z") << at("2026-10-25 01:45Z") // 02:15-02:45 CET
        << none << ConflictFix::None << "";
    QTest::newRow("DST end: across the repeated hour")
        << F << at("2026-10-25 00:30Z") << at("2026-10-25 01:30Z") // 02:30 CEST - 02:30 CET
        << F << at("2026-10-25 01:15Z") << at("2026-10-25 01:45Z") << overlap << ConflictFix::RemoveFavourite
        << "b";
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST.
    QTest::newRow("DST start: back-to-back over the gap")
        << F << at("2026-03-29 01:00") << at("2026-03-29 03:00") // one real hour
        << F << at("2026-03-29 03:00") << at("2026-03-29 04:00") << none << ConflictFix::None << "";
    QTest::newRow("DST start: overlap after the gap")
        << F << at("2026-03-29 01:30") << at("2026-03-29 03:30") << F << at("2026-03-29 03:00")
        << at("2026-03-29 04:00") << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("other time zone") // 09:00-10:00 UTC is 11:00-12:00 in Brussels (CEST)
        << P << at("2026-06-10 09:00Z") << at("2026-06-10 10:00Z") << F << at("2026-06-10 11:30")
        << at("2026-06-10 12:30") << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("other time zone, back-to-back")
        << P << at("2026-06-10 09:00Z") << at("2026-06-10 10:00Z") << F << at("2026-06-10 12:00")
        << at("2026-06-10 13:00") << none << ConflictFix::None << "";
    QTest::newRow("seat vs favourite: favourite yields even when earlier")
        << F << at("2026-06-10 10:00") << at("2026-06-10 11:00") << S << at("2026-06-10 10:30")
        << at("2026-06-10 11:30") << seat << ConflictFix::RemoveFavourite << "a";
    QTest::newRow("favourite vs seat")
        << S << at("2026-06-10 10:00") << at("2026-06-10 11:00") << F << at("2026-06-10 10:30")
        << at("2026-06-10 11:30") << seat << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("two seats") << S << at("2026-06-10 10:00") << at("2026-06-10 11:00") << S
                               << at("2026-06-10 10:30") << at("2026-06-10 11:30") << both
                               << ConflictFix::ReleaseSeat << "b";
    QTest::newRow("seat vs personal")
        << P << at("2026-06-10 19:00") << at("2026-06-10 22:00") << S << at("2026-06-10 18:00")
        << at("2026-06-10 20:00") << seat << ConflictFix::ReleaseSeat << "b";
    QTest::newRow("favourite vs personal")
        << P << at("2026-06-10 19:00") << at("2026-06-10 22:00") << F << at("2026-06-10 21:00")
        << at("2026-06-10 21:30") << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("two personal items")
        << P << at("2026-06-10 19:00") << at("2026-06-10 22:00") << P << at("2026-06-10 21:00")
        << at("2026-06-10 23:00") << overlap << ConflictFix::EditPersonalItem << "b";
    QTest::newRow("point inside a span")
        << P << at("2026-06-10 10:15") << QDateTime() << F << at("2026-06-10 10:00") << at("2026-06-10 11:00")
        << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("point at a span's start")
        << P << at("2026-06-10 10:00") << at("2026-06-10 10:00") << F << at("2026-06-10 10:00")
        << at("2026-06-10 11:00") << overlap << ConflictFix::RemoveFavourite << "b";
    QTest::newRow("point at a span's end")
        << P << at("2026-06-10 11:00") << QDateTime() << F << at("2026-06-10 10:00") << at("2026-06-10 11:00")
        << none << ConflictFix::None << "";
    QTest::newRow("two points at one instant")
        << P << at("2026-06-10 11:00") << QDateTime() << P << at("2026-06-10 11:00") << QDateTime() << overlap
        << ConflictFix::EditPersonalItem << "b";
    QTest::newRow("end before start is a point")
        << F << at("2026-06-10 11:00") << at("2026-06-10 10:00") << F << at("2026-06-10 10:00")
        << at("2026-06-10 11:00") << none << ConflictFix::None << "";
}

void TestConflictDetector::pair()
{
    QFETCH(Kind, aKind);
    QFETCH(QDateTime, aStart);
    QFETCH(QDateTime, aEnd);
    QFETCH(Kind, bKind);
    QFETCH(QDateTime, bStart);
    QFETCH(QDateTime, bEnd);
    QFETCH(ConflictSeverity, severity);
    QFETCH(ConflictFix, fix);
    QFETCH(QString, yields);

    const AgendaItem a = item("a", aKind, aStart, aEnd);
    const AgendaItem b = item("b", bKind, bStart, bEnd);
    QCOMPARE(ConflictDetector::overlaps(a, b), severity != ConflictSeverity::None);
    QCOMPARE(ConflictDetector::overlaps(b, a), severity != ConflictSeverity::None);
    QCOMPARE(ConflictDetector::severity(a, b), severity);
    QCOMPARE(ConflictDetector::severity(b, a), severity);

    const QList<Conflict> conflicts = ConflictDetector::detect({b, a});
    if (severity == ConflictSeverity::None) {
        QVERIFY(conflicts.isEmpty());
        return;
    }
    QCOMPARE(conflicts.size(), 1);
    const Conflict &conflict = conflicts.first();
    QCOMPARE(conflict.severity, severity);
    QCOMPARE(conflict.fix, fix);
    QCOMPARE(conflict.fixKey, (yields == "a" ? a : b).key());
    QCOMPARE(&ConflictDetector::yielding(a, b), yields == "a" ? &a : &b);
    QCOMPARE(&ConflictDetector::yielding(b, a), yields == "a" ? &a : &b);
    QVERIFY(conflict.involves(a.key()) && conflict.involves(b.key()));
    QCOMPARE(conflict.otherKey(a.key()), b.key());
    QVERIFY(conflict.overlapStart <= conflict.overlapEnd);
    QCOMPARE(conflict.overlapStart, std::max(aStart, bStart));
}

void TestConflictDetector::notTakingPart()
{
    AgendaItem a = item("a", Kind::Favourite, at("2026-06-10 10:00"), at("2026-06-10 11:00"));
    AgendaItem b = item("b", Kind::Seat, at("2026-06-10 10:00"), at("2026-06-10 11:00"));
    QCOMPARE(ConflictDetector::severity(a, b), ConflictSeverity::SeatHeld);
    a.inSchedule = false; // a starred session that vanished from the schedule
    QCOMPARE(ConflictDetector::severity(a, b), ConflictSeverity::None);
    QVERIFY(ConflictDetector::detect({a, b}).isEmpty());
    a.inSchedule = true;
    a.start = QDateTime();
    QCOMPARE(ConflictDetector::severity(a, b), ConflictSeverity::None);
    QVERIFY(ConflictDetector::detect({a, b}).isEmpty());
}

void TestConflictDetector::detectLists()
{
    const QList<AgendaItem> items{
        item("dinner", Kind::Personal, at("2026-06-10 19:00"), at("2026-06-10 22:00")),
        item("keynote", Kind::Favourite, at("2026-06-10 09:00"), at("2026-06-10 10:00")),
        item("workshop", Kind::Seat, at("2026-06-10 09:30"), at("2026-06-10 12:00")),
        item("lightning", Kind::Favourite, at("2026-06-10 11:00"), at("2026-06-10 11:15")),
        item("social", Kind::Favourite, at("2026-06-10 18:00"), at("2026-06-10 19:00")),
        item("late", Kind::Favourite, at("2026-06-10 21:30"), at("2026-06-10 23:00")),
    };
    const QList<Conflict> conflicts = ConflictDetector::detect(items);
    QStringList pairs;
    for (const Conflict &c : conflicts)
        pairs.append(c.firstKey + "|" + c.secondKey);
    QCOMPARE(pairs, (QStringList{"session:keynote|session:workshop", "session:workshop|session:lightning",
                                 "personal:dinner|session:late"}));
    QCOMPARE(conflicts.at(0).severity, ConflictSeverity::SeatHeld);
    QCOMPARE(conflicts.at(0).fixKey, "session:keynote");
    QCOMPARE(conflicts.at(0).overlapStart, at("2026-06-10 09:30"));
    QCOMPARE(conflicts.at(0).overlapEnd, at("2026-06-10 10:00"));
    QCOMPARE(conflicts.at(1).fix, ConflictFix::RemoveFavourite);
    QCOMPARE(conflicts.at(1).fixKey, "session:lightning");
    QCOMPARE(conflicts.at(1).overlapEnd, at("2026-06-10 11:15"));
    QCOMPARE(conflicts.at(2).severity, ConflictSeverity::Overlap);
    QCOMPARE(conflicts.at(2).fixKey, "session:late");
}

void TestConflictDetector::detectMatchesBruteForce()
{
    QRandomGenerator random(20260210);
    const QDateTime base = at("2026-06-10 08:00");
    for (int round = 0; round < 50; ++round) {
        QList<AgendaItem> items;
        const int count = random.bounded(2, 40);
        for (int i = 0; i < count; ++i) {
            const QDateTime start = base.addSecs(60 * 15 * random.bounded(0, 60));
            const QDateTime end =
                random.bounded(5) == 0 ? QDateTime() : start.addSecs(60 * 15 * random.bounded(0, 12));
            const Kind kind = Kind(random.bounded(3));
            items.append(item(QString("i%1").arg(i), kind, start, end));
        }
        QSet<QString> expected;
        for (int i = 0; i < items.size(); ++i) {
            for (int j = i + 1; j < items.size(); ++j) {
                if (ConflictDetector::overlaps(items[i], items[j])) {
                    QStringList keys{items[i].key(), items[j].key()};
                    keys.sort();
                    expected.insert(keys.join("|"));
                }
            }
        }
        QSet<QString> found;
        for (const Conflict &c : ConflictDetector::detect(items)) {
            QStringList keys{c.firstKey, c.secondKey};
            keys.sort();
            found.insert(keys.join("|"));
        }
        QCOMPARE(found, expected);
    }
}

void TestConflictDetector::worstAndPerItem()
{
    const QList<AgendaItem> items{
        item("a", Kind::Favourite, at("2026-06-10 10:00"), at("2026-06-10 11:00")),
        item("b", Kind::Favourite, at("2026-06-10 10:30"), at("2026-06-10 11:30")),
        item("c", Kind::Seat, at("2026-06-10 10:45"), at("2026-06-10 11:45")),
        item("d", Kind::Seat, at("2026-06-10 11:40"), at("2026-06-10 12:00")),
        item("e", Kind::Favourite, at("2026-06-10 13:00"), at("2026-06-10 14:00")),
    };
    const QList<Conflict> conflicts = ConflictDetector::detect(items);
    const QHash<QString, ConflictSeverity> worst = ConflictDetector::worstByItem(conflicts);
    QCOMPARE(worst.value("session:a"), ConflictSeverity::SeatHeld);
    QCOMPARE(worst.value("session:b"), ConflictSeverity::SeatHeld);
    QCOMPARE(worst.value("session:c"), ConflictSeverity::DoubleBooked);
    QCOMPARE(worst.value("session:d"), ConflictSeverity::DoubleBooked);
    QVERIFY(!worst.contains("session:e"));
    QCOMPARE(ConflictDetector::conflictsOf(conflicts, "session:a").size(), 2);
    QCOMPARE(ConflictDetector::conflictsOf(conflicts, "session:c").size(), 3);
    QVERIFY(ConflictDetector::conflictsOf(conflicts, "session:e").isEmpty());
}

QTEST_GUILESS_MAIN(TestConflictDetector)
#include "tst_conflictdetector.moc"
