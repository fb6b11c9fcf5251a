#pragma once

#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(plenaryStorage)

class QSqlQuery;

namespace Plenary {

/**
 * The app's SQLite file: opens or creates it in WAL mode, migrates its schema forward, and moves aside a file
 * it cannot use (never deleting it) so the app starts with a fresh one.
 *
 * Use it from the thread that created it. It must outlive the repositories built on it, and no QSqlQuery on
 * its connection may outlive it.
 */
class Database
{
public:
    /** One forward schema step: the statements that take a database from `version - 1` to `version`. */
    struct Migration
    {
        int version = 0;
        QStringList statements;
    };

    /** The schema this build writes, as consecutive steps from an empty file (version 1 first). */
    static QList<Migration> builtinMigrations();

    /** `migrations` must be consecutive versions starting at 1; tests pass their own to exercise upgrades. */
    explicit Database(const QString &path, const QList<Migration> &migrations = builtinMigrations());
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    /**
     * Opens the file, creating it and its folder when missing, and brings its schema up to date. A file that
     * is not a database, fails the integrity check or has a newer schema than this build knows is renamed to
     * `<name>.corrupt-<timestamp>` (with its -wal/-shm files) and replaced by a fresh one; recoveryMessage()
     * then says what happened. Returns false (see errorString()) when the file cannot be used at all, e.g.
     * because it or its folder is read-only; the caller may then continue without persistence.
     */
    bool open();
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }

    /** Why open() failed; empty after a successful open(). */
    QString errorString() const { return m_error; }

    /** What open() did with an unusable file, for the user; empty when nothing had to be moved aside. */
    QString recoveryMessage() const { return m_recoveryMessage; }

    /** Where the unusable file went; empty when nothing was moved aside. */
    QString movedAsidePath() const { return m_movedAsidePath; }

    /** The file's `user_version` (0 when closed). */
    int schemaVersion() const;

    /** The version the migrations end at. */
    int latestSchemaVersion() const;

    /** The connection; invalid when not open. Do not keep copies beyond one call. */
    QSqlDatabase connection() const { return m_db; }

    /**
     * Runs `work` in one transaction: commits when it returns true, rolls back when it returns false, throws,
     * or when committing fails. Nested calls join the outer transaction, and a failing inner call makes the
     * whole transaction roll back. Returns false without calling `work` when the database is not open.
     */
    bool transaction(const std::function<bool()> &work);

    bool inTransaction() const { return m_transactionDepth > 0; }

    /** Executes a prepared query, logging the statement and error on failure. */
    static bool exec(QSqlQuery &query);

    /** Executes one statement on this connection, logging on failure. */
    bool exec(const QString &sql);

private:
    enum class Check { Usable, Unusable, Failed };

    bool checkLocation();
    Check openConnection(QString *reason);
    bool moveAside(const QString &reason);
    bool migrate();
    void removeConnection();

    QString m_path;
    QString m_connectionName;
    QList<Migration> m_migrations;
    QSqlDatabase m_db;
    QString m_error;
    QString m_recoveryMessage;
    QString m_movedAsidePath;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

} // namespace Plenary
