#include "sessionfilterproxymodel.h"

#include "sessionlistmodel.h"
#include "textfolder.h"

namespace Plenary {

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
    connect(this, &QAbstractItemModel::rowsInserted, this, &SessionFilterProxyModel::emitCountIfChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &SessionFilterProxyModel::emitCountIfChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &SessionFilterProxyModel::emitCountIfChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &SessionFilterProxyModel::emitCountIfChanged);
}

void SessionFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_sessions)
        disconnect(m_sessions, nullptr, this, nullptr);
    m_sessions = qobject_cast<SessionListModel *>(sourceModel);
    if (m_sessions) {
        // Connected before QSortFilterProxyModel's own handler, so the matches are fresh when it refilters.
        connect(m_sessions, &QAbstractItemModel::modelReset, this,
                &SessionFilterProxyModel::updateQueryMatches);
        connect(m_sessions, &SessionListModel::agendaChanged, this, [this] {
            if (m_onlyAgenda)
                refilter();
        });
    }
    updateQueryMatches();
    QSortFilterProxyModel::setSourceModel(sourceModel);
    emitCountIfChanged();
}

void SessionFilterProxyModel::emitCountIfChanged()
{
    if (m_applying)
        return;
    const int now = rowCount();
    if (now != m_lastCount) {
        m_lastCount = now;
        Q_EMIT countChanged();
    }
}

void SessionFilterProxyModel::refilter()
{
    evaluateOtherFilters();
    applyFilter();
}

void SessionFilterProxyModel::evaluateOtherFilters()
{
    m_otherFiltersPass.assign(static_cast<size_t>(m_sessions ? m_sessions->count() : 0), 0);
    for (size_t row = 0; row < m_otherFiltersPass.size(); ++row)
        m_otherFiltersPass[row] = acceptsIgnoringQuery(int(row)) ? 1 : 0;
}

std::vector<quint8> SessionFilterProxyModel::acceptedRows() const
{
    std::vector<quint8> accepted(m_otherFiltersPass);
    if (!m_needle.isEmpty()) {
        for (size_t row = 0; row < accepted.size(); ++row)
            accepted[row] &= m_queryMatches[row];
    }
    return accepted;
}

void SessionFilterProxyModel::applyFilter()
{
    std::vector<quint8> accepted = acceptedRows();
    const size_t rows = accepted.size();
    // QSortFilterProxyModel announces each run of hidden (shown) rows between two rows that stay visible as
    // one removal (insertion) and rebuilds its row mapping for each. A list keeps its delegates through a
    // removal or insertion and rebuilds them all on a layout change, yet with a ListView of 20,000 sessions
    // (bench_sessionsearch) several runs at once cost more than the layout change at p99; so nothing is
    // announced when nothing changed, one run as such, and anything more as a layout change.
    const bool sameRows = m_accepted.size() == rows;
    size_t runs = 0;
    if (sameRows) {
        bool inRemoved = false;
        bool inInserted = false;
        for (size_t row = 0; row < rows && runs <= 1; ++row) {
            const bool before = m_accepted[row];
            const bool after = accepted[row];
            if (before) {
                runs += !after && !inRemoved ? 1 : 0;
                inRemoved = !after;
            }
            if (after) {
                runs += !before && !inInserted ? 1 : 0;
                inInserted = !before;
            }
        }
    }
    const bool incremental = sameRows && runs <= 1;
    m_accepted.swap(accepted);
    if (incremental && runs == 0)
        return;
    // One countChanged for the whole change, not one per announced run.
    m_applying = true;
    if (incremental)
        invalidateRowsFilter();
    else
        invalidate();
    m_applying = false;
    emitCountIfChanged();
}

void SessionFilterProxyModel::updateQueryMatches()
{
    m_recent.clear();
    computeMatches();
    evaluateOtherFilters();
    m_accepted = acceptedRows();
}

void SessionFilterProxyModel::computeMatches()
{
    if (!m_sessions || m_needle.isEmpty()) {
        m_queryMatches.clear();
        return;
    }
    constexpr size_t kRecentNeedles = 32;
    const auto same = std::find_if(m_recent.cbegin(), m_recent.cend(),
                                   [this](const auto &entry) { return entry.first == m_needle; });
    if (same != m_recent.cend()) {
        m_queryMatches = same->second;
    } else {
        // Narrow from the longest recent needle this one contains (typing usually extends the query).
        const std::vector<quint8> *candidates = nullptr;
        qsizetype longest = 0;
        for (const auto &[needle, matches] : m_recent) {
            if (needle.size() > longest && m_needle.contains(needle)) {
                candidates = &matches;
                longest = needle.size();
            }
        }
        m_sessions->searchIndex().match(m_needle, m_queryMatches, candidates);
        if (m_recent.size() >= kRecentNeedles)
            m_recent.erase(m_recent.begin());
        m_recent.emplace_back(m_needle, m_queryMatches);
    }
}

void SessionFilterProxyModel::setDay(int day)
{
    if (m_day == day)
        return;
    m_day = day;
    refilter();
    Q_EMIT dayChanged();
}

void SessionFilterProxyModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    const QString needle = TextFolder::fold(query.trimmed());
    if (needle != m_needle) {
        m_needle = needle;
        computeMatches();
        applyFilter();
    }
    Q_EMIT queryChanged();
}

void SessionFilterProxyModel::setTrack(const QString &trackId)
{
    if (m_track == trackId)
        return;
    const int before = activeFilterCount();
    m_track = trackId;
    refilter();
    Q_EMIT trackChanged();
    if (activeFilterCount() != before)
        Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setType(int type)
{
    if (m_type == type)
        return;
    const int before = activeFilterCount();
    m_type = type;
    refilter();
    Q_EMIT typeChanged();
    if (activeFilterCount() != before)
        Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setFloor(const QString &floorId)
{
    if (m_floor == floorId)
        return;
    const int before = activeFilterCount();
    m_floor = floorId;
    refilter();
    Q_EMIT floorChanged();
    if (activeFilterCount() != before)
        Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setRoom(const QString &roomId)
{
    if (m_room == roomId)
        return;
    const int before = activeFilterCount();
    m_room = roomId;
    refilter();
    Q_EMIT roomChanged();
    if (activeFilterCount() != before)
        Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setLevel(const QString &level)
{
    if (m_level == level)
        return;
    const int before = activeFilterCount();
    m_level = level;
    refilter();
    Q_EMIT levelChanged();
    if (activeFilterCount() != before)
        Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setOnlyWithSeats(bool onlyWithSeats)
{
    if (m_onlyWithSeats == onlyWithSeats)
        return;
    m_onlyWithSeats = onlyWithSeats;
    refilter();
    Q_EMIT onlyWithSeatsChanged();
    Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setOnlyAgenda(bool onlyAgenda)
{
    if (m_onlyAgenda == onlyAgenda)
        return;
    m_onlyAgenda = onlyAgenda;
    refilter();
    Q_EMIT onlyAgendaChanged();
    Q_EMIT activeFilterCountChanged();
}

void SessionFilterProxyModel::setSpeakerId(const QString &speakerId)
{
    if (m_speakerId == speakerId)
        return;
    m_speakerId = speakerId;
    refilter();
    Q_EMIT speakerIdChanged();
}

int SessionFilterProxyModel::activeFilterCount() const
{
    return int(!m_track.isEmpty()) + int(m_type >= 0) + int(!m_floor.isEmpty()) + int(!m_room.isEmpty()) +
           int(!m_level.isEmpty()) + int(m_onlyWithSeats) + int(m_onlyAgenda);
}

void SessionFilterProxyModel::clearFilters()
{
    if (activeFilterCount() == 0)
        return;
    m_track.clear();
    m_type = -1;
    m_floor.clear();
    m_room.clear();
    m_level.clear();
    m_onlyWithSeats = false;
    m_onlyAgenda = false;
    refilter();
    Q_EMIT trackChanged();
    Q_EMIT typeChanged();
    Q_EMIT floorChanged();
    Q_EMIT roomChanged();
    Q_EMIT levelChanged();
    Q_EMIT onlyWithSeatsChanged();
    Q_EMIT onlyAgendaChanged();
    Q_EMIT activeFilterCountChanged();
}

bool SessionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_sessions || sourceParent.isValid())
        return false;
    if (size_t(sourceRow) < m_accepted.size())
        return m_accepted[size_t(sourceRow)];
    if (!m_needle.isEmpty() &&
        (size_t(sourceRow) >= m_queryMatches.size() || !m_queryMatches[size_t(sourceRow)]))
        return false;
    return acceptsIgnoringQuery(sourceRow);
}

bool SessionFilterProxyModel::acceptsIgnoringQuery(int sourceRow) const
{
    const SessionListModel::Entry &e = m_sessions->entry(sourceRow);
    const Session &s = *e.session;
    if (m_day >= 0 && e.day != m_day)
        return false;
    if (!m_track.isEmpty() && s.trackId != m_track)
        return false;
    if (m_type >= 0 && int(s.type) != m_type)
        return false;
    if (!m_floor.isEmpty() && e.floorId != m_floor)
        return false;
    if (!m_room.isEmpty() && s.roomId != m_room)
        return false;
    if (!m_level.isEmpty() && s.level.compare(m_level, Qt::CaseInsensitive) != 0)
        return false;
    if (m_onlyWithSeats && s.seatCapacity.value_or(0) <= 0)
        return false;
    if (!m_speakerId.isEmpty() && !s.speakerIds.contains(m_speakerId))
        return false;
    if (m_onlyAgenda && !m_sessions->isInAgenda(sourceRow))
        return false;
    return true;
}

int SessionFilterProxyModel::rowForTime(const QDateTime &now) const
{
    const int rows = rowCount();
    if (rows == 0 || !m_sessions)
        return -1;
    for (int row = 0; row < rows; ++row) {
        const int sourceRow = mapToSource(index(row, 0)).row();
        const Session &s = *m_sessions->entry(sourceRow).session;
        if ((s.end.isValid() ? s.end : s.start) > now)
            return row;
    }
    return rows - 1;
}

int SessionFilterProxyModel::rowOfSession(const QString &sessionId) const
{
    if (!m_sessions)
        return -1;
    const int sourceRow = m_sessions->rowOf(sessionId);
    return sourceRow < 0 ? -1 : mapFromSource(m_sessions->index(sourceRow)).row();
}

QString SessionFilterProxyModel::sessionIdAt(int row) const
{
    if (!m_sessions || row < 0 || row >= rowCount())
        return {};
    return m_sessions->entry(mapToSource(index(row, 0)).row()).session->id;
}

} // namespace Plenary
