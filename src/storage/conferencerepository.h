#pragma once

#include "conference.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Plenary {

class Database;

/** What the conference list shows about a stored conference without loading its feed. */
struct ConferenceSummary
{
    QString id;
    QString title;
    QString sourceUrl; ///< where it was imported from, as the user gave it (URL or path)
    QString feedUrl;   ///< where updates come from; empty when it has no live feed
    QString format;    ///< the source's format ("pentabarf-xml", ...)
    QString version;   ///< the schedule's version when it was saved
    QDateTime importedAt;
    QDateTime openedAt; ///< invalid until it is first opened
    int sessionCount = 0;
};

/** What ConferenceRepository::readDetached() found. */
struct DetachedConferenceRead
{
    QString id; ///< the conference asked for or chosen; empty when none is kept or the file cannot be read
    std::optional<Conference> conference; ///< nullopt when `id` is unknown or its stored feed is unreadable
    bool snapshotMissing = false;         ///< read from the feed JSON: worth saveSnapshot() once it is open
};

/**
 * Keeps imported conferences (their metadata, their Plenary feed JSON in a table of its own, and a
 * snapshot of each for fast start-up) and the app's key/value settings in the Database.
 * Every method fails quietly (false, empty, nullopt) when the database is not open.
 */
class ConferenceRepository
{
public:
    using Clock = std::function<QDateTime()>;

    explicit ConferenceRepository(Database &database);

    /** Replaces the clock that stamps imported_at/opened_at (UTC now by default). */
    void setClock(Clock clock);

    /**
     * Stores a conference under its id, replacing the feed and metadata of an existing one but keeping when
     * it was last opened and its favourites. Returns false when the id is empty or the write fails.
     */
    bool save(const Conference &conference, const QString &sourceUrl, const QString &feedUrl = {});

    /**
     * The stored conference, its `sourceFormat` restored; nullopt when unknown or the stored feed is
     * unreadable. Read from its snapshot (ConferenceSnapshot) when one of this version is kept, else parsed
     * from the feed JSON; then `*snapshotMissing` is set, and saveSnapshot() makes the next read fast.
     */
    std::optional<Conference> load(const QString &id, bool *snapshotMissing = nullptr) const;

    /** Keeps a snapshot of a stored conference (save() does so too); false when it is not stored. */
    bool saveSnapshot(const Conference &conference);

    /** The stored feed document exactly as saved; empty when unknown. */
    QByteArray feedJson(const QString &id) const;

    /** All stored conferences, most recently opened (or imported) first. */
    QList<ConferenceSummary> list() const;

    /** Deletes a conference and its favourites; false when there was none. */
    bool remove(const QString &id);

    /**
     * Records that the user opened a conference now, so that it comes first in list() and lastOpened().
     * Writes nothing when it already is the most recently opened one and first in list(), as at every
     * normal start. False when there is none with that id.
     */
    bool markOpened(const QString &id);

    /** The id of the conference opened most recently; empty when none was ever opened. */
    QString lastOpened() const;

    /** The database file while the database is open (for readDetached()); empty otherwise. */
    QString databasePath() const;

    /**
     * Reads and parses conference `id` (when empty: the last opened one, else the newest kept one, the
     * first of list()) from the database file at `databasePath` through a read-only connection of its
     * own, opened and removed within this call. Safe to call on any thread, also while a Database on the
     * same file is in use on another; never creates, migrates or moves the file.
     */
    static DetachedConferenceRead readDetached(const QString &databasePath, const QString &id = {});

    QString setting(const QString &key, const QString &defaultValue = {}) const;
    bool setSetting(const QString &key, const QString &value);

private:
    enum class OpenedState { Unknown, NotFirst, AlreadyFirst };

    OpenedState openedState(const QString &id) const;
    /** Writes the snapshot row; inside a transaction of the caller's. */
    bool writeSnapshot(const Conference &conference);

    Database &m_database;
    Clock m_clock;
};

} // namespace Plenary
