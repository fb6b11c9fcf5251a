#include "pentabarfxmlparser.h"

#include "htmlsanitizer.h"

#include <QHash>
#include <QSet>
#include <QUrl>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstring>

namespace Plenary {

namespace {

constexpr int kMaxDepth = 64;
constexpr qint64 kMaxElements = 2'000'000;
constexpr qsizetype kMaxWarnings = 50;
// Where days change when a schedule does not say (the same rule as Conference::dayOf()).
constexpr int kDefaultDayChangeSecs = 4 * 3600;
constexpr int kSecsPerDay = 24 * 3600;

// ---------------------------------------------------------------------------------------------------------
// Input bytes

// Length of the valid UTF-8 sequence at p (1..4), or 0 when the bytes there are not valid UTF-8.
int utf8SequenceLength(const uchar *p, qsizetype remaining)
{
    const uchar b0 = p[0];
    if (b0 < 0x80)
        return 1;
    const auto continuation = [p, remaining](qsizetype i, uchar low = 0x80, uchar high = 0xBF) {
        return i < remaining && p[i] >= low && p[i] <= high;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return continuation(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        const uchar low = b0 == 0xE0 ? 0xA0 : 0x80;
        const uchar high = b0 == 0xED ? 0x9F : 0xBF;
        return continuation(1, low, high) && continuation(2) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const uchar low = b0 == 0xF0 ? 0x90 : 0x80;
        const uchar high = b0 == 0xF4 ? 0x8F : 0xBF;
        return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

bool isForbiddenControl(uchar b)
{
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
}

// True when every byte is valid UTF-8 and no control character XML forbids occurs.
bool isCleanUtf8(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, 8);
            // No byte with the high bit set and none below 0x20: the next eight bytes are plain ASCII.
            constexpr quint64 high = 0x8080808080808080ULL;
            constexpr quint64 spaces = 0x2020202020202020ULL;
            if ((word & high) == 0 && ((word - spaces) & ~word & high) == 0) {
                i += 8;
                continue;
            }
        }
        if (isForbiddenControl(p[i]))
            return false;
        const int length = utf8SequenceLength(p + i, n - i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

// The encoding named in the XML declaration, lowercased; empty when there is none.
QByteArray declaredEncoding(const QByteArray &data)
{
    if (!data.startsWith("<?xml"))
        return {};
    const qsizetype end = data.indexOf("?>");
    if (end < 0 || end > 512)
        return {};
    const QByteArray declaration = data.left(end);
    const qsizetype at = declaration.indexOf("encoding");
    if (at < 0)
        return {};
    qsizetype i = declaration.indexOf('=', at);
    if (i < 0)
        return {};
    ++i;
    while (i < declaration.size() && (declaration[i] == ' ' || declaration[i] == '\t'))
        ++i;
    if (i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\''))
        return {};
    const qsizetype close = declaration.indexOf(declaration[i], i + 1);
    return close < 0 ? QByteArray() : declaration.mid(i + 1, close - i - 1).toLower();
}

/**
 * Repairs the two faults real exports have that would stop an XML reader at the first byte: bytes that are
 * not UTF-8 in a UTF-8 document (read as Latin-1) and control characters XML does not allow (made spaces).
 */
QByteArray repairedUtf8(const QByteArray &data, qsizetype &latin1Bytes, qsizetype &controls)
{
    QByteArray out;
    out.reserve(data.size() + data.size() / 16);
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        if (isForbiddenControl(p[i])) {
            out.append(' ');
            ++controls;
            ++i;
            continue;
        }
        const int length = utf8SequenceLength(p + i, n - i);
        if (length > 0) {
            out.append(data.constData() + i, length);
            i += length;
            continue;
        }
        out.append(static_cast<char>(0xC0 | (p[i] >> 6)));
        out.append(static_cast<char>(0x80 | (p[i] & 0x3F)));
        ++latin1Bytes;
        ++i;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// Field values

// "HH:MM", "H:MM" or "HH:MM:SS" (hours may exceed 23), or plain minutes ("90"), as seconds; -1 when
// unreadable.
int parseClock(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 12)
        return -1;
    int parts[3] = {0, 0, 0};
    int count = 0;
    int digits = 0;
    for (const QChar c : text) {
        if (c == u':') {
            if (digits == 0 || ++count > 2)
                return -1;
            digits = 0;
        } else if (c >= u'0' && c <= u'9') {
            parts[count] = parts[count] * 10 + (c.unicode() - u'0');
            ++digits;
        } else {
            return -1;
        }
    }
    if (digits == 0)
        return -1;
    if (count == 0)
        return parts[0] * 60;
    if (parts[1] > 59 || parts[2] > 59)
        return -1;
    return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

QStringList parseLanguages(QStringView text)
{
    QStringList languages;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != u',' && text[i] != u';' && text[i] != u'/' && !text[i].isSpace())
            continue;
        const QString code = text.sliced(start, i - start).toString().toLower();
        start = i + 1;
        if (code.isEmpty())
            continue;
        static const QHash<QString, QString> names{
            {QStringLiteral("english"), QStringLiteral("en")},
            {QStringLiteral("german"), QStringLiteral("de")},
            {QStringLiteral("deutsch"), QStringLiteral("de")},
            {QStringLiteral("french"), QStringLiteral("fr")},
            {QStringLiteral("spanish"), QStringLiteral("es")},
            {QStringLiteral("italian"), QStringLiteral("it")},
            {QStringLiteral("dutch"), QStringLiteral("nl")},
        };
        const QString mapped = names.value(code, code);
        if (!languages.contains(mapped))
            languages.append(mapped);
    }
    return languages;
}

bool hasOffset(const QDateTime &dateTime)
{
    return dateTime.isValid() && dateTime.timeSpec() != Qt::LocalTime;
}

// A wall-clock time in `zone`; a time that falls into a DST gap moves forward by the gap.
QDateTime localDateTime(QDate date, int secs, const QTimeZone &zone)
{
    date = date.addDays(secs / kSecsPerDay);
    const QTime time = QTime::fromMSecsSinceStartOfDay((secs % kSecsPerDay) * 1000);
    QDateTime dateTime(date, time, zone);
    if (!dateTime.isValid()) {
        const QDateTime standard(date, time,
                                 QTimeZone(zone.standardTimeOffset(QDateTime(date, QTime(12, 0), zone))));
        dateTime = standard.toTimeZone(zone);
    }
    return dateTime;
}

QString sliceToString(QStringView text)
{
    return text.trimmed().toString();
}

// ---------------------------------------------------------------------------------------------------------
// The reader

struct RawPerson
{
    QString id;
    QString name;
};

struct RawLink
{
    QString href;
    QString text;
};

struct RawEvent
{
    QString guid;
    QString sourceId;
    QString slug;
    QString title;
    QString subtitle;
    QString type;
    QString track;
    QString room;
    QString url;
    QString abstractText;
    QString description;
    QString language;
    QString date;
    QString start;
    QString duration;
    QList<RawPerson> persons;
    QList<RawLink> links;
    qsizetype day = -1;
    qint64 line = 0;
};

struct RawDay
{
    QString date;
    QString start;
    QString end;
};

struct RawTrack
{
    QString name;
    QString color;
};

/** Reads a Pentabarf/frab document in one QXmlStreamReader pass, then builds the conference from it. */
class Reader
{
public:
    Reader(const QByteArray &data, const ImportOptions &options)
        : m_options(options)
        , m_data(data)
        , m_xml(data)
    {
        m_xml.setNamespaceProcessing(false);
    }

    ImportResult read(QStringList warnings);

private:
    QXmlStreamReader::TokenType next();
    bool nextChild();
    QString readText();
    QString readLinkText();
    void skip();

    void readConference();
    void readTracks(QStringView item);
    void readDay();
    void readRoom(qsizetype day);
    void readEvent(qsizetype day, const QString &room);
    void readPersons(RawEvent &event);
    void readLinks(RawEvent &event, QStringView item);

    ImportResult xmlFailure() const;
    ImportResult failure(const QString &message, qint64 line = 0, qint64 column = 0) const;
    void warn(const QString &message);
    QTimeZone resolveTimeZone();
    ImportResult build();

    const ImportOptions &m_options;
    QByteArray m_data;
    QXmlStreamReader m_xml;
    qint64 m_dtdOffset = -1;
    int m_depth = 0;
    qint64 m_elements = 0;
    bool m_sawRoot = false;
    QStringList m_warnings;

    bool m_sawConference = false;
    QString m_version;
    QString m_scheduleUrl;
    QString m_acronym;
    QString m_title;
    QString m_subtitle;
    QString m_venue;
    QString m_city;
    QString m_dayChange;
    QString m_baseUrl;
    QString m_url;
    QString m_timeZoneName;
    QList<RawTrack> m_tracks;
    QList<RawDay> m_days;
    QStringList m_roomNames;
    QList<RawEvent> m_events;
};

QXmlStreamReader::TokenType Reader::next()
{
    const QXmlStreamReader::TokenType token = m_xml.readNext();
    switch (token) {
    case QXmlStreamReader::StartElement:
        if (++m_depth > kMaxDepth)
            m_xml.raiseError(QStringLiteral("elements are nested more than %1 levels deep").arg(kMaxDepth));
        else if (++m_elements > kMaxElements)
            m_xml.raiseError(QStringLiteral("more than %1 elements").arg(kMaxElements));
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        break;
    case QXmlStreamReader::DTD:
        m_dtdOffset = m_xml.characterOffset();
        m_xml.raiseError(QStringLiteral("DTD/entity declarations are not allowed"));
        break;
    default:
        break;
    }
    return token;
}

// Moves to the next direct child of the element the reader is in; false at that element's end (or an error).
bool Reader::nextChild()
{
    const int depth = m_depth;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::StartElement && m_depth == depth + 1)
            return true;
        if (token == QXmlStreamReader::EndElement && m_depth < depth)
            return false;
        if (token == QXmlStreamReader::Invalid)
            return false;
    }
    return false;
}

// The text of the current element, its children's text included; leaves the reader at the element's end.
QString Reader::readText()
{
    const int depth = m_depth;
    QString text;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::Characters) {
            if (text.isEmpty())
                text = m_xml.text().toString();
            else
                text.append(m_xml.text());
        } else if (token == QXmlStreamReader::EndElement && m_depth < depth) {
            break;
        } else if (token == QXmlStreamReader::Invalid) {
            break;
        }
    }
    return text;
}

// The label of a <link> or <attachment>: its own text, or the text of a nested <title> when it has one.
QString Reader::readLinkText()
{
    const int depth = m_depth;
    QString text;
    QString title;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::Characters) {
            text.append(m_xml.text());
        } else if (token == QXmlStreamReader::StartElement) {
            if (m_xml.name() == u"title" && title.isEmpty())
                title = readText();
            else
                skip();
        } else if ((token == QXmlStreamReader::EndElement && m_depth < depth) ||
                   token == QXmlStreamReader::Invalid) {
            break;
        }
    }
    return (title.isEmpty() ? text : title).simplified();
}

void Reader::skip()
{
    const int depth = m_depth;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = next();
        if ((token == QXmlStreamReader::EndElement && m_depth < depth) || token == QXmlStreamReader::Invalid)
            return;
    }
}

void Reader::warn(const QString &message)
{
    if (m_warnings.size() < kMaxWarnings)
        m_warnings.append(message);
    else if (m_warnings.size() == kMaxWarnings)
        m_warnings.append(QStringLiteral("more warnings left out"));
}

ImportResult Reader::read(QStringList warnings)
{
    m_warnings = std::move(warnings);
    while (!m_xml.atEnd()) {
        if (next() == QXmlStreamReader::StartElement) {
            m_sawRoot = true;
            break;
        }
    }
    if (m_xml.hasError())
        return xmlFailure();
    if (!m_sawRoot)
        return failure(QStringLiteral("not an XML document: it has no root element"));
    if (m_xml.name() != u"schedule") {
        return failure(
            QStringLiteral("the root element is <%1>, not <schedule>: not a Pentabarf/frab schedule")
                .arg(m_xml.name()),
            m_xml.lineNumber(), std::max<qint64>(1, m_xml.columnNumber()));
    }

    while (nextChild()) {
        const QStringView name = m_xml.name();
        if (name == u"day")
            readDay();
        else if (name == u"conference")
            readConference();
        else if (name == u"tracks")
            readTracks(u"track");
        else if (name == u"version")
            m_version = readText().simplified();
        else if (name == u"url")
            m_scheduleUrl = readText().trimmed();
        else
            skip();
    }
    if (m_xml.hasError())
        return xmlFailure();
    if (!m_sawConference && m_days.isEmpty())
        return failure(QStringLiteral("the <schedule> has neither a <conference> nor any <day>"));
    return build();
}

void Reader::readConference()
{
    m_sawConference = true;
    while (nextChild()) {
        const QStringView name = m_xml.name();
        if (name == u"acronym")
            m_acronym = readText().trimmed();
        else if (name == u"title")
            m_title = readText().simplified();
        else if (name == u"subtitle")
            m_subtitle = readText().simplified();
        else if (name == u"venue")
            m_venue = readText().simplified();
        else if (name == u"city")
            m_city = readText().simplified();
        else if (name == u"day_change")
            m_dayChange = readText().trimmed();
        else if (name == u"base_url")
            m_baseUrl = readText().trimmed();
        else if (name == u"url")
            m_url = readText().trimmed();
        else if (name == u"time_zone_name")
            m_timeZoneName = readText().trimmed();
        else if (name == u"track")
            readTracks({});
        else
            skip();
    }
}

// Reads <tracks><track .../>...</tracks> (item = "track"), or one <track> element itself (item empty).
void Reader::readTracks(QStringView item)
{
    const auto readOne = [this] {
        const QXmlStreamAttributes attributes = m_xml.attributes();
        RawTrack track;
        track.color = sliceToString(attributes.value(QLatin1StringView("color")));
        const QString name = sliceToString(attributes.value(QLatin1StringView("name")));
        const QString text = readText().simplified();
        track.name = name.isEmpty() ? text : name;
        if (!track.name.isEmpty())
            m_tracks.append(track);
    };
    if (item.isEmpty()) {
        readOne();
        return;
    }
    while (nextChild()) {
        if (m_xml.name() == item)
            readOne();
        else
            skip();
    }
}

void Reader::readDay()
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    m_days.append(RawDay{sliceToString(attributes.value(QLatin1StringView("date"))),
                         sliceToString(attributes.value(QLatin1StringView("start"))),
                         sliceToString(attributes.value(QLatin1StringView("end")))});
    const qsizetype day = m_days.size() - 1;
    while (nextChild()) {
        const QStringView name = m_xml.name();
        if (name == u"room")
            readRoom(day);
        else if (name == u"event")
            readEvent(day, {});
        else
            skip();
    }
}

void Reader::readRoom(qsizetype day)
{
    const QString room = m_xml.attributes().value(QLatin1StringView("name")).toString().simplified();
    if (!room.isEmpty() && !m_roomNames.contains(room))
        m_roomNames.append(room);
    while (nextChild()) {
        if (m_xml.name() == u"event")
            readEvent(day, room);
        else
            skip();
    }
}

void Reader::readEvent(qsizetype day, const QString &room)
{
    RawEvent event;
    event.day = day;
    event.room = room;
    event.line = m_xml.lineNumber();
    {
        const QXmlStreamAttributes attributes = m_xml.attributes();
        event.guid = sliceToString(attributes.value(QLatin1StringView("guid")));
        event.sourceId = sliceToString(attributes.value(QLatin1StringView("id")));
        if (event.sourceId.isEmpty())
            event.sourceId = sliceToString(attributes.value(QLatin1StringView("code")));
    }
    QString eventRoom;
    while (nextChild()) {
        const QStringView name = m_xml.name();
        if (name == u"title")
            event.title = readText();
        else if (name == u"start")
            event.start = readText();
        else if (name == u"duration")
            event.duration = readText();
        else if (name == u"date")
            event.date = readText().trimmed();
        else if (name == u"room")
            eventRoom = readText().simplified();
        else if (name == u"abstract")
            event.abstractText = readText();
        else if (name == u"description")
            event.description = readText();
        else if (name == u"track")
            event.track = readText().simplified();
        else if (name == u"type")
            event.type = readText().simplified();
        else if (name == u"subtitle")
            event.subtitle = readText();
        else if (name == u"language")
            event.language = readText();
        else if (name == u"url")
            event.url = readText().trimmed();
        else if (name == u"slug")
            event.slug = readText().trimmed();
        else if (name == u"persons")
            readPersons(event);
        else if (name == u"links")
            readLinks(event, u"link");
        else if (name == u"attachments")
            readLinks(event, u"attachment");
        else
            skip();
    }
    if (event.room.isEmpty()) {
        event.room = eventRoom;
        if (!eventRoom.isEmpty() && !m_roomNames.contains(eventRoom))
            m_roomNames.append(eventRoom);
    }
    m_events.append(std::move(event));
}

void Reader::readPersons(RawEvent &event)
{
    while (nextChild()) {
        if (m_xml.name() != u"person") {
            skip();
            continue;
        }
        const QXmlStreamAttributes attributes = m_xml.attributes();
        RawPerson person;
        person.id = sliceToString(attributes.value(QLatin1StringView("id")));
        if (person.id.isEmpty())
            person.id = sliceToString(attributes.value(QLatin1StringView("guid")));
        person.name = readText().simplified();
        if (!person.name.isEmpty() || !person.id.isEmpty())
            event.persons.append(person);
    }
}

void Reader::readLinks(RawEvent &event, QStringView item)
{
    while (nextChild()) {
        if (m_xml.name() != item) {
            skip();
            continue;
        }
        RawLink link;
        link.href = sliceToString(m_xml.attributes().value(QLatin1StringView("href")));
        link.text = readLinkText();
        if (!link.href.isEmpty())
            event.links.append(link);
    }
}

ImportResult Reader::failure(const QString &message, qint64 line, qint64 column) const
{
    return ImportResult::failure(ParseError{m_options.sourceName, line, column, message});
}

ImportResult Reader::xmlFailure() const
{
    QString reason = m_xml.errorString();
    while (reason.endsWith(u'.'))
        reason.chop(1);
    QString message;
    switch (m_xml.error()) {
    case QXmlStreamReader::CustomError:
        message = reason;
        break;
    case QXmlStreamReader::PrematureEndOfDocumentError:
        message = m_sawRoot ? QStringLiteral("unexpected end of the document; the file is truncated")
                            : QStringLiteral("not an XML document: it has no root element");
        break;
    default:
        if (!reason.isEmpty())
            reason[0] = reason[0].toLower();
        message = (m_sawRoot ? QStringLiteral("malformed XML: ") : QStringLiteral("not an XML document: ")) +
                  reason;
        break;
    }
    qint64 line = m_xml.lineNumber();
    qint64 column = std::max<qint64>(1, m_xml.columnNumber());
    if (m_dtdOffset >= 0) {
        // Point at the <!DOCTYPE, not at the end of the DTD where the reader reports it.
        const qsizetype at = m_data.indexOf("<!DOCTYPE");
        if (at >= 0) {
            const QByteArrayView before(m_data.constData(), at);
            line = before.count('\n') + 1;
            column = at - (before.lastIndexOf('\n') + 1) + 1;
        }
    }
    return failure(message, line, column);
}

// time_zone_name, else the offset written in the schedule (preferring the user's zone when it agrees), else
// the user's zone, else UTC.
QTimeZone Reader::resolveTimeZone()
{
    if (!m_timeZoneName.isEmpty()) {
        QTimeZone zone(m_timeZoneName.toUtf8());
        if (zone.isValid())
            return zone;
        warn(QStringLiteral("unknown time zone \"%1\" ignored").arg(m_timeZoneName));
    }
    QDateTime withOffset;
    for (const RawDay &day : std::as_const(m_days)) {
        const QDateTime start = QDateTime::fromString(day.start, Qt::ISODate);
        if (hasOffset(start)) {
            withOffset = start;
            break;
        }
    }
    for (qsizetype i = 0; !withOffset.isValid() && i < m_events.size(); ++i) {
        const QDateTime date = QDateTime::fromString(m_events[i].date, Qt::ISODate);
        if (hasOffset(date))
            withOffset = date;
    }
    const QTimeZone &fallback = m_options.fallbackTimeZone;
    if (withOffset.isValid()) {
        const int offset = withOffset.offsetFromUtc();
        if (fallback.isValid() && fallback.offsetFromUtc(withOffset) == offset)
            return fallback;
        return QTimeZone(offset);
    }
    return fallback.isValid() ? fallback : QTimeZone::utc();
}

ImportResult Reader::build()
{
    Conference conference;
    conference.id = m_acronym;
    if (conference.id.isEmpty())
        conference.id = Conference::keyFromName(m_title);
    if (conference.id.isEmpty())
        conference.id = QStringLiteral("schedule");
    conference.title = m_title.isEmpty() ? conference.id : m_title;
    conference.subtitle = m_subtitle;
    conference.version = m_version;
    conference.venue.name = m_venue;
    conference.venue.address = m_city;

    QUrl baseUrl;
    for (const QString &candidate : {m_baseUrl, m_url, m_options.sourceName, m_scheduleUrl}) {
        const QUrl url(candidate);
        const QString scheme = url.scheme().toLower();
        if (url.isValid() && !url.host().isEmpty() && (scheme == u"http" || scheme == u"https")) {
            baseUrl = url;
            break;
        }
    }
    conference.url = HtmlSanitizer::safeLinkUrl(m_url.isEmpty() ? m_baseUrl : m_url, baseUrl);

    const QTimeZone zone = resolveTimeZone();
    conference.timeZone = zone;

    // Where days change: <day_change>, else the time a <day> starts, else 04:00. (A frab <day start> is the
    // first slot, e.g. 11:00, so it only stands in when the schedule gives no <day_change>.)
    int conferenceDayChange = -1;
    if (!m_dayChange.isEmpty()) {
        const int secs = parseClock(m_dayChange);
        if (secs >= 0 && secs < kSecsPerDay)
            conferenceDayChange = secs;
        else
            warn(QStringLiteral("unreadable <day_change> \"%1\"").arg(m_dayChange));
    }
    const int defaultDayChange = conferenceDayChange >= 0 ? conferenceDayChange : kDefaultDayChangeSecs;

    // Days, and where each one changes to the next.
    QList<int> dayChanges;
    QList<QDate> dayDates;
    dayChanges.reserve(m_days.size());
    dayDates.reserve(m_days.size());
    for (const RawDay &raw : std::as_const(m_days)) {
        Day day;
        day.date = QDate::fromString(raw.date, Qt::ISODate);
        const QDateTime start = QDateTime::fromString(raw.start, Qt::ISODate);
        const QDateTime end = QDateTime::fromString(raw.end, Qt::ISODate);
        if (!day.date.isValid() && start.isValid())
            day.date = start.date();
        int dayChange = defaultDayChange;
        if (start.isValid()) {
            day.start = hasOffset(start)
                            ? start.toTimeZone(zone)
                            : localDateTime(start.date(), start.time().msecsSinceStartOfDay() / 1000, zone);
            if (conferenceDayChange < 0)
                dayChange = day.start.time().msecsSinceStartOfDay() / 1000;
        } else if (day.date.isValid()) {
            day.start = localDateTime(day.date, defaultDayChange, zone);
        }
        if (end.isValid())
            day.end = hasOffset(end)
                          ? end.toTimeZone(zone)
                          : localDateTime(end.date(), end.time().msecsSinceStartOfDay() / 1000, zone);
        else if (day.date.isValid())
            day.end = localDateTime(day.date.addDays(1), dayChange, zone);
        dayChanges.append(dayChange);
        dayDates.append(day.date);
        if (!day.date.isValid())
            warn(QStringLiteral("a <day> without a readable date (\"%1\")").arg(raw.date));
        else
            conference.days.append(day);
    }

    QHash<QString, QString> keys;
    const auto keyOf = [&keys](const QString &name) {
        auto it = keys.constFind(name);
        if (it == keys.cend())
            it = keys.insert(name, Conference::keyFromName(name));
        return *it;
    };

    QSet<QString> roomIds;
    for (const QString &name : std::as_const(m_roomNames)) {
        const QString id = keyOf(name);
        if (!roomIds.contains(id)) {
            roomIds.insert(id);
            conference.venue.rooms.append(Room{id, name, {}, {}, {}, std::nullopt});
        }
    }

    QSet<QString> trackIds;
    const auto addTrack = [&](const QString &name, const QString &color) {
        const QString id = keyOf(name);
        if (id.isEmpty() || trackIds.contains(id))
            return;
        trackIds.insert(id);
        const bool colorOk = color.size() == 7 && color.startsWith(u'#');
        conference.tracks.append(Track{id, name, colorOk ? color.toLower() : Track::defaultColor(name)});
    };
    for (const RawTrack &track : std::as_const(m_tracks))
        addTrack(track.name, track.color);

    QSet<QString> speakerIds;
    QHash<QString, SessionType> types;
    conference.sessions.reserve(m_events.size());
    for (const RawEvent &raw : std::as_const(m_events)) {
        const QString title = raw.title.simplified();
        const QString label = raw.sourceId.isEmpty() ? QStringLiteral("\"%1\"").arg(title) : raw.sourceId;
        const qsizetype dayIndex = raw.day;
        const QDate dayDate = dayDates.value(dayIndex);

        // Start: the full <date> when it carries an offset, else the day's date and <start>.
        const int startSecs = parseClock(raw.start);
        QDateTime start;
        const QDateTime date =
            raw.date.isEmpty() ? QDateTime() : QDateTime::fromString(raw.date, Qt::ISODate);
        if (hasOffset(date)) {
            start = date.toTimeZone(zone);
            // A writer that used one offset for a whole DST day got the offset wrong but the wall clock
            // right.
            if (startSecs >= 0 && start.time().msecsSinceStartOfDay() / 1000 != startSecs % kSecsPerDay &&
                date.time().msecsSinceStartOfDay() / 1000 == startSecs % kSecsPerDay)
                start = localDateTime(date.date(), startSecs % kSecsPerDay, zone);
        } else if (startSecs >= 0 && dayDate.isValid()) {
            const bool afterMidnight = startSecs < dayChanges.value(dayIndex, defaultDayChange);
            start = localDateTime(afterMidnight ? dayDate.addDays(1) : dayDate, startSecs, zone);
        } else if (date.isValid()) {
            const int secs = startSecs >= 0 ? startSecs : date.time().msecsSinceStartOfDay() / 1000;
            start = localDateTime(date.date(), secs, zone);
        }
        if (!start.isValid()) {
            warn(QStringLiteral("line %1: event %2 has no readable start; skipped").arg(raw.line).arg(label));
            continue;
        }

        int duration = parseClock(raw.duration);
        if (duration < 0) {
            if (!raw.duration.trimmed().isEmpty())
                warn(QStringLiteral("line %1: event %2 has an unreadable duration \"%3\"; taken as 0")
                         .arg(raw.line)
                         .arg(label, raw.duration.trimmed()));
            duration = 0;
        }

        Session session;
        session.title = title;
        session.subtitle = raw.subtitle.simplified();
        session.guid = raw.guid;
        if (session.guid.isEmpty()) {
            const QString sourceId = raw.sourceId.isEmpty() ? raw.slug : raw.sourceId;
            // The wall-clock start as written, so that the guid does not change with the zone it is read in.
            const QString when = start.date().toString(Qt::ISODate) + u'T' + start.time().toString(u"HH:mm");
            session.guid = Conference::deriveGuid(conference.id, QString(sourceId + u'@' + when), title);
        }
        session.typeLabel = raw.type;
        if (raw.type.isEmpty()) {
            session.type = guessSessionType(raw.type, title);
        } else {
            auto type = types.constFind(raw.type);
            if (type == types.cend())
                type = types.insert(raw.type, guessSessionType(raw.type));
            session.type = *type;
        }
        if (!raw.track.isEmpty()) {
            addTrack(raw.track, {});
            session.trackId = keyOf(raw.track);
        }
        if (!raw.room.isEmpty())
            session.roomId = keyOf(raw.room);
        session.start = start;
        session.end = start.addSecs(duration);
        session.languages = parseLanguages(raw.language);
        session.url = HtmlSanitizer::safeLinkUrl(raw.url, baseUrl);

        const HtmlSanitizer::Result abstract = HtmlSanitizer::sanitize(raw.abstractText, baseUrl);
        HtmlSanitizer::Result description = HtmlSanitizer::sanitize(raw.description, baseUrl);
        if (description.plainText == abstract.plainText)
            description = {};
        session.abstractText = abstract.plainText;
        if (!description.plainText.isEmpty()) {
            if (!session.abstractText.isEmpty())
                session.abstractText += QStringLiteral("\n\n");
            session.abstractText += description.plainText;
        }
        session.abstractHtml = abstract.safeHtml + description.safeHtml;
        for (const RawLink &link : raw.links) {
            const QString url = HtmlSanitizer::safeLinkUrl(link.href, baseUrl);
            if (!url.isEmpty())
                session.links.append(Link{link.text.isEmpty() ? url : link.text, url});
        }

        for (const RawPerson &person : raw.persons) {
            const QString id = person.id.isEmpty() ? keyOf(person.name) : person.id;
            if (id.isEmpty() || session.speakerIds.contains(id))
                continue;
            session.speakerIds.append(id);
            if (!speakerIds.contains(id)) {
                speakerIds.insert(id);
                conference.speakers.append(Speaker{id, person.name.isEmpty() ? id : person.name, {}, {}, {}});
            }
        }
        conference.sessions.append(std::move(session));
    }

    conference.sourceFormat = QStringLiteral("pentabarf-xml");
    conference.normalize();

    ImportResult result;
    result.conference = std::move(conference);
    result.warnings = m_warnings;
    return result;
}

} // namespace

ImportResult PentabarfXmlParser::parse(const QByteArray &data, const ImportOptions &options)
{
    const auto fail = [&options](const QString &message) {
        return ImportResult::failure(ParseError{options.sourceName, 0, 0, message});
    };
    if (data.size() > options.maxInputBytes) {
        return fail(QStringLiteral("input is %1 bytes, more than the limit of %2 bytes")
                        .arg(data.size())
                        .arg(options.maxInputBytes));
    }
    if (std::all_of(data.cbegin(), data.cend(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }))
        return fail(QStringLiteral("the document is empty"));

    QStringList warnings;
    const bool utf16or32 = data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF") ||
                           data.startsWith('\0') || (data.size() > 1 && data[1] == '\0');
    const QByteArray encoding = declaredEncoding(data);
    const bool utf8 = !utf16or32 && (encoding.isEmpty() || encoding == "utf-8" || encoding == "utf8");
    if (utf8 && !isCleanUtf8(data)) {
        qsizetype latin1Bytes = 0;
        qsizetype controls = 0;
        const QByteArray repaired = repairedUtf8(data, latin1Bytes, controls);
        if (latin1Bytes > 0)
            warnings.append(QStringLiteral("the input is not valid UTF-8: %1 byte(s) were read as Latin-1")
                                .arg(latin1Bytes));
        if (controls > 0)
            warnings.append(
                QStringLiteral("%1 control character(s) that XML does not allow were replaced by spaces")
                    .arg(controls));
        return Reader(repaired, options).read(warnings);
    }
    return Reader(data, options).read(warnings);
}

} // namespace Plenary
