#include "wallclock.h"

#include <optional>

namespace Plenary {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;

int offsetAt(const QTimeZone &zone, qint64 msecsSinceEpoch)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

} // namespace

QDateTime fromWallClock(const QTimeZone &zone, QDate date, QTime time)
{
    const QDateTime asUtc(date, time, Qt::UTC);
    if (!asUtc.isValid() || !zone.isValid())
        return {};
    const qint64 wall = asUtc.toMSecsSinceEpoch();
    // Real zones change their offset at most once within a day of any instant, so the offsets a day before
    // and a day after are the only candidates.
    const int before = offsetAt(zone, wall - kDayMs);
    const int after = offsetAt(zone, wall + kDayMs);
    std::optional<qint64> first;
    for (const int offset : {before, after}) {
        const qint64 candidate = wall - qint64(offset) * 1000;
        if (offsetAt(zone, candidate) == offset && (!first || candidate < *first))
            first = candidate;
    }
    return QDateTime::fromMSecsSinceEpoch(first.value_or(wall - qint64(before) * 1000), zone);
}

bool isWallClockExact(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid() || !zone.isValid())
        return false;
    const QDateTime local = instant.toTimeZone(zone);
    return fromWallClock(zone, local.date(), local.time()).toMSecsSinceEpoch() == instant.toMSecsSinceEpoch();
}

} // namespace Plenary
