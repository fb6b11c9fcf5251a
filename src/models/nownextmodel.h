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

/** Rooms with a session running now or starting soon, in venue order, with both sessions and their timing. */
class NowNextModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NowNextModel comes from ConferenceController.nowNext")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QDateTime nextStart READ nextStart NOTIFY updated)
    Q_PROPERTY(QString nextStartText READ nextStartText NOTIFY updated)
    Q_PROPERTY(QString nowText READ nowText NOTIFY updated)

public:
    enum Roles {
        RoomIdRole = Qt::UserRole + 1,
        RoomNameRole,
        FloorNameRole,
        NowSessionIdRole,
        NowTitleRole,
        NowTimeTextRole,
        NowTrackColorRole,
        NowProgressRole,
        NowMinutesLeftRole,
        NextSessionIdRole,
        NextTitleRole,
        NextTimeTextRole,
        NextStartTextRole,
        NextTrackColorRole,
        NextMinutesUntilRole,
    };
    Q_ENUM(Roles)

    /** How far ahead a "next" session may start to be listed. */
    static constexpr qint64 kHorizonSecs = 3 * 3600;

    explicit NowNextModel(QObject *parent = nullptr);

    void setConference(std::shared_ptr<const Conference> conference);
    void setClock(Clock *clock);
    void setTimeZone(TimeZoneController *timeZone);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    /** When the next session anywhere starts (for "nothing on right now"); invalid after the conference. */
    QDateTime nextStart() const { return m_nextStart; }
    QString nextStartText() const;
    /** The clock's day and time in the display zone. */
    QString nowText() const;

    /** Recomputes the rows for the clock's current time (called on every clock tick). */
    void refresh();

Q_SIGNALS:
    void countChanged();
    void updated();

private:
    struct Row
    {
        const Room *room = nullptr;
        const Floor *floor = nullptr;
        RoomTimeline::Occupancy occupancy;
    };

    /** The display zone or the language changed: the time texts read differently now. */
    void onTextsChanged();
    QDateTime now() const;
    const Session *session(int i) const { return i < 0 ? nullptr : &m_conference->sessions[i]; }
    QString trackColor(int i) const;

    std::shared_ptr<const Conference> m_conference;
    RoomTimeline m_timeline;
    std::vector<const Room *> m_rooms; ///< venue order
    std::vector<Row> m_rows;
    QDateTime m_nextStart;
    QPointer<Clock> m_clock;
    QPointer<TimeZoneController> m_timeZone;
};

} // namespace Plenary
