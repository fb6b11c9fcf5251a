#pragma once

#include "conference.h"
#include "personalitem.h"
#include "seathold.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Plenary {

/**
 * One entry of the user's agenda as the rules see it: a starred session, a session the user holds a seat
 * in, or a personal item, each with a time span, a title and a place.
 */
struct AgendaItem
{
    /** Ordered by commitment: a favourite is a wish, a seat is held for the user, a personal item is theirs.
     */
    enum class Kind { Favourite, Seat, Personal };

    Kind kind = Kind::Personal;
    QString sessionId;  ///< the session's occurrence id; empty for personal items
    QString personalId; ///< the PersonalItem id; empty for sessions
    QString guid;       ///< the session's guid; empty for personal items
    QString title;
    QDateTime start;
    QDateTime end;          ///< invalid or equal to start for a point in time
    QString place;          ///< "Room · Floor", with the address for off-site rooms
    QString notes;          ///< the personal item's notes; empty for sessions
    bool inSchedule = true; ///< false for a starred session that is no longer in the schedule
    SeatHold seat;          ///< the user's seat, waitlist place or pending request for the session

    /** Identifies the item across kinds ("session:<id>", "personal:<id>"); reminders are keyed on it. */
    QString key() const;
    bool isSession() const { return kind != Kind::Personal; }

    static QString sessionKey(const QString &sessionId);
    static QString personalKey(const QString &personalId);

    /** "favourite", "seat", "personal": the words used in exports. */
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);

    /** A session of `conference` as an agenda item of `kind` (Favourite or Seat). */
    static AgendaItem fromSession(const Conference &conference, const Session &session, Kind kind);
    static AgendaItem fromPersonal(const PersonalItem &item);

    /** Where a session happens, for people: "Room · Floor", then ", address" when the room is off-site. */
    static QString placeOf(const Conference &conference, const Session &session);

    friend bool operator==(const AgendaItem &, const AgendaItem &) = default;
};

} // namespace Plenary
