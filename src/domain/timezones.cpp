#include "timezones.h"

#include <QDateTime>

#include <cstdlib>

namespace Plenary {

QTimeZone timeZoneFromId(QStringView id)
{
    id = id.trimmed();
    if (id.isEmpty() || id.size() > 64 || id.startsWith(QLatin1Char('/')))
        return {};
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                             u == '_' || u == '-' || u == '+' || u == '/' || u == ':';
        if (!allowed)
            return {};
    }
    static constexpr QStringView kUtcNames[] = {u"UTC", u"GMT", u"UT", u"Z", u"Etc/UTC", u"Etc/GMT", u"Zulu"};
    for (const QStringView name : kUtcNames) {
        if (id.compare(name, Qt::CaseInsensitive) == 0)
            return QTimeZone::utc();
    }
    const QByteArray bytes = id.toLatin1();
    const QTimeZone zone(bytes);
    if (!zone.isValid())
        return {};
    if (QTimeZone::isTimeZoneIdAvailable(bytes) || id.contains(QLatin1Char('/')))
        return zone;
    // A bare word read as a POSIX rule has offset 0 and never changes; "CET" or "EST" from zoneinfo do not.
    // A rule such as "Berlin60" (60 hours west) is refused: no place is more than 14 hours from UTC, and a
    // feed cannot even spell such an offset.
    const QDateTime epoch = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QTimeZone::OffsetData change = zone.nextTransition(epoch);
    constexpr int kFarthestOffset = 14 * 3600;
    if (std::abs(zone.offsetFromUtc(epoch)) > kFarthestOffset ||
        (change.atUtc.isValid() && std::abs(change.offsetFromUtc) > kFarthestOffset))
        return {};
    if (zone.offsetFromUtc(epoch) != 0 || change.atUtc.isValid())
        return zone;
    return {};
}

} // namespace Plenary
