#pragma once

namespace Plenary {

/**
 * Where the attendee stands for one seat-limited session: a confirmed seat, a waitlist place (with its
 * position), or a request that still waits in the outbox.
 */
struct SeatHold
{
    enum class Status { None, Pending, Confirmed, Waitlisted };

    Status status = Status::None;
    int position = 0; ///< 1 is next in line; 0 unless waitlisted

    bool isHeld() const { return status != Status::None; }
    /** A confirmed seat or a reservation on its way: the agenda treats both as a seat the user holds. */
    bool countsAsSeat() const { return status == Status::Confirmed || status == Status::Pending; }

    friend bool operator==(const SeatHold &, const SeatHold &) = default;
};

} // namespace Plenary
