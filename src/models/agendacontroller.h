#pragma once

#include "conference.h"
#include "seathold.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QtQmlIntegration>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace Plenary {

class AgendaRepository;

/**
 * Stars and unstars sessions of the current conference (stored through AgendaRepository when there is one),
 * and knows which sessions the user holds a seat, a waitlist place or a pending request in.
 */
class AgendaController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AgendaController comes from ConferenceController.agenda")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /** {sessionId: {status: SeatStatus, position: int}}; fed from SeatsController.seatHolds(). */
    Q_PROPERTY(QVariantMap seatHolds READ seatHoldsMap WRITE setSeatHoldsMap NOTIFY seatHoldsChanged)

public:
    enum Result {
        Added,
        Removed,
        UnknownSession, ///< no such session in the current conference
        NotStored,      ///< changed for this run, but the database refused it
        SeatReleased,   ///< the seat is being given back
        NoSeat,         ///< the user holds no seat in the session, or seats cannot be released here
    };
    Q_ENUM(Result)

    /** SeatHold::Status for QML. */
    enum SeatStatus { NoSeatHeld, SeatPending, SeatConfirmed, SeatWaitlisted };
    Q_ENUM(SeatStatus)

    /** Gives a confirmed seat back (SeatsController::cancel); true when the request was accepted. */
    using SeatReleaser = std::function<bool(const QString &sessionId)>;

    explicit AgendaController(QObject *parent = nullptr);

    /** The repository favourites are kept in (must outlive this controller); without one they live in memory.
     */
    void setRepository(AgendaRepository *repository);
    /** Switches to another conference's agenda; emits agendaReset(). */
    void setConference(std::shared_ptr<const Conference> conference);

    Q_INVOKABLE Plenary::AgendaController::Result add(const QString &sessionId);
    Q_INVOKABLE Plenary::AgendaController::Result remove(const QString &sessionId);
    /** Adds a session that is not in the agenda, removes one that is. */
    Q_INVOKABLE Plenary::AgendaController::Result toggle(const QString &sessionId);
    Q_INVOKABLE bool contains(const QString &sessionId) const { return m_ids.contains(sessionId); }

    int count() const { return static_cast<int>(m_ids.size()); }
    QSet<QString> sessionIds() const { return m_ids; }

    /** Replaces what the user holds, by session id (entries with Status::None are dropped). */
    void setSeatHolds(const QHash<QString, SeatHold> &holds);
    QHash<QString, SeatHold> seatHolds() const { return m_holds; }
    QVariantMap seatHoldsMap() const;
    void setSeatHoldsMap(const QVariantMap &holds);
    /** How seats are released; without one releaseSeat() answers NoSeat. */
    void setSeatReleaser(SeatReleaser releaser);
    bool canReleaseSeats() const { return bool(m_releaser); }
    /** Gives back the confirmed seat in a session. */
    Q_INVOKABLE Plenary::AgendaController::Result releaseSeat(const QString &sessionId);

Q_SIGNALS:
    void sessionChanged(const QString &sessionId);
    /** The whole agenda was replaced (another conference). */
    void agendaReset();
    void countChanged();
    void seatHoldsChanged();

private:
    std::shared_ptr<const Conference> m_conference;
    AgendaRepository *m_repository = nullptr;
    QSet<QString> m_ids;
    QHash<QString, SeatHold> m_holds;
    SeatReleaser m_releaser;
};

} // namespace Plenary
