#include "agendaexporter.h"

#include "icalendarwriter.h"
#include "schedulediff.h"

#include <QHash>
#include <QUrl>

#include <algorithm>

namespace Plenary {

namespace {

QTimeZone zoneOf(const Conference &conference, const AgendaItem &item, bool utcOnly)
{
    if (utcOnly)
        return QTimeZone::utc();
    QTimeZone zone = conference.timeZone;
    if (item.kind == AgendaItem::Kind::Personal && item.start.timeSpec() == Qt::TimeZone)
        zone = item.start.timeZone();
    return ICalendarWriter::isNamedZone(zone) ? zone : QTimeZone::utc();
}

bool hasEnd(const AgendaItem &item)
{
    return item.end.isValid() && item.end > item.start;
}

QString sessionDescription(const Conference &conference, const AgendaItem &item, const Session *session)
{
    QStringList parts;
    if (!item.inSchedule)
        parts.append(QStringLiteral("No longer in the schedule."));
    if (session) {
        QStringList names;
        for (const QString &id : session->speakerIds) {
            const Speaker *speaker = conference.speaker(id);
            names.append(speaker && !speaker->name.isEmpty() ? speaker->name : id);
        }
        if (!session->subtitle.isEmpty())
            parts.append(session->subtitle);
        if (!names.isEmpty())
            parts.append(names.join(QStringLiteral(", ")));
        if (!session->abstractText.trimmed().isEmpty())
            parts.append(session->abstractText.trimmed());
    }
    return parts.join(QStringLiteral("\n\n"));
}

QString webUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return {};
    return QString::fromUtf8(url.toEncoded());
}

} // namespace

QString AgendaExporter::uid(const QString &conferenceId, const AgendaItem &item)
{
    const QString local = item.kind == AgendaItem::Kind::Personal ? item.personalId : item.sessionId;
    return local + QLatin1Char('@') + conferenceId + QStringLiteral(".plenary");
}

QByteArray AgendaExporter::write(const Conference &conference, const QList<AgendaItem> &items,
                                 const AgendaExportOptions &options)
{
    QList<const AgendaItem *> events;
    for (const AgendaItem &item : items) {
        if (item.start.isValid())
            events.append(&item);
    }
    std::stable_sort(events.begin(), events.end(), [](const AgendaItem *a, const AgendaItem *b) {
        if (a->start != b->start)
            return a->start < b->start;
        return a->key() < b->key();
    });

    // Every zone in use, with the span its times cover.
    QList<QTimeZone> zones;
    QHash<QByteArray, QPair<QDateTime, QDateTime>> spans;
    for (const AgendaItem *item : std::as_const(events)) {
        const QTimeZone zone = zoneOf(conference, *item, options.utcOnly);
        if (zone == QTimeZone::utc())
            continue;
        const QDateTime last = hasEnd(*item) ? item->end : item->start;
        auto it = spans.find(zone.id());
        if (it == spans.end()) {
            zones.append(zone);
            spans.insert(zone.id(), {item->start, last});
        } else {
            it->first = std::min(it->first, item->start);
            it->second = std::max(it->second, last);
        }
    }

    const QDateTime stamp =
        (options.timestamp.isValid() ? options.timestamp : QDateTime::currentDateTimeUtc());
    ICalendarWriter writer;
    writer.begin("VCALENDAR");
    writer.raw("VERSION", QStringLiteral("2.0"));
    writer.raw("PRODID", QStringLiteral("-//Plenary//Plenary My Agenda//EN"));
    writer.raw("CALSCALE", QStringLiteral("GREGORIAN"));
    writer.raw("METHOD", QStringLiteral("PUBLISH"));
    const QString title = conference.title.isEmpty() ? conference.id : conference.title;
    writer.text("X-WR-CALNAME", title + QStringLiteral(" – My agenda"));
    if (!options.utcOnly && ICalendarWriter::isNamedZone(conference.timeZone))
        writer.text("X-WR-TIMEZONE", QString::fromUtf8(conference.timeZone.id()));
    writer.text("X-PLENARY-CONFERENCE", conference.id);
    for (const QTimeZone &zone : std::as_const(zones)) {
        const auto &span = spans[zone.id()];
        writer.timeZone(zone, span.first, span.second);
    }

    for (const AgendaItem *item : std::as_const(events)) {
        const QTimeZone zone = zoneOf(conference, *item, options.utcOnly);
        const Session *session =
            item->isSession() && item->inSchedule ? conference.session(item->sessionId) : nullptr;
        writer.begin("VEVENT");
        writer.text("UID", uid(conference.id, *item));
        writer.raw("DTSTAMP", QString::fromLatin1(ICalendarWriter::formatUtc(stamp)));
        writer.dateTime("DTSTART", item->start, zone);
        if (hasEnd(*item))
            writer.dateTime("DTEND", item->end, zone);
        writer.text("SUMMARY", item->title);
        if (!item->place.isEmpty())
            writer.text("LOCATION", item->place);
        const QString description =
            item->isSession() ? sessionDescription(conference, *item, session) : item->notes.trimmed();
        if (!description.isEmpty())
            writer.text("DESCRIPTION", description);
        if (const QString url = webUrl(session ? session->url : QString()); !url.isEmpty())
            writer.raw("URL", url);
        if (session) {
            const Track *track = conference.track(session->trackId);
            writer.textList("CATEGORIES", {track ? track->name : session->trackId});
        } else if (item->kind == AgendaItem::Kind::Personal) {
            writer.textList("CATEGORIES", {QStringLiteral("Personal")});
        }
        const bool cancelled = !item->inSchedule || ScheduleDiff::looksCancelled(item->title);
        writer.raw("STATUS", cancelled ? QStringLiteral("CANCELLED") : QStringLiteral("CONFIRMED"));
        // A favourite is a wish: it should not make the user look busy.
        writer.raw("TRANSP", item->kind == AgendaItem::Kind::Favourite ? QStringLiteral("TRANSPARENT")
                                                                       : QStringLiteral("OPAQUE"));
        writer.text("X-PLENARY-CONFERENCE", conference.id);
        writer.text("X-PLENARY-KIND", AgendaItem::kindName(item->kind));
        if (item->isSession()) {
            writer.text("X-PLENARY-SESSION", item->sessionId);
            writer.text("X-PLENARY-GUID", item->guid);
        } else {
            writer.text("X-PLENARY-ITEM", item->personalId);
            if (ICalendarWriter::isNamedZone(zoneOf(conference, *item, false)))
                writer.text("X-PLENARY-TZID", QString::fromUtf8(zoneOf(conference, *item, false).id()));
        }
        if (!item->inSchedule)
            writer.text("X-PLENARY-STATE", QStringLiteral("vanished"));
        const bool reminderOff = options.remindersOff.contains(item->key());
        if (reminderOff)
            writer.text("X-PLENARY-REMINDER", QStringLiteral("off"));
        if (options.reminderMinutes && !reminderOff && !cancelled) {
            const int minutes = std::clamp(*options.reminderMinutes, 0, ReminderSettings::kMaxMinutesBefore);
            writer.begin("VALARM");
            writer.raw("ACTION", QStringLiteral("DISPLAY"));
            writer.raw("TRIGGER",
                       QString::fromLatin1(ICalendarWriter::formatDuration(-qint64(minutes) * 60)));
            writer.text("DESCRIPTION", item->title);
            writer.end("VALARM");
        }
        writer.end("VEVENT");
    }
    writer.end("VCALENDAR");
    return writer.data();
}

} // namespace Plenary
