#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace Plenary {

/**
 * The instant a wall-clock time names in `zone`, read as RFC 5545 §3.3.5 wants it: a time that occurs twice
 * (the hour repeated when DST ends) is its first occurrence; a time that does not exist (skipped when DST
 * starts) is read with the offset in force before the gap, so 02:30 in a 02:00→03:00 gap becomes 03:30.
 * The result carries `zone`. Invalid when the date or time is invalid.
 */
QDateTime fromWallClock(const QTimeZone &zone, QDate date, QTime time);

/**
 * Whether writing `instant` as a wall-clock time in `zone` and reading it back with fromWallClock() gives
 * the same instant; false for the second pass through a repeated hour, which then has to be written in UTC.
 */
bool isWallClockExact(const QDateTime &instant, const QTimeZone &zone);

} // namespace Plenary
