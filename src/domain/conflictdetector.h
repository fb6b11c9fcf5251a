#pragma once

#include "agendaitem.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Plenary {

/** How bad an overlap of two agenda items is; later values are worse. */
enum class ConflictSeverity {
    None,         ///< no overlap
    Overlap,      ///< neither holds a seat: favourites and personal items
    SeatHeld,     ///< one of the two is a reserved seat ("you hold a seat in X at the same time")
    DoubleBooked, ///< both are reserved seats
};

/** The obvious way out of a conflict, applied to one of the two items. */
enum class ConflictFix {
    None,
    RemoveFavourite,  ///< unstar the favourite
    ReleaseSeat,      ///< give the seat back
    EditPersonalItem, ///< move or shorten the personal item
};

/** Two agenda items whose times overlap, `first` starting no later than `second`. */
struct Conflict
{
    QString firstKey;
    QString secondKey;
    ConflictSeverity severity = ConflictSeverity::None;
    QDateTime overlapStart;
    QDateTime overlapEnd;
    ConflictFix fix = ConflictFix::None;
    QString fixKey; ///< the item the fix applies to (one of the two keys)

    bool involves(const QString &key) const { return key == firstKey || key == secondKey; }
    /** The other item's key; empty when `key` is not part of this conflict. */
    QString otherKey(const QString &key) const;

    friend bool operator==(const Conflict &, const Conflict &) = default;
};

/**
 * Finds overlapping agenda items. Items are half-open spans [start, end), compared as instants, so
 * back-to-back items do not conflict and DST changes or mixed time zones cannot fool it; an item without
 * an end is a point in time that conflicts with what runs at that moment. Items without a valid start and
 * sessions no longer in the schedule never conflict.
 */
class ConflictDetector
{
public:
    static bool overlaps(const AgendaItem &a, const AgendaItem &b);

    /** The severity of the pair: None when they do not overlap. */
    static ConflictSeverity severity(const AgendaItem &a, const AgendaItem &b);

    /** The fix that undoes `item`'s part in a conflict (unstar, release, edit). */
    static ConflictFix fixFor(const AgendaItem &item);

    /**
     * Which of two overlapping items should give way: the one with less commitment (a favourite before a
     * seat before a personal item); between equals, the one that starts later, then the greater key.
     */
    static const AgendaItem &yielding(const AgendaItem &a, const AgendaItem &b);

    /** Every overlapping pair once, ordered by the first item's start, then the second's. */
    static QList<Conflict> detect(const QList<AgendaItem> &items);

    /** The worst severity each item is involved in; items without conflicts are left out. */
    static QHash<QString, ConflictSeverity> worstByItem(const QList<Conflict> &conflicts);

    /** The conflicts that involve `key`. */
    static QList<Conflict> conflictsOf(const QList<Conflict> &conflicts, const QString &key);
};

} // namespace Plenary
