#include "speakerfilterproxymodel.h"

#include "speakerlistmodel.h"
#include "textfolder.h"

namespace Plenary {

SpeakerFilterProxyModel::SpeakerFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
    const auto emitCount = [this] {
        if (rowCount() != m_lastCount) {
            m_lastCount = rowCount();
            Q_EMIT countChanged();
        }
    };
    connect(this, &QAbstractItemModel::rowsInserted, this, emitCount);
    connect(this, &QAbstractItemModel::rowsRemoved, this, emitCount);
    connect(this, &QAbstractItemModel::modelReset, this, emitCount);
    connect(this, &QAbstractItemModel::layoutChanged, this, emitCount);
}

void SpeakerFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_speakers = qobject_cast<SpeakerListModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void SpeakerFilterProxyModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    const QString needle = TextFolder::fold(query.trimmed());
    if (needle != m_needle) {
        m_needle = needle;
        invalidate();
    }
    Q_EMIT queryChanged();
}

bool SpeakerFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_speakers || sourceParent.isValid())
        return false;
    return m_needle.isEmpty() || m_speakers->searchText(sourceRow).contains(m_needle);
}

} // namespace Plenary
