#include "icalendarparser.h"

#include "timezones.h"

#include "htmlsanitizer.h"
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
#include <cstring>

namespace Plenary {

namespace {

constexpr qsizetype kMaxContentLineBytes = 1024 * 1024;
constexpr qint64 kMaxContentLines = 2'000'000;
constexpr qsizetype kMaxNesting = 32;
constexpr int kMaxWarnings = 200;

QString lineMessage(qint64 line, const QString &message)
{
    return QStringLiteral("line %1: %2").arg(line).arg(message);
}

// Turns raw bytes into unfolded content lines, still as bytes: a fold may split a UTF-8 character, so
// decoding must wait until the line is whole. Accepts CRLF, LF and lone CR in any mix, skips blank lines,
// and joins vCal 1.0 quoted-printable soft line breaks ("=" at the end of a physical line).
class ContentLineReader
{
public:
    enum class Status { Line, End, TooLong };

    explicit ContentLineReader(QByteArrayView data)
        : m_data(data)
    {}

    // Line: `line` holds the unfolded bytes and `lineNumber` the physical line it starts on.
    // TooLong: `lineNumber` names the line that exceeds kMaxContentLineBytes; nothing large was copied.
    Status next(QByteArray &line, qint64 &lineNumber)
    {
        line.clear();
        Physical physical;
        for (;;) {
            if (m_pos >= m_data.size())
                return Status::End;
            physical = peek();
            if (physical.end > physical.begin)
                break;
            consume(physical);
        }
        lineNumber = m_physical + 1;
        if (physical.end - physical.begin > kMaxContentLineBytes)
            return Status::TooLong;
        const QByteArrayView head = m_data.sliced(physical.begin, physical.end - physical.begin);
        line.append(head);
        const bool quotedPrintable = isQuotedPrintable(head);
        consume(physical);

        while (m_pos < m_data.size()) {
            physical = peek();
            if (physical.end == physical.begin) {
                consume(physical);
                continue;
            }
            const char first = m_data[physical.begin];
            QByteArrayView piece;
            if (first == ' ' || first == '\t') {
                piece = m_data.sliced(physical.begin + 1, physical.end - physical.begin - 1);
            } else if (quotedPrintable && line.endsWith('=') && !startsComponentLine(physical)) {
                line.chop(1);
                piece = m_data.sliced(physical.begin, physical.end - physical.begin);
            } else {
                break;
            }
            if (line.size() + piece.size() > kMaxContentLineBytes)
                return Status::TooLong;
            line.append(piece);
            consume(physical);
        }
        return Status::Line;
    }

    qint64 physicalLines() const { return m_physical; }

private:
    struct Physical
    {
        qsizetype begin = 0;
        qsizetype end = 0;   ///< exclusive, before the line break
        qsizetype after = 0; ///< where the next physical line begins
    };

    // Position of the next `c` at or after m_pos (or the size); cached so that long runs stay linear.
    qsizetype nextOf(char c, qsizetype &cache) const
    {
        if (cache >= m_pos)
            return cache;
        const void *found = std::memchr(m_data.data() + m_pos, c, static_cast<size_t>(m_data.size() - m_pos));
        cache = found ? static_cast<const char *>(found) - m_data.data() : m_data.size();
        return cache;
    }

    Physical peek()
    {
        const qsizetype end = std::min(nextOf('\n', m_nextLf), nextOf('\r', m_nextCr));
        qsizetype after = end;
        if (end < m_data.size()) {
            after = end + 1;
            if (m_data[end] == '\r' && after < m_data.size() && m_data[after] == '\n')
                ++after;
        }
        return Physical{m_pos, end, after};
    }

    void consume(const Physical &physical)
    {
        m_pos = physical.after;
        ++m_physical;
    }

    // Decided on the first physical line alone, so that joining soft line breaks stays linear.
    static bool isQuotedPrintable(QByteArrayView firstLine)
    {
        const qsizetype colon = firstLine.indexOf(':');
        if (colon < 0)
            return false;
        return firstLine.first(colon).toByteArray().toUpper().contains("QUOTED-PRINTABLE");
    }

    bool startsComponentLine(const Physical &physical) const
    {
        const QByteArrayView text = m_data.sliced(physical.begin, physical.end - physical.begin);
        return text.startsWith("BEGIN:") || text.startsWith("END:") || text.startsWith("begin:") ||
               text.startsWith("end:");
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    qint64 m_physical = 0;
    qsizetype m_nextLf = -1;
    qsizetype m_nextCr = -1;
};

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

struct RawEvent
{
    qint64 line = 0;
    QList<ICalendarLine> properties;

    const ICalendarLine *first(QByteArrayView name) const
    {
        for (const ICalendarLine &property : properties) {
            if (property.name() == name)
                return &property;
        }
        return nullptr;
    }
};

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
    struct Open
    {
        QByteArray name;
        qint64 line = 0;
    };
    QList<Open> stack;
    RawEvent event;
    TimeZoneDefinition zone;
    bool sawCalendar = false;
    qint64 outsideLines = 0;
    qint64 firstOutsideLine = 0;
    qint64 contentLines = 0;

    ContentLineReader reader(body);
    QByteArray bytes;
    qint64 lineNumber = 0;
    for (;;) {
        const ContentLineReader::Status status = reader.next(bytes, lineNumber);
        if (status == ContentLineReader::Status::End)
            break;
        if (status == ContentLineReader::Status::TooLong) {
            return fail(lineNumber, QStringLiteral("content line longer than %1 bytes (1 MB) after unfolding")
                                        .arg(kMaxContentLineBytes));
        }
        if (++contentLines > kMaxContentLines)
            return fail(lineNumber, QStringLiteral("more than %1 content lines").arg(kMaxContentLines));
        if (bytes.contains('\0'))
            return fail(lineNumber, QStringLiteral("binary data (a NUL byte): not an iCalendar text file"));

        QString syntaxError;
        const std::optional<ICalendarLine> line = ICalendarLine::parse(bytes, lineNumber, &syntaxError);
        const bool delimiter = line && (line->name() == "BEGIN" || line->name() == "END");
        const QByteArray component = delimiter ? line->rawValue().trimmed().toUpper() : QByteArray();
        if (stack.isEmpty()) {
            if (line && line->name() == "BEGIN" && component == "VCALENDAR") {
                stack.append(Open{component, lineNumber});
                sawCalendar = true;
            } else if (outsideLines++ == 0) {
                firstOutsideLine = lineNumber;
            }
            continue;
        }
        if (!line) {
            m_warnings.add(lineNumber, syntaxError + QStringLiteral("; skipped"));
            continue;
        }

        if (delimiter && component.isEmpty()) {
            m_warnings.add(lineNumber, QStringLiteral("%1 without a component name; ignored")
                                           .arg(QString::fromLatin1(line->name())));
            continue;
        }
        if (line->name() == "BEGIN") {
            const QString name = QString::fromLatin1(component);
            for (const Open &open : std::as_const(stack)) {
                if (open.name == component) {
                    return fail(lineNumber,
                                QStringLiteral("BEGIN:%1 inside the %1 begun on line %2 (missing END:%1?)")
                                    .arg(name, QString::number(open.line)));
                }
            }
            if (stack.size() >= kMaxNesting)
                return fail(lineNumber,
                            QStringLiteral("components nested more than %1 deep").arg(kMaxNesting));
            stack.append(Open{component, lineNumber});
            if (stack.size() == 2 && component == "VEVENT") {
                event = RawEvent{lineNumber, {}};
            } else if (stack.size() == 2 && component == "VTIMEZONE") {
                zone = TimeZoneDefinition{};
            } else if (stack.size() == 3 && stack[1].name == "VTIMEZONE" && component == "DAYLIGHT") {
                zone.hasDaylight = true;
            }
            continue;
        }

        if (line->name() == "END") {
            if (stack.constLast().name == component) {
                if (stack.size() == 2 && component == "VEVENT")
                    m_events.append(std::move(event));
                else if (stack.size() == 2 && component == "VTIMEZONE" && !zone.tzid.isEmpty())
                    m_zoneDefinitions.insert(zone.tzid, zone);
                stack.removeLast();
                continue;
            }
            const auto open = std::find_if(stack.cbegin(), stack.cend(),
                                           [&component](const Open &o) { return o.name == component; });
            if (open != stack.cend()) {
                return fail(lineNumber, QStringLiteral("END:%1 while the %2 begun on line %3 is still open")
                                            .arg(QString::fromLatin1(component),
                                                 QString::fromLatin1(stack.constLast().name),
                                                 QString::number(stack.constLast().line)));
            }
            m_warnings.add(lineNumber, QStringLiteral("END:%1 without a matching BEGIN; ignored")
                                           .arg(QString::fromLatin1(component)));
            continue;
        }

        const QByteArray &top = stack.constLast().name;
        if (stack.size() == 1) {
            calendarProperty(*line);
        } else if (stack.size() == 2 && top == "VEVENT") {
            event.properties.append(*line);
        } else if (stack.size() == 2 && top == "VTIMEZONE") {
            if (line->name() == "TZID")
                zone.tzid = line->text().trimmed();
            else if (line->name() == "X-LIC-LOCATION")
                zone.location = line->text().trimmed();
        } else if (stack.size() == 3 && stack[1].name == "VTIMEZONE" && line->name() == "TZOFFSETTO") {
            if (const std::optional<int> offset = parseUtcOffset(line->text()))
                zone.offsets.append(*offset);
        }
    }

    if (!stack.isEmpty()) {
        const Open &open = stack.constLast();
        return fail(open.line,
                    QStringLiteral("BEGIN:%1 is never closed: the input ends at line %2 (truncated?)")
                        .arg(QString::fromLatin1(open.name), QString::number(reader.physicalLines())));
    }
    if (!sawCalendar)
        return fail(0, QStringLiteral("not an iCalendar file: no BEGIN:VCALENDAR line"));
    if (outsideLines > 0) {
        m_warnings.add(firstOutsideLine,
                       QStringLiteral("%1 content lines outside BEGIN:VCALENDAR/END:VCALENDAR ignored")
                           .arg(outsideLines));
    }
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
