#pragma once

#include "conferencerepository.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace Plenary {

/** The conferences kept on this device, most recently opened first, marking the one that is open. */
class ConferenceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ConferenceListModel comes from ConferenceController.conferences")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        FormatRole,
        SourceUrlRole,
        VersionRole,
        SessionCountRole,
        ImportedAtRole,
        OpenedAtRole,
        IsCurrentRole,
    };
    Q_ENUM(Roles)

    explicit ConferenceListModel(QObject *parent = nullptr);

    void setConferences(const QList<ConferenceSummary> &conferences);
    void setCurrentId(const QString &id);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_conferences.size()); }

Q_SIGNALS:
    void countChanged();

private:
    QList<ConferenceSummary> m_conferences;
    QString m_currentId;
};

} // namespace Plenary
