#pragma once

// Shared by tst_agendadurability and its helper process, so both build the same conference.

#include "conference.h"

#include <QTimeZone>

namespace AgendaFixture {

inline QDateTime feb(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 2, day), QTime(hour, minute), QTimeZone("Europe/Brussels"));
}

inline Plenary::Session session(const QString &guid, const QDateTime &start, int minutes, const QString &room)
{
    Plenary::Session s;
    s.guid = guid;
    s.title = QStringLiteral("Talk ") + guid;
    s.start = start;
    s.end = start.addSecs(60 * minutes);
    s.roomId = room;
    return s;
}

/** Version 1 has "a" at 10:00; version 2 moves it to 15:00. Sessions "s0".."s999" exist for the crash loop.
 */
inline Plenary::Conference conference(int version)
{
    Plenary::Conference c;
    c.id = QStringLiteral("fosdem");
    c.title = QStringLiteral("FOSDEM");
    c.version = QString::number(version);
    c.timeZone = QTimeZone("Europe/Brussels");
    c.venue.rooms = {Plenary::Room{"k1", "K.1.105", {}, {}, {}, 80}};
    c.sessions = {session("a", version == 1 ? feb(7, 10) : feb(7, 15), 60, "k1"),
                  session("w", feb(7, 14), 120, "k1"), session("w", feb(8, 14), 120, "k1")};
    c.normalize();
    return c;
}

} // namespace AgendaFixture
