#include "timelinelanes.h"

#include <algorithm>
#include <numeric>

namespace Plenary {

QList<LanePlacement> TimelineLanes::assign(const QList<Span> &spans)
{
    const auto endOf = [&spans](qsizetype i) { return std::max(spans[i].end, spans[i].start + 1); };
    QList<qsizetype> order(spans.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        if (spans[a].start != spans[b].start)
            return spans[a].start < spans[b].start;
        return endOf(a) > endOf(b);
    });

    QList<LanePlacement> placements(spans.size());
    QList<qint64> laneEnds; // per lane of the open group: where its last span ends
    QList<qsizetype> group; // the spans of the open group
    qint64 groupEnd = 0;
    const auto closeGroup = [&] {
        for (const qsizetype i : std::as_const(group))
            placements[i].laneCount = int(laneEnds.size());
        group.clear();
        laneEnds.clear();
    };
    for (const qsizetype i : std::as_const(order)) {
        if (!group.isEmpty() && spans[i].start >= groupEnd)
            closeGroup();
        const auto free = std::find_if(laneEnds.begin(), laneEnds.end(),
                                       [&](qint64 laneEnd) { return laneEnd <= spans[i].start; });
        if (free == laneEnds.end()) {
            placements[i].lane = int(laneEnds.size());
            laneEnds.append(endOf(i));
        } else {
            placements[i].lane = int(free - laneEnds.begin());
            *free = endOf(i);
        }
        groupEnd = group.isEmpty() ? endOf(i) : std::max(groupEnd, endOf(i));
        group.append(i);
    }
    closeGroup();
    return placements;
}

} // namespace Plenary
