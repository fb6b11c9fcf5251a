#include "filteredrowmap.h"

#include <algorithm>
#include <utility>

namespace Plenary {

void FilteredRowMap::index(const std::vector<quint8> &shown, std::vector<int> &prefix, std::vector<int> &rows)
{
    prefix.resize(shown.size() + 1);
    rows.clear();
    int count = 0;
    for (size_t row = 0; row < shown.size(); ++row) {
        prefix[row] = count;
        if (shown[row]) {
            rows.push_back(int(row));
            ++count;
        }
    }
    prefix[shown.size()] = count;
}

void FilteredRowMap::reset(std::vector<quint8> shown)
{
    m_new = std::move(shown);
    index(m_new, m_newPrefix, m_newRows);
    m_old.clear();
    m_oldPrefix.clear();
    m_oldRows.clear();
    m_oldUntil = 0;
    m_newFrom = 0;
}

int FilteredRowMap::changeTo(std::vector<quint8> shown, const Announce &before, const Announce &after)
{
    if (shown.size() != m_new.size()) {
        reset(std::move(shown));
        return -1;
    }
    m_old.swap(m_new);
    m_oldPrefix.swap(m_newPrefix);
    m_oldRows.swap(m_newRows);
    m_new = std::move(shown);
    index(m_new, m_newPrefix, m_newRows);

    const int n = int(m_new.size());
    m_oldUntil = n;
    m_newFrom = n;
    int changes = 0;
    int row = n - 1;
    while (row >= 0) {
        if (m_old[size_t(row)] && m_new[size_t(row)]) { // stays shown: the new state reaches past it
            m_oldUntil = m_newFrom = row--;
            continue;
        }
        // A stretch of rows that are hidden, newly hidden or newly shown, up to the next row that stays.
        int removed = 0;
        int inserted = 0;
        while (row >= 0 && !(m_old[size_t(row)] && m_new[size_t(row)])) {
            removed += m_old[size_t(row)];
            inserted += m_new[size_t(row)];
            --row;
        }
        const int low = row + 1;
        const int first = m_oldPrefix[size_t(low)]; // the rows above the stretch are still in the old state
        // The removal takes the stretch's old rows away (rows from `low` are then shown in neither state),
        // the insertion brings its new ones; the map moves between a change's two callbacks.
        const auto announce = [&](Change::Kind kind, int count, int &boundary) {
            if (count > 0) {
                const Change change{kind, first, first + count - 1};
                before(change);
                boundary = low;
                after(change);
                ++changes;
            }
            boundary = low;
        };
        announce(Change::Remove, removed, m_oldUntil);
        announce(Change::Insert, inserted, m_newFrom);
    }
    m_oldUntil = 0;
    m_newFrom = 0;
    m_old.clear();
    m_oldPrefix.clear();
    m_oldRows.clear();
    return changes;
}

int FilteredRowMap::oldBefore(int sourceRow) const
{
    return sourceRow == 0 ? 0 : m_oldPrefix[size_t(sourceRow)];
}

int FilteredRowMap::rowCount() const
{
    return oldBefore(m_oldUntil) + int(m_newRows.size()) - m_newPrefix[size_t(m_newFrom)];
}

int FilteredRowMap::sourceRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const int head = oldBefore(m_oldUntil);
    if (row < head)
        return m_oldRows[size_t(row)];
    return m_newRows[size_t(m_newPrefix[size_t(m_newFrom)] + row - head)];
}

int FilteredRowMap::rowOf(int sourceRow) const
{
    if (sourceRow < 0 || sourceRow >= int(m_new.size()))
        return -1;
    if (sourceRow < m_oldUntil)
        return m_old[size_t(sourceRow)] ? m_oldPrefix[size_t(sourceRow)] : -1;
    if (sourceRow < m_newFrom || !m_new[size_t(sourceRow)])
        return -1;
    return oldBefore(m_oldUntil) + m_newPrefix[size_t(sourceRow)] - m_newPrefix[size_t(m_newFrom)];
}

int FilteredRowMap::rowAtOrAfter(int sourceRow) const
{
    sourceRow = std::clamp(sourceRow, 0, int(m_new.size()));
    if (sourceRow < m_oldUntil)
        return m_oldPrefix[size_t(sourceRow)];
    const int head = oldBefore(m_oldUntil);
    if (sourceRow < m_newFrom)
        return head;
    return head + m_newPrefix[size_t(sourceRow)] - m_newPrefix[size_t(m_newFrom)];
}

} // namespace Plenary
