#include "conferencelistmodel.h"

namespace Plenary {

ConferenceListModel::ConferenceListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ConferenceListModel::setConferences(const QList<ConferenceSummary> &conferences)
{
    beginResetModel();
    m_conferences = conferences;
    endResetModel();
    Q_EMIT countChanged();
}

void ConferenceListModel::setCurrentId(const QString &id)
{
    if (m_currentId == id)
        return;
    m_currentId = id;
    if (!m_conferences.isEmpty())
        Q_EMIT dataChanged(index(0), index(count() - 1), {IsCurrentRole});
}

int ConferenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ConferenceListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ConferenceSummary &c = m_conferences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return c.title.isEmpty() ? c.id : c.title;
    case IdRole:
        return c.id;
    case FormatRole:
        return c.format;
    case SourceUrlRole:
        return c.sourceUrl;
    case VersionRole:
        return c.version;
    case SessionCountRole:
        return c.sessionCount;
    case ImportedAtRole:
        return c.importedAt;
    case OpenedAtRole:
        return c.openedAt;
    case IsCurrentRole:
        return c.id == m_currentId;
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> ConferenceListModel::roleNames() const
{
    return {
        {IdRole, "conferenceId"},       {TitleRole, "title"},       {FormatRole, "format"},
        {SourceUrlRole, "sourceUrl"},   {VersionRole, "version"},   {SessionCountRole, "sessionCount"},
        {ImportedAtRole, "importedAt"}, {OpenedAtRole, "openedAt"}, {IsCurrentRole, "isCurrent"},
    };
}

} // namespace Plenary
