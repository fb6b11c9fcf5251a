#pragma once

#include "floor.h"
#include "room.h"
#include "session.h"
#include "speaker.h"
#include "track.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace Plenary {

/** A conference day: its calendar date and the span of time its sessions belong to (which may pass midnight).
 */
struct Day
{
    QDate date;
    QDateTime start;
    QDateTime end;

    friend bool operator==(const Day &, const Day &) = default;
};

/** Where the conference happens: the main venue, its floors, and every room or stage (including off-site
 * ones). */
struct Venue
{
    QString name;
    QString address;
    QList<Floor> floors;
    QList<Room> rooms;

    friend bool operator==(const Venue &, const Venue &) = default;
};

/** A whole conference as a value: metadata, venue, days, tracks, speakers and sessions. */
class Conference
{
public:
    QString id; ///< short stable key (acronym or slug)
    QString title;
    QString subtitle;
    QTimeZone timeZone;
    Venue venue;
    QList<Day> days;
    QList<Track> tracks;
    QList<Speaker> speakers;
    QList<Session> sessions;
    QString version;      ///< the source's schedule version; empty when unknown
    QString url;          ///< the conference's web site
    QString sourceFormat; ///< "plenary", "pentabarf-xml", "frab-json", "schedule-v2-json", "icalendar"

    /**
     * Brings a freshly imported conference into its canonical form: drops exact duplicates (same guid at
     * the same start), gives guid-less sessions a stable derived guid, sorts sessions by start, room and
     * title, assigns occurrence ids, fills in tracks, rooms and speakers that sessions refer to but the
     * source did not list, derives days when missing, and rebuilds the lookup indexes.
     * Call it once after building or mutating the lists.
     */
    void normalize();

    const Session *session(const QString &id) const;
    const Speaker *speaker(const QString &id) const;
    const Room *room(const QString &id) const;
    const Track *track(const QString &id) const;
    const Floor *floor(const QString &id) const;

    /** Sessions (as indexes into `sessions`) that a speaker presents, in time order. */
    QList<int> sessionsOfSpeaker(const QString &speakerId) const;

    /** The day a session belongs to (index into `days`), or -1. After-midnight sessions belong to the day
     * before. */
    int dayOf(const Session &session) const;

    /** A lowercase key for a display name ("Hall A / Floor 4" -> "hall-a-floor-4"); never empty for non-empty
     * input. */
    static QString keyFromName(QStringView name);

    /** A stable guid for a source event that has none, derived from what identifies it. */
    static QString deriveGuid(QStringView conferenceId, QStringView sourceId, QStringView title);

    friend bool operator==(const Conference &a, const Conference &b);

private:
    void rebuildIndexes();

    QHash<QString, qsizetype> m_sessionIndex;
    QHash<QString, qsizetype> m_speakerIndex;
    QHash<QString, qsizetype> m_roomIndex;
    QHash<QString, qsizetype> m_trackIndex;
    QHash<QString, qsizetype> m_floorIndex;
    QHash<QString, QList<int>> m_sessionsBySpeaker;
};

} // namespace Plenary
