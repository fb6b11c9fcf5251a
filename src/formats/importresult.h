#pragma once

#include "conference.h"
#include "parseerror.h"

#include <QStringList>

#include <optional>

namespace Plenary {

/** The outcome of reading a schedule: a normalized conference, or an error saying why not. */
struct ImportResult
{
    std::optional<Conference> conference;
    ParseError error;
    QStringList warnings; ///< things skipped or repaired on the way (an event without a start, ...)

    bool ok() const { return conference.has_value() && !error.isError(); }

    static ImportResult failure(const ParseError &error)
    {
        ImportResult result;
        result.error = error;
        return result;
    }
};

} // namespace Plenary
