#pragma once

#include <QString>
#include <QTimeZone>

namespace Plenary {

/** What every importer is told about its input besides the bytes. */
struct ImportOptions
{
    QString sourceName;         ///< path or URL, used in error messages and to resolve relative links
    QTimeZone fallbackTimeZone; ///< used when the source names no zone and gives no offsets; UTC if invalid
    qint64 maxInputBytes = 64 * 1024 * 1024; ///< larger inputs are refused before parsing
};

} // namespace Plenary
