#include "icalendarwriter.h"

#include "wallclock.h"

#include <QSet>

#include <cstdlib>

namespace Plenary {

namespace {

constexpr qsizetype kMaxLineOctets = 75;

bool isUtf8Continuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// RFC 6868 parameter value encoding, quoted when the value contains a separator.
QByteArray encodeParameterValue(const QString &value)
{
    QByteArray encoded;
    bool quote = false;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '^':
            encoded += "^^";
            break;
        case '"':
            encoded += "^'";
            break;
        case '\n':
            encoded += "^n";
            break;
        case '\r':
            break;
        case ':':
        case ';':
        case ',':
            quote = true;
            encoded += static_cast<char>(c.unicode());
            break;
        default:
            if (c.unicode() >= 0x20 && c.unicode() != 0x7F)
                encoded += QString(c).toUtf8();
        }
    }
    return quote ? '"' + encoded + '"' : encoded;
}

QString withoutLineBreaks(const QString &value)
{
    QString result;
    result.reserve(value.size());
    for (const QChar c : value) {
        if (c.unicode() >= 0x20 && c.unicode() != 0x7F)
            result.append(c);
    }
    return result;
}

} // namespace

void ICalendarWriter::begin(QByteArrayView component)
{
    m_data += fold(QByteArray(QByteArray("BEGIN:") + component.toByteArray()));
    m_open.append(component.toByteArray());
}

void ICalendarWriter::end(QByteArrayView component)
{
    Q_ASSERT(!m_open.isEmpty() && m_open.constLast() == component);
    if (!m_open.isEmpty())
        m_open.removeLast();
    m_data += fold(QByteArray(QByteArray("END:") + component.toByteArray()));
}

void ICalendarWriter::line(QByteArrayView name, const QList<Parameter> &parameters, const QString &value)
{
    QByteArray bytes = name.toByteArray();
    for (const Parameter &parameter : parameters)
        bytes += ';' + parameter.name + '=' + encodeParameterValue(parameter.value);
    bytes += ':';
    bytes += value.toUtf8();
    m_data += fold(bytes);
}

void ICalendarWriter::raw(QByteArrayView name, const QString &value, const QList<Parameter> &parameters)
{
    line(name, parameters, withoutLineBreaks(value));
}

void ICalendarWriter::text(QByteArrayView name, const QString &value, const QList<Parameter> &parameters)
{
    line(name, parameters, escapeText(value));
}

void ICalendarWriter::textList(QByteArrayView name, const QStringList &values)
{
    QStringList escaped;
    for (const QString &value : values) {
        if (!value.trimmed().isEmpty())
            escaped.append(escapeText(value.trimmed()));
    }
    if (!escaped.isEmpty())
        line(name, {}, escaped.join(QLatin1Char(',')));
}

void ICalendarWriter::dateTime(QByteArrayView name, const QDateTime &instant, const QTimeZone &zone)
{
    Q_ASSERT(instant.isValid());
    if (isNamedZone(zone) && isWallClockExact(instant, zone)) {
        line(name, {{"TZID", QString::fromUtf8(zone.id())}},
             QString::fromLatin1(formatLocal(instant.toTimeZone(zone))));
    } else {
        line(name, {}, QString::fromLatin1(formatUtc(instant)));
    }
}

void ICalendarWriter::timeZone(const QTimeZone &zone, const QDateTime &from, const QDateTime &to)
{
    Q_ASSERT(zone.isValid());
    struct Observance
    {
        QDateTime atUtc; ///< invalid for a zone without transitions
        int offsetFrom = 0;
        int offsetTo = 0;
        bool daylight = false;
        QString name;
    };
    QList<Observance> observances;
    const auto observanceOf = [](const QTimeZone::OffsetData &data, int offsetFrom) {
        return Observance{data.atUtc, offsetFrom, data.offsetFromUtc, data.daylightTimeOffset != 0,
                          data.abbreviation};
    };

    QTimeZone::OffsetData inForce;
    if (zone.hasTransitions())
        inForce = zone.previousTransition(from);
    if (inForce.atUtc.isValid()) {
        const QTimeZone::OffsetData before = zone.previousTransition(inForce.atUtc);
        observances.append(
            observanceOf(inForce, before.atUtc.isValid() ? before.offsetFromUtc : inForce.offsetFromUtc));
    }
    if (zone.hasTransitions()) {
        for (const QTimeZone::OffsetData &transition : zone.transitions(from, to)) {
            const int offsetFrom = observances.isEmpty() ? zone.offsetFromUtc(transition.atUtc.addSecs(-1))
                                                         : observances.constLast().offsetTo;
            observances.append(observanceOf(transition, offsetFrom));
        }
    }
    if (observances.isEmpty()) {
        const QDateTime at = from.isValid() ? from : QDateTime::currentDateTimeUtc();
        const int offset = zone.offsetFromUtc(at);
        observances.append(Observance{{}, offset, offset, zone.isDaylightTime(at), zone.abbreviation(at)});
    }

    begin("VTIMEZONE");
    text("TZID", QString::fromUtf8(zone.id()));
    for (const Observance &observance : std::as_const(observances)) {
        const QByteArray kind = observance.daylight ? "DAYLIGHT" : "STANDARD";
        begin(kind);
        // DTSTART of an observance is the wall-clock time of the change, read in the offset before it.
        const QByteArray start = observance.atUtc.isValid()
                                     ? formatLocal(observance.atUtc.toOffsetFromUtc(observance.offsetFrom))
                                     : QByteArray("19700101T000000");
        raw("DTSTART", QString::fromLatin1(start));
        raw("TZOFFSETFROM", QString::fromLatin1(formatOffset(observance.offsetFrom)));
        raw("TZOFFSETTO", QString::fromLatin1(formatOffset(observance.offsetTo)));
        if (!observance.name.isEmpty())
            text("TZNAME", observance.name);
        end(kind);
    }
    end("VTIMEZONE");
}

QByteArray ICalendarWriter::fold(QByteArrayView line)
{
    QByteArray folded;
    folded.reserve(line.size() + line.size() / 70 * 3 + 2);
    qsizetype pos = 0;
    bool first = true;
    do {
        const qsizetype room = first ? kMaxLineOctets : kMaxLineOctets - 1;
        qsizetype cut = std::min(line.size(), pos + room);
        // Never split a UTF-8 sequence: back up to the start of the character at the cut.
        while (cut < line.size() && cut > pos && isUtf8Continuation(line[cut]))
            --cut;
        if (cut == pos)
            cut = std::min(line.size(), pos + room); // not UTF-8 at all; cut where the limit is
        if (!first)
            folded += ' ';
        folded += line.sliced(pos, cut - pos);
        folded += "\r\n";
        pos = cut;
        first = false;
    } while (pos < line.size());
    return folded;
}

QString ICalendarWriter::escapeText(QStringView text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case '\\':
            escaped += QStringLiteral("\\\\");
            break;
        case ';':
            escaped += QStringLiteral("\\;");
            break;
        case ',':
            escaped += QStringLiteral("\\,");
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            escaped += QStringLiteral("\\n");
            break;
        case '\n':
            escaped += QStringLiteral("\\n");
            break;
        case '\t':
            escaped += c;
            break;
        default:
            if (c.unicode() >= 0x20 && c.unicode() != 0x7F)
                escaped += c;
        }
    }
    return escaped;
}

QByteArray ICalendarWriter::formatUtc(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray ICalendarWriter::formatLocal(const QDateTime &local)
{
    return local.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
}

QByteArray ICalendarWriter::formatOffset(int seconds)
{
    const char sign = seconds < 0 ? '-' : '+';
    const int magnitude = std::abs(seconds);
    QByteArray text = sign + QByteArray::number(magnitude / 3600).rightJustified(2, '0') +
                      QByteArray::number(magnitude % 3600 / 60).rightJustified(2, '0');
    if (magnitude % 60 != 0)
        text += QByteArray::number(magnitude % 60).rightJustified(2, '0');
    return text;
}

QByteArray ICalendarWriter::formatDuration(qint64 seconds)
{
    if (seconds == 0)
        return "PT0S";
    QByteArray text = seconds < 0 ? "-PT" : "PT";
    qint64 magnitude = std::abs(seconds);
    if (magnitude >= 3600)
        text += QByteArray::number(magnitude / 3600) + 'H';
    if (magnitude % 3600 >= 60)
        text += QByteArray::number(magnitude % 3600 / 60) + 'M';
    if (magnitude % 60 != 0)
        text += QByteArray::number(magnitude % 60) + 'S';
    return text;
}

bool ICalendarWriter::isNamedZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == QTimeZone::utc())
        return false;
    const QByteArray id = zone.id();
    if (id.isEmpty() || id == "UTC" || id.startsWith("UTC+") || id.startsWith("UTC-"))
        return false;
    // "Etc/UTC", "GMT": plain UTC under another name reads better as "...Z".
    if (!zone.hasTransitions() && zone.offsetFromUtc(QDateTime::currentDateTimeUtc()) == 0)
        return false;
    static thread_local QSet<QByteArray> s_known;
    if (s_known.contains(id))
        return true;
    if (!QTimeZone::isTimeZoneIdAvailable(id))
        return false;
    s_known.insert(id);
    return true;
}

} // namespace Plenary
