#include "sessionfilterproxymodel.h"

#include "sessionlistmodel.h"
#include "textfolder.h"

namespace Plenary {

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &SessionFilterProxyModel::emitCountIfChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &SessionFilterProxyModel::emitCountIfChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &SessionFilterProxyModel::emitCountIfChanged);
}

void SessionFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    beginResetModel();
    if (QAbstractItemModel *previous = this->sourceModel())
        disconnect(previous, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_sessions = qobject_cast<SessionListModel *>(sourceModel);
    if (sourceModel) {
        // SessionListModel only resets; any other change of rows is taken as a reset too.
        connect(sourceModel, &QAbstractItemModel::modelAboutToBeReset, this,
                &SessionFilterProxyModel::beginSourceReset);
        connect(sourceModel, &QAbstractItemModel::modelReset, this, &SessionFilterProxyModel::endSourceReset);
        connect(sourceModel, &QAbstractItemModel::layoutAboutToBeChanged, this,
                [this] { beginSourceReset(); });
        connect(sourceModel, &QAbstractItemModel::layoutChanged, this, [this] { endSourceReset(); });
        const auto rowsAboutTo = [this](const QModelIndex &, int, int) { beginSourceReset(); };
        const auto rowsDone = [this](const QModelIndex &, int, int) { endSourceReset(); };
        connect(sourceModel, &QAbstractItemModel::rowsAboutToBeInserted, this, rowsAboutTo);
        connect(sourceModel, &QAbstractItemModel::rowsAboutToBeRemoved, this, rowsAboutTo);
        connect(sourceModel, &QAbstractItemModel::rowsInserted, this, rowsDone);
        connect(sourceModel, &QAbstractItemModel::rowsRemoved, this, rowsDone);
        connect(sourceModel, &QAbstractItemModel::rowsAboutToBeMoved, this, [this] { beginSourceReset(); });
        connect(sourceModel, &QAbstractItemModel::rowsMoved, this, [this] { endSourceReset(); });
        connect(sourceModel, &QAbstractItemModel::dataChanged, this,
                &SessionFilterProxyModel::forwardDataChanged);
    }
    if (m_sessions) {
        connect(m_sessions, &SessionListModel::agendaChanged, this, [this] {
            if (m_onlyAgenda)
                refilter();
        });
    }
    updateQueryMatches();
    endResetModel();
}

void SessionFilterProxyModel::beginSourceReset()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void SessionFilterProxyModel::endSourceReset()
{
    if (!m_resetting)
        return;
    updateQueryMatches();
    m_resetting = false;
    endResetModel();
}

void SessionFilterProxyModel::forwardDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                                 const QList<int> &roles)
{
    if (m_resetting || topLeft.parent().isValid())
        return;
    // The shown rows of a source range are one range of rows here (the order is the source's).
    const int first = m_rows.rowAtOrAfter(topLeft.row());
    const int last = m_rows.rowAtOrAfter(bottomRight.row() + 1) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1), roles);
}

QModelIndex SessionFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex SessionFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int SessionFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : m_rows.rowCount();
}

int SessionFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool SessionFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex SessionFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || !sourceModel())
        return {};
    const int sourceRow = m_rows.sourceRow(proxyIndex.row());
    return sourceRow < 0 ? QModelIndex() : sourceModel()->index(sourceRow, proxyIndex.column());
}

QModelIndex SessionFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() || sourceIndex.parent().isValid())
        return {};
    const int row = m_rows.rowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
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
    if (m_resetting)
        return; // endSourceReset() filters the new rows
    std::vector<quint8> accepted = acceptedRows();
    if (int(accepted.size()) != m_rows.sourceSize()) { // cannot happen while the source tells of its changes
        beginResetModel();
        m_rows.reset(std::move(accepted));
        endResetModel();
        return;
    }
    // One countChanged for the whole change, not one per announced stretch.
    m_applying = true;
    const int changes = m_rows.changeTo(
        std::move(accepted),
        [this](const FilteredRowMap::Change &change) {
            if (change.kind == FilteredRowMap::Change::Remove)
                beginRemoveRows({}, change.first, change.last);
            else
                beginInsertRows({}, change.first, change.last);
        },
        [this](const FilteredRowMap::Change &change) {
            if (change.kind == FilteredRowMap::Change::Remove)
                endRemoveRows();
            else
                endInsertRows();
        });
    m_applying = false;
    if (changes != 0)
        emitCountIfChanged();
}

void SessionFilterProxyModel::updateQueryMatches()
{
    m_recent.clear();
    computeMatches();
    evaluateOtherFilters();
    m_rows.reset(acceptedRows());
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
        const Session &s = *m_sessions->entry(m_rows.sourceRow(row)).session;
        if ((s.end.isValid() ? s.end : s.start) > now)
            return row;
    }
    return rows - 1;
}

int SessionFilterProxyModel::rowOfSession(const QString &sessionId) const
{
    if (!m_sessions)
        return -1;
    return m_rows.rowOf(m_sessions->rowOf(sessionId));
}

QString SessionFilterProxyModel::sessionIdAt(int row) const
{
    if (!m_sessions || row < 0 || row >= rowCount())
        return {};
    return m_sessions->entry(m_rows.sourceRow(row)).session->id;
}

} // namespace Plenary
