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

} // namespace Plenary
