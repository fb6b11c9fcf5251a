#include "icalendarparser.h"

#include "timezones.h"

#include "htmlsanitizer.h"
#include "icalendardocument.h"
#include "icalendarline.h"
#include "timezones.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringConverter>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>

namespace Plenary {

namespace {

constexpr int kMaxWarnings = 200;

QString lineMessage(qint64 line, const QString &message)
{
    return QStringLiteral("line %1: %2").arg(line).arg(message);
}

// Collects warnings, keeping the list short on hostile input.
class Warnings
{
public:
    void add(qint64 line, const QString &message)
    {
        if (m_list.size() < kMaxWarnings)
            m_list.append(line > 0 ? lineMessage(line, message) : message);
        else
            ++m_suppressed;
    }

    QStringList take()
    {
        if (m_suppressed > 0)
            m_list.append(QStringLiteral("%1 more warnings not shown").arg(m_suppressed));
        return std::move(m_list);
    }

private:
    QStringList m_list;
    qint64 m_suppressed = 0;
};

struct TimeZoneDefinition
{
    QString tzid;
    QString location;   ///< X-LIC-LOCATION, which often names the IANA zone behind a vendor TZID
    QList<int> offsets; ///< TZOFFSETTO of each STANDARD/DAYLIGHT block, in seconds
    bool hasDaylight = false;
};

using RawEvent = ICalendarDocument::Event;

struct When
{
    QDateTime at;
    bool isDate = false;
};

struct Duration
{
    qint64 days = 0; ///< nominal days (weeks included): DST-safe calendar arithmetic
    qint64 seconds = 0;
    bool negative = false;
};

std::optional<int> parseDigits(QStringView text, qsizetype from, qsizetype count)
{
    if (from + count > text.size())
        return std::nullopt;
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const QChar c = text[i];
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

// "P15DT5H0M20S", "PT1H30M", "-P1W"; months and years are not allowed in iCalendar.
std::optional<Duration> parseDuration(QStringView text)
{
    Duration duration;
    qsizetype i = 0;
    if (i < text.size() && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
        duration.negative = text[i++] == QLatin1Char('-');
    if (i >= text.size() || text[i].toUpper() != QLatin1Char('P'))
        return std::nullopt;
    ++i;
    bool inTime = false;
    bool any = false;
    while (i < text.size()) {
        const QChar c = text[i].toUpper();
        if (c == QLatin1Char('T') && !inTime) {
            inTime = true;
            ++i;
            continue;
        }
        qint64 number = 0;
        qsizetype digits = 0;
        while (i < text.size() && text[i].unicode() >= '0' && text[i].unicode() <= '9' && digits < 9) {
            number = number * 10 + (text[i].unicode() - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || i >= text.size())
            return std::nullopt;
        const QChar unit = text[i++].toUpper();
        if (!inTime && unit == QLatin1Char('W'))
            duration.days += number * 7;
        else if (!inTime && unit == QLatin1Char('D'))
            duration.days += number;
        else if (inTime && unit == QLatin1Char('H'))
            duration.seconds += number * 3600;
        else if (inTime && unit == QLatin1Char('M'))
            duration.seconds += number * 60;
        else if (inTime && unit == QLatin1Char('S'))
            duration.seconds += number;
        else
            return std::nullopt;
        any = true;
    }
    if (!any)
        return std::nullopt;
    return duration;
}

/**
 * The instant a wall-clock time names in `zone`, as RFC 5545 §3.3.5 wants it: an ambiguous time (the hour
 * repeated when DST ends) is its first occurrence; a time that does not exist (skipped when DST starts) is
 * read with the offset in force before the gap, so 02:30 in a 02:00→03:00 gap becomes 03:30.
 * Assumes at most one transition within a day of the time, which holds for every real zone.
 */
QDateTime resolveLocal(const QTimeZone &zone, QDate date, QTime time)
{
    const QDateTime asUtc(date, time, Qt::UTC);
    if (!asUtc.isValid())
        return {};
    if (!zone.hasTransitions())
        return QDateTime(date, time, zone);
    const qint64 wall = asUtc.toMSecsSinceEpoch();
    constexpr qint64 kDay = 24 * 3600 * 1000;
    const auto offsetAt = [&zone](qint64 msecs) {
        return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC));
    };
    const int before = offsetAt(wall - kDay);
    const int after = offsetAt(wall + kDay);
    std::optional<qint64> instant;
    for (const int offset : {before, after}) {
        const qint64 candidate = wall - qint64(offset) * 1000;
        if (offsetAt(candidate) == offset && (!instant || candidate < *instant))
            instant = candidate;
    }
    return QDateTime::fromMSecsSinceEpoch(instant.value_or(wall - qint64(before) * 1000), zone);
}

// "+1000", "-0500", "+053000" (TZOFFSETTO) in seconds.
std::optional<int> parseUtcOffset(QStringView text)
{
    text = text.trimmed();
    if (text.size() != 5 && text.size() != 7)
        return std::nullopt;
    const int sign = text[0] == QLatin1Char('-') ? -1 : 1;
    if (text[0] != QLatin1Char('-') && text[0] != QLatin1Char('+'))
        return std::nullopt;
    const auto hours = parseDigits(text, 1, 2);
    const auto minutes = parseDigits(text, 3, 2);
    const auto seconds = text.size() == 7 ? parseDigits(text, 5, 2) : std::optional<int>(0);
    if (!hours || !minutes || !seconds)
        return std::nullopt;
    return sign * (*hours * 3600 + *minutes * 60 + *seconds);
}

// A zone this system knows for a TZID: an IANA id, a Windows zone name, or an IANA id at the end of a
// vendor path such as "/mozilla.org/20050126_1/Europe/Berlin".
QTimeZone knownZone(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QTimeZone direct = timeZoneFromId(trimmed);
    if (direct.isValid())
        return direct;
    const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(trimmed.toUtf8());
    if (!iana.isEmpty())
        return QTimeZone(iana);
    const QStringList parts = trimmed.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype n = std::min<qsizetype>(3, parts.size() - 1); n >= 1; --n) {
        const QTimeZone suffix = timeZoneFromId(parts.sliced(parts.size() - n).join(QLatin1Char('/')));
        if (suffix.isValid())
            return suffix;
    }
    return {};
}

bool looksLikeHtml(QStringView text)
{
    static const QRegularExpression kMarkup(QStringLiteral(
        "<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9]*(\\s[^>]*)?/?>|&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);"));
    return kMarkup.match(text).hasMatch();
}

QString titleFromSourceName(const QString &source)
{
    if (source.isEmpty())
        return {};
    QString path = source;
    const QUrl url(source);
    if (url.isValid() && url.scheme().size() > 1)
        path = url.path();
    return QFileInfo(path).completeBaseName();
}

/** Reads one document; one instance per parse() call. */
class CalendarReader
{
public:
    CalendarReader(const QByteArray &data, const ImportOptions &options)
        : m_data(data)
        , m_options(options)
    {}

    ImportResult run();

private:
    ImportResult fail(qint64 line, const QString &message) const
    {
        return ImportResult::failure(ParseError{m_options.sourceName, line, 0, message});
    }

    std::optional<ImportResult> readStructure(QByteArrayView body);
    void calendarProperty(const ICalendarLine &line);
    QTimeZone fallbackZone() const;
    QTimeZone zoneForTzid(const QString &tzid, qint64 line);
    QTimeZone conferenceZone();
    std::optional<When> parseWhen(const ICalendarLine &line);
    QString text(const ICalendarLine &line);
    QStringList textList(const ICalendarLine &line);
    void buildSession(const RawEvent &event, Conference &conference);

    const QByteArray &m_data;
    const ImportOptions &m_options;
    Warnings m_warnings;

    QString m_calendarName;
    QString m_calendarDescription;
    QString m_calendarUrl;
    QString m_wrTimeZone;
    qint64 m_wrTimeZoneLine = 0;
    QHash<QString, TimeZoneDefinition> m_zoneDefinitions;
    QHash<QString, QTimeZone> m_resolvedZones;
    QList<RawEvent> m_events;
    QTimeZone m_zone;
    QSet<QString> m_roomIds;
    QSet<QString> m_speakerIds;
    QSet<QString> m_trackIds;

    qint64 m_invalidEncodingLines = 0;
    qint64 m_firstInvalidEncodingLine = 0;
};

ImportResult CalendarReader::run()
{
    if (m_options.maxInputBytes > 0 && m_data.size() > m_options.maxInputBytes) {
        return fail(0, QStringLiteral("the input is %1 bytes, more than the limit of %2 bytes")
                           .arg(m_data.size())
                           .arg(m_options.maxInputBytes));
    }
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    if (std::all_of(m_data.cbegin(), m_data.cend(), blank))
        return fail(0, QStringLiteral("the input is empty"));

    QByteArray converted;
    QByteArrayView body(m_data);
    const std::optional<QStringConverter::Encoding> bom = QStringConverter::encodingForData(m_data);
    if (bom == QStringConverter::Utf8) {
        body = body.sliced(3);
    } else if (bom) {
        QStringDecoder decoder(*bom);
        converted = QString(decoder(m_data)).toUtf8();
        body = converted;
    }

    if (std::optional<ImportResult> failure = readStructure(body))
        return *failure;

    m_zone = conferenceZone();
    Conference conference;
    conference.title = !m_calendarName.isEmpty() ? m_calendarName : titleFromSourceName(m_options.sourceName);
    conference.id = Conference::keyFromName(conference.title);
    if (m_calendarDescription != conference.title)
        conference.subtitle = m_calendarDescription;
    conference.url = m_calendarUrl;
    conference.timeZone = m_zone;
    conference.sourceFormat = QStringLiteral("icalendar");
    for (const RawEvent &event : std::as_const(m_events))
        buildSession(event, conference);
    if (m_events.isEmpty())
        m_warnings.add(0, QStringLiteral("the calendar has no events"));
    if (m_invalidEncodingLines > 0) {
        m_warnings.add(m_firstInvalidEncodingLine,
                       QStringLiteral("invalid UTF-8 replaced by U+FFFD (%1 content lines affected)")
                           .arg(m_invalidEncodingLines));
    }
    conference.normalize();

    ImportResult result;
    result.conference = std::move(conference);
    result.warnings = m_warnings.take();
    return result;
}

std::optional<ImportResult> CalendarReader::readStructure(QByteArrayView body)
{
    const ICalendarDocument document = ICalendarDocument::read(body);
    if (!document.ok())
        return fail(document.errorLine(), document.errorMessage());
    for (const ICalendarLine &line : document.calendarProperties())
        calendarProperty(line);
    for (const ICalendarDocument::TimeZone &zone : document.timeZones()) {
        TimeZoneDefinition definition{zone.tzid, zone.location, {}, zone.hasDaylight};
        for (const QString &offset : zone.offsetsTo) {
            if (const std::optional<int> seconds = parseUtcOffset(offset))
                definition.offsets.append(*seconds);
        }
        m_zoneDefinitions.insert(zone.tzid, definition);
    }
    m_events = document.events();
    for (const auto &[line, message] : document.warnings())
        m_warnings.add(line, message);
    return std::nullopt;
}

void CalendarReader::calendarProperty(const ICalendarLine &line)
{
    const QByteArray name = line.name();
    if (name == "X-WR-CALNAME" && m_calendarName.isEmpty()) {
        m_calendarName = text(line).trimmed();
    } else if (name == "X-WR-CALDESC" && m_calendarDescription.isEmpty()) {
        m_calendarDescription = text(line).trimmed();
    } else if (name == "X-WR-TIMEZONE" && m_wrTimeZone.isEmpty()) {
        m_wrTimeZone = text(line).trimmed();
        m_wrTimeZoneLine = line.lineNumber();
    } else if ((name == "URL" || name == "X-ORIGINAL-URL") && m_calendarUrl.isEmpty()) {
        m_calendarUrl = line.value().trimmed();
    }
}

QString CalendarReader::text(const ICalendarLine &line)
{
    bool invalid = false;
    QString result = line.text(&invalid);
    if (invalid && m_invalidEncodingLines++ == 0)
        m_firstInvalidEncodingLine = line.lineNumber();
    return result;
}

QStringList CalendarReader::textList(const ICalendarLine &line)
{
    bool invalid = false;
    QStringList result = line.textList(&invalid);
    if (invalid && m_invalidEncodingLines++ == 0)
        m_firstInvalidEncodingLine = line.lineNumber();
    return result;
}

QTimeZone CalendarReader::fallbackZone() const
{
    const QTimeZone hinted = knownZone(m_wrTimeZone);
    if (hinted.isValid())
        return hinted;
    if (m_options.fallbackTimeZone.isValid())
        return m_options.fallbackTimeZone;
    return QTimeZone::utc();
}

QTimeZone CalendarReader::zoneForTzid(const QString &tzid, qint64 line)
{
    const auto cached = m_resolvedZones.constFind(tzid);
    if (cached != m_resolvedZones.cend())
        return *cached;
    QTimeZone zone = knownZone(tzid);
    if (!zone.isValid()) {
        const auto definition = m_zoneDefinitions.constFind(tzid);
        if (definition != m_zoneDefinitions.cend()) {
            zone = knownZone(definition->location);
            // Rules (RRULE in STANDARD/DAYLIGHT) are not evaluated: only a zone with one fixed offset is
            // usable.
            if (!zone.isValid() && !definition->hasDaylight && definition->offsets.size() == 1)
                zone = QTimeZone(definition->offsets.constFirst());
        }
    }
    if (!zone.isValid()) {
        zone = fallbackZone();
        m_warnings.add(line, QStringLiteral("unknown time zone \"%1\"; its times are read in %2")
                                 .arg(tzid, QString::fromUtf8(zone.id())));
    }
    m_resolvedZones.insert(tzid, zone);
    return zone;
}

QTimeZone CalendarReader::conferenceZone()
{
    if (!m_wrTimeZone.isEmpty()) {
        const QTimeZone hinted = knownZone(m_wrTimeZone);
        if (hinted.isValid())
            return hinted;
        m_warnings.add(m_wrTimeZoneLine,
                       QStringLiteral("unknown X-WR-TIMEZONE \"%1\" ignored").arg(m_wrTimeZone));
    }
    QHash<QString, int> uses;
    QString mostUsed;
    qint64 mostUsedLine = 0;
    for (const RawEvent &event : std::as_const(m_events)) {
        const ICalendarLine *start = event.first("DTSTART");
        if (!start || !start->hasParameter("TZID"))
            continue;
        const QString tzid = start->parameter("TZID");
        const int count = ++uses[tzid];
        if (mostUsed.isEmpty() || count > uses.value(mostUsed)) {
            mostUsed = tzid;
            mostUsedLine = start->lineNumber();
        }
    }
    if (!mostUsed.isEmpty())
        return zoneForTzid(mostUsed, mostUsedLine);
    if (m_options.fallbackTimeZone.isValid())
        return m_options.fallbackTimeZone;
    return QTimeZone::utc();
}

std::optional<When> CalendarReader::parseWhen(const ICalendarLine &line)
{
    QString value = line.value().trimmed();
    value.remove(QLatin1Char('-'));
    value.remove(QLatin1Char(':'));
    const auto year = parseDigits(value, 0, 4);
    const auto month = parseDigits(value, 4, 2);
    const auto day = parseDigits(value, 6, 2);
    if (!year || !month || !day)
        return std::nullopt;
    const QDate date(*year, *month, *day);
    if (!date.isValid())
        return std::nullopt;
    if (value.size() == 8 || line.parameter("VALUE").compare(u"DATE", Qt::CaseInsensitive) == 0)
        return When{resolveLocal(m_zone, date, QTime(0, 0)), true};

    if (value.size() < 13 || value[8].toUpper() != QLatin1Char('T'))
        return std::nullopt;
    const auto hour = parseDigits(value, 9, 2);
    const auto minute = parseDigits(value, 11, 2);
    qsizetype rest = 13;
    std::optional<int> second = 0;
    if (value.size() >= 15 && value[13].isDigit()) {
        second = parseDigits(value, 13, 2);
        rest = 15;
    }
    if (!hour || !minute || !second)
        return std::nullopt;
    const QTime time(*hour, *minute, std::min(*second, 59));
    if (!time.isValid())
        return std::nullopt;
    const QStringView suffix = QStringView(value).sliced(rest);
    if (suffix.compare(u"Z", Qt::CaseInsensitive) == 0)
        return When{QDateTime(date, time, Qt::UTC), false};
    if (!suffix.isEmpty())
        return std::nullopt;
    if (line.hasParameter("TZID"))
        return When{resolveLocal(zoneForTzid(line.parameter("TZID"), line.lineNumber()), date, time), false};
    return When{resolveLocal(m_zone, date, time), false};
}

void CalendarReader::buildSession(const RawEvent &event, Conference &conference)
{
    const ICalendarLine *summary = event.first("SUMMARY");
    const QString title = summary ? text(*summary).trimmed() : QString();
    const QString quotedTitle = QLatin1Char('"') + title + QLatin1Char('"');

    if (const ICalendarLine *status = event.first("STATUS");
        status && text(*status).trimmed().compare(u"CANCELLED", Qt::CaseInsensitive) == 0) {
        m_warnings.add(event.line, QStringLiteral("cancelled event %1 skipped").arg(quotedTitle));
        return;
    }
    const ICalendarLine *dtstart = event.first("DTSTART");
    if (!dtstart) {
        m_warnings.add(event.line, QStringLiteral("event %1 has no DTSTART; skipped").arg(quotedTitle));
        return;
    }
    const std::optional<When> start = parseWhen(*dtstart);
    if (!start || !start->at.isValid()) {
        m_warnings.add(dtstart->lineNumber(), QStringLiteral("unreadable DTSTART \"%1\"; event %2 skipped")
                                                  .arg(dtstart->value().trimmed(), quotedTitle));
        return;
    }

    QDateTime end;
    if (const ICalendarLine *dtend = event.first("DTEND")) {
        const std::optional<When> parsed = parseWhen(*dtend);
        if (parsed && parsed->at.isValid())
            end = parsed->at;
        else
            m_warnings.add(dtend->lineNumber(),
                           QStringLiteral("unreadable DTEND \"%1\" ignored").arg(dtend->value()));
    }
    if (!end.isValid()) {
        if (const ICalendarLine *durationLine = event.first("DURATION")) {
            const std::optional<Duration> duration = parseDuration(durationLine->value().trimmed());
            if (!duration || duration->negative) {
                m_warnings.add(durationLine->lineNumber(),
                               QStringLiteral("unusable DURATION \"%1\" ignored").arg(durationLine->value()));
            } else {
                end = start->at.addDays(duration->days).addSecs(duration->seconds);
            }
        }
    }
    if (!end.isValid())
        end = start->isDate ? resolveLocal(m_zone, start->at.date().addDays(1), QTime(0, 0)) : start->at;
    if (start->isDate && end == start->at)
        end = resolveLocal(m_zone, start->at.date().addDays(1), QTime(0, 0)); // DTEND = DTSTART: one day
    if (end < start->at) {
        m_warnings.add(
            event.line,
            QStringLiteral("event %1 ends before it starts; its end is set to its start").arg(quotedTitle));
        end = start->at;
    }
    // A DURATION of millions of weeks, or a day-long event on 9999-12-31, ends in a year ISO 8601 dates (and
    // so the feed) cannot carry.
    if (end.toTimeZone(m_zone).date().year() > 9999) {
        m_warnings.add(event.line,
                       QStringLiteral("event %1 ends after the year 9999; its end is set to its start")
                           .arg(quotedTitle));
        end = start->at;
    }
    if (const ICalendarLine *rule = event.first("RRULE") ? event.first("RRULE") : event.first("RDATE")) {
        m_warnings.add(rule->lineNumber(),
                       QStringLiteral("recurrence of event %1 ignored; only its first occurrence is imported")
                           .arg(quotedTitle));
    }

    Session session;
    session.title = title;
    session.start = start->at.toTimeZone(m_zone);
    session.end = end.toTimeZone(m_zone);
    if (const ICalendarLine *uid = event.first("UID"))
        session.guid = text(*uid).trimmed();
    if (session.guid.isEmpty())
        session.guid = Conference::deriveGuid(conference.id, QString::fromUtf8(dtstart->rawValue()), title);
    if (const ICalendarLine *url = event.first("URL"))
        session.url = url->value().trimmed();

    const ICalendarLine *description = event.first("DESCRIPTION");
    const ICalendarLine *altDescription = event.first("X-ALT-DESC");
    const QString abstract = description      ? text(*description).trimmed()
                             : altDescription ? text(*altDescription).trimmed()
                                              : QString();
    if (looksLikeHtml(abstract)) {
        const QUrl base(session.url);
        const bool absolute = base.isValid() && (base.scheme() == u"http" || base.scheme() == u"https");
        const HtmlSanitizer::Result clean = HtmlSanitizer::sanitize(abstract, absolute ? base : QUrl());
        session.abstractText = clean.plainText;
        session.abstractHtml = clean.safeHtml;
    } else if (!abstract.isEmpty()) {
        session.abstractText = abstract;
        session.abstractHtml = HtmlSanitizer::htmlFromPlainText(abstract);
    }

    if (const ICalendarLine *location = event.first("LOCATION")) {
        const QString name = text(*location).trimmed();
        if (!name.isEmpty()) {
            session.roomId = Conference::keyFromName(name);
            if (!m_roomIds.contains(session.roomId)) {
                m_roomIds.insert(session.roomId);
                conference.venue.rooms.append(Room{session.roomId, name, {}, {}, {}, std::nullopt});
            }
        }
    }

    QSet<QString> tags;
    QSet<QString> speakerIds;
    for (const ICalendarLine &property : event.properties) {
        if (property.name() == "CATEGORIES") {
            for (const QString &category : textList(property)) {
                if (!tags.contains(category)) {
                    tags.insert(category);
                    session.tags.append(category);
                }
            }
        } else if (property.name() == "ATTENDEE") {
            const QString name = property.parameter("CN").trimmed();
            const QString role = property.parameter("ROLE").toUpper();
            const QString kind = property.parameter("CUTYPE").toUpper();
            const bool presenter = role.isEmpty() || role == u"REQ-PARTICIPANT" || role == u"CHAIR";
            if (name.isEmpty() || !presenter || kind == u"ROOM" || kind == u"RESOURCE")
                continue;
            const QString id = Conference::keyFromName(name);
            if (speakerIds.contains(id))
                continue;
            speakerIds.insert(id);
            session.speakerIds.append(id);
            if (!m_speakerIds.contains(id)) {
                m_speakerIds.insert(id);
                conference.speakers.append(Speaker{id, name, {}, {}, {}});
            }
        }
    }
    if (!session.tags.isEmpty()) {
        const QString &trackName = session.tags.constFirst();
        session.trackId = Conference::keyFromName(trackName);
        if (!m_trackIds.contains(session.trackId)) {
            m_trackIds.insert(session.trackId);
            conference.tracks.append(Track{session.trackId, trackName, Track::defaultColor(trackName)});
        }
    }
    session.type = guessSessionType(session.tags.value(0), title);
    conference.sessions.append(std::move(session));
}

} // namespace

ImportResult ICalendarParser::parse(const QByteArray &data, const ImportOptions &options)
{
    return CalendarReader(data, options).run();
}

} // namespace Plenary
