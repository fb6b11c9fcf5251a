#pragma once

#include "icalendarline.h"

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Plenary {

/**
 * The component structure of one iCalendar (RFC 5545) document, as shared by the schedule parser and the
 * agenda importer: unfolds content lines as bytes (CRLF, LF or CR; vCal 1.0 quoted-printable soft breaks),
 * checks BEGIN/END nesting, and keeps the calendar's own properties, each top-level VEVENT's properties and
 * each VTIMEZONE's id, location and offsets. Interpreting them is left to the caller. Never throws; hostile
 * input gives an error or warnings within fixed limits.
 */
class ICalendarDocument
{
public:
    static constexpr qsizetype kMaxContentLineBytes = 1024 * 1024;
    static constexpr qint64 kMaxContentLines = 2'000'000;
    static constexpr qsizetype kMaxNesting = 32;

    /** One VEVENT directly inside the VCALENDAR: its properties in file order. */
    struct Event
    {
        qint64 line = 0; ///< where BEGIN:VEVENT is
        QList<ICalendarLine> properties;

        /** The first property called `name`, or null. */
        const ICalendarLine *first(QByteArrayView name) const;
        /** The first property's text value, trimmed; empty when there is none. */
        QString text(QByteArrayView name) const;
    };

    /** One VTIMEZONE, as far as the parsers use it. */
    struct TimeZone
    {
        QString tzid;
        QString location;      ///< X-LIC-LOCATION, which often names the IANA zone behind a vendor TZID
        QStringList offsetsTo; ///< TZOFFSETTO of each STANDARD/DAYLIGHT block, as written ("+0100")
        bool hasDaylight = false;
    };

    /** Reads `body` (UTF-8 bytes, any byte-order mark already removed). */
    static ICalendarDocument read(QByteArrayView body);

    bool ok() const { return m_errorMessage.isEmpty(); }
    /** Why the document could not be read, and on which line (0: the whole input). */
    QString errorMessage() const { return m_errorMessage; }
    qint64 errorLine() const { return m_errorLine; }

    QList<ICalendarLine> calendarProperties() const { return m_calendarProperties; }
    QList<Event> events() const { return m_events; }
    QList<TimeZone> timeZones() const { return m_timeZones; }
    /** What was skipped on the way, with the line it concerns (0: the whole input), in file order. */
    QList<QPair<qint64, QString>> warnings() const { return m_warnings; }

private:
    void fail(qint64 line, const QString &message);

    QString m_errorMessage;
    qint64 m_errorLine = 0;
    QList<ICalendarLine> m_calendarProperties;
    QList<Event> m_events;
    QList<TimeZone> m_timeZones;
    QList<QPair<qint64, QString>> m_warnings;
};

} // namespace Plenary
