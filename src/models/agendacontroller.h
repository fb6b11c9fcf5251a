#pragma once

#include "conference.h"

#include <QObject>
#include <QSet>
#include <QtQmlIntegration>

#include <memory>

namespace Plenary {

class AgendaRepository;

/** Stars and unstars sessions of the current conference, stored through AgendaRepository when there is one.
 */
class AgendaController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AgendaController comes from ConferenceController.agenda")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Result {
        Added,
        Removed,
        UnknownSession, ///< no such session in the current conference
        NotStored,      ///< changed for this run, but the database refused it
    };
    Q_ENUM(Result)

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

Q_SIGNALS:
    void sessionChanged(const QString &sessionId);
    /** The whole agenda was replaced (another conference). */
    void agendaReset();
    void countChanged();

private:
    std::shared_ptr<const Conference> m_conference;
    AgendaRepository *m_repository = nullptr;
    QSet<QString> m_ids;
};

} // namespace Plenary
