#include "speakerdetails.h"

#include "conferencecontroller.h"
#include "speakerlistmodel.h"

namespace Plenary {

SpeakerDetails::SpeakerDetails(QObject *parent)
    : QObject(parent)
{}

void SpeakerDetails::setController(ConferenceController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &ConferenceController::conferenceChanged, this, &SpeakerDetails::changed);
    Q_EMIT controllerChanged();
    Q_EMIT changed();
}

void SpeakerDetails::setSpeakerId(const QString &speakerId)
{
    if (m_speakerId == speakerId)
        return;
    m_speakerId = speakerId;
    Q_EMIT speakerIdChanged();
    Q_EMIT changed();
}

const Speaker *SpeakerDetails::speaker() const
{
    if (!m_controller || !m_controller->conference())
        return nullptr;
    return m_controller->conference()->speaker(m_speakerId);
}

QString SpeakerDetails::name() const
{
    const Speaker *s = speaker();
    return s ? s->name : QString();
}

QString SpeakerDetails::company() const
{
    const Speaker *s = speaker();
    return s ? s->company : QString();
}

QString SpeakerDetails::bio() const
{
    const Speaker *s = speaker();
    return s ? s->bio : QString();
}

QString SpeakerDetails::avatarUrl() const
{
    const Speaker *s = speaker();
    return s ? s->avatarUrl : QString();
}

QString SpeakerDetails::initials() const
{
    const Speaker *s = speaker();
    return s ? SpeakerListModel::initialsOf(s->name) : QString();
}

int SpeakerDetails::sessionCount() const
{
    const Speaker *s = speaker();
    return s ? int(m_controller->conference()->sessionsOfSpeaker(s->id).size()) : 0;
}

} // namespace Plenary
