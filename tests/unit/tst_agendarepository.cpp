#include "agendarepository.h"
#include "conferencerepository.h"
#include "database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

namespace {

Session makeSession(const QString &id, const QDateTime &start)
{
    Session session;
    session.id = id;
    session.guid = id.section(QLatin1Char('#'), 0, 0);
    session.title = QStringLiteral("Session ") + id;
    session.start = start;
    session.end = start.addSecs(1800);
    return session;
}

Conference makeConference(const QString &id, const QList<Session> &sessions)
{
    Conference conference;
    conference.id = id;
    conference.title = id.toUpper();
    conference.timeZone = QTimeZone("Europe/Brussels");
    conference.sessions = sessions;
    conference.normalize();
    return conference;
}

const QTimeZone kBrussels("Europe/Brussels");

} // namespace

class TestAgendaRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addContainsRemove();
    void addTwiceKeepsFirstAddedAt();
    void favouritesInStartOrder();
    void conferencesAreSeparate();
    void unknownConferenceIsRefused();
    void survivesResaveAndGoesWithConference();
    void persistsAcrossReopen();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("plenary.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConferenceRepository> m_conferences;
    std::unique_ptr<AgendaRepository> m_agenda;
    QDateTime m_now;
    QList<Session> m_sessions;
};

void TestAgendaRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(path());
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_conferences = std::make_unique<ConferenceRepository>(*m_db);
    m_agenda = std::make_unique<AgendaRepository>(*m_db);
    m_now = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    m_agenda->setClock([this] { return m_now; });

    const QDateTime day(QDate(2026, 2, 7), QTime(10, 0), kBrussels);
    m_sessions = {makeSession("keynote", day), makeSession("rust", day.addSecs(7200)),
                  makeSession("qt", day.addSecs(3600)), makeSession("workshop", day.addDays(1))};
    QVERIFY(m_conferences->save(makeConference("fosdem", m_sessions), "fosdem.xml"));
    QVERIFY(m_conferences->save(makeConference("akademy", m_sessions), "akademy.xml"));
}

void TestAgendaRepository::cleanup()
{
    m_agenda.reset();
    m_conferences.reset();
    m_db.reset();
}

void TestAgendaRepository::addContainsRemove()
{
    QVERIFY(!m_agenda->contains("fosdem", "rust"));
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(1)));
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(2)));
    QVERIFY(m_agenda->contains("fosdem", "rust"));
    QVERIFY(m_agenda->contains("fosdem", "qt"));
    QVERIFY(!m_agenda->contains("fosdem", "keynote"));
    QCOMPARE(m_agenda->sessionIds("fosdem"), (QSet<QString>{"rust", "qt"}));

    QVERIFY(m_agenda->remove("fosdem", "rust"));
    QVERIFY(!m_agenda->remove("fosdem", "rust"));
    QVERIFY(!m_agenda->contains("fosdem", "rust"));
    QCOMPARE(m_agenda->sessionIds("fosdem"), QSet<QString>{"qt"});
}

void TestAgendaRepository::addTwiceKeepsFirstAddedAt()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    m_now = m_now.addSecs(600);
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    const QList<Favourite> favourites = m_agenda->favourites("fosdem");
    QCOMPARE(favourites.size(), 1);
    QCOMPARE(favourites.at(0).addedAt, QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC));
}

void TestAgendaRepository::favouritesInStartOrder()
{
    for (int i : {3, 1, 0, 2})
        QVERIFY(m_agenda->add("fosdem", m_sessions.at(i)));
    Session noStart = makeSession("tba", QDateTime());
    QVERIFY(m_agenda->add("fosdem", noStart));

    const QList<Favourite> favourites = m_agenda->favourites("fosdem");
    QStringList ids;
    for (const Favourite &favourite : favourites)
        ids.append(favourite.sessionId);
    QCOMPARE(ids, (QStringList{"keynote", "qt", "rust", "workshop", "tba"}));
    QCOMPARE(favourites.at(2).guid, "rust");
    QCOMPARE(favourites.at(2).startUtc, m_sessions.at(1).start.toUTC());
    QCOMPARE(favourites.at(2).startUtc.timeSpec(), Qt::UTC);
    QVERIFY(!favourites.at(4).startUtc.isValid());
}

void TestAgendaRepository::conferencesAreSeparate()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    QVERIFY(m_agenda->add("akademy", m_sessions.at(1)));
    QCOMPARE(m_agenda->sessionIds("fosdem"), QSet<QString>{"keynote"});
    QCOMPARE(m_agenda->sessionIds("akademy"), QSet<QString>{"rust"});
    QVERIFY(!m_agenda->contains("akademy", "keynote"));
    QVERIFY(!m_agenda->remove("akademy", "keynote"));
}

void TestAgendaRepository::unknownConferenceIsRefused()
{
    QVERIFY(!m_agenda->add("nope", m_sessions.at(0)));
    QVERIFY(m_agenda->sessionIds("nope").isEmpty());
    QVERIFY(!m_agenda->add("fosdem", Session()));
}

void TestAgendaRepository::survivesResaveAndGoesWithConference()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(0)));
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(3)));
    QVERIFY(m_agenda->add("akademy", m_sessions.at(3)));

    // An updated schedule where "workshop" vanished: the favourite stays, to be shown as gone.
    QVERIFY(m_conferences->save(makeConference("fosdem", m_sessions.mid(0, 3)), "fosdem.xml"));
    QCOMPARE(m_agenda->sessionIds("fosdem"), (QSet<QString>{"keynote", "workshop"}));

    QVERIFY(m_conferences->remove("fosdem"));
    QVERIFY(m_agenda->sessionIds("fosdem").isEmpty());
    QCOMPARE(m_agenda->sessionIds("akademy"), QSet<QString>{"workshop"});
}

void TestAgendaRepository::persistsAcrossReopen()
{
    QVERIFY(m_agenda->add("fosdem", m_sessions.at(2)));
    cleanup();
    Database db(path());
    QVERIFY(db.open());
    AgendaRepository agenda(db);
    QCOMPARE(agenda.sessionIds("fosdem"), QSet<QString>{"qt"});
    QCOMPARE(agenda.favourites("fosdem").at(0).guid, "qt");
}

QTEST_GUILESS_MAIN(TestAgendaRepository)
#include "tst_agendarepository.moc"
