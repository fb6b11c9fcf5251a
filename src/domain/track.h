#pragma once

#include <QString>

namespace Plenary {

/** A thematic track, with the colour the schedule shows it in. */
struct Track
{
    QString id;
    QString name;
    QString color; ///< "#rrggbb"

    /** A pleasant, stable colour derived from the track name, for sources that give none. */
    static QString defaultColor(QStringView name);

    friend bool operator==(const Track &, const Track &) = default;
};

} // namespace Plenary
