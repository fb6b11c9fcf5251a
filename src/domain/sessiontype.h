#pragma once

#include <QString>

namespace Plenary {

/** The kind of a session, which decides its badge and whether seats are limited by default. */
enum class SessionType {
    Talk,
    Keynote,
    Workshop,
    HandsOnLab,
    CertificationExam,
    ExpoTheater,
    Social,
    Break,
    Other,
};

/** Stable machine name used in the Plenary feed format ("talk", "hands-on-lab", ...). */
QString sessionTypeName(SessionType type);

/** Parses a machine name written by sessionTypeName(); unknown names give SessionType::Other. */
SessionType sessionTypeFromName(QStringView name);

/**
 * Guesses the type from free text found in real schedules (a frab `<type>` such as "lecture",
 * "devroom" or "Keynote", or a title such as "Lunch break"). Unknown text gives SessionType::Talk.
 */
SessionType guessSessionType(QStringView typeText, QStringView title = {});

/** True for types whose sessions usually need a registered seat (workshops, labs, exams). */
bool isSeatLimitedType(SessionType type);

} // namespace Plenary
