#include "agendaimporter.h"

#include "icalendardocument.h"
#include "timezones.h"
#include "wallclock.h"

#include <QHash>

#include <optional>

namespace Plenary {

namespace {

using Event = ICalendarDocument::Event;

std::optional<int> digits(QStringView text, qsizetype from, qsizetype count)
{
    if (from + count > text.size())
        return std::nullopt;
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

/** Reads one document; one instance per parse() call. */
class Reader
{
public:
    Reader(const QByteArray &data, const QString &sourceName)
        : m_data(data)
        , m_sourceName(sourceName)
    {}

    AgendaImportResult run();

private:
    AgendaImportResult fail(qint64 line, const QString &message) const
    {
        AgendaImportResult result;
        result.error = ParseError{m_sourceName, line, 0, message};
        return result;
    }
    QDateTime when(const ICalendarLine &line);
    void take(const Event &event);

    const QByteArray &m_data;
    QString m_sourceName;
    QString m_calendarConference;
    QTimeZone m_calendarZone;
    QList<Event> m_events;
    AgendaImportResult m_result;
    qint64 m_foreign = 0;
};

AgendaImportResult Reader::run()
{
    if (m_data.size() > AgendaImporter::kMaxInputBytes) {
        return fail(0, QStringLiteral("the file is %1 bytes, more than the limit of %2 bytes")
                           .arg(m_data.size())
                           .arg(AgendaImporter::kMaxInputBytes));
    }
    QByteArrayView body(m_data);
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);

    const ICalendarDocument document = ICalendarDocument::read(body);
    if (!document.ok())
        return fail(document.errorLine(), document.errorMessage());
    for (const ICalendarLine &line : document.calendarProperties()) {
        if (line.name() == "X-PLENARY-CONFERENCE")
            m_calendarConference = line.text().trimmed();
        else if (line.name() == "X-WR-TIMEZONE")
            m_calendarZone = timeZoneFromId(line.text().trimmed());
    }
    for (const auto &[line, message] : document.warnings())
        m_result.warnings.append(line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(message) : message);
    m_events = document.events();

    for (const Event &e : std::as_const(m_events))
        take(e);
    if (m_foreign > 0) {
        m_result.warnings.append(
            QStringLiteral("%1 events are not from a Plenary agenda export and were skipped").arg(m_foreign));
    }
    return std::move(m_result);
}

QDateTime Reader::when(const ICalendarLine &line)
{
    QString value = line.value().trimmed();
    value.remove(QLatin1Char('-'));
    value.remove(QLatin1Char(':'));
    const auto year = digits(value, 0, 4);
    const auto month = digits(value, 4, 2);
    const auto day = digits(value, 6, 2);
    if (!year || !month || !day)
        return {};
    const QDate date(*year, *month, *day);
    if (value.size() == 8)
        return fromWallClock(m_calendarZone.isValid() ? m_calendarZone : QTimeZone::utc(), date, QTime(0, 0));
    if (value.size() < 13 || value[8].toUpper() != QLatin1Char('T'))
        return {};
    const auto hour = digits(value, 9, 2);
    const auto minute = digits(value, 11, 2);
    const auto second = value.size() >= 15 ? digits(value, 13, 2) : std::optional<int>(0);
    if (!hour || !minute || !second)
        return {};
    const QTime time(*hour, *minute, std::min(*second, 59));
    const QStringView suffix = QStringView(value).sliced(value.size() >= 15 ? 15 : 13);
    if (suffix.compare(u"Z", Qt::CaseInsensitive) == 0)
        return QDateTime(date, time, Qt::UTC);
    if (!suffix.isEmpty())
        return {};
    QTimeZone zone = m_calendarZone;
    if (line.hasParameter("TZID")) {
        zone = timeZoneFromId(line.parameter("TZID"));
        if (!zone.isValid()) {
            m_result.warnings.append(
                QStringLiteral("line %1: unknown time zone \"%2\"; read as %3")
                    .arg(line.lineNumber())
                    .arg(line.parameter("TZID"), m_calendarZone.isValid()
                                                     ? QString::fromUtf8(m_calendarZone.id())
                                                     : QStringLiteral("UTC")));
            zone = m_calendarZone;
        }
    }
    return fromWallClock(zone.isValid() ? zone : QTimeZone::utc(), date, time);
}

void Reader::take(const Event &event)
{
    const QString kindText = event.text("X-PLENARY-KIND");
    if (kindText.isEmpty()) {
        ++m_foreign;
        return;
    }
    const std::optional<AgendaItem::Kind> kind = AgendaItem::kindFromName(kindText);
    if (!kind) {
        m_result.warnings.append(QStringLiteral("line %1: unknown agenda kind \"%2\"; event skipped")
                                     .arg(event.line)
                                     .arg(kindText));
        return;
    }

    ImportedAgendaItem imported;
    imported.conferenceId = event.text("X-PLENARY-CONFERENCE");
    if (imported.conferenceId.isEmpty())
        imported.conferenceId = m_calendarConference;
    AgendaItem &item = imported.item;
    item.kind = *kind;
    item.title = event.text("SUMMARY");
    item.place = event.text("LOCATION");
    item.inSchedule = event.text("X-PLENARY-STATE").compare(u"vanished", Qt::CaseInsensitive) != 0;
    imported.reminderOff = event.text("X-PLENARY-REMINDER").compare(u"off", Qt::CaseInsensitive) == 0;
    if (const ICalendarLine *start = event.first("DTSTART"))
        item.start = when(*start);
    if (const ICalendarLine *end = event.first("DTEND"))
        item.end = when(*end);

    if (item.isSession()) {
        item.sessionId = event.text("X-PLENARY-SESSION");
        item.guid = event.text("X-PLENARY-GUID");
        if (item.sessionId.isEmpty()) {
            m_result.warnings.append(
                QStringLiteral("line %1: a session entry without X-PLENARY-SESSION; skipped")
                    .arg(event.line));
            return;
        }
    } else {
        item.personalId = event.text("X-PLENARY-ITEM");
        if (item.personalId.isEmpty())
            item.personalId = event.text("UID").section(QLatin1Char('@'), 0, 0);
        if (const ICalendarLine *description = event.first("DESCRIPTION"))
            item.notes = description->text();
        const QTimeZone own = timeZoneFromId(event.text("X-PLENARY-TZID"));
        if (own.isValid()) {
            item.start = item.start.toTimeZone(own);
            if (item.end.isValid())
                item.end = item.end.toTimeZone(own);
        }
        if (item.personalId.isEmpty() || !item.start.isValid()) {
            m_result.warnings.append(
                QStringLiteral("line %1: a personal item without id or start; skipped").arg(event.line));
            return;
        }
    }
    m_result.items.append(imported);
}

} // namespace

AgendaImportResult AgendaImporter::parse(const QByteArray &data, const QString &sourceName)
{
    return Reader(data, sourceName).run();
}

const Session *AgendaImporter::matchSession(const Conference &conference, const AgendaItem &item)
{
    if (const Session *session = conference.session(item.sessionId);
        session && (item.guid.isEmpty() || session->guid == item.guid))
        return session;
    if (item.guid.isEmpty())
        return nullptr;
    const Session *only = nullptr;
    int occurrences = 0;
    for (const Session &session : conference.sessions) {
        if (session.guid != item.guid)
            continue;
        if (item.start.isValid() && session.start.toMSecsSinceEpoch() == item.start.toMSecsSinceEpoch())
            return &session;
        only = &session;
        ++occurrences;
    }
    return occurrences == 1 ? only : nullptr;
}

} // namespace Plenary
