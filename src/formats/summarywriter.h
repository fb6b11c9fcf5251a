#pragma once

#include "conference.h"

#include <QByteArray>

namespace Plenary {

/** Writes the one-object JSON summary of a conference that `plenary-convert --summary` prints. */
class SummaryWriter
{
public:
    /**
     * {"format","title","timeZone","days","rooms","tracks","sessions","speakers","firstStart","lastEnd", ...}
     * where `sessions` counts occurrences, `rooms` counts rooms that hold at least one session and times are
     * ISO 8601 with the conference's UTC offset at that instant.
     */
    static QByteArray write(const Conference &conference);
};

} // namespace Plenary
