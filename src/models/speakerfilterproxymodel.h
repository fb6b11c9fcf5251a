#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QtQmlIntegration>

namespace Plenary {

class SpeakerListModel;

/** Filters a SpeakerListModel by a case- and accent-insensitive query over name and company. */
class SpeakerFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit SpeakerFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    int count() const { return rowCount(); }

Q_SIGNALS:
    void queryChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QPointer<SpeakerListModel> m_speakers;
    QString m_query;
    QString m_needle;
    int m_lastCount = 0;
};

} // namespace Plenary
