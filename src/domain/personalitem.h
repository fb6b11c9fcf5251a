#pragma once

#include <QDateTime>
#include <QString>

namespace Plenary {

/** Something in the user's agenda that is not a session (a dinner, a customer meeting, a flight). */
struct PersonalItem
{
    /** What stops an item from being saved; the editor shows it next to the offending field. */
    enum class Problem {
        None,
        EmptyTitle,
        NoStart,        ///< the start is missing or invalid
        EndBeforeStart, ///< an end equal to the start is fine (a departure time)
    };

    QString id; ///< stable across edits, exports and imports; assigned when first stored
    QString title;
    QDateTime start; ///< in the zone the user entered it in (a flight may depart in another zone)
    QDateTime end;   ///< invalid means "no end": the item is a point in time
    QString place;
    QString notes;

    /** The first problem found, or Problem::None. */
    static Problem check(const PersonalItem &item);

    friend bool operator==(const PersonalItem &, const PersonalItem &) = default;
};

} // namespace Plenary
