#pragma once

#include <QStringView>
#include <QTimeZone>

namespace Plenary {

/**
 * The zone a schedule names, or an invalid QTimeZone. Untrusted ids never reach Qt's tz backend unless they
 * look like zone names: Qt 6.4 opens "/usr/share/zoneinfo/<id>" (so "../../dev/zero" must not pass) and reads
 * any word of three letters or more as a POSIX rule for UTC ("Berlin"), which would silently put a conference
 * at UTC+0. Accepts IANA ids, POSIX rules that really change or offset (EST5EDT, CET) and names of UTC.
 */
QTimeZone timeZoneFromId(QStringView id);

} // namespace Plenary
