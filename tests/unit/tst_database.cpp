#include "agendarepository.h"
#include "conferencerepository.h"
#include "database.h"
#include "plenaryfeedparser.h"
#include "plenaryfeedwriter.h"
#include "scheduleimporter.h"
#include "seatstaterepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

using namespace Plenary;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QVariant scalar(const Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QStringList tables(const Database &db)
{
    QStringList names;
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

// Makes a folder unwritable for the duration of a test, also when the tests run as root (who ignores mode
// bits): then the Linux immutable flag is used, and cleared again on destruction.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(const QString &path)
        : m_path(path)
    {
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (!QFileInfo(path).isWritable())
            return;
#ifdef Q_OS_LINUX
        m_immutable = setImmutable(true);
#endif
    }
    ~ReadOnlyFolder()
    {
#ifdef Q_OS_LINUX
        if (m_immutable)
            setImmutable(false);
#endif
        QFile::setPermissions(m_path,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    bool isReadOnly() const
    {
        return !QFileInfo(m_path).isWritable();
    }

private:
#ifdef Q_OS_LINUX
    bool setImmutable(bool on)
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_DIRECTORY);
        if (fd < 0)
            return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        ::close(fd);
        return ok;
    }
    bool m_immutable = false;
#endif
    QString m_path;
};

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void freshCreate();
    void reopenKeepsData();
    void inMemory();
    void walModeAndPragmas();
    void builtinVersion1FileOpens();
    void migrationFromVersion1();
    void seatFiguresMoveOutOfSettings();
    void conferenceFeedsMoveToTheirOwnTable();
    void failingMigrationRollsBackAndKeepsFile();
    void garbageFileIsMovedAside();
    void fakeHeaderIsMovedAside();
    void damagedFileIsMovedAside();
    void newerSchemaIsMovedAside();
    void readOnlyFolderGivesClearError();
    void unusablePathsGiveClearErrors();
    void transactionCommitsAndRollsBack();
    void nestedTransactionFailureRollsBackAll();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("data/plenary.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::freshCreate()
{
    Database db(dbPath());
    QVERIFY(!db.isOpen());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.isOpen());
    QVERIFY(db.errorString().isEmpty());
    QVERIFY(db.recoveryMessage().isEmpty());
    QVERIFY(QFileInfo::exists(dbPath()));
    QCOMPARE(db.schemaVersion(), 6);
    QCOMPARE(db.latestSchemaVersion(), 6);
    QCOMPARE(tables(db), (QStringList{"agenda_notices", "conference_feeds", "conference_snapshots",
                                      "conferences", "favourites", "personal_items", "reminder_log",
                                      "reminder_overrides", "seat_accounts", "seat_figures", "seat_outbox",
                                      "seat_reservations", "seat_snapshots", "settings", "sqlite_sequence"}));
    QCOMPARE(QDir(m_dir->filePath("data")).entryList({"*.corrupt-*"}, QDir::Files), QStringList());
}

void TestDatabase::reopenKeepsData()
{
    {
        Database db(dbPath());
        QVERIFY(db.open());
        QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('theme', 'dark')"));
    }
    Database db(dbPath());
    QVERIFY(db.open());
    QCOMPARE(scalar(db, "SELECT value FROM settings WHERE key = 'theme'").toString(), "dark");
    QCOMPARE(db.schemaVersion(), 6);
}

void TestDatabase::inMemory()
{
    Database db(":memory:");
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), 6);
    QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('a', 'b')"));
    QCOMPARE(scalar(db, "SELECT value FROM settings").toString(), "b");
}

void TestDatabase::walModeAndPragmas()
{
    Database db(dbPath());
    QVERIFY(db.open());
    QCOMPARE(scalar(db, "PRAGMA journal_mode").toString(), "wal");
    QCOMPARE(scalar(db, "PRAGMA foreign_keys").toInt(), 1);
    QCOMPARE(scalar(db, "PRAGMA synchronous").toInt(), 1); // NORMAL
    QVERIFY(scalar(db, "PRAGMA busy_timeout").toInt() >= 1000);

    // Two Database objects on one file get distinct connections and see each other's commits.
    Database other(dbPath());
    QVERIFY(other.open());
    QVERIFY(other.connection().connectionName() != db.connection().connectionName());
    QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('a', 'b')"));
    QCOMPARE(scalar(other, "SELECT value FROM settings WHERE key = 'a'").toString(), "b");
}

void TestDatabase::builtinVersion1FileOpens()
{
    // A version-1 file written by hand with the version-1 statements (as an older build would have left it).
    {
        QDir().mkpath(QFileInfo(dbPath()).absolutePath());
        auto raw = QSqlDatabase::addDatabase("QSQLITE", "raw-v1");
        raw.setDatabaseName(dbPath());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        const QList<Database::Migration> migrations = Database::builtinMigrations();
        for (const QString &sql : migrations.first().statements)
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        QVERIFY(query.exec("INSERT INTO settings (key, value) VALUES ('lastConference', 'fosdem-2021')"));
        QVERIFY(query.exec("PRAGMA user_version = 1"));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase("raw-v1");

    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.recoveryMessage().isEmpty());
    QCOMPARE(db.schemaVersion(), db.latestSchemaVersion());
    ConferenceRepository conferences(db);
    QCOMPARE(conferences.setting("lastConference"), "fosdem-2021");
}

void TestDatabase::migrationFromVersion1()
{
    const QList<Database::Migration> v1 = Database::builtinMigrations().mid(0, 1);
    {
        Database db(dbPath(), v1);
        QVERIFY(db.open());
        QCOMPARE(db.schemaVersion(), 1);
        QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('k', 'v')"));
    }
    QList<Database::Migration> v2 = v1;
    v2.append({2,
               {"ALTER TABLE settings ADD COLUMN updated_at INTEGER", "UPDATE settings SET updated_at = 42",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"}});
    Database db(dbPath(), v2);
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), 2);
    QCOMPARE(scalar(db, "SELECT value FROM settings WHERE key = 'k'").toString(), "v");
    QCOMPARE(scalar(db, "SELECT updated_at FROM settings WHERE key = 'k'").toInt(), 42);
    QVERIFY(tables(db).contains("notes"));

    // Opening again runs nothing twice.
    db.close();
    QVERIFY(db.open());
    QCOMPARE(db.schemaVersion(), 2);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM settings").toInt(), 1);
}

void TestDatabase::seatFiguresMoveOutOfSettings()
{
    // A schema-3 file as the previous release left it: the last seat figures per server as JSON in settings.
    {
        Database db(dbPath(), Database::builtinMigrations().mid(0, 3));
        QVERIFY(db.open());
        QCOMPARE(db.schemaVersion(), 3);
        QVERIFY(db.exec(R"(INSERT INTO settings (key, value) VALUES ('seats-snapshot:https://feed.example',
            '{"version":17,"updatedAt":1767225600000,"sessions":[
              {"id":"s2","capacity":40,"taken":40,"waitlist":3,"version":16,"updatedAt":1767225500000},
              {"id":"s1","capacity":12,"taken":5,"waitlist":0,"version":9},
              {"id":"","capacity":1,"taken":1,"waitlist":0,"version":1}, 7]}'))"));
        QVERIFY(db.exec(R"(INSERT INTO settings (key, value) VALUES ('seats-snapshot:http://other:8080',
            '{"updatedAt":1767225000000,"sessions":[]}'))"));
        QVERIFY(db.exec(
            R"(INSERT INTO settings (key, value) VALUES ('seats-snapshot:broken', '{"updatedAt":'))"));
        QVERIFY(db.exec(
            R"(INSERT INTO settings (key, value) VALUES ('seats-snapshot:undated', '{"sessions":[]}'))"));
        QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('theme', 'dark')"));
    }

    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.recoveryMessage().isEmpty());
    QCOMPARE(db.schemaVersion(), 6);
    SeatStateRepository state(db);

    const std::optional<SeatSnapshot> feed = state.seats("https://feed.example");
    QVERIFY(feed);
    QCOMPARE(feed->version, 17);
    QCOMPARE(feed->updatedAt, QDateTime::fromMSecsSinceEpoch(1767225600000, Qt::UTC));
    QCOMPARE(feed->sessions.size(), 2);
    const LiveSeats &s1 = feed->sessions.at(0);
    QCOMPARE(s1.sessionId, "s1");
    QCOMPARE(s1.capacity, 12);
    QCOMPARE(s1.taken, 5);
    QCOMPARE(s1.waitlist, 0);
    QCOMPARE(s1.version, 9);
    QVERIFY(!s1.updatedAt.isValid());
    const LiveSeats &s2 = feed->sessions.at(1);
    QCOMPARE(s2.sessionId, "s2");
    QCOMPARE(s2.capacity, 40);
    QCOMPARE(s2.taken, 40);
    QCOMPARE(s2.waitlist, 3);
    QCOMPARE(s2.version, 16);
    QCOMPARE(s2.updatedAt, QDateTime::fromMSecsSinceEpoch(1767225500000, Qt::UTC));

    // A document without a version keeps the "unknown" -1; an empty one is still a snapshot (with its age).
    const std::optional<SeatSnapshot> other = state.seats("http://other:8080");
    QVERIFY(other);
    QCOMPARE(other->version, -1);
    QCOMPARE(other->updatedAt, QDateTime::fromMSecsSinceEpoch(1767225000000, Qt::UTC));
    QVERIFY(other->sessions.isEmpty());

    // What the old reader would not have shown is dropped, not moved; other settings stay.
    QVERIFY(!state.seats("broken"));
    QVERIFY(!state.seats("undated"));
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM seat_snapshots").toInt(), 2);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM settings WHERE key LIKE 'seats-snapshot:%'").toInt(), 0);
    QCOMPARE(scalar(db, "SELECT value FROM settings WHERE key = 'theme'").toString(), "dark");
}

void TestDatabase::conferenceFeedsMoveToTheirOwnTable()
{
    // A schema-4 file as the previous release left it: each feed document in its conference's row.
    struct Kept
    {
        QString id;
        QString format;
        QByteArray feed;
        qint64 openedAt;
    };
    QList<Kept> kept;
    for (const auto &[file, openedAt] : {std::pair{"fosdem-2025-schedule.xml", 1738400000000},
                                         std::pair{"kielux_2020.ics", 1738300000000}}) {
        const ImportResult imported =
            ScheduleImporter::importFile(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/") + file);
        QVERIFY2(imported.ok(), qPrintable(imported.error.toString()));
        kept.append({imported.conference->id, imported.conference->sourceFormat,
                     PlenaryFeedWriter::write(*imported.conference), openedAt});
        QVERIFY(!kept.constLast().id.isEmpty());
    }
    QVERIFY(kept.at(0).feed.size() > 1'000'000);
    {
        Database db(dbPath(), Database::builtinMigrations().mid(0, 4));
        QVERIFY(db.open());
        QCOMPARE(db.schemaVersion(), 4);
        for (const Kept &conference : std::as_const(kept)) {
            QSqlQuery insert(db.connection());
            insert.prepare(
                "INSERT INTO conferences (id, title, format, feed_json, session_count, imported_at,"
                " opened_at) VALUES (?, 'Title', ?, ?, 3, 1700000000000, ?)");
            insert.addBindValue(conference.id);
            insert.addBindValue(conference.format);
            insert.addBindValue(conference.feed);
            insert.addBindValue(conference.openedAt);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QVERIFY(db.exec(QString("INSERT INTO favourites (conference_id, session_id, added_at)"
                                " VALUES ('%1', 's1', 5)")
                            .arg(kept.at(0).id)));
    }

    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.recoveryMessage().isEmpty());
    QCOMPARE(db.schemaVersion(), 6);
    ConferenceRepository conferences(db);
    for (const Kept &conference : std::as_const(kept)) {
        QCOMPARE(conferences.feedJson(conference.id), conference.feed);
        bool snapshotMissing = false;
        const std::optional<Conference> loaded = conferences.load(conference.id, &snapshotMissing);
        QVERIFY(loaded);
        QVERIFY(snapshotMissing); // kept before snapshots were: read from the feed
        ImportResult expected = PlenaryFeedParser::parse(conference.feed);
        QVERIFY(expected.ok());
        expected.conference->sourceFormat = conference.format;
        QVERIFY(*loaded == *expected.conference);
        // Once a snapshot is kept, the same conference reads from it.
        QVERIFY(conferences.saveSnapshot(*loaded));
        const std::optional<Conference> fromSnapshot = conferences.load(conference.id, &snapshotMissing);
        QVERIFY(!snapshotMissing);
        QVERIFY(fromSnapshot);
        QVERIFY(*fromSnapshot == *expected.conference);
    }
    const QList<ConferenceSummary> list = conferences.list();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, kept.at(0).id);
    QCOMPARE(list.at(0).openedAt, QDateTime::fromMSecsSinceEpoch(kept.at(0).openedAt, Qt::UTC));
    QCOMPARE(list.at(1).id, kept.at(1).id);
    QCOMPARE(list.at(1).sessionCount, 3);
    QCOMPARE(conferences.lastOpened(), kept.at(0).id);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM favourites").toInt(), 1);

    // The document is kept once: the old column is gone, and the feed goes with its conference.
    QCOMPARE(
        scalar(db, "SELECT COUNT(*) FROM pragma_table_info('conferences') WHERE name = 'feed_json'").toInt(),
        0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM conference_feeds").toInt(), 2);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM conference_snapshots").toInt(), 2);
    QVERIFY(conferences.remove(kept.at(0).id));
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM conference_feeds").toInt(), 1);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM conference_snapshots").toInt(), 1);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM favourites").toInt(), 0);
}

void TestDatabase::failingMigrationRollsBackAndKeepsFile()
{
    const QList<Database::Migration> v1 = Database::builtinMigrations().mid(0, 1);
    {
        Database db(dbPath(), v1);
        QVERIFY(db.open());
        QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('k', 'v')"));
    }
    QList<Database::Migration> broken = v1;
    broken.append({2, {"CREATE TABLE half_done (x)", "THIS IS NOT SQL"}});
    Database db(dbPath(), broken);
    QVERIFY(!db.open());
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains("from schema 1 to 2"), qPrintable(db.errorString()));
    QVERIFY(db.movedAsidePath().isEmpty());

    Database check(dbPath(), v1);
    QVERIFY(check.open());
    QCOMPARE(check.schemaVersion(), 1);
    QVERIFY(!tables(check).contains("half_done"));
    QCOMPARE(scalar(check, "SELECT value FROM settings WHERE key = 'k'").toString(), "v");
}

void TestDatabase::garbageFileIsMovedAside()
{
    QDir().mkpath(QFileInfo(dbPath()).absolutePath());
    QByteArray garbage;
    for (int i = 0; i < 512; ++i)
        garbage += "this is not a database ";
    QVERIFY(writeFile(dbPath(), garbage));
    QVERIFY(writeFile(dbPath() + "-wal", "stale wal"));

    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY2(db.recoveryMessage().contains("not a SQLite database"), qPrintable(db.recoveryMessage()));
    const QString aside = db.movedAsidePath();
    QVERIFY(aside.startsWith(dbPath() + ".corrupt-"));
    QVERIFY(db.recoveryMessage().contains(aside));
    QCOMPARE(readAll(aside), garbage); // moved, not deleted
    QCOMPARE(readAll(aside + "-wal"), QByteArray("stale wal"));

    QCOMPARE(db.schemaVersion(), 6);
    QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('after', 'recovery')"));
    db.close();

    // A second bad file in the same second gets its own name.
    QVERIFY(QFile::remove(dbPath()));
    QVERIFY(writeFile(dbPath(), garbage));
    QVERIFY(db.open());
    QVERIFY(!db.movedAsidePath().isEmpty());
    QVERIFY(db.movedAsidePath() != aside);
    QVERIFY(QFileInfo::exists(aside));
}

void TestDatabase::fakeHeaderIsMovedAside()
{
    // Looks like SQLite at first glance, so SQLite itself has to reject it.
    QDir().mkpath(QFileInfo(dbPath()).absolutePath());
    const QByteArray fake = QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\xFF');
    QVERIFY(writeFile(dbPath(), fake));
    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY2(!db.recoveryMessage().isEmpty(), "a fake database must be noticed");
    QCOMPARE(readAll(db.movedAsidePath()), fake);
    QCOMPARE(db.schemaVersion(), 6);
}

void TestDatabase::damagedFileIsMovedAside()
{
    {
        Database db(dbPath());
        QVERIFY(db.open());
        QVERIFY(db.transaction([&] {
            for (int i = 0; i < 2000; ++i) {
                if (!db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('key%1', '%2')")
                                 .arg(i)
                                 .arg(QString(200, QLatin1Char('v')))))
                    return false;
            }
            return true;
        }));
        QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    // Overwrite pages in the middle of the file; the header (page 1) stays intact.
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 64 * 1024);
    QVERIFY(file.seek(size / 2));
    file.write(QByteArray(16 * 1024, '\xA5'));
    file.close();

    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY2(!db.recoveryMessage().isEmpty(), "a damaged file must be noticed");
    QVERIFY(QFileInfo::exists(db.movedAsidePath()));
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM settings").toInt(), 0);
}

void TestDatabase::newerSchemaIsMovedAside()
{
    {
        Database db(dbPath());
        QVERIFY(db.open());
        QVERIFY(db.exec("PRAGMA user_version = 99"));
    }
    Database db(dbPath());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY2(db.recoveryMessage().contains("newer version"), qPrintable(db.recoveryMessage()));
    QVERIFY(db.recoveryMessage().contains("99"));
    QCOMPARE(db.schemaVersion(), 6);

    // The moved file keeps its schema: user_version lives at offset 60 of the header.
    const QByteArray header = readAll(db.movedAsidePath()).mid(60, 4);
    QCOMPARE(header, QByteArray::fromHex("00000063"));
}

void TestDatabase::readOnlyFolderGivesClearError()
{
    const QString folder = m_dir->filePath("locked");
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + "/plenary.sqlite";
    {
        Database db(path);
        QVERIFY(db.open());
        QVERIFY(db.exec("INSERT INTO settings (key, value) VALUES ('kept', 'yes')"));
    }
    const QStringList before = QDir(folder).entryList(QDir::Files);

    ReadOnlyFolder readOnly(folder);
    if (!readOnly.isReadOnly())
        QSKIP("cannot make a folder read-only here (root without CAP_LINUX_IMMUTABLE?)");

    Database db(path);
    QVERIFY(!db.open());
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains("read-only"), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(folder), qPrintable(db.errorString()));
    QVERIFY(db.movedAsidePath().isEmpty());
    QCOMPARE(QDir(folder).entryList(QDir::Files), before);

    // The caller carries on without persistence: every repository call fails quietly.
    ConferenceRepository conferences(db);
    AgendaRepository agenda(db);
    QVERIFY(conferences.list().isEmpty());
    QVERIFY(!conferences.setSetting("a", "b"));
    QCOMPARE(conferences.setting("kept", "default"), "default");
    QVERIFY(!conferences.load("x").has_value());
    QVERIFY(agenda.sessionIds("x").isEmpty());
    QVERIFY(!db.transaction([] { return true; }));
}

void TestDatabase::unusablePathsGiveClearErrors()
{
    const QString folderPath = m_dir->filePath("a-folder");
    QVERIFY(QDir().mkpath(folderPath));
    Database folder(folderPath);
    QVERIFY(!folder.open());
    QVERIFY2(folder.errorString().contains("is a folder"), qPrintable(folder.errorString()));

    const QString filePath = m_dir->filePath("a-file");
    QVERIFY(writeFile(filePath, "x"));
    Database underFile(filePath + "/sub/plenary.sqlite");
    QVERIFY(!underFile.open());
    QVERIFY2(underFile.errorString().contains("could not be created"), qPrintable(underFile.errorString()));
    QCOMPARE(readAll(filePath), QByteArray("x"));
}

void TestDatabase::transactionCommitsAndRollsBack()
{
    Database db(dbPath());
    QVERIFY(db.open());
    QVERIFY(db.transaction([&] { return db.exec("INSERT INTO settings (key, value) VALUES ('a', '1')"); }));
    QVERIFY(!db.transaction([&] {
        db.exec("INSERT INTO settings (key, value) VALUES ('b', '2')");
        return false;
    }));
    QVERIFY(!db.transaction([&] {
        db.exec("INSERT INTO settings (key, value) VALUES ('c', '3')");
        return db.exec("INSERT INTO settings (key, value) VALUES ('a', 'duplicate')");
    }));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, db.transaction([&]() -> bool {
        db.exec("INSERT INTO settings (key, value) VALUES ('d', '4')");
        throw std::runtime_error("boom");
    }));
    QVERIFY(!db.inTransaction());
    QCOMPARE(scalar(db, "SELECT group_concat(key) FROM settings").toString(), "a");
}

void TestDatabase::nestedTransactionFailureRollsBackAll()
{
    Database db(dbPath());
    QVERIFY(db.open());
    const bool ok = db.transaction([&] {
        db.exec("INSERT INTO settings (key, value) VALUES ('outer', '1')");
        db.transaction([&] {
            db.exec("INSERT INTO settings (key, value) VALUES ('inner', '1')");
            return false;
        });
        return true; // the outer step ignores the inner result, but the inner failure still counts
    });
    QVERIFY(!ok);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM settings").toInt(), 0);

    QVERIFY(db.transaction([&] {
        return db.exec("INSERT INTO settings (key, value) VALUES ('outer', '1')") && db.transaction([&] {
            return db.exec("INSERT INTO settings (key, value) VALUES ('inner', '1')");
        });
    }));
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM settings").toInt(), 2);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
