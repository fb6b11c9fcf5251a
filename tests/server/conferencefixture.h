#pragma once

// Small conferences for the feed-server tests and benchmarks: seat-limited (or open) sessions, a conference
// around them written as a Plenary feed file the server can load, and the badge codes the tests sign in with.

#include "conference.h"
#include "plenaryfeedwriter.h"

#include <QDateTime>
#include <QList>
#include <QSaveFile>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace ConferenceFixture {

/** A workshop with `seats` reservable seats, or a talk without registration when `seats` is nullopt. */
inline Plenary::Session seatSession(const QString &id, std::optional<int> seats, const QDateTime &start,
                                    const QDateTime &end, const QString &title = {})
{
    Plenary::Session s;
    s.id = s.guid = id;
    s.title = title.isEmpty() ? id : title;
    s.type = seats ? Plenary::SessionType::Workshop : Plenary::SessionType::Talk;
    s.start = start;
    s.end = end;
    s.seatCapacity = seats;
    s.registrationRequired = seats.has_value();
    return s;
}

/** A normalized conference of `sessions`. */
inline Plenary::Conference conference(const QString &id, const QString &title, const QTimeZone &zone,
                                      const QString &version, const QList<Plenary::Session> &sessions = {})
{
    Plenary::Conference c;
    c.id = id;
    c.title = title;
    c.timeZone = zone;
    c.version = version;
    c.sessions = sessions;
    c.normalize();
    return c;
}

/** Writes `conference` as a Plenary feed file (atomically); false on any failure. */
inline bool writeConference(const QString &path, const Plenary::Conference &conference)
{
    QSaveFile file(path);
    const QByteArray bytes = Plenary::PlenaryFeedWriter::write(conference);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

/** The i-th attendee badge code ("BADGE-0007"). */
inline QString badge(int i)
{
    return QStringLiteral("BADGE-%1").arg(i, 4, 10, QLatin1Char('0'));
}

} // namespace ConferenceFixture
