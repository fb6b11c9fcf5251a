#include "conferencerepository.h"

#include "conferencesnapshot.h"
#include "database.h"
#include "plenaryfeedparser.h"
#include "plenaryfeedwriter.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace Plenary {

namespace {

QVariant toColumn(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

// Text columns are NOT NULL; a null QString would bind as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime fromColumn(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// The order of list(): most recently opened (or imported) first.
constexpr QLatin1StringView kListOrder(" ORDER BY COALESCE(opened_at, imported_at) DESC, title, id");

// The first id a query yields; empty when none.
QString firstId(const QSqlDatabase &connection, const QString &sql)
{
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    query.prepare(sql);
    if (!Database::exec(query) || !query.next())
        return {};
    return query.value(0).toString();
}

QString lastOpenedIn(const QSqlDatabase &connection)
{
    return firstId(connection, QStringLiteral("SELECT id FROM conferences WHERE opened_at IS NOT NULL"
                                              " ORDER BY opened_at DESC, rowid DESC LIMIT 1"));
}

QString newestIn(const QSqlDatabase &connection)
{
    return firstId(connection,
                   QStringLiteral("SELECT id FROM conferences") + kListOrder + QStringLiteral(" LIMIT 1"));
}

std::optional<Conference> loadFrom(const QSqlDatabase &connection, const QString &id, bool *snapshotMissing)
{
    if (snapshotMissing)
        *snapshotMissing = false;
    // The snapshot reads in a few milliseconds; the feed JSON stays the record and is read without one.
    QSqlQuery snapshotQuery(connection);
    snapshotQuery.setForwardOnly(true);
    snapshotQuery.prepare(QStringLiteral("SELECT s.snapshot, c.format FROM conferences AS c"
                                         " JOIN conference_snapshots AS s ON s.conference_id = c.id"
                                         " WHERE c.id = ? AND s.format = ?"));
    snapshotQuery.addBindValue(id);
    snapshotQuery.addBindValue(qint64(ConferenceSnapshot::kFormatVersion));
    if (Database::exec(snapshotQuery) && snapshotQuery.next()) {
        const QByteArray snapshot = snapshotQuery.value(0).toByteArray();
        const QString format = snapshotQuery.value(1).toString();
        snapshotQuery.finish();
        std::optional<Conference> conference = ConferenceSnapshot::read(snapshot);
        if (conference && conference->id == id) {
            if (!format.isEmpty())
                conference->sourceFormat = format;
            return conference;
        }
        qCWarning(plenaryStorage).noquote()
            << "the snapshot of conference" << id << "is damaged; reading its feed instead";
    }
    snapshotQuery.finish();
    if (snapshotMissing)
        *snapshotMissing = true;

    QSqlQuery query(connection);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT f.feed_json, c.format FROM conferences AS c"
                                 " JOIN conference_feeds AS f ON f.conference_id = c.id WHERE c.id = ?"));
    query.addBindValue(id);
    if (!Database::exec(query) || !query.next())
        return std::nullopt;
    const QByteArray feed = query.value(0).toByteArray();
    const QString format = query.value(1).toString();
    query.finish();

    ImportOptions options;
    options.sourceName = QStringLiteral("stored conference %1").arg(id);
    ImportResult result = PlenaryFeedParser::parse(feed, options);
    if (!result.ok()) {
        qCWarning(plenaryStorage).noquote() << "cannot read" << result.error.toString();
        return std::nullopt;
    }
    if (!format.isEmpty())
        result.conference->sourceFormat = format;
    return std::move(result.conference);
}

} // namespace

ConferenceRepository::ConferenceRepository(Database &database)
    : m_database(database)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void ConferenceRepository::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

bool ConferenceRepository::save(const Conference &conference, const QString &sourceUrl,
                                const QString &feedUrl)
{
    if (!m_database.isOpen())
        return false;
    if (conference.id.isEmpty()) {
        qCWarning(plenaryStorage) << "refusing to save a conference without an id";
        return false;
    }
    const QByteArray feed = PlenaryFeedWriter::write(conference);
    if (feed.isEmpty()) {
        qCWarning(plenaryStorage) << "the feed writer produced nothing for" << conference.id;
        return false;
    }
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO conferences (id, title, source_url, feed_url, format, session_count, imported_at,"
            " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET title = excluded.title, source_url = excluded.source_url,"
            " feed_url = excluded.feed_url, format = excluded.format,"
            " session_count = excluded.session_count, imported_at = excluded.imported_at,"
            " version = excluded.version"));
        query.addBindValue(text(conference.id));
        query.addBindValue(text(conference.title));
        query.addBindValue(text(sourceUrl));
        query.addBindValue(text(feedUrl));
        query.addBindValue(text(conference.sourceFormat));
        query.addBindValue(static_cast<qint64>(conference.sessions.size()));
        query.addBindValue(toColumn(m_clock()));
        query.addBindValue(text(conference.version));
        if (!Database::exec(query))
            return false;
        QSqlQuery feedQuery(m_database.connection());
        feedQuery.prepare(
            QStringLiteral("INSERT INTO conference_feeds (conference_id, feed_json) VALUES (?, ?)"
                           " ON CONFLICT(conference_id) DO UPDATE SET feed_json = excluded.feed_json"));
        feedQuery.addBindValue(text(conference.id));
        feedQuery.addBindValue(feed);
        return Database::exec(feedQuery) && writeSnapshot(conference);
    });
}

bool ConferenceRepository::saveSnapshot(const Conference &conference)
{
    if (!m_database.isOpen() || conference.id.isEmpty())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("SELECT 1 FROM conferences WHERE id = ?"));
        query.addBindValue(conference.id);
        return Database::exec(query) && query.next() && writeSnapshot(conference);
    });
}

bool ConferenceRepository::writeSnapshot(const Conference &conference)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO conference_snapshots (conference_id, format, snapshot)"
                                 " VALUES (?, ?, ?) ON CONFLICT(conference_id) DO UPDATE"
                                 " SET format = excluded.format, snapshot = excluded.snapshot"));
    query.addBindValue(conference.id);
    query.addBindValue(qint64(ConferenceSnapshot::kFormatVersion));
    query.addBindValue(ConferenceSnapshot::write(conference));
    return Database::exec(query);
}

QByteArray ConferenceRepository::feedJson(const QString &id) const
{
    if (!m_database.isOpen())
        return {};
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT feed_json FROM conference_feeds WHERE conference_id = ?"));
    query.addBindValue(id);
    if (!Database::exec(query) || !query.next())
        return {};
    return query.value(0).toByteArray();
}

std::optional<Conference> ConferenceRepository::load(const QString &id, bool *snapshotMissing) const
{
    if (!m_database.isOpen())
        return std::nullopt;
    return loadFrom(m_database.connection(), id, snapshotMissing);
}

QList<ConferenceSummary> ConferenceRepository::list() const
{
    QList<ConferenceSummary> summaries;
    if (!m_database.isOpen())
        return summaries;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, title, source_url, feed_url, format, version, imported_at, opened_at,"
                       " session_count FROM conferences") +
        kListOrder);
    if (!Database::exec(query))
        return summaries;
    while (query.next()) {
        ConferenceSummary summary;
        summary.id = query.value(0).toString();
        summary.title = query.value(1).toString();
        summary.sourceUrl = query.value(2).toString();
        summary.feedUrl = query.value(3).toString();
        summary.format = query.value(4).toString();
        summary.version = query.value(5).toString();
        summary.importedAt = fromColumn(query.value(6));
        summary.openedAt = fromColumn(query.value(7));
        summary.sessionCount = query.value(8).toInt();
        summaries.append(summary);
    }
    return summaries;
}

bool ConferenceRepository::remove(const QString &id)
{
    if (!m_database.isOpen())
        return false;
    bool removed = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM conferences WHERE id = ?"));
        query.addBindValue(id);
        if (!Database::exec(query))
            return false;
        removed = query.numRowsAffected() > 0;
        return true;
    });
    return ok && removed;
}

bool ConferenceRepository::markOpened(const QString &id)
{
    if (!m_database.isOpen())
        return false;
    switch (openedState(id)) {
    case OpenedState::Unknown:
        return false;
    case OpenedState::AlreadyFirst:
        return true;
    case OpenedState::NotFirst:
        break;
    }
    bool updated = false;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("UPDATE conferences SET opened_at = ? WHERE id = ?"));
        query.addBindValue(toColumn(m_clock()));
        query.addBindValue(id);
        if (!Database::exec(query))
            return false;
        updated = query.numRowsAffected() > 0;
        return true;
    });
    return ok && updated;
}

ConferenceRepository::OpenedState ConferenceRepository::openedState(const QString &id) const
{
    // First by its opened_at, ahead of every other conference (on a tie list() could put another first).
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT c.opened_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM conferences AS o WHERE o.id <> c.id"
        " AND COALESCE(o.opened_at, o.imported_at) >= c.opened_at) FROM conferences AS c WHERE c.id = ?"));
    query.addBindValue(id);
    if (!Database::exec(query) || !query.next())
        return OpenedState::Unknown;
    return query.value(0).toBool() ? OpenedState::AlreadyFirst : OpenedState::NotFirst;
}

QString ConferenceRepository::lastOpened() const
{
    if (!m_database.isOpen())
        return {};
    return lastOpenedIn(m_database.connection());
}

QString ConferenceRepository::databasePath() const
{
    return m_database.isOpen() ? m_database.path() : QString();
}

DetachedConferenceRead ConferenceRepository::readDetached(const QString &databasePath, const QString &id)
{
    static std::atomic<int> s_readerCounter{0};
    const QString connectionName =
        QStringLiteral("plenary-reader-%1").arg(s_readerCounter.fetch_add(1, std::memory_order_relaxed));
    DetachedConferenceRead read;
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        connection.setDatabaseName(databasePath);
        connection.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (connection.open()) {
            read.id = id.isEmpty() ? lastOpenedIn(connection) : id;
            if (read.id.isEmpty())
                read.id = newestIn(connection);
            if (!read.id.isEmpty())
                read.conference = loadFrom(connection, read.id, &read.snapshotMissing);
            connection.close();
        } else {
            qCWarning(plenaryStorage).noquote()
                << "cannot read" << databasePath << connection.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return read;
}

QString ConferenceRepository::setting(const QString &key, const QString &defaultValue) const
{
    if (!m_database.isOpen())
        return defaultValue;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!Database::exec(query) || !query.next())
        return defaultValue;
    return query.value(0).toString();
}

bool ConferenceRepository::setSetting(const QString &key, const QString &value)
{
    if (!m_database.isOpen())
        return false;
    return m_database.transaction([&] {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                     " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        query.addBindValue(key);
        query.addBindValue(text(value));
        return Database::exec(query);
    });
}

} // namespace Plenary
