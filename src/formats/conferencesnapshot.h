#pragma once

#include "conference.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Plenary {

/**
 * A conference as this program holds it in memory, written compactly for its own cache: reading it back
 * takes a few milliseconds where parsing the feed JSON (and deriving each abstract's other form) takes
 * twenty. Not an exchange format: the feed JSON stays the conference's record, and a snapshot of another
 * format version, or one that is damaged, reads as nothing, so the caller parses the JSON instead.
 *
 * Layout: "PLNS", the format version (quint32), then the fields in declaration order: strings as a byte
 * count and UTF-8, times as milliseconds since the epoch with their zone, lists as a count then elements.
 * Every count and length is checked against the bytes left before anything is allocated.
 */
class ConferenceSnapshot
{
public:
    static constexpr quint32 kFormatVersion = 1;

    static QByteArray write(const Conference &conference);
    /** The conference, normalized as a parser leaves it; nullopt for another version or damaged data. */
    static std::optional<Conference> read(QByteArrayView data);
};

} // namespace Plenary
