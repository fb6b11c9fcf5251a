#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace Plenary {

/**
 * Builds an RFC 5545 iCalendar document line by line: CRLF content lines folded at 75 octets without
 * splitting a UTF-8 sequence, TEXT escaping, DATE-TIME values with TZID or in UTC, and VTIMEZONE
 * components generated from QTimeZone's transitions.
 */
class ICalendarWriter
{
public:
    struct Parameter
    {
        QByteArray name;
        QString value;
    };

    void begin(QByteArrayView component);
    void end(QByteArrayView component);

    /** A property whose value is written as given (URI, DURATION, ...); line breaks in it are dropped. */
    void raw(QByteArrayView name, const QString &value, const QList<Parameter> &parameters = {});
    /** A TEXT property, escaped. */
    void text(QByteArrayView name, const QString &value, const QList<Parameter> &parameters = {});
    /** A TEXT list (CATEGORIES): each item escaped, joined by commas; nothing is written for an empty list.
     */
    void textList(QByteArrayView name, const QStringList &values);

    /**
     * A DATE-TIME property: local time with `TZID=<zone id>` when `zone` is a named zone other than UTC, else
     * UTC ("...Z"). The second pass through a repeated hour cannot be written as local time (readers take the
     * first), so such an instant is written in UTC too.
     */
    void dateTime(QByteArrayView name, const QDateTime &instant, const QTimeZone &zone = QTimeZone::utc());

    /**
     * A VTIMEZONE for `zone` whose observances cover every instant from `from` to `to`: the one in force at
     * `from` and one per transition up to `to`, each a STANDARD or DAYLIGHT block with its own DTSTART (no
     * recurrence rules), so readers that do not know the zone id still get the offsets right.
     */
    void timeZone(const QTimeZone &zone, const QDateTime &from, const QDateTime &to);

    /** The document so far. */
    QByteArray data() const { return m_data; }
    /** How many components are open (0 when the document is complete). */
    qsizetype depth() const { return m_open.size(); }

    /** One content line as physical lines, each ending in CRLF and at most 75 octets long without it. */
    static QByteArray fold(QByteArrayView line);
    /** RFC 5545 §3.3.11 TEXT escaping; line breaks become `\n`, other control characters are dropped. */
    static QString escapeText(QStringView text);
    /** "20260207T090000Z". */
    static QByteArray formatUtc(const QDateTime &instant);
    /** The wall-clock time without zone: "20260207T100000". */
    static QByteArray formatLocal(const QDateTime &local);
    /** A UTC offset as iCalendar writes it: "+0100", "-0330", "+053000" when seconds are not zero. */
    static QByteArray formatOffset(int seconds);
    /** A duration for TRIGGER: "-PT10M", "-PT1H30M", "PT0S". */
    static QByteArray formatDuration(qint64 seconds);
    /** Whether `zone` can be named by TZID: a valid IANA zone other than UTC. */
    static bool isNamedZone(const QTimeZone &zone);

private:
    void line(QByteArrayView name, const QList<Parameter> &parameters, const QString &value);

    QByteArray m_data;
    QList<QByteArray> m_open;
};

} // namespace Plenary
