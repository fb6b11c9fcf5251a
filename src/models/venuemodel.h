#pragma once

#include "conference.h"
#include "roomtimeline.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQmlIntegration>

#include <memory>
#include <vector>

namespace Plenary {

class Clock;
class TimeZoneController;

/** The venue's rooms grouped by floor (floor order, then room name), each with what is on now and next. */
class VenueModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("VenueModel comes from ConferenceController.venue")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString venueName READ venueName NOTIFY countChanged)
    Q_PROPERTY(QString venueAddress READ venueAddress NOTIFY countChanged)

public:
    enum Roles {
        RoomIdRole = Qt::UserRole + 1,
        RoomNameRole,
        FloorIdRole,
        FloorNameRole,
        FloorLevelRole,
        CapacityRole,
        DescriptionRole,
        AddressRole,
        SessionCountRole,
        NowSessionIdRole,
        NowTitleRole,
        NowTimeTextRole,
        NextSessionIdRole,
        NextTitleRole,
        NextTimeTextRole,
    };
    Q_ENUM(Roles)

    explicit VenueModel(QObject *parent = nullptr);

    void setConference(std::shared_ptr<const Conference> conference);
    void setClock(Clock *clock);
    void setTimeZone(TimeZoneController *timeZone);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    QString venueName() const { return m_conference ? m_conference->venue.name : QString(); }
    QString venueAddress() const { return m_conference ? m_conference->venue.address : QString(); }

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        const Room *room = nullptr;
        const Floor *floor = nullptr;
        RoomTimeline::Occupancy occupancy;
    };

    void refreshOccupancy();
    void emitTextsChanged(const QList<int> &roles);
    QString timeText(int sessionIndex) const;

    std::shared_ptr<const Conference> m_conference;
    RoomTimeline m_timeline;
    std::vector<Row> m_rows;
    QPointer<Clock> m_clock;
    QPointer<TimeZoneController> m_timeZone;
};

} // namespace Plenary
