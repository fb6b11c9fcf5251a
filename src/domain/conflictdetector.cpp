#include "conflictdetector.h"

#include <algorithm>

namespace Plenary {

namespace {

bool takesPart(const AgendaItem &item)
{
    return item.start.isValid() && item.inSchedule;
}

// A point in time occupies one millisecond, so it conflicts with a span that contains it and with another
// point at the same instant, but not with a span that ends at it.
qint64 effectiveEnd(const AgendaItem &item)
{
    const qint64 start = item.start.toMSecsSinceEpoch();
    if (!item.end.isValid())
        return start + 1;
    return std::max(item.end.toMSecsSinceEpoch(), start + 1);
}

// Where an item ends as people read it: its start when it has no (later) end.
QDateTime lastInstant(const AgendaItem &item)
{
    return item.end.isValid() && item.end > item.start ? item.end : item.start;
}

int commitment(AgendaItem::Kind kind)
{
    switch (kind) {
    case AgendaItem::Kind::Favourite:
        return 0;
    case AgendaItem::Kind::Seat:
        return 1;
    case AgendaItem::Kind::Personal:
        return 2;
    }
    return 0;
}

} // namespace

QString Conflict::otherKey(const QString &key) const
{
    if (key == firstKey)
        return secondKey;
    if (key == secondKey)
        return firstKey;
    return {};
}

bool ConflictDetector::overlaps(const AgendaItem &a, const AgendaItem &b)
{
    if (!takesPart(a) || !takesPart(b))
        return false;
    return a.start.toMSecsSinceEpoch() < effectiveEnd(b) && b.start.toMSecsSinceEpoch() < effectiveEnd(a);
}

ConflictSeverity ConflictDetector::severity(const AgendaItem &a, const AgendaItem &b)
{
    if (!overlaps(a, b))
        return ConflictSeverity::None;
    const int seats = (a.kind == AgendaItem::Kind::Seat) + (b.kind == AgendaItem::Kind::Seat);
    if (seats == 2)
        return ConflictSeverity::DoubleBooked;
    return seats == 1 ? ConflictSeverity::SeatHeld : ConflictSeverity::Overlap;
}

ConflictFix ConflictDetector::fixFor(const AgendaItem &item)
{
    switch (item.kind) {
    case AgendaItem::Kind::Favourite:
        return ConflictFix::RemoveFavourite;
    case AgendaItem::Kind::Seat:
        return ConflictFix::ReleaseSeat;
    case AgendaItem::Kind::Personal:
        return ConflictFix::EditPersonalItem;
    }
    return ConflictFix::None;
}

const AgendaItem &ConflictDetector::yielding(const AgendaItem &a, const AgendaItem &b)
{
    if (commitment(a.kind) != commitment(b.kind))
        return commitment(a.kind) < commitment(b.kind) ? a : b;
    if (a.start != b.start)
        return a.start > b.start ? a : b;
    return a.key() > b.key() ? a : b;
}

QList<Conflict> ConflictDetector::detect(const QList<AgendaItem> &items)
{
    QList<const AgendaItem *> sorted;
    sorted.reserve(items.size());
    for (const AgendaItem &item : items) {
        if (takesPart(item))
            sorted.append(&item);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const AgendaItem *a, const AgendaItem *b) {
        if (a->start != b->start)
            return a->start < b->start;
        return a->key() < b->key();
    });

    QList<Conflict> conflicts;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const AgendaItem &first = *sorted.at(i);
        const qint64 firstEnd = effectiveEnd(first);
        for (qsizetype j = i + 1; j < sorted.size(); ++j) {
            const AgendaItem &second = *sorted.at(j);
            if (second.start.toMSecsSinceEpoch() >= firstEnd)
                break; // sorted by start: nothing later can overlap `first`
            Conflict conflict;
            conflict.firstKey = first.key();
            conflict.secondKey = second.key();
            conflict.severity = severity(first, second);
            conflict.overlapStart = second.start;
            conflict.overlapEnd = std::max(second.start, std::min(lastInstant(first), lastInstant(second)));
            const AgendaItem &yields = yielding(first, second);
            conflict.fix = fixFor(yields);
            conflict.fixKey = yields.key();
            conflicts.append(conflict);
        }
    }
    return conflicts;
}

QHash<QString, ConflictSeverity> ConflictDetector::worstByItem(const QList<Conflict> &conflicts)
{
    QHash<QString, ConflictSeverity> worst;
    for (const Conflict &conflict : conflicts) {
        for (const QString &key : {conflict.firstKey, conflict.secondKey}) {
            auto it = worst.find(key);
            if (it == worst.end())
                worst.insert(key, conflict.severity);
            else if (*it < conflict.severity)
                *it = conflict.severity;
        }
    }
    return worst;
}

QList<Conflict> ConflictDetector::conflictsOf(const QList<Conflict> &conflicts, const QString &key)
{
    QList<Conflict> result;
    for (const Conflict &conflict : conflicts) {
        if (conflict.involves(key))
            result.append(conflict);
    }
    return result;
}

} // namespace Plenary
