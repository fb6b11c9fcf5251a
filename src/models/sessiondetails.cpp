#include "sessiondetails.h"

#include "agendacontroller.h"
#include "conferencecontroller.h"
#include "htmlsanitizer.h"
#include "languagechangewatcher.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "timezonecontroller.h"

#include <QLocale>

namespace Plenary {

SessionDetails::SessionDetails(QObject *parent)
    : QObject(parent)
{
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this,
            &SessionDetails::changed);
}

void SessionDetails::setController(ConferenceController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller) {
        disconnect(m_controller, nullptr, this, nullptr);
        disconnect(m_controller->agenda(), nullptr, this, nullptr);
        disconnect(m_controller->timeZone(), nullptr, this, nullptr);
    }
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &ConferenceController::conferenceChanged, this, &SessionDetails::changed);
        connect(m_controller->agenda(), &AgendaController::sessionChanged, this, [this](const QString &id) {
            if (id == m_sessionId)
                Q_EMIT changed();
        });
        connect(m_controller->agenda(), &AgendaController::agendaReset, this, &SessionDetails::changed);
        connect(m_controller->timeZone(), &TimeZoneController::displayChanged, this,
                &SessionDetails::changed);
    }
    Q_EMIT controllerChanged();
    Q_EMIT changed();
}

void SessionDetails::setSessionId(const QString &sessionId)
{
    if (m_sessionId == sessionId)
        return;
    m_sessionId = sessionId;
    Q_EMIT sessionIdChanged();
    Q_EMIT changed();
}

const Session *SessionDetails::session() const
{
    if (!m_controller || !m_controller->conference())
        return nullptr;
    return m_controller->conference()->session(m_sessionId);
}

QString SessionDetails::title() const
{
    const Session *s = session();
    return s ? s->title : QString();
}

QString SessionDetails::subtitle() const
{
    const Session *s = session();
    return s ? s->subtitle : QString();
}

int SessionDetails::type() const
{
    const Session *s = session();
    return s ? int(s->type) : -1;
}

QString SessionDetails::typeText() const
{
    const Session *s = session();
    if (!s)
        return {};
    // The translated name of a known type, as in the schedule list; the source's own label only for others.
    return s->type == SessionType::Other && !s->typeLabel.isEmpty() ? s->typeLabel
                                                                    : SessionListModel::typeText(s->type);
}

QString SessionDetails::trackName() const
{
    const Session *s = session();
    const Track *t = s ? m_controller->conference()->track(s->trackId) : nullptr;
    return t ? t->name : QString();
}

QString SessionDetails::trackColor() const
{
    const Session *s = session();
    const Track *t = s ? m_controller->conference()->track(s->trackId) : nullptr;
    return t ? t->color : QString();
}

QString SessionDetails::roomName() const
{
    const Session *s = session();
    const Room *r = s ? m_controller->conference()->room(s->roomId) : nullptr;
    return r ? r->name : QString();
}

QString SessionDetails::floorName() const
{
    const Session *s = session();
    const Room *r = s ? m_controller->conference()->room(s->roomId) : nullptr;
    const Floor *f = r ? m_controller->conference()->floor(r->floorId) : nullptr;
    return f ? SessionListModel::floorText(f->name, r->name) : QString();
}

QString SessionDetails::roomAddress() const
{
    const Session *s = session();
    const Room *r = s ? m_controller->conference()->room(s->roomId) : nullptr;
    return r ? r->address : QString();
}

QString SessionDetails::roomDescription() const
{
    const Session *s = session();
    const Room *r = s ? m_controller->conference()->room(s->roomId) : nullptr;
    return r ? r->description : QString();
}

QDateTime SessionDetails::start() const
{
    const Session *s = session();
    return s ? s->start : QDateTime();
}

QDateTime SessionDetails::end() const
{
    const Session *s = session();
    return s ? s->end : QDateTime();
}

QString SessionDetails::dayText() const
{
    const Session *s = session();
    if (!s)
        return {};
    const TimeZoneController *tz = m_controller->timeZone();
    return tz->formatDay(tz->toDisplay(s->start).date());
}

QString SessionDetails::timeText() const
{
    const Session *s = session();
    return s ? m_controller->timeZone()->formatTimeRange(s->start, s->end) : QString();
}

QString SessionDetails::zoneText() const
{
    const Session *s = session();
    return s ? m_controller->timeZone()->zoneAbbreviation(s->start) : QString();
}

int SessionDetails::durationMinutes() const
{
    const Session *s = session();
    return s ? s->durationMinutes() : 0;
}

QString SessionDetails::abstractHtml() const
{
    const Session *s = session();
    if (!s)
        return {};
    if (!s->abstractHtml.isEmpty()) {
        const QString safe = HtmlSanitizer::sanitize(s->abstractHtml).safeHtml;
        if (!safe.isEmpty())
            return safe;
    }
    return HtmlSanitizer::htmlFromPlainText(s->abstractText);
}

QString SessionDetails::level() const
{
    const Session *s = session();
    return s ? SessionListModel::levelText(s->level) : QString();
}

QStringList SessionDetails::tags() const
{
    const Session *s = session();
    return s ? s->tags : QStringList();
}

QStringList SessionDetails::languageNames() const
{
    QStringList names;
    const Session *s = session();
    if (!s)
        return names;
    for (const QString &code : s->languages) {
        // Each language in its own words ("한국어", "Deutsch"): Qt has no names in the UI's language. A bare
        // "en" stays "English" rather than the "American English" of the locale Qt picks for it.
        const QLocale locale(code);
        const bool bareEnglish = locale.language() == QLocale::English && code.size() == 2;
        const QString native = locale.language() == QLocale::C ? QString()
                               : bareEnglish                   ? QLocale::languageToString(QLocale::English)
                                                               : locale.nativeLanguageName();
        names.append(native.isEmpty() ? code : native);
    }
    return names;
}

QString SessionDetails::languagesText() const
{
    return languageNames().join(tr(", ", "between language names"));
}

int SessionDetails::seatCapacity() const
{
    const Session *s = session();
    return s ? s->seatCapacity.value_or(-1) : -1;
}

bool SessionDetails::registrationRequired() const
{
    const Session *s = session();
    return s && s->registrationRequired;
}

bool SessionDetails::inAgenda() const
{
    return m_controller && m_controller->agenda()->contains(m_sessionId);
}

QString SessionDetails::url() const
{
    const Session *s = session();
    return s ? s->url : QString();
}

QVariantList SessionDetails::speakers() const
{
    QVariantList list;
    const Session *s = session();
    if (!s)
        return list;
    for (const QString &id : s->speakerIds) {
        const Speaker *speaker = m_controller->conference()->speaker(id);
        if (!speaker)
            continue;
        list.append(QVariantMap{{QStringLiteral("id"), speaker->id},
                                {QStringLiteral("name"), speaker->name},
                                {QStringLiteral("company"), speaker->company},
                                {QStringLiteral("initials"), SpeakerListModel::initialsOf(speaker->name)}});
    }
    return list;
}

QVariantList SessionDetails::otherOccurrences() const
{
    QVariantList list;
    const Session *s = session();
    if (!s)
        return list;
    for (const Session &other : m_controller->conference()->sessions) {
        if (other.guid == s->guid && other.id != s->id) {
            list.append(
                QVariantMap{{QStringLiteral("id"), other.id},
                            {QStringLiteral("text"), m_controller->timeZone()->formatDayTime(other.start)}});
        }
    }
    return list;
}

int SessionDetails::toggleAgenda()
{
    if (!m_controller)
        return AgendaController::UnknownSession;
    return m_controller->agenda()->toggle(m_sessionId);
}

} // namespace Plenary
