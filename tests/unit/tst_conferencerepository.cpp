#include "conferencerepository.h"
#include "database.h"
#include "plenaryfeedwriter.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <future>

using namespace Plenary;

namespace {

Conference makeConference(const QString &id, const QString &title, int sessionCount)
{
    const QTimeZone zone("America/New_York");
    Conference conference;
    conference.id = id;
    conference.title = title;
    conference.timeZone = zone;
    conference.version = QStringLiteral("1.0");
    conference.sourceFormat = QStringLiteral("pentabarf-xml");
    conference.venue.name = QStringLiteral("Convention Center");
    conference.venue.rooms.append(Room{"hall-a", "Hall A", {}, {}, {}, 300});
    conference.tracks.append(Track{"cloud", "Cloud", "#336699"});
    conference.speakers.append(
        Speaker{"ada", "Ada Lovelace", "Analytical Engines", "Wrote the first program.", {}});
    const QDateTime first(QDate(2026, 5, 12), QTime(9, 0), zone);
    for (int i = 0; i < sessionCount; ++i) {
        Session session;
        session.guid = QStringLiteral("%1-guid-%2").arg(id).arg(i);
        session.title = QStringLiteral("Talk %1 — Ünïcode").arg(i);
        session.roomId = QStringLiteral("hall-a");
        session.trackId = QStringLiteral("cloud");
        session.speakerIds = {QStringLiteral("ada")};
        session.start = first.addSecs(i * 3600);
        session.end = session.start.addSecs(45 * 60);
        session.abstractText = QStringLiteral("Abstract %1").arg(i);
        conference.sessions.append(session);
    }
    conference.normalize();
    return conference;
}

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 5, 1), QTime(hour, minute), Qt::UTC);
}

} // namespace

class TestConferenceRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void saveAndLoadRoundTrip();
    void listSummaries();
    void resaveReplacesButKeepsOpened();
    void lastOpened();
    void openingTheFirstAgainWritesNothing();
    void openingAnOlderOneMovesItFirst();
    void saveWritesFeedAndMetadataTogether();
    void remove();
    void persistsAcrossReopen();
    void settings();
    void refusesConferenceWithoutId();
    void unreadableStoredFeed();
    void snapshotsAreReadFirstAndReplacedWhenDamaged();
    void readDetachedOnAnotherThread();
    void readDetachedNeverCreatesTheFile();

private:
    void setClock(const QDateTime &time);
    QString path() const { return m_dir->filePath(QStringLiteral("plenary.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConferenceRepository> m_repo;
    QDateTime m_now;
};

void TestConferenceRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(path());
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<ConferenceRepository>(*m_db);
    m_now = at(8);
    m_repo->setClock([this] { return m_now; });
}

void TestConferenceRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

void TestConferenceRepository::saveAndLoadRoundTrip()
{
    const Conference conference = makeConference("demo-2026", "Demo Conference 2026", 5);
    const QByteArray written = PlenaryFeedWriter::write(conference);
    if (written.isEmpty())
        QFAIL("PlenaryFeedWriter::write() produced nothing");

    QVERIFY(
        m_repo->save(conference, "https://example.org/schedule.xml", "https://feed.example.org/demo.json"));
    QCOMPARE(m_repo->feedJson("demo-2026"), written);

    const std::optional<Conference> loaded = m_repo->load("demo-2026");
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->id, conference.id);
    QCOMPARE(loaded->title, conference.title);
    QCOMPARE(loaded->sourceFormat, "pentabarf-xml");
    QCOMPARE(loaded->sessions.size(), 5);
    QCOMPARE(loaded->sessions.at(3).title, conference.sessions.at(3).title);
    QCOMPARE(loaded->sessions.at(3).start, conference.sessions.at(3).start);
    QCOMPARE(loaded->timeZone.id(), QByteArray("America/New_York"));
    // Bytes round-trip: what was loaded writes back to exactly what was stored.
    QCOMPARE(PlenaryFeedWriter::write(*loaded), written);

    QVERIFY(!m_repo->load("unknown").has_value());
    QVERIFY(m_repo->feedJson("unknown").isEmpty());
}

void TestConferenceRepository::listSummaries()
{
    QVERIFY(m_repo->list().isEmpty());
    QVERIFY(m_repo->save(makeConference("alpha", "Alpha Conf", 3), "/home/me/alpha.xml"));
    m_now = at(9);
    QVERIFY(m_repo->save(makeConference("beta", "Beta Conf", 7), "https://beta.example/s.json",
                         "https://beta.example/feed"));

    const QList<ConferenceSummary> list = m_repo->list();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, "beta"); // most recently imported first
    QCOMPARE(list.at(0).title, "Beta Conf");
    QCOMPARE(list.at(0).sessionCount, 7);
    QCOMPARE(list.at(0).sourceUrl, "https://beta.example/s.json");
    QCOMPARE(list.at(0).feedUrl, "https://beta.example/feed");
    QCOMPARE(list.at(0).format, "pentabarf-xml");
    QCOMPARE(list.at(0).version, "1.0");
    QCOMPARE(list.at(0).importedAt, at(9));
    QVERIFY(!list.at(0).openedAt.isValid());
    QCOMPARE(list.at(1).id, "alpha");
    QCOMPARE(list.at(1).sessionCount, 3);
    QCOMPARE(list.at(1).sourceUrl, "/home/me/alpha.xml");
    QVERIFY(list.at(1).feedUrl.isEmpty());
    QCOMPARE(list.at(1).importedAt, at(8));

    m_now = at(10);
    QVERIFY(m_repo->markOpened("alpha"));
    QCOMPARE(m_repo->list().at(0).id, "alpha");
    QCOMPARE(m_repo->list().at(0).openedAt, at(10));
}

void TestConferenceRepository::resaveReplacesButKeepsOpened()
{
    QVERIFY(m_repo->save(makeConference("demo", "Old Title", 2), "a.xml"));
    m_now = at(9);
    QVERIFY(m_repo->markOpened("demo"));
    m_now = at(11);
    Conference updated = makeConference("demo", "New Title", 4);
    updated.version = "2.0";
    QVERIFY(m_repo->save(updated, "b.xml", "https://feed"));

    const QList<ConferenceSummary> list = m_repo->list();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).title, "New Title");
    QCOMPARE(list.at(0).sessionCount, 4);
    QCOMPARE(list.at(0).version, "2.0");
    QCOMPARE(list.at(0).sourceUrl, "b.xml");
    QCOMPARE(list.at(0).importedAt, at(11));
    QCOMPARE(list.at(0).openedAt, at(9));
    QCOMPARE(m_repo->load("demo")->title, "New Title");
}

void TestConferenceRepository::lastOpened()
{
    QVERIFY(m_repo->lastOpened().isEmpty());
    QVERIFY(m_repo->save(makeConference("a", "A", 1), "a"));
    QVERIFY(m_repo->save(makeConference("b", "B", 1), "b"));
    QVERIFY(m_repo->lastOpened().isEmpty());

    m_now = at(9);
    QVERIFY(m_repo->markOpened("a"));
    QCOMPARE(m_repo->lastOpened(), "a");
    m_now = at(10);
    QVERIFY(m_repo->markOpened("b"));
    QCOMPARE(m_repo->lastOpened(), "b");
    m_now = at(11);
    QVERIFY(m_repo->markOpened("a"));
    QCOMPARE(m_repo->lastOpened(), "a");

    QVERIFY(!m_repo->markOpened("nope"));
    QCOMPARE(m_repo->lastOpened(), "a");
    QVERIFY(m_repo->remove("a"));
    QCOMPARE(m_repo->lastOpened(), "b");
}

void TestConferenceRepository::openingTheFirstAgainWritesNothing()
{
    QVERIFY(m_repo->save(makeConference("a", "A", 1), "a"));
    QVERIFY(m_repo->save(makeConference("b", "B", 1), "b"));

    // PRAGMA data_version on a second connection changes whenever another connection commits a change.
    const QString observerName = QStringLiteral("observer");
    {
        QSqlDatabase observer = QSqlDatabase::addDatabase("QSQLITE", observerName);
        observer.setDatabaseName(path());
        QVERIFY(observer.open());
        const auto dataVersion = [&observer] {
            QSqlQuery query(observer);
            return query.exec("PRAGMA data_version") && query.next() ? query.value(0).toLongLong() : -1;
        };
        const qint64 before = dataVersion();
        QVERIFY(before >= 0);

        m_now = at(9);
        QVERIFY(m_repo->markOpened("a"));
        const qint64 afterFirst = dataVersion();
        QVERIFY(afterFirst != before);

        m_now = at(10);
        QVERIFY(m_repo->markOpened("a"));
        QCOMPARE(dataVersion(), afterFirst);
        QCOMPARE(m_repo->list().at(0).id, "a");
        QCOMPARE(m_repo->list().at(0).openedAt, at(9));
        QCOMPARE(m_repo->lastOpened(), "a");

        m_now = at(11);
        QVERIFY(m_repo->markOpened("b"));
        QVERIFY(dataVersion() != afterFirst);
        QVERIFY(!m_repo->markOpened("nope"));
        observer.close();
    }
    QSqlDatabase::removeDatabase(observerName);
}

void TestConferenceRepository::openingAnOlderOneMovesItFirst()
{
    QVERIFY(m_repo->save(makeConference("a", "A", 1), "a"));
    QVERIFY(m_repo->save(makeConference("b", "B", 1), "b"));
    const auto order = [this] {
        QStringList ids;
        for (const ConferenceSummary &summary : m_repo->list())
            ids.append(summary.id);
        return ids;
    };
    m_now = at(9);
    QVERIFY(m_repo->markOpened("a"));
    QCOMPARE(order(), (QStringList{"a", "b"}));
    m_now = at(10);
    QVERIFY(m_repo->markOpened("b"));
    QCOMPARE(order(), (QStringList{"b", "a"}));
    m_now = at(11);
    QVERIFY(m_repo->markOpened("a"));
    QCOMPARE(order(), (QStringList{"a", "b"}));
    QCOMPARE(m_repo->list().at(0).openedAt, at(11));
    QCOMPARE(m_repo->lastOpened(), "a");

    // A conference imported after "a" was last opened comes first; opening "a" again puts it back ahead.
    m_now = at(12);
    QVERIFY(m_repo->save(makeConference("c", "C", 1), "c"));
    QCOMPARE(order(), (QStringList{"c", "a", "b"}));
    m_now = at(13);
    QVERIFY(m_repo->markOpened("a"));
    QCOMPARE(order(), (QStringList{"a", "c", "b"}));
    QCOMPARE(m_repo->list().at(0).openedAt, at(13));
}

void TestConferenceRepository::saveWritesFeedAndMetadataTogether()
{
    // Inside an outer transaction that fails, neither the metadata nor the feed is kept.
    QVERIFY(!m_db->transaction([&] { return m_repo->save(makeConference("a", "A", 2), "a") && false; }));
    QVERIFY(m_repo->list().isEmpty());
    QVERIFY(m_repo->feedJson("a").isEmpty());

    QVERIFY(m_db->transaction([&] { return m_repo->save(makeConference("a", "A", 2), "a"); }));
    QCOMPARE(m_repo->list().size(), 1);
    QCOMPARE(m_repo->feedJson("a"), PlenaryFeedWriter::write(makeConference("a", "A", 2)));

    // Saving again replaces the one feed row; removing the conference removes it.
    QVERIFY(m_repo->save(makeConference("a", "A", 4), "a"));
    QCOMPARE(m_repo->load("a")->sessions.size(), 4);
    QVERIFY(m_repo->remove("a"));
    QVERIFY(m_repo->feedJson("a").isEmpty());
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec("SELECT COUNT(*) FROM conference_feeds") && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestConferenceRepository::remove()
{
    QVERIFY(m_repo->save(makeConference("a", "A", 1), "a"));
    QVERIFY(m_repo->save(makeConference("b", "B", 1), "b"));
    QVERIFY(m_repo->remove("a"));
    QVERIFY(!m_repo->remove("a"));
    QVERIFY(!m_repo->load("a").has_value());
    QCOMPARE(m_repo->list().size(), 1);
    QCOMPARE(m_repo->list().at(0).id, "b");
}

void TestConferenceRepository::persistsAcrossReopen()
{
    const Conference conference = makeConference("demo", "Demo", 3);
    QVERIFY(m_repo->save(conference, "src", "feed"));
    QVERIFY(m_repo->markOpened("demo"));
    QVERIFY(m_repo->setSetting("timeDisplay", "venue"));
    m_repo.reset();
    m_db.reset();

    Database db(path());
    QVERIFY(db.open());
    ConferenceRepository repo(db);
    QCOMPARE(repo.list().size(), 1);
    QCOMPARE(repo.list().at(0).sessionCount, 3);
    QCOMPARE(repo.lastOpened(), "demo");
    QCOMPARE(repo.setting("timeDisplay"), "venue");
    const auto loaded = repo.load("demo");
    QVERIFY(loaded.has_value());
    QCOMPARE(PlenaryFeedWriter::write(*loaded), PlenaryFeedWriter::write(conference));
}

void TestConferenceRepository::settings()
{
    QCOMPARE(m_repo->setting("missing"), QString());
    QCOMPARE(m_repo->setting("missing", "fallback"), "fallback");
    QVERIFY(m_repo->setSetting("k", "v1"));
    QCOMPARE(m_repo->setting("k", "fallback"), "v1");
    QVERIFY(m_repo->setSetting("k", "v2"));
    QCOMPARE(m_repo->setting("k"), "v2");
    QVERIFY(m_repo->setSetting("empty", QString()));
    QCOMPARE(m_repo->setting("empty", "fallback"), "");
}

void TestConferenceRepository::refusesConferenceWithoutId()
{
    Conference conference = makeConference("x", "X", 1);
    conference.id.clear();
    QVERIFY(!m_repo->save(conference, "src"));
    QVERIFY(m_repo->list().isEmpty());
}

void TestConferenceRepository::unreadableStoredFeed()
{
    QVERIFY(m_repo->save(makeConference("demo", "Demo", 1), "src"));
    QVERIFY(m_db->exec(
        "UPDATE conference_feeds SET feed_json = X'7B6E6F7420612066656564' WHERE conference_id = 'demo'"));
    QVERIFY(m_repo->load("demo").has_value()); // its snapshot is still good
    QVERIFY(m_db->exec("DELETE FROM conference_snapshots WHERE conference_id = 'demo'"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot read .*stored conference demo"));
    bool snapshotMissing = false;
    QVERIFY(!m_repo->load("demo", &snapshotMissing).has_value());
    QVERIFY(snapshotMissing);
    QCOMPARE(m_repo->list().size(), 1); // still listed, so the user can remove or re-import it
}

void TestConferenceRepository::snapshotsAreReadFirstAndReplacedWhenDamaged()
{
    const Conference original = makeConference("demo", "Demo", 3);
    QVERIFY(m_repo->save(original, "src"));
    bool snapshotMissing = true;
    std::optional<Conference> loaded = m_repo->load("demo", &snapshotMissing);
    QVERIFY(loaded);
    QVERIFY(!snapshotMissing);
    QCOMPARE(loaded->sessions.size(), 3);
    QCOMPARE(loaded->sourceFormat, "pentabarf-xml");

    // A damaged snapshot, or one of another format version, reads as missing: the feed is parsed instead.
    QVERIFY(m_db->exec("UPDATE conference_snapshots SET snapshot = X'504C4E5301000000FF'"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("snapshot of conference .*demo.* is damaged"));
    loaded = m_repo->load("demo", &snapshotMissing);
    QVERIFY(loaded);
    QVERIFY(snapshotMissing);
    QCOMPARE(loaded->sessions.size(), 3);
    QVERIFY(m_repo->saveSnapshot(*loaded));
    QVERIFY(m_repo->load("demo", &snapshotMissing));
    QVERIFY(!snapshotMissing);
    QVERIFY(m_db->exec("UPDATE conference_snapshots SET format = format + 1"));
    QVERIFY(m_repo->load("demo", &snapshotMissing));
    QVERIFY(snapshotMissing);

    // A snapshot belongs to a stored conference: none for one that is not kept, and it goes with it.
    QVERIFY(!m_repo->saveSnapshot(makeConference("other", "Other", 1)));
    QVERIFY(m_repo->remove("demo"));
    QSqlQuery count(m_db->connection());
    QVERIFY(count.exec("SELECT COUNT(*) FROM conference_snapshots") && count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestConferenceRepository::readDetachedOnAnotherThread()
{
    QTest::failOnWarning(QRegularExpression("still in use|duplicate connection name"));
    const auto readOnAThread = [this](const QString &id = {}) {
        return std::async(std::launch::async,
                          [path = path(), id] { return ConferenceRepository::readDetached(path, id); })
            .get();
    };
    QVERIFY(readOnAThread().id.isEmpty()); // nothing kept
    QVERIFY(m_repo->save(makeConference("a", "A", 2), "a"));
    m_now = at(9);
    QVERIFY(m_repo->save(makeConference("b", "B", 3), "b"));
    DetachedConferenceRead read = readOnAThread(); // never opened: the newest kept
    QCOMPARE(read.id, "b");
    QVERIFY(read.conference);
    QCOMPARE(read.conference->sessions.size(), 3);
    QCOMPARE(read.conference->sourceFormat, "pentabarf-xml");

    m_now = at(10);
    QVERIFY(m_repo->markOpened("a"));
    QCOMPARE(readOnAThread().id, "a");
    QCOMPARE(readOnAThread("b").conference->title, "B");
    QVERIFY(!readOnAThread("nope").conference);

    // While this thread is in the middle of writing, the reader sees the last committed state.
    QVERIFY(m_db->transaction([&] {
        m_now = at(11);
        return m_repo->markOpened("b") && readOnAThread().id == "a";
    }));
    QCOMPARE(readOnAThread().id, "b");

    QVERIFY(m_db->exec(
        "UPDATE conference_feeds SET feed_json = X'7B6E6F7420612066656564' WHERE conference_id = 'b'"));
    QVERIFY(readOnAThread("b").conference); // from its snapshot
    QVERIFY(!readOnAThread("b").snapshotMissing);
    QVERIFY(m_db->exec("DELETE FROM conference_snapshots WHERE conference_id = 'b'"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot read .*stored conference b"));
    read = readOnAThread();
    QCOMPARE(read.id, "b");
    QVERIFY(!read.conference);
    QCOMPARE(QSqlDatabase::connectionNames().size(), 1); // the repository's own
}

void TestConferenceRepository::readDetachedNeverCreatesTheFile()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.sqlite"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot read .*missing.sqlite"));
    const DetachedConferenceRead read = ConferenceRepository::readDetached(missing);
    QVERIFY(read.id.isEmpty());
    QVERIFY(!read.conference);
    QVERIFY(!QFileInfo::exists(missing));
    QCOMPARE(m_repo->databasePath(), path());
    m_db->close();
    QVERIFY(m_repo->databasePath().isEmpty());
}

QTEST_GUILESS_MAIN(TestConferenceRepository)
#include "tst_conferencerepository.moc"
