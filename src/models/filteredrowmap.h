#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

namespace Plenary {

/**
 * The rows a filter shows out of a flat source list (in source order), and how to go from one set of shown
 * rows to another as exact row removals and insertions.
 *
 * changeTo() walks the source from the bottom up and announces each stretch between two rows that stay
 * shown as at most one removal and one insertion. Between a change's `before` and `after` callbacks the map
 * moves to the state after that change, so a model can call beginRemoveRows()/beginInsertRows() in `before`
 * and the matching end in `after`, and every question asked of it in between (row counts, mappings) is
 * answered for the state the views were last told of. Each step is O(1); the whole change is O(source rows)
 * plus the announcements.
 */
class FilteredRowMap
{
public:
    struct Change
    {
        enum Kind { Remove, Insert };
        Kind kind = Remove;
        int first = 0; ///< first shown row, counted in the state before the change
        int last = 0;  ///< last shown row (inclusive)
    };
    using Announce = std::function<void(const Change &)>;

    /** Shows the rows marked 1 in `shown` at once (e.g. inside a model reset). */
    void reset(std::vector<quint8> shown);
    /**
     * Moves to `shown` through exact removals and insertions and returns how many were announced. `shown`
     * must have as many source rows as now; otherwise this is a reset() and returns -1.
     */
    int changeTo(std::vector<quint8> shown, const Announce &before, const Announce &after);

    int sourceSize() const { return int(m_new.size()); }
    int rowCount() const;
    /** The source row shown at `row`, or -1 when out of range. */
    int sourceRow(int row) const;
    /** The row that shows `sourceRow`, or -1 when it is hidden or out of range. */
    int rowOf(int sourceRow) const;
    /** The first shown row at or after `sourceRow` (rowCount() when none), e.g. to map a source range. */
    int rowAtOrAfter(int sourceRow) const;
    /** The final state, per source row. */
    const std::vector<quint8> &shown() const { return m_new; }

private:
    static void index(const std::vector<quint8> &shown, std::vector<int> &prefix, std::vector<int> &rows);
    /** How many source rows before `sourceRow` (at most m_oldUntil) are shown in the old state. */
    int oldBefore(int sourceRow) const;

    // While changeTo() runs, source rows below m_oldUntil are in the old state, rows from m_newFrom on in the
    // new state, and rows in between are shown in neither. Otherwise both are 0: everything is new.
    std::vector<quint8> m_old;
    std::vector<int> m_oldPrefix; ///< per source row: how many rows before it are shown in the old state
    std::vector<int> m_oldRows;   ///< old state: source row per shown row
    std::vector<quint8> m_new;
    std::vector<int> m_newPrefix{0};
    std::vector<int> m_newRows;
    int m_oldUntil = 0;
    int m_newFrom = 0;
};

} // namespace Plenary
