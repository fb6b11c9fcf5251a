#include "agendacontroller.h"

#include "agendarepository.h"

namespace Plenary {

AgendaController::AgendaController(QObject *parent)
    : QObject(parent)
{}

void AgendaController::setRepository(AgendaRepository *repository)
{
    m_repository = repository;
}

void AgendaController::setConference(std::shared_ptr<const Conference> conference)
{
    m_conference = std::move(conference);
    m_ids.clear();
    if (m_conference && m_repository)
        m_ids = m_repository->sessionIds(m_conference->id);
    Q_EMIT agendaReset();
    Q_EMIT countChanged();
}

AgendaController::Result AgendaController::add(const QString &sessionId)
{
    const Session *session = m_conference ? m_conference->session(sessionId) : nullptr;
    if (!session)
        return UnknownSession;
    if (m_ids.contains(sessionId))
        return Added;
    const bool stored = !m_repository || m_repository->add(m_conference->id, *session);
    m_ids.insert(sessionId);
    Q_EMIT sessionChanged(sessionId);
    Q_EMIT countChanged();
    return stored ? Added : NotStored;
}

AgendaController::Result AgendaController::remove(const QString &sessionId)
{
    if (!m_conference || !m_ids.contains(sessionId))
        return m_conference && m_conference->session(sessionId) ? Removed : UnknownSession;
    const bool stored = !m_repository || m_repository->remove(m_conference->id, sessionId);
    m_ids.remove(sessionId);
    Q_EMIT sessionChanged(sessionId);
    Q_EMIT countChanged();
    return stored ? Removed : NotStored;
}

AgendaController::Result AgendaController::toggle(const QString &sessionId)
{
    return contains(sessionId) ? remove(sessionId) : add(sessionId);
}

void AgendaController::setSeatHolds(const QHash<QString, SeatHold> &holds)
{
    QHash<QString, SeatHold> held;
    for (auto it = holds.cbegin(); it != holds.cend(); ++it) {
        if (it.value().isHeld() && !it.key().isEmpty())
            held.insert(it.key(), it.value());
    }
    if (held == m_holds)
        return;
    m_holds = held;
    Q_EMIT seatHoldsChanged();
}

QVariantMap AgendaController::seatHoldsMap() const
{
    QVariantMap map;
    for (auto it = m_holds.cbegin(); it != m_holds.cend(); ++it) {
        map.insert(it.key(), QVariantMap{{QStringLiteral("status"), int(it.value().status)},
                                         {QStringLiteral("position"), it.value().position}});
    }
    return map;
}

void AgendaController::setSeatHoldsMap(const QVariantMap &holds)
{
    QHash<QString, SeatHold> converted;
    for (auto it = holds.cbegin(); it != holds.cend(); ++it) {
        const QVariantMap entry = it.value().toMap();
        const int status = entry.value(QStringLiteral("status")).toInt();
        if (status <= int(SeatHold::Status::None) || status > int(SeatHold::Status::Waitlisted))
            continue;
        converted.insert(it.key(),
                         SeatHold{SeatHold::Status(status), entry.value(QStringLiteral("position")).toInt()});
    }
    setSeatHolds(converted);
}

void AgendaController::setSeatReleaser(SeatReleaser releaser)
{
    m_releaser = std::move(releaser);
}

AgendaController::Result AgendaController::releaseSeat(const QString &sessionId)
{
    if (!m_releaser || m_holds.value(sessionId).status != SeatHold::Status::Confirmed)
        return NoSeat;
    return m_releaser(sessionId) ? SeatReleased : NoSeat;
}

} // namespace Plenary
