#pragma once

#include <QString>

#include <optional>

namespace Plenary {

/** A room or stage where sessions take place; `capacity` is the room's size when a source knows it. */
struct Room
{
    QString id;
    QString name;
    QString floorId;     ///< empty when the source has no floors
    QString description; ///< plain text
    QString address;     ///< for rooms at other venues (evening events); empty inside the main venue
    std::optional<int> capacity;

    friend bool operator==(const Room &, const Room &) = default;
};

} // namespace Plenary
