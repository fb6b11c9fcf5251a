#pragma once

#include "sessiontype.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Plenary {

/** A labelled web link attached to a session (slides, recording, feedback form). */
struct Link
{
    QString title;
    QString url; ///< absolute http(s) URL

    friend bool operator==(const Link &, const Link &) = default;
};

/**
 * One occurrence of a scheduled event. The same guid may occur at two times (a workshop held twice);
 * each occurrence is its own Session with its own `id` (see Conference::normalize()).
 */
struct Session
{
    QString id;   ///< unique within a conference: the guid, or "guid#2", "guid#3" for later occurrences
    QString guid; ///< the source's identity of the event; derived when a source has none
    QString title;
    QString subtitle;
    SessionType type = SessionType::Talk;
    QString typeLabel; ///< the source's own wording ("devroom", "lecture"), for display; may be empty
    QString trackId;   ///< empty when the source has no tracks
    QString roomId;
    QDateTime start; ///< in the conference's time zone
    QDateTime end;
    QString abstractText; ///< plain text
    QString abstractHtml; ///< safe rich text (see HtmlSanitizer): no scripts, no remote loads
    QStringList speakerIds;
    QString level; ///< "beginner", "intermediate", "advanced" or the source's wording; may be empty
    QStringList tags;
    QStringList languages;           ///< ISO 639-1 codes where known ("en", "de")
    std::optional<int> seatCapacity; ///< seats that can be reserved; nullopt when seats are not limited
    bool registrationRequired = false;
    QString url;
    QList<Link> links;

    int durationMinutes() const { return static_cast<int>(start.secsTo(end) / 60); }
    bool isSeatLimited() const { return seatCapacity.has_value(); }

    friend bool operator==(const Session &, const Session &) = default;
};

} // namespace Plenary
