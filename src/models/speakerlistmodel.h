#pragma once

#include "conference.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

#include <memory>
#include <vector>

namespace Plenary {

/** The conference's speakers sorted A–Z (Latin letters first, then Hangul by initial consonant, then others).
 * The rows are built when first asked for (a view attaching, count, search), not when the conference is set:
 * the speakers tab is seldom the first page, and sorting a thousand names by collation costs start-up time.
 */
class SpeakerListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SpeakerListModel comes from ConferenceController.speakers")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        CompanyRole,
        BioRole,
        AvatarUrlRole,
        InitialsRole,
        SectionRole,
        SessionCountRole,
    };
    Q_ENUM(Roles)

    explicit SpeakerListModel(QObject *parent = nullptr);

    void setConference(std::shared_ptr<const Conference> conference);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const;
    /** The folded name and company of a row, for search. */
    const QString &searchText(int row) const;
    Q_INVOKABLE int rowOf(const QString &speakerId) const;

    /** The index letter of a name: "A"–"Z" for Latin names, the initial consonant for Hangul, "#" otherwise.
     */
    static QString sectionOf(QStringView name);
    /** Up to two initials for an avatar placeholder ("Ada Park" -> "AP", "이민준" -> "이"). */
    static QString initialsOf(QStringView name);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        const Speaker *speaker = nullptr;
        QString section;
        QString searchText;
        int sessionCount = 0;
    };

    void ensureRows() const;

    std::shared_ptr<const Conference> m_conference;
    mutable std::vector<Row> m_rows;
    mutable bool m_rowsBuilt = true;
};

} // namespace Plenary
