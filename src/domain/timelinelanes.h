#pragma once

#include <QList>
#include <QtGlobal>

namespace Plenary {

/** Where one span sits on a day timeline: its lane, counted from 0, and the lanes its overlap group uses. */
struct LanePlacement
{
    int lane = 0;
    int laneCount = 1;

    friend bool operator==(const LanePlacement &, const LanePlacement &) = default;
};

/**
 * Lays overlapping time spans side by side: spans are half-open [start, end) so back-to-back spans share a
 * lane; each span takes the lowest free lane in start order (longer first on equal starts), and every span of
 * a group of transitively overlapping spans reports the group's lane count, so the group divides its width
 * evenly.
 */
class TimelineLanes
{
public:
    struct Span
    {
        qint64 start = 0;
        qint64 end = 0; ///< an end at or before the start is read as start + 1 (a point in time)
    };

    /** One placement per span, in the order of `spans`. */
    static QList<LanePlacement> assign(const QList<Span> &spans);
};

} // namespace Plenary
