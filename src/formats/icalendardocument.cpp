#include "icalendardocument.h"

#include <algorithm>
#include <cstring>

namespace Plenary {

namespace {

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
    // TooLong: `lineNumber` names the line that exceeds ICalendarDocument::kMaxContentLineBytes; nothing
    // large was copied.
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
        if (physical.end - physical.begin > ICalendarDocument::kMaxContentLineBytes)
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
            if (line.size() + piece.size() > ICalendarDocument::kMaxContentLineBytes)
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

} // namespace

const ICalendarLine *ICalendarDocument::Event::first(QByteArrayView name) const
{
    for (const ICalendarLine &property : properties) {
        if (property.name() == name)
            return &property;
    }
    return nullptr;
}

QString ICalendarDocument::Event::text(QByteArrayView name) const
{
    const ICalendarLine *property = first(name);
    return property ? property->text().trimmed() : QString();
}

void ICalendarDocument::fail(qint64 line, const QString &message)
{
    m_errorLine = line;
    m_errorMessage = message;
    m_calendarProperties.clear();
    m_events.clear();
    m_timeZones.clear();
}

ICalendarDocument ICalendarDocument::read(QByteArrayView body)
{
    struct Open
    {
        QByteArray name;
        qint64 line = 0;
    };
    ICalendarDocument document;
    QList<Open> stack;
    Event event;
    TimeZone zone;
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
            document.fail(lineNumber,
                          QStringLiteral("content line longer than %1 bytes (1 MB) after unfolding")
                              .arg(kMaxContentLineBytes));
            return document;
        }
        if (++contentLines > kMaxContentLines) {
            document.fail(lineNumber, QStringLiteral("more than %1 content lines").arg(kMaxContentLines));
            return document;
        }
        if (bytes.contains('\0')) {
            document.fail(lineNumber, QStringLiteral("binary data (a NUL byte): not an iCalendar text file"));
            return document;
        }

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
            document.m_warnings.append({lineNumber, syntaxError + QStringLiteral("; skipped")});
            continue;
        }

        if (delimiter && component.isEmpty()) {
            document.m_warnings.append({lineNumber, QStringLiteral("%1 without a component name; ignored")
                                                        .arg(QString::fromLatin1(line->name()))});
            continue;
        }
        if (line->name() == "BEGIN") {
            const QString name = QString::fromLatin1(component);
            for (const Open &open : std::as_const(stack)) {
                if (open.name == component) {
                    document.fail(lineNumber,
                                  QStringLiteral("BEGIN:%1 inside the %1 begun on line %2 (missing END:%1?)")
                                      .arg(name, QString::number(open.line)));
                    return document;
                }
            }
            if (stack.size() >= kMaxNesting) {
                document.fail(lineNumber,
                              QStringLiteral("components nested more than %1 deep").arg(kMaxNesting));
                return document;
            }
            stack.append(Open{component, lineNumber});
            if (stack.size() == 2 && component == "VEVENT")
                event = Event{lineNumber, {}};
            else if (stack.size() == 2 && component == "VTIMEZONE")
                zone = TimeZone{};
            else if (stack.size() == 3 && stack[1].name == "VTIMEZONE" && component == "DAYLIGHT")
                zone.hasDaylight = true;
            continue;
        }

        if (line->name() == "END") {
            if (stack.constLast().name == component) {
                if (stack.size() == 2 && component == "VEVENT")
                    document.m_events.append(std::move(event));
                else if (stack.size() == 2 && component == "VTIMEZONE" && !zone.tzid.isEmpty())
                    document.m_timeZones.append(zone);
                stack.removeLast();
                continue;
            }
            const auto open = std::find_if(stack.cbegin(), stack.cend(),
                                           [&component](const Open &o) { return o.name == component; });
            if (open != stack.cend()) {
                document.fail(lineNumber, QStringLiteral("END:%1 while the %2 begun on line %3 is still open")
                                              .arg(QString::fromLatin1(component),
                                                   QString::fromLatin1(stack.constLast().name),
                                                   QString::number(stack.constLast().line)));
                return document;
            }
            document.m_warnings.append({lineNumber, QStringLiteral("END:%1 without a matching BEGIN; ignored")
                                                        .arg(QString::fromLatin1(component))});
            continue;
        }

        const QByteArray &top = stack.constLast().name;
        if (stack.size() == 1) {
            document.m_calendarProperties.append(*line);
        } else if (stack.size() == 2 && top == "VEVENT") {
            event.properties.append(*line);
        } else if (stack.size() == 2 && top == "VTIMEZONE") {
            if (line->name() == "TZID")
                zone.tzid = line->text().trimmed();
            else if (line->name() == "X-LIC-LOCATION")
                zone.location = line->text().trimmed();
        } else if (stack.size() == 3 && stack[1].name == "VTIMEZONE" && line->name() == "TZOFFSETTO") {
            zone.offsetsTo.append(line->text().trimmed());
        }
    }

    if (!stack.isEmpty()) {
        const Open &open = stack.constLast();
        document.fail(open.line,
                      QStringLiteral("BEGIN:%1 is never closed: the input ends at line %2 (truncated?)")
                          .arg(QString::fromLatin1(open.name), QString::number(reader.physicalLines())));
        return document;
    }
    if (!sawCalendar) {
        document.fail(0, QStringLiteral("not an iCalendar file: no BEGIN:VCALENDAR line"));
        return document;
    }
    if (outsideLines > 0) {
        document.m_warnings.append(
            {firstOutsideLine,
             QStringLiteral("%1 content lines outside BEGIN:VCALENDAR/END:VCALENDAR ignored")
                 .arg(outsideLines)});
    }
    return document;
}

} // namespace Plenary
