// SeatStateRepository's last known seat figures per feed server: round trip across reopening, replacement,
// separate servers, and that a store which fails part-way leaves the previous figures whole.
#include "database.h"
#include "seatstaterepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

namespace {

const QString Server = "http://127.0.0.1:8080";
const QDateTime When(QDate(2027, 5, 11), QTime(9, 30), Qt::UTC);

LiveSeats figures(const QString &id, int capacity, int taken, int waitlist, qint64 version,
                  const QDateTime &updatedAt = {})
{
    return {id, capacity, taken, waitlist, version, updatedAt};
}

} // namespace

class TestSeatStateRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void seatsSurviveReopen();
    void storeReplacesAllFigures();
    void serversAreSeparate();
    void invalidSnapshotOrClosedDatabaseRefuses();
    void failedStoreKeepsPreviousFigures();

private:
    QString dbPath() const { return m_dir->filePath("app.sqlite"); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSeatStateRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSeatStateRepository::seatsSurviveReopen()
{
    const SeatSnapshot written{
        42, When, {figures("lab", 12, 12, 2, 41, When.addSecs(-60)), figures("talk", 300, 17, 0, 3)}};
    {
        Database db(dbPath());
        QVERIFY(db.open());
        SeatStateRepository state(db);
        QVERIFY(!state.seats(Server));
        QVERIFY(state.storeSeats(Server, written));
    }
    Database db(dbPath());
    QVERIFY(db.open());
    const std::optional<SeatSnapshot> read = SeatStateRepository(db).seats(Server);
    QVERIFY(read);
    QCOMPARE(read->version, 42);
    QCOMPARE(read->updatedAt, When);
    QCOMPARE(read->sessions, written.sessions);
}

void TestSeatStateRepository::storeReplacesAllFigures()
{
    Database db(dbPath());
    QVERIFY(db.open());
    SeatStateRepository state(db);
    QVERIFY(state.storeSeats(Server, {1, When, {figures("a", 10, 1, 0, 1), figures("b", 10, 2, 0, 1)}}));
    QVERIFY(state.storeSeats(Server,
                             {2, When.addSecs(30), {figures("b", 10, 3, 0, 2), figures("", 1, 1, 0, 2)}}));
    const std::optional<SeatSnapshot> read = state.seats(Server);
    QVERIFY(read);
    QCOMPARE(read->version, 2);
    QCOMPARE(read->updatedAt, When.addSecs(30));
    QCOMPARE(read->sessions, (QList<LiveSeats>{figures("b", 10, 3, 0, 2)}));
}

void TestSeatStateRepository::serversAreSeparate()
{
    Database db(dbPath());
    QVERIFY(db.open());
    SeatStateRepository state(db);
    QVERIFY(state.storeSeats(Server, {5, When, {figures("a", 10, 1, 0, 5)}}));
    QVERIFY(state.storeSeats("https://other.example", {9, When, {figures("a", 20, 20, 4, 9)}}));
    QCOMPARE(state.seats(Server)->sessions, (QList<LiveSeats>{figures("a", 10, 1, 0, 5)}));
    QCOMPARE(state.seats("https://other.example")->sessions, (QList<LiveSeats>{figures("a", 20, 20, 4, 9)}));
}

void TestSeatStateRepository::invalidSnapshotOrClosedDatabaseRefuses()
{
    Database db(dbPath());
    QVERIFY(db.open());
    SeatStateRepository state(db);
    QVERIFY(!state.storeSeats(Server, {1, QDateTime(), {figures("a", 1, 0, 0, 1)}}));
    QVERIFY(!state.seats(Server));
    db.close();
    QVERIFY(!state.storeSeats(Server, {1, When, {}}));
    QVERIFY(!state.seats(Server));
}

void TestSeatStateRepository::failedStoreKeepsPreviousFigures()
{
    Database db(dbPath());
    QVERIFY(db.open());
    SeatStateRepository state(db);
    const SeatSnapshot before{7, When, {figures("a", 10, 1, 0, 7), figures("b", 10, 2, 0, 7)}};
    QVERIFY(state.storeSeats(Server, before));

    // Make the second row of the next store fail, after the old figures were deleted and the first was
    // written.
    QVERIFY(db.exec("CREATE TEMP TRIGGER refuse_poison BEFORE INSERT ON seat_figures"
                    " WHEN NEW.session_id = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
    QVERIFY(!state.storeSeats(
        Server, {8, When.addSecs(60), {figures("a", 10, 5, 0, 8), figures("poison", 1, 0, 0, 8)}}));

    const std::optional<SeatSnapshot> read = state.seats(Server);
    QVERIFY(read);
    QCOMPARE(read->version, 7);
    QCOMPARE(read->updatedAt, When);
    QCOMPARE(read->sessions, before.sessions);
}

QTEST_GUILESS_MAIN(TestSeatStateRepository)
#include "tst_seatstaterepository.moc"
