#include "database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

Q_LOGGING_CATEGORY(plenaryStorage, "plenary.storage")

namespace Plenary {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// SQLite primary result codes that mean the file's content is unusable (as opposed to locked or unreadable).
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

const QStringList kCompanionSuffixes{QStringLiteral("-wal"), QStringLiteral("-shm"),
                                     QStringLiteral("-journal")};

std::atomic<int> s_connectionCounter{0};

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArrayView("SQLite format 3\0", 16);
}

bool isMemoryPath(const QString &path)
{
    return path == u":memory:";
}

} // namespace

QList<Database::Migration> Database::builtinMigrations()
{
    // Times are milliseconds since the epoch (UTC); text columns default to '' so readers never see NULL.
    return {
        {1,
         {
             QStringLiteral("CREATE TABLE conferences ("
                            " id TEXT PRIMARY KEY NOT NULL,"
                            " title TEXT NOT NULL DEFAULT '',"
                            " source_url TEXT NOT NULL DEFAULT '',"
                            " feed_url TEXT NOT NULL DEFAULT '',"
                            " format TEXT NOT NULL DEFAULT '',"
                            " feed_json BLOB NOT NULL,"
                            " session_count INTEGER NOT NULL DEFAULT 0,"
                            " imported_at INTEGER NOT NULL,"
                            " opened_at INTEGER,"
                            " version TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE settings ("
                            " key TEXT PRIMARY KEY NOT NULL,"
                            " value TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE favourites ("
                            " conference_id TEXT NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,"
                            " session_id TEXT NOT NULL,"
                            " guid TEXT NOT NULL DEFAULT '',"
                            " start_utc INTEGER,"
                            " added_at INTEGER NOT NULL,"
                            " PRIMARY KEY (conference_id, session_id))"),
         }},
        // The offline agenda: what a favourite looked like (so one that vanished can still be shown),
        // personal items, reminder switches and fired state, and schedule changes waiting to be shown.
        {2,
         {
             QStringLiteral("ALTER TABLE favourites ADD COLUMN title TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE favourites ADD COLUMN end_utc INTEGER"),
             QStringLiteral("ALTER TABLE favourites ADD COLUMN place TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE TABLE personal_items ("
                            " conference_id TEXT NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,"
                            " id TEXT NOT NULL,"
                            " title TEXT NOT NULL DEFAULT '',"
                            " start_utc INTEGER NOT NULL,"
                            " end_utc INTEGER,"
                            " time_zone TEXT NOT NULL DEFAULT '',"
                            " place TEXT NOT NULL DEFAULT '',"
                            " notes TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL,"
                            " PRIMARY KEY (conference_id, id))"),
             QStringLiteral("CREATE TABLE reminder_overrides ("
                            " conference_id TEXT NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,"
                            " item_key TEXT NOT NULL,"
                            " enabled INTEGER NOT NULL,"
                            " PRIMARY KEY (conference_id, item_key))"),
             QStringLiteral("CREATE TABLE reminder_log ("
                            " conference_id TEXT NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,"
                            " item_key TEXT NOT NULL,"
                            " start_utc INTEGER NOT NULL,"
                            " fired_at INTEGER,"
                            " snoozed_until INTEGER,"
                            " PRIMARY KEY (conference_id, item_key, start_utc))"),
             QStringLiteral("CREATE TABLE agenda_notices ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " conference_id TEXT NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,"
                            " agenda_session_id TEXT NOT NULL,"
                            " guid TEXT NOT NULL DEFAULT '',"
                            " changes INTEGER NOT NULL,"
                            " before_session_id TEXT NOT NULL DEFAULT '',"
                            " before_title TEXT NOT NULL DEFAULT '',"
                            " before_start INTEGER,"
                            " before_end INTEGER,"
                            " before_room_id TEXT NOT NULL DEFAULT '',"
                            " before_place TEXT NOT NULL DEFAULT '',"
                            " after_session_id TEXT NOT NULL DEFAULT '',"
                            " after_title TEXT NOT NULL DEFAULT '',"
                            " after_start INTEGER,"
                            " after_end INTEGER,"
                            " after_room_id TEXT NOT NULL DEFAULT '',"
                            " after_place TEXT NOT NULL DEFAULT '',"
                            " schedule_version TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX agenda_notices_by_conference ON agenda_notices (conference_id)"),
         }},
        // Live seats: reservation actions waiting to reach the feed server, the sign-in per server, and my
        // reservations as last confirmed (so they show offline).
        {3,
         {
             QStringLiteral("CREATE TABLE seat_outbox ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " server TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " session_id TEXT NOT NULL,"
                            " idempotency_key TEXT NOT NULL UNIQUE,"
                            " created_at INTEGER NOT NULL,"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " last_error TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE seat_accounts ("
                            " server TEXT PRIMARY KEY NOT NULL,"
                            " token TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE seat_reservations ("
                            " server TEXT NOT NULL,"
                            " session_id TEXT NOT NULL,"
                            " reservation_id INTEGER NOT NULL DEFAULT 0,"
                            " status TEXT NOT NULL,"
                            " position INTEGER NOT NULL DEFAULT 0,"
                            " updated_at INTEGER,"
                            " PRIMARY KEY (server, session_id))"),
         }},
        // The last known seat figures per feed server get tables of their own; until now they were one JSON
        // document per server in `settings` ("seats-snapshot:<server>"). Documents the old reader would show
        // move over, the rest is dropped as it would not have been shown either.
        {4,
         {
             QStringLiteral("CREATE TABLE seat_snapshots ("
                            " server TEXT PRIMARY KEY NOT NULL,"
                            " version INTEGER NOT NULL DEFAULT -1,"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE seat_figures ("
                            " server TEXT NOT NULL REFERENCES seat_snapshots(server) ON DELETE CASCADE,"
                            " session_id TEXT NOT NULL,"
                            " capacity INTEGER NOT NULL DEFAULT 0,"
                            " taken INTEGER NOT NULL DEFAULT 0,"
                            " waitlist INTEGER NOT NULL DEFAULT 0,"
                            " version INTEGER NOT NULL DEFAULT 0,"
                            " updated_at INTEGER,"
                            " PRIMARY KEY (server, session_id))"),
             // The CASE keeps malformed JSON (an error for the json functions) away from them.
             QStringLiteral("CREATE TEMP VIEW old_seat_documents AS"
                            " SELECT server, document FROM (SELECT substr(key, 16) AS server,"
                            " CASE WHEN json_valid(value) THEN value ELSE '{}' END AS document FROM settings"
                            " WHERE substr(key, 1, 15) = 'seats-snapshot:')"
                            " WHERE json_type(document, '$.updatedAt') IN ('integer', 'real')"
                            " AND json_type(document, '$.sessions') = 'array'"),
             QStringLiteral("INSERT INTO seat_snapshots (server, version, updated_at)"
                            " SELECT server,"
                            " CASE WHEN json_type(document, '$.version') IN ('integer', 'real')"
                            " THEN CAST(json_extract(document, '$.version') AS INTEGER) ELSE -1 END,"
                            " CAST(json_extract(document, '$.updatedAt') AS INTEGER)"
                            " FROM old_seat_documents"),
             QStringLiteral("INSERT OR REPLACE INTO seat_figures"
                            " (server, session_id, capacity, taken, waitlist, version, updated_at)"
                            " SELECT d.server, json_extract(e.value, '$.id'),"
                            " CAST(coalesce(json_extract(e.value, '$.capacity'), 0) AS INTEGER),"
                            " CAST(coalesce(json_extract(e.value, '$.taken'), 0) AS INTEGER),"
                            " CAST(coalesce(json_extract(e.value, '$.waitlist'), 0) AS INTEGER),"
                            " CAST(coalesce(json_extract(e.value, '$.version'), 0) AS INTEGER),"
                            " CASE WHEN json_type(e.value, '$.updatedAt') IN ('integer', 'real')"
                            " THEN CAST(json_extract(e.value, '$.updatedAt') AS INTEGER) END"
                            " FROM old_seat_documents AS d, json_each(d.document, '$.sessions') AS e"
                            " WHERE e.type = 'object' AND json_type(e.value, '$.id') = 'text'"
                            " AND json_extract(e.value, '$.id') <> ''"),
             QStringLiteral("DROP VIEW old_seat_documents"),
             QStringLiteral("DELETE FROM settings WHERE substr(key, 1, 15) = 'seats-snapshot:'"),
         }},
        // The feed document (about 1.5 MB for a large conference) moves to a table of its own, so that
        // writing a conference's small columns, such as opened_at at every start, no longer rewrites it.
        // Dropping the column rewrites the conferences rows without it, so the document is not kept twice.
        {5,
         {
             QStringLiteral("CREATE TABLE conference_feeds ("
                            " conference_id TEXT PRIMARY KEY NOT NULL"
                            " REFERENCES conferences(id) ON DELETE CASCADE,"
                            " feed_json BLOB NOT NULL)"),
             QStringLiteral("INSERT INTO conference_feeds (conference_id, feed_json)"
                            " SELECT id, feed_json FROM conferences"),
             QStringLiteral("ALTER TABLE conferences DROP COLUMN feed_json"),
         }},
        // A snapshot of each conference (ConferenceSnapshot) for fast start-up, beside its feed JSON. Kept
        // conferences get theirs the first time they are opened after this migration.
        {6,
         {
             QStringLiteral("CREATE TABLE conference_snapshots ("
                            " conference_id TEXT PRIMARY KEY NOT NULL"
                            " REFERENCES conferences(id) ON DELETE CASCADE,"
                            " format INTEGER NOT NULL,"
                            " snapshot BLOB NOT NULL)"),
         }},
    };
}

Database::Database(const QString &path, const QList<Migration> &migrations)
    : m_path(path)
    , m_connectionName(QStringLiteral("plenary-db-%1").arg(s_connectionCounter.fetch_add(1)))
    , m_migrations(migrations)
{
    for (qsizetype i = 0; i < m_migrations.size(); ++i)
        Q_ASSERT(m_migrations.at(i).version == i + 1);
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return m_db.isOpen();
}

int Database::latestSchemaVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

int Database::schemaVersion() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool Database::open()
{
    close();
    m_error.clear();
    m_recoveryMessage.clear();
    m_movedAsidePath.clear();

    if (!checkLocation())
        return false;

    QString reason;
    Check check = openConnection(&reason);
    if (check == Check::Unusable) {
        if (isMemoryPath(m_path)) {
            m_error = QStringLiteral("The in-memory database cannot be used: %1").arg(reason);
            removeConnection();
            return false;
        }
        if (!moveAside(reason))
            return false;
        check = openConnection(&reason);
        if (check == Check::Unusable)
            m_error = QStringLiteral("A new database at %1 could not be created: %2").arg(m_path, reason);
    }
    if (check != Check::Usable) {
        removeConnection();
        return false;
    }
    return migrate();
}

void Database::close()
{
    if (m_transactionDepth > 0)
        qCWarning(plenaryStorage) << "closing" << m_path << "inside a transaction; it is rolled back";
    m_transactionDepth = 0;
    removeConnection();
}

void Database::removeConnection()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::checkLocation()
{
    if (isMemoryPath(m_path))
        return true;
    const QFileInfo file(m_path);
    if (file.isDir()) {
        m_error = QStringLiteral("%1 is a folder, not a database file").arg(m_path);
        return false;
    }
    const QString folder = file.absolutePath();
    if (!QDir().mkpath(folder)) {
        m_error = QStringLiteral("The folder %1 for the database could not be created").arg(folder);
        return false;
    }
    // SQLite needs to create its -wal and -shm files next to the database, so the folder must be writable
    // too.
    if (!QFileInfo(folder).isWritable()) {
        m_error = QStringLiteral("The folder %1 is read-only, so the database %2 cannot be written")
                      .arg(folder, file.fileName());
        return false;
    }
    if (file.exists() && (!file.isReadable() || !file.isWritable())) {
        m_error = QStringLiteral("The database file %1 is read-only or unreadable").arg(m_path);
        return false;
    }
    return true;
}

Database::Check Database::openConnection(QString *reason)
{
    removeConnection();
    const bool existed = !isMemoryPath(m_path) && QFileInfo(m_path).size() > 0;
    if (existed && !hasSqliteHeader(m_path)) {
        // Decided before SQLite opens it: SQLite would discard -wal/-shm files that do not match the
        // database.
        *reason = QStringLiteral("it is not a SQLite database");
        return Check::Unusable;
    }

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        m_error = QStringLiteral("The Qt SQLite driver (QSQLITE) is not available");
        return Check::Failed;
    }
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        m_error =
            QStringLiteral("The database %1 could not be opened: %2").arg(m_path, m_db.lastError().text());
        return Check::Failed;
    }

    QSqlQuery query(m_db);
    const auto classify = [&](const QSqlError &error) {
        const int code = error.nativeErrorCode().toInt();
        if (code == kSqliteNotADatabase) {
            *reason = QStringLiteral("it is not a SQLite database");
            return Check::Unusable;
        }
        if (code == kSqliteCorrupt) {
            *reason = QStringLiteral("it is damaged: %1").arg(error.databaseText());
            return Check::Unusable;
        }
        m_error = QStringLiteral("The database %1 could not be read: %2").arg(m_path, error.text());
        return Check::Failed;
    };

    if (!query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs)))
        return classify(query.lastError());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return classify(query.lastError());
    const int version = query.value(0).toInt();
    if (version > latestSchemaVersion()) {
        *reason =
            QStringLiteral("it was written by a newer version of Plenary: schema %1, this version knows up "
                           "to %2")
                .arg(version)
                .arg(latestSchemaVersion());
        return Check::Unusable;
    }

    if (existed) {
        if (!query.exec(QStringLiteral("PRAGMA integrity_check(5)")))
            return classify(query.lastError());
        QStringList problems;
        while (query.next())
            problems.append(query.value(0).toString());
        if (problems != QStringList{QStringLiteral("ok")}) {
            *reason = QStringLiteral("it failed the integrity check: %1").arg(problems.join(u"; "));
            return Check::Unusable;
        }
    }

    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
        return classify(query.lastError());
    const QString journalMode = query.value(0).toString();
    if (journalMode != u"wal" && !isMemoryPath(m_path))
        qCWarning(plenaryStorage) << m_path << "stays in journal mode" << journalMode << "instead of WAL";
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON")) ||
        !query.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return classify(query.lastError());
    return Check::Usable;
}

bool Database::moveAside(const QString &reason)
{
    removeConnection();
    const QString base = m_path + QStringLiteral(".corrupt-") +
                         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = base;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + kCompanionSuffixes.first()); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    QFile file(m_path);
    if (!file.rename(target)) {
        m_error = QStringLiteral("The database %1 cannot be used (%2) and could not be moved aside: %3")
                      .arg(m_path, reason, file.errorString());
        return false;
    }
    for (const QString &suffix : kCompanionSuffixes) {
        QFile companion(m_path + suffix);
        if (companion.exists() && !companion.rename(target + suffix)) {
            // A stale -wal next to a fresh database would be replayed into it, so stop here.
            m_error =
                QStringLiteral("The database %1 was moved aside to %2 (%3), but %4 could not be moved: %5")
                    .arg(m_path, target, reason, companion.fileName(), companion.errorString());
            return false;
        }
    }
    m_movedAsidePath = target;
    m_recoveryMessage =
        QStringLiteral("The database %1 could not be used because %2. It was moved to %3 and a new, "
                       "empty database was created.")
            .arg(m_path, reason, target);
    qCWarning(plenaryStorage).noquote() << m_recoveryMessage;
    return true;
}

bool Database::migrate()
{
    int version = schemaVersion();
    for (const Migration &step : std::as_const(m_migrations)) {
        if (step.version <= version)
            continue;
        QString failure;
        const bool ok = transaction([&] {
            for (const QString &sql : step.statements) {
                QSqlQuery query(m_db);
                if (!query.exec(sql)) {
                    failure = query.lastError().text();
                    return false;
                }
            }
            QSqlQuery query(m_db);
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version))) {
                failure = query.lastError().text();
                return false;
            }
            return true;
        });
        if (!ok) {
            m_error = QStringLiteral("The database %1 could not be upgraded from schema %2 to %3: %4")
                          .arg(m_path)
                          .arg(version)
                          .arg(step.version)
                          .arg(failure.isEmpty() ? QStringLiteral("the transaction failed") : failure);
            qCWarning(plenaryStorage).noquote() << m_error;
            removeConnection();
            return false;
        }
        qCInfo(plenaryStorage) << "migrated" << m_path << "to schema" << step.version;
        version = step.version;
    }
    return true;
}

bool Database::transaction(const std::function<bool()> &work)
{
    if (!isOpen())
        return false;
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        bool ok = false;
        try {
            ok = work();
        } catch (...) {
            --m_transactionDepth;
            m_rollbackOnly = true;
            throw;
        }
        --m_transactionDepth;
        if (!ok)
            m_rollbackOnly = true;
        return ok;
    }

    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    m_transactionDepth = 1;
    m_rollbackOnly = false;
    bool ok = false;
    try {
        ok = work();
    } catch (...) {
        m_transactionDepth = 0;
        exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    m_transactionDepth = 0;
    if (ok && !m_rollbackOnly && exec(QStringLiteral("COMMIT")))
        return true;
    exec(QStringLiteral("ROLLBACK"));
    return false;
}

bool Database::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(plenaryStorage).noquote()
        << "query failed:" << query.lastQuery() << "-" << query.lastError().text();
    return false;
}

bool Database::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    qCWarning(plenaryStorage).noquote() << "statement failed:" << sql << "-" << query.lastError().text();
    return false;
}

} // namespace Plenary
