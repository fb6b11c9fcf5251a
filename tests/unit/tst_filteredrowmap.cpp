#include "filteredrowmap.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Plenary;

namespace {
using Rows = std::vector<quint8>;

Rows rowsFrom(const char *pattern) // "x.x" -> shown, hidden, shown
{
    Rows rows;
    for (const char *c = pattern; *c; ++c)
        rows.push_back(*c == 'x' ? 1 : 0);
    return rows;
}

std::vector<int> shownSourceRows(const Rows &rows)
{
    std::vector<int> shown;
    for (size_t row = 0; row < rows.size(); ++row) {
        if (rows[row])
            shown.push_back(int(row));
    }
    return shown;
}

// Every answer the map gives, checked against the rows a view would hold (`view`: source row per row).
bool answersMatch(const FilteredRowMap &map, const std::vector<int> &view, QString *why)
{
    if (map.rowCount() != int(view.size())) {
        *why = QStringLiteral("rowCount %1, the view holds %2").arg(map.rowCount()).arg(view.size());
        return false;
    }
    std::vector<int> rowOfSource(size_t(map.sourceSize()), -1);
    for (size_t row = 0; row < view.size(); ++row) {
        if (map.sourceRow(int(row)) != view[row]) {
            *why = QStringLiteral("row %1 maps to source %2, the view has %3")
                       .arg(row)
                       .arg(map.sourceRow(int(row)))
                       .arg(view[row]);
            return false;
        }
        rowOfSource[size_t(view[row])] = int(row);
    }
    int next = int(view.size());
    for (int source = map.sourceSize() - 1; source >= 0; --source) {
        if (map.rowOf(source) != rowOfSource[size_t(source)]) {
            *why = QStringLiteral("source %1 maps to row %2, expected %3")
                       .arg(source)
                       .arg(map.rowOf(source))
                       .arg(rowOfSource[size_t(source)]);
            return false;
        }
        if (rowOfSource[size_t(source)] >= 0)
            next = rowOfSource[size_t(source)];
        if (map.rowAtOrAfter(source) != next) {
            *why = QStringLiteral("first row at or after source %1 is %2, expected %3")
                       .arg(source)
                       .arg(map.rowAtOrAfter(source))
                       .arg(next);
            return false;
        }
    }
    if (map.sourceRow(-1) != -1 || map.sourceRow(int(view.size())) != -1 || map.rowOf(-1) != -1 ||
        map.rowOf(map.sourceSize()) != -1 || map.rowAtOrAfter(map.sourceSize()) != int(view.size())) {
        *why = QStringLiteral("out-of-range answers");
        return false;
    }
    return true;
}

struct Replay
{
    std::vector<int> view; ///< what a view knows: source row per row, updated from the announcements
    QStringList log;
    QString failure;
};

// Moves `map` to `to` and replays the announcements on a view, checking the map's answers at every step.
int changeAndReplay(FilteredRowMap &map, const Rows &to, Replay &replay)
{
    return map.changeTo(
        to,
        [&map, &replay](const FilteredRowMap::Change &change) {
            QString why;
            if (replay.failure.isEmpty() && !answersMatch(map, replay.view, &why))
                replay.failure = QStringLiteral("before a change: ") + why;
            replay.log.append(QStringLiteral("%1 %2-%3")
                                  .arg(QChar(change.kind == FilteredRowMap::Change::Remove ? u'-' : u'+'))
                                  .arg(change.first)
                                  .arg(change.last));
        },
        [&map, &replay](const FilteredRowMap::Change &change) {
            auto &view = replay.view;
            if (change.first < 0 || change.last < change.first ||
                (change.kind == FilteredRowMap::Change::Remove && change.last >= int(view.size())) ||
                change.first > int(view.size())) {
                replay.failure = QStringLiteral("change out of range: ") + replay.log.last();
                return;
            }
            if (change.kind == FilteredRowMap::Change::Remove) {
                view.erase(view.begin() + change.first, view.begin() + change.last + 1);
            } else {
                for (int row = change.first; row <= change.last; ++row)
                    view.insert(view.begin() + row, map.sourceRow(row));
            }
            QString why;
            if (replay.failure.isEmpty() && !answersMatch(map, view, &why))
                replay.failure = QStringLiteral("after ") + replay.log.last() + QStringLiteral(": ") + why;
        });
}
} // namespace

class TestFilteredRowMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyMapAnswers()
    {
        FilteredRowMap map;
        QCOMPARE(map.rowCount(), 0);
        QCOMPARE(map.sourceSize(), 0);
        QCOMPARE(map.sourceRow(0), -1);
        QCOMPARE(map.rowOf(0), -1);
        QCOMPARE(map.rowAtOrAfter(0), 0);
    }

    void announcements_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("nothing changes") << "x.x.x"
                                         << "x.x.x" << QStringList{};
        QTest::newRow("hidden rows only") << "....."
                                          << "....." << QStringList{};
        QTest::newRow("one row hidden") << "xxxxx"
                                        << "xx.xx" << QStringList{"- 2-2"};
        QTest::newRow("one row shown") << "xx.xx"
                                       << "xxxxx" << QStringList{"+ 2-2"};
        QTest::newRow("everything hidden") << "xxxx"
                                           << "...." << QStringList{"- 0-3"};
        QTest::newRow("everything shown") << "...."
                                          << "xxxx" << QStringList{"+ 0-3"};
        // Bottom up, one removal then one insertion per stretch between rows that stay.
        QTest::newRow("scattered") << "xxxxxx"
                                   << ".xx.x." << QStringList{"- 5-5", "- 3-3", "- 0-0"};
        QTest::newRow("swap within a stretch") << "x.x.x"
                                               << "xx..x" << QStringList{"- 1-1", "+ 1-1"};
        QTest::newRow("new rows around old ones") << "..x.."
                                                  << "xx.xx" << QStringList{"- 0-0", "+ 0-3"};
        QTest::newRow("top and bottom") << "xx.xx"
                                        << ".xxx." << QStringList{"- 3-3", "+ 2-2", "- 0-0"};
    }

    void announcements()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, expected);
        FilteredRowMap map;
        const Rows before = rowsFrom(qPrintable(from));
        const Rows after = rowsFrom(qPrintable(to));
        map.reset(before);
        Replay replay;
        replay.view = shownSourceRows(before);
        const int changes = changeAndReplay(map, after, replay);
        QVERIFY2(replay.failure.isEmpty(), qPrintable(replay.failure));
        QCOMPARE(replay.log, expected);
        QCOMPARE(changes, int(expected.size()));
        QCOMPARE(replay.view, shownSourceRows(after));
        QCOMPARE(map.shown(), after);
    }

    void anotherSizeIsAReset()
    {
        FilteredRowMap map;
        map.reset(rowsFrom("xx.x"));
        int announced = 0;
        const auto count = [&announced](const FilteredRowMap::Change &) { ++announced; };
        QCOMPARE(map.changeTo(rowsFrom("x."), count, count), -1);
        QCOMPARE(announced, 0);
        QCOMPARE(map.rowCount(), 1);
        QCOMPARE(map.sourceSize(), 2);
        QCOMPARE(map.sourceRow(0), 0);
        QCOMPARE(map.shown(), rowsFrom("x."));
    }

    void randomChangesReplayExactly()
    {
        QRandomGenerator random(2027);
        int announcedInAll = 0;
        for (int round = 0; round < 3000; ++round) {
            const int size = int(random.bounded(0, 40));
            // Dense, sparse and mixed patterns, so long stretches and single rows both occur.
            const auto pattern = [&random, size] {
                const int density = int(random.bounded(0, 101));
                Rows rows(size_t(size), 0);
                for (auto &row : rows)
                    row = random.bounded(100) < density ? 1 : 0;
                return rows;
            };
            FilteredRowMap map;
            const Rows from = pattern();
            map.reset(from);
            Replay replay;
            replay.view = shownSourceRows(from);
            for (int step = 0; step < 4; ++step) {
                const Rows to = pattern();
                const int changes = changeAndReplay(map, to, replay);
                QVERIFY2(
                    replay.failure.isEmpty(),
                    qPrintable(
                        QStringLiteral("round %1 step %2: %3").arg(round).arg(step).arg(replay.failure)));
                QVERIFY(changes >= 0);
                QCOMPARE(replay.view, shownSourceRows(to));
                QString why;
                QVERIFY2(answersMatch(map, replay.view, &why), qPrintable(why));
                announcedInAll += changes;
            }
        }
        QVERIFY(announcedInAll > 10000);
    }
};

QTEST_APPLESS_MAIN(TestFilteredRowMap)
#include "tst_filteredrowmap.moc"
