// OutboxRepository: order, persistence across reopening the database, unique idempotency keys, attempts; and
// SeatStateRepository's token and reservations kept next to it.
#include "database.h"
#include "outboxrepository.h"
#include "seatstaterepository.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

class TestOutboxRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void keepsOrderAndSurvivesReopen();
    void idempotencyKeysAreUniqueAndKept();
    void attemptsAndRemoval();
    void serversAreSeparate();
    void closedDatabaseRefuses();
    void seatStateTokenAndReservations();

private:
    QString dbPath() const { return m_dir->filePath("app.sqlite"); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

const QString Server = "http://127.0.0.1:8080";

void TestOutboxRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestOutboxRepository::keepsOrderAndSurvivesReopen()
{
    const QDateTime t0(QDate(2027, 5, 11), QTime(9, 0), Qt::UTC);
    QStringList keys;
    {
        Database db(dbPath());
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        OutboxRepository outbox(db);
        int minute = 0;
        outbox.setClock([&] { return t0.addSecs(60 * minute++); });
        const auto a = outbox.enqueue(Server, OutboxEntry::Action::Reserve, "lab");
        const auto b = outbox.enqueue(Server, OutboxEntry::Action::JoinWaitlist, "tiny");
        const auto c = outbox.enqueue(Server, OutboxEntry::Action::Cancel, "lab");
        QVERIFY(a && b && c);
        QVERIFY(a->id < b->id && b->id < c->id);
        keys = {a->idempotencyKey, b->idempotencyKey, c->idempotencyKey};
        QCOMPARE(outbox.count(Server), 3);
    }
    Database db(dbPath());
    QVERIFY(db.open());
    OutboxRepository outbox(db);
    const QList<OutboxEntry> pending = outbox.pending(Server);
    QCOMPARE(pending.size(), 3);
    QCOMPARE(pending.at(0).sessionId, "lab");
    QCOMPARE(pending.at(0).action, OutboxEntry::Action::Reserve);
    QCOMPARE(pending.at(1).action, OutboxEntry::Action::JoinWaitlist);
    QCOMPARE(pending.at(1).sessionId, "tiny");
    QCOMPARE(pending.at(2).action, OutboxEntry::Action::Cancel);
    QCOMPARE(pending.at(0).createdAt, t0);
    QCOMPARE(pending.at(2).createdAt, t0.addSecs(120));
    QCOMPARE((QStringList{pending.at(0).idempotencyKey, pending.at(1).idempotencyKey,
                          pending.at(2).idempotencyKey}),
             keys);
    QCOMPARE(outbox.first(Server)->id, pending.at(0).id);
}

void TestOutboxRepository::idempotencyKeysAreUniqueAndKept()
{
    Database db(dbPath());
    QVERIFY(db.open());
    OutboxRepository outbox(db);
    QSet<QString> keys;
    for (int i = 0; i < 50; ++i) {
        const auto entry = outbox.enqueue(Server, OutboxEntry::Action::Reserve, "lab");
        QVERIFY(entry);
        QVERIFY(entry->idempotencyKey.size() >= 16);
        QVERIFY(entry->idempotencyKey.size() <= 200);
        keys.insert(entry->idempotencyKey);
    }
    QCOMPARE(keys.size(), 50);

    OutboxEntry copy;
    copy.server = Server;
    copy.sessionId = "lab";
    copy.idempotencyKey = *keys.begin();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(".*UNIQUE.*|.*unique.*|.*constraint.*"));
    QVERIFY(!outbox.enqueue(copy));
    QCOMPARE(outbox.count(Server), 50);

    OutboxEntry carried;
    carried.server = Server;
    carried.sessionId = "tiny";
    carried.action = OutboxEntry::Action::JoinWaitlist;
    carried.idempotencyKey = "carried-over-key-1";
    QVERIFY(outbox.enqueue(carried));
    QVERIFY(carried.id > 0);
    QCOMPARE(outbox.pending(Server).constLast().idempotencyKey, "carried-over-key-1");
}

void TestOutboxRepository::attemptsAndRemoval()
{
    Database db(dbPath());
    QVERIFY(db.open());
    OutboxRepository outbox(db);
    const auto a = outbox.enqueue(Server, OutboxEntry::Action::Reserve, "lab");
    const auto b = outbox.enqueue(Server, OutboxEntry::Action::Reserve, "race");
    QVERIFY(outbox.recordAttempt(a->id, "connection refused"));
    QVERIFY(outbox.recordAttempt(a->id, "http-503"));
    QCOMPARE(outbox.first(Server)->attempts, 2);
    QCOMPARE(outbox.first(Server)->lastError, "http-503");
    QVERIFY(outbox.remove(a->id));
    QVERIFY(!outbox.remove(a->id));
    QVERIFY(!outbox.recordAttempt(a->id, "gone"));
    QCOMPARE(outbox.first(Server)->id, b->id);
    QCOMPARE(outbox.first(Server)->attempts, 0);
    QVERIFY(outbox.remove(b->id));
    QVERIFY(!outbox.first(Server));
    QCOMPARE(outbox.count(Server), 0);
}

void TestOutboxRepository::serversAreSeparate()
{
    Database db(dbPath());
    QVERIFY(db.open());
    OutboxRepository outbox(db);
    QVERIFY(outbox.enqueue(Server, OutboxEntry::Action::Reserve, "lab"));
    QVERIFY(outbox.enqueue("http://other", OutboxEntry::Action::Cancel, "x"));
    QCOMPARE(outbox.count(Server), 1);
    QCOMPARE(outbox.pending("http://other").constFirst().sessionId, "x");
    QCOMPARE(OutboxEntry::actionFromName(u"waitlist"), OutboxEntry::Action::JoinWaitlist);
    QVERIFY(!OutboxEntry::actionFromName(u"explode"));
}

void TestOutboxRepository::closedDatabaseRefuses()
{
    Database db(dbPath());
    OutboxRepository outbox(db);
    QVERIFY(!outbox.enqueue(Server, OutboxEntry::Action::Reserve, "lab"));
    QCOMPARE(outbox.count(Server), 0);
    QVERIFY(outbox.pending(Server).isEmpty());
    QVERIFY(db.open());
    QVERIFY(!outbox.enqueue(Server, OutboxEntry::Action::Reserve, QString()));
}

void TestOutboxRepository::seatStateTokenAndReservations()
{
    const QDateTime when(QDate(2027, 5, 11), QTime(9, 30), Qt::UTC);
    {
        Database db(dbPath());
        QVERIFY(db.open());
        SeatStateRepository state(db);
        QCOMPARE(state.token(Server), QString());
        QVERIFY(state.setToken(Server, "tok-1"));
        QVERIFY(state.setToken(Server, "tok-2"));
        QVERIFY(state.replaceReservations(
            Server, {{"lab", 7, "confirmed", 0, when}, {"tiny", 9, "waitlisted", 2, when}}));
    }
    Database db(dbPath());
    QVERIFY(db.open());
    SeatStateRepository state(db);
    QCOMPARE(state.token(Server), "tok-2");
    const QList<StoredReservation> stored = state.reservations(Server);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(1), (StoredReservation{"tiny", 9, "waitlisted", 2, when}));
    QVERIFY(state.setToken(Server, QString()));
    QCOMPARE(state.token(Server), QString());
    QVERIFY(state.reservations(Server).isEmpty());
}

QTEST_GUILESS_MAIN(TestOutboxRepository)
#include "tst_outboxrepository.moc"
