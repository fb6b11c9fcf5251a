#include "scheduleformat.h"

#include <algorithm>

namespace Plenary {

QString scheduleFormatName(ScheduleFormat format)
{
    switch (format) {
    case ScheduleFormat::PlenaryFeed:
        return QStringLiteral("plenary");
    case ScheduleFormat::PentabarfXml:
        return QStringLiteral("pentabarf-xml");
    case ScheduleFormat::FrabJson:
        return QStringLiteral("frab-json");
    case ScheduleFormat::ICalendar:
        return QStringLiteral("icalendar");
    case ScheduleFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ScheduleFormat detectScheduleFormat(const QByteArray &data)
{
    qsizetype i = 0;
    if (data.startsWith("\xEF\xBB\xBF"))
        i = 3;
    while (i < data.size() && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        ++i;
    if (i >= data.size())
        return ScheduleFormat::Unknown;

    const QByteArrayView rest = QByteArrayView(data).sliced(i);
    const char first = rest.front();
    if (first == '<')
        return ScheduleFormat::PentabarfXml;
    if (first == '{' || first == '[') {
        const QByteArrayView head = rest.first(std::min<qsizetype>(rest.size(), 64 * 1024));
        if (head.indexOf("\"plenaryFeed\"") >= 0)
            return ScheduleFormat::PlenaryFeed;
        // frab/C3VOC JSON of either layout: the parser tells the layouts apart.
        return ScheduleFormat::FrabJson;
    }
    if (rest.size() >= 15 && rest.first(15).toByteArray().toUpper() == "BEGIN:VCALENDAR")
        return ScheduleFormat::ICalendar;
    return ScheduleFormat::Unknown;
}

} // namespace Plenary
