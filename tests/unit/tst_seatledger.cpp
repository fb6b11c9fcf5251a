// Table tests of the seat ledger's rules, without HTTP: capacity edge cases, idempotency, FCFS waitlist,
// promotions in the same transaction, overlaps, capacity changes and persistence.
#include "seatledger.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace Plenary;
using Outcome = SeatLedger::ReserveOutcome;
using Mode = SeatLedger::ReserveMode;

Q_DECLARE_METATYPE(std::optional<int>)
Q_DECLARE_METATYPE(Plenary::SeatLedger::ReserveOutcome)

namespace {
const QTimeZone NewYork("America/New_York");

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2027, 5, day), QTime(hour, minute), NewYork);
}

LedgerSession session(const QString &id, std::optional<int> capacity, const QDateTime &start = at(11, 9),
                      const QDateTime &end = at(11, 12))
{
    return LedgerSession{id, id, start, end, capacity};
}

QString attendee(int i)
{
    return QStringLiteral("a-%1").arg(i, 3, 10, QLatin1Char('0'));
}
} // namespace

class TestSeatLedger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void reserve_data();
    void reserve();
    void reserveIsIdempotentPerAttendeeAndSession();
    void idempotencyKeyReplaysTheFirstAnswer();
    void cancelPromotesFirstWaitlistedInSameTransaction();
    void waitlistIsFirstComeFirstServed();
    void leavingTheWaitlistMovesOthersUp();
    void anotherAttendeesReservationIsNotFound();
    void overlap_data();
    void overlap();
    void capacityChangePromotesAndNeverCancels();
    void capacityValidation();
    void feedSyncUpdatesPromotesAndUnlists();
    void seedIsAppliedOnceAndServedFirst();
    void persistsAcrossReopen();
    void versionGrowsWithEveryChangeOnly();
    void changedIsEmittedOncePerCommittedChange();
    void integrityCheckFindsProblems();
    void refusesUnusableFiles();

private:
    std::unique_ptr<SeatLedger> openLedger();
    SeatAvailability seats(const QString &id) const
    {
        return m_ledger->availability(id).value_or(SeatAvailability{});
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
};

std::unique_ptr<SeatLedger> TestSeatLedger::openLedger()
{
    auto ledger = std::make_unique<SeatLedger>(m_dir->filePath(QStringLiteral("ledger.sqlite")));
    ledger->setClock([] { return QDateTime(QDate(2027, 5, 1), QTime(12, 0), Qt::UTC); });
    if (!ledger->open())
        qWarning() << ledger->errorString();
    return ledger;
}

void TestSeatLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ledger = openLedger();
    QVERIFY(m_ledger->errorString().isEmpty());
}

void TestSeatLedger::cleanup()
{
    if (m_ledger && !QTest::currentTestFailed())
        QCOMPARE(m_ledger->integrityProblems(), QStringList());
    m_ledger.reset();
    m_dir.reset();
}

void TestSeatLedger::reserve_data()
{
    QTest::addColumn<std::optional<int>>("capacity");
    QTest::addColumn<int>("taken");
    QTest::addColumn<bool>("waitlist");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<int>("takenAfter");
    QTest::addColumn<int>("waitlistAfter");
    QTest::addColumn<int>("position");

    QTest::newRow("capacity 0, seat") << std::optional<int>(0) << 0 << false << Outcome::Full << 0 << 0 << 0;
    QTest::newRow("capacity 0, waitlist")
        << std::optional<int>(0) << 0 << true << Outcome::Waitlisted << 0 << 1 << 1;
    QTest::newRow("capacity 1, free")
        << std::optional<int>(1) << 0 << false << Outcome::Confirmed << 1 << 0 << 0;
    QTest::newRow("capacity 1, free, waitlist allowed")
        << std::optional<int>(1) << 0 << true << Outcome::Confirmed << 1 << 0 << 0;
    QTest::newRow("capacity 1, full") << std::optional<int>(1) << 1 << false << Outcome::Full << 1 << 0 << 0;
    QTest::newRow("capacity 1, full, waitlist")
        << std::optional<int>(1) << 1 << true << Outcome::Waitlisted << 1 << 1 << 1;
    QTest::newRow("last seat") << std::optional<int>(40) << 39 << false << Outcome::Confirmed << 40 << 0 << 0;
    QTest::newRow("full") << std::optional<int>(40) << 40 << false << Outcome::Full << 40 << 0 << 0;
    QTest::newRow("over-full") << std::optional<int>(2) << 3 << false << Outcome::Full << 3 << 0 << 0;
    QTest::newRow("over-full, waitlist")
        << std::optional<int>(2) << 3 << true << Outcome::Waitlisted << 3 << 1 << 1;
    QTest::newRow("not seat-limited")
        << std::optional<int>() << 0 << true << Outcome::NotSeatLimited << 0 << 0 << 0;
}

void TestSeatLedger::reserve()
{
    QFETCH(std::optional<int>, capacity);
    QFETCH(int, taken);
    QFETCH(bool, waitlist);
    QFETCH(Outcome, outcome);
    QFETCH(int, takenAfter);
    QFETCH(int, waitlistAfter);
    QFETCH(int, position);

    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), capacity)}).ok);
    if (taken > 0)
        QCOMPARE(m_ledger->seed(QStringLiteral("s"), taken, 0), SeatLedger::SeedOutcome::Seeded);

    const auto result = m_ledger->reserve(QStringLiteral("me"), QStringLiteral("s"),
                                          waitlist ? Mode::SeatOrWaitlist : Mode::SeatOnly);
    QCOMPARE(result.outcome, outcome);
    if (outcome == Outcome::Confirmed || outcome == Outcome::Waitlisted) {
        QCOMPARE(result.reservation.attendeeId, QStringLiteral("me"));
        QCOMPARE(result.reservation.status, outcome == Outcome::Confirmed ? Reservation::Status::Confirmed
                                                                          : Reservation::Status::Waitlisted);
        QCOMPARE(result.reservation.position, position);
    }
    if (capacity) {
        QCOMPARE(seats(QStringLiteral("s")).taken, takenAfter);
        QCOMPARE(seats(QStringLiteral("s")).waitlist, waitlistAfter);
    } else {
        QVERIFY(!m_ledger->availability(QStringLiteral("s")));
    }
    QCOMPARE(m_ledger->reserve(QStringLiteral("me"), QStringLiteral("nope"), Mode::SeatOrWaitlist).outcome,
             Outcome::UnknownSession);
}

void TestSeatLedger::reserveIsIdempotentPerAttendeeAndSession()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 1)}).ok);
    const auto first = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    QCOMPARE(first.outcome, Outcome::Confirmed);
    for (int i = 0; i < 3; ++i) {
        const auto again = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOrWaitlist);
        QCOMPARE(again.outcome, Outcome::AlreadyConfirmed);
        QCOMPARE(again.reservation.id, first.reservation.id);
    }
    const auto waiting = m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    QCOMPARE(waiting.outcome, Outcome::Waitlisted);
    const auto waitingAgain =
        m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    QCOMPARE(waitingAgain.outcome, Outcome::AlreadyWaitlisted);
    QCOMPARE(waitingAgain.reservation.id, waiting.reservation.id);
    QCOMPARE(waitingAgain.reservation.position, 1);
    QCOMPARE(seats(QStringLiteral("s")).taken, 1);
    QCOMPARE(seats(QStringLiteral("s")).waitlist, 1);
}

void TestSeatLedger::idempotencyKeyReplaysTheFirstAnswer()
{
    QVERIFY(m_ledger
                ->syncSessions(
                    {session(QStringLiteral("s"), 5), session(QStringLiteral("t"), 5, at(12, 9), at(12, 10))})
                .ok);
    const auto first =
        m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly, QStringLiteral("k1"));
    QCOMPARE(first.outcome, Outcome::Confirmed);
    QVERIFY(!first.replayed);
    QCOMPARE(m_ledger->cancel(QStringLiteral("a"), first.reservation.id).outcome,
             SeatLedger::CancelOutcome::Cancelled);

    // A retry of the first request after the cancel must not take a seat again.
    const auto retry =
        m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly, QStringLiteral("k1"));
    QCOMPARE(retry.outcome, Outcome::Confirmed);
    QVERIFY(retry.replayed);
    QCOMPARE(retry.reservation.id, first.reservation.id);
    QCOMPARE(retry.reservation.status, Reservation::Status::Cancelled);
    QCOMPARE(seats(QStringLiteral("s")).taken, 0);

    QCOMPARE(m_ledger->reserve(QStringLiteral("a"), QStringLiteral("t"), Mode::SeatOnly, QStringLiteral("k1"))
                 .outcome,
             Outcome::IdempotencyConflict);
    // Keys belong to one attendee: another attendee's "k1" is a new request.
    QCOMPARE(m_ledger->reserve(QStringLiteral("b"), QStringLiteral("t"), Mode::SeatOnly, QStringLiteral("k1"))
                 .outcome,
             Outcome::Confirmed);
    // A new key is a new request.
    QCOMPARE(m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly, QStringLiteral("k2"))
                 .outcome,
             Outcome::Confirmed);
    QCOMPARE(seats(QStringLiteral("s")).taken, 1);
}

void TestSeatLedger::cancelPromotesFirstWaitlistedInSameTransaction()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 1)}).ok);
    const auto a = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    const auto b = m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    const auto c = m_ledger->reserve(QStringLiteral("c"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    const auto d = m_ledger->reserve(QStringLiteral("d"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    QCOMPARE(a.outcome, Outcome::Confirmed);
    QCOMPARE(b.reservation.position, 1);
    QCOMPARE(c.reservation.position, 2);
    QCOMPARE(d.reservation.position, 3);

    const qint64 before = m_ledger->version();
    const auto cancelled = m_ledger->cancel(QStringLiteral("a"), a.reservation.id);
    QCOMPARE(cancelled.outcome, SeatLedger::CancelOutcome::Cancelled);
    QCOMPARE(cancelled.reservation.status, Reservation::Status::Cancelled);
    QCOMPARE(cancelled.promotions,
             QList<Promotion>({Promotion{b.reservation.id, QStringLiteral("s"), QStringLiteral("b")}}));
    QCOMPARE(m_ledger->version(), before + 1); // cancel and promotion are one change
    QCOMPARE(seats(QStringLiteral("s")).version, before + 1);

    QCOMPARE(m_ledger->reservation(QStringLiteral("b"), b.reservation.id)->status,
             Reservation::Status::Confirmed);
    QCOMPARE(m_ledger->reservation(QStringLiteral("c"), c.reservation.id)->position, 1);
    QCOMPARE(m_ledger->reservation(QStringLiteral("d"), d.reservation.id)->position, 2);
    QCOMPARE(seats(QStringLiteral("s")).taken, 1);
    QCOMPARE(seats(QStringLiteral("s")).waitlist, 2);

    const auto again = m_ledger->cancel(QStringLiteral("a"), a.reservation.id);
    QCOMPARE(again.outcome, SeatLedger::CancelOutcome::AlreadyCancelled);
    QVERIFY(again.promotions.isEmpty());
    QCOMPARE(m_ledger->version(), before + 1);
}

void TestSeatLedger::waitlistIsFirstComeFirstServed()
{
    const int capacity = 3;
    const int people = 25;
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), capacity)}).ok);
    QList<int> order(people);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());

    QList<QString> confirmed;
    QList<QString> queue;
    QHash<QString, qint64> ids;
    for (int i : std::as_const(order)) {
        const auto r = m_ledger->reserve(attendee(i), QStringLiteral("s"), Mode::SeatOrWaitlist);
        ids.insert(attendee(i), r.reservation.id);
        if (r.outcome == Outcome::Confirmed) {
            confirmed.append(attendee(i));
        } else {
            QCOMPARE(r.outcome, Outcome::Waitlisted);
            queue.append(attendee(i));
            QCOMPARE(r.reservation.position, queue.size());
        }
    }
    QCOMPARE(confirmed.size(), capacity);
    QCOMPARE(confirmed, QList<QString>({attendee(order[0]), attendee(order[1]), attendee(order[2])}));

    // Cancel confirmed seats one by one, in a random order: the head of the queue gets each one.
    while (!queue.isEmpty()) {
        const QString leaving = confirmed.takeAt(QRandomGenerator::global()->bounded(int(confirmed.size())));
        const auto result = m_ledger->cancel(leaving, ids.value(leaving));
        QCOMPARE(result.promotions.size(), 1);
        QCOMPARE(result.promotions.first().attendeeId, queue.first());
        confirmed.append(queue.takeFirst());
        QCOMPARE(seats(QStringLiteral("s")).taken, capacity);
        QCOMPARE(seats(QStringLiteral("s")).waitlist, queue.size());
        for (qsizetype p = 0; p < queue.size(); ++p)
            QCOMPARE(m_ledger->reservation(queue[p], ids.value(queue[p]))->position, p + 1);
    }
}

void TestSeatLedger::leavingTheWaitlistMovesOthersUp()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 0)}).ok);
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i)
        ids.append(m_ledger->reserve(attendee(i), QStringLiteral("s"), Mode::SeatOrWaitlist).reservation.id);
    const auto left = m_ledger->cancel(attendee(1), ids[1]);
    QCOMPARE(left.outcome, SeatLedger::CancelOutcome::Cancelled);
    QVERIFY(left.promotions.isEmpty());
    QCOMPARE(m_ledger->reservation(attendee(0), ids[0])->position, 1);
    QCOMPARE(m_ledger->reservation(attendee(2), ids[2])->position, 2);
    QCOMPARE(m_ledger->reservation(attendee(3), ids[3])->position, 3);
    QCOMPARE(seats(QStringLiteral("s")).waitlist, 3);
    // Joining again goes to the back.
    const auto back = m_ledger->reserve(attendee(1), QStringLiteral("s"), Mode::SeatOrWaitlist);
    QCOMPARE(back.reservation.position, 4);
    QVERIFY(back.reservation.id != ids[1]);
    QCOMPARE(m_ledger->reservationsOf(attendee(1)).size(), 1);
    QCOMPARE(m_ledger->reservationsOf(attendee(1), true).size(), 2);
}

void TestSeatLedger::anotherAttendeesReservationIsNotFound()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 2)}).ok);
    const auto mine = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    QCOMPARE(m_ledger->cancel(QStringLiteral("b"), mine.reservation.id).outcome,
             SeatLedger::CancelOutcome::NotFound);
    QVERIFY(!m_ledger->reservation(QStringLiteral("b"), mine.reservation.id));
    QVERIFY(m_ledger->reservationsOf(QStringLiteral("b")).isEmpty());
    QCOMPARE(m_ledger->reservation(QStringLiteral("a"), mine.reservation.id)->status,
             Reservation::Status::Confirmed);
    QCOMPARE(m_ledger->cancel(QStringLiteral("a"), 999999).outcome, SeatLedger::CancelOutcome::NotFound);
    QCOMPARE(seats(QStringLiteral("s")).taken, 1);
}

void TestSeatLedger::overlap_data()
{
    QTest::addColumn<bool>("forbid");
    QTest::addColumn<QString>("held");
    QTest::addColumn<bool>("heldOnWaitlist");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<Outcome>("outcome");

    // lab 09:00-12:00, overlapping 11:00-13:00, after 12:00-14:00 (back to back), other day 09:00-12:00
    QTest::newRow("overlap forbidden") << true << "lab" << false << "overlapping" << Outcome::Overlap;
    QTest::newRow("overlap forbidden, held on waitlist")
        << true << "lab" << true << "overlapping" << Outcome::Overlap;
    QTest::newRow("overlap allowed") << false << "lab" << false << "overlapping" << Outcome::Confirmed;
    QTest::newRow("back to back") << true << "lab" << false << "after" << Outcome::Confirmed;
    QTest::newRow("same time, other day") << true << "lab" << false << "other-day" << Outcome::Confirmed;
    QTest::newRow("contained") << true << "overlapping" << false << "inner" << Outcome::Overlap;
    QTest::newRow("no times") << true << "lab" << false << "untimed" << Outcome::Confirmed;
}

void TestSeatLedger::overlap()
{
    QFETCH(bool, forbid);
    QFETCH(QString, held);
    QFETCH(bool, heldOnWaitlist);
    QFETCH(QString, wanted);
    QFETCH(Outcome, outcome);

    m_ledger->setForbidOverlaps(forbid);
    QVERIFY(m_ledger
                ->syncSessions({
                    session(QStringLiteral("lab"), heldOnWaitlist ? 0 : 5, at(11, 9), at(11, 12)),
                    session(QStringLiteral("overlapping"), 5, at(11, 11), at(11, 13)),
                    session(QStringLiteral("inner"), 5, at(11, 11, 30), at(11, 12, 30)),
                    session(QStringLiteral("after"), 5, at(11, 12), at(11, 14)),
                    session(QStringLiteral("other-day"), 5, at(12, 9), at(12, 12)),
                    session(QStringLiteral("untimed"), 5, QDateTime(), QDateTime()),
                })
                .ok);
    const auto first = m_ledger->reserve(QStringLiteral("me"), held, Mode::SeatOrWaitlist);
    QCOMPARE(first.outcome, heldOnWaitlist ? Outcome::Waitlisted : Outcome::Confirmed);
    const auto second = m_ledger->reserve(QStringLiteral("me"), wanted, Mode::SeatOrWaitlist);
    QCOMPARE(second.outcome, outcome);
    if (outcome == Outcome::Overlap) {
        QCOMPARE(second.conflictingSessionId, held);
        QCOMPARE(seats(wanted).taken, 0);
        // Someone else is not affected by my places.
        QCOMPARE(m_ledger->reserve(QStringLiteral("other"), wanted, Mode::SeatOnly).outcome,
                 Outcome::Confirmed);
        // Releasing the held place lifts the conflict.
        QCOMPARE(m_ledger->cancel(QStringLiteral("me"), first.reservation.id).outcome,
                 SeatLedger::CancelOutcome::Cancelled);
        QCOMPARE(m_ledger->reserve(QStringLiteral("me"), wanted, Mode::SeatOnly).outcome, Outcome::Confirmed);
    }
}

void TestSeatLedger::capacityChangePromotesAndNeverCancels()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 1)}).ok);
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(m_ledger->reserve(attendee(i), QStringLiteral("s"), Mode::SeatOrWaitlist).reservation.id);
    QCOMPARE(seats(QStringLiteral("s")).taken, 1);
    QCOMPARE(seats(QStringLiteral("s")).waitlist, 4);

    const auto bigger = m_ledger->setCapacity(QStringLiteral("s"), 3);
    QCOMPARE(bigger.outcome, SeatLedger::CapacityOutcome::Changed);
    QCOMPARE(bigger.promotions.size(), 2);
    QCOMPARE(bigger.promotions[0].attendeeId, attendee(1));
    QCOMPARE(bigger.promotions[1].attendeeId, attendee(2));
    QCOMPARE(bigger.availability.taken, 3);
    QCOMPARE(bigger.availability.waitlist, 2);
    QCOMPARE(bigger.availability.capacity, 3);

    QCOMPARE(m_ledger->setCapacity(QStringLiteral("s"), 3).outcome, SeatLedger::CapacityOutcome::Unchanged);

    // A smaller room: nobody loses a confirmed seat; the excess is reported.
    const auto smaller = m_ledger->setCapacity(QStringLiteral("s"), 1);
    QCOMPARE(smaller.outcome, SeatLedger::CapacityOutcome::Changed);
    QVERIFY(smaller.promotions.isEmpty());
    QCOMPARE(smaller.availability.taken, 3);
    QCOMPARE(smaller.availability.overCapacity(), 2);
    QCOMPARE(smaller.availability.seatsLeft(), 0);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_ledger->reservation(attendee(i), ids[i])->status, Reservation::Status::Confirmed);

    // While over capacity, a cancellation frees no seat.
    const auto cancel = m_ledger->cancel(attendee(0), ids[0]);
    QVERIFY(cancel.promotions.isEmpty());
    QCOMPARE(seats(QStringLiteral("s")).overCapacity(), 1);
    QCOMPARE(m_ledger->reserve(QStringLiteral("late"), QStringLiteral("s"), Mode::SeatOnly).outcome,
             Outcome::Full);

    // The admin capacity survives a feed reload that repeats the old capacity.
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 40)}).ok);
    QCOMPARE(seats(QStringLiteral("s")).capacity, 1);
    QCOMPARE(m_ledger->setCapacity(QStringLiteral("nope"), 3).outcome,
             SeatLedger::CapacityOutcome::UnknownSession);
}

void TestSeatLedger::capacityValidation()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 1)}).ok);
    const qint64 version = m_ledger->version();
    QCOMPARE(m_ledger->setCapacity(QStringLiteral("s"), -1).outcome, SeatLedger::CapacityOutcome::Invalid);
    QCOMPARE(m_ledger->seed(QStringLiteral("s"), -1, 0), SeatLedger::SeedOutcome::Invalid);
    QCOMPARE(m_ledger->version(), version);
    QCOMPARE(seats(QStringLiteral("s")).capacity, 1);
}

void TestSeatLedger::feedSyncUpdatesPromotesAndUnlists()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 1), session(QStringLiteral("gone"), 5)}).ok);
    const auto a = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    const auto b = m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    const auto g = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("gone"), Mode::SeatOnly);
    QCOMPARE(b.outcome, Outcome::Waitlisted);

    const auto sync =
        m_ledger->syncSessions({session(QStringLiteral("s"), 2), session(QStringLiteral("new"), 3)});
    QVERIFY(sync.ok);
    QCOMPARE(sync.added, 1);
    QCOMPARE(sync.changed, 1);
    QCOMPARE(sync.unlisted, 1);
    QCOMPARE(sync.promotions,
             QList<Promotion>({Promotion{b.reservation.id, QStringLiteral("s"), QStringLiteral("b")}}));

    QVERIFY(!m_ledger->availability(QStringLiteral("gone")));
    const auto kept = m_ledger->reservation(QStringLiteral("a"), g.reservation.id);
    QVERIFY(kept);
    QCOMPARE(kept->status, Reservation::Status::Confirmed);
    QVERIFY(!kept->sessionListed);
    QCOMPARE(m_ledger->reserve(QStringLiteral("c"), QStringLiteral("gone"), Mode::SeatOnly).outcome,
             Outcome::UnknownSession);
    QCOMPARE(m_ledger->availability().size(), 2);

    // The session comes back: it is listed again with its reservations.
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 2), session(QStringLiteral("gone"), 5)}).ok);
    QCOMPARE(seats(QStringLiteral("gone")).taken, 1);
    QVERIFY(m_ledger->reservation(QStringLiteral("a"), a.reservation.id));

    // Unchanged feed: no new version.
    const qint64 version = m_ledger->version();
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 2), session(QStringLiteral("gone"), 5)}).ok);
    QCOMPARE(m_ledger->version(), version);
}

void TestSeatLedger::seedIsAppliedOnceAndServedFirst()
{
    QVERIFY(
        m_ledger
            ->syncSessions({session(QStringLiteral("s"), 40), session(QStringLiteral("talk"), std::nullopt)})
            .ok);
    QCOMPARE(m_ledger->seed(QStringLiteral("s"), 40, 3), SeatLedger::SeedOutcome::Seeded);
    QCOMPARE(m_ledger->seed(QStringLiteral("s"), 10, 0), SeatLedger::SeedOutcome::AlreadySeeded);
    QCOMPARE(m_ledger->seed(QStringLiteral("talk"), 10, 0), SeatLedger::SeedOutcome::UnknownSession);
    QCOMPARE(m_ledger->seed(QStringLiteral("nope"), 10, 0), SeatLedger::SeedOutcome::UnknownSession);
    QCOMPARE(seats(QStringLiteral("s")).taken, 40);
    QCOMPARE(seats(QStringLiteral("s")).waitlist, 3);

    const auto me = m_ledger->reserve(QStringLiteral("me"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    QCOMPARE(me.outcome, Outcome::Waitlisted);
    QCOMPARE(me.reservation.position, 4);
    const auto grow = m_ledger->setCapacity(QStringLiteral("s"), 43);
    QCOMPARE(grow.promotions.size(), 3);
    for (const Promotion &p : grow.promotions)
        QVERIFY(p.attendeeId.startsWith(SeatLedger::seedAttendeePrefix()));
    QCOMPARE(m_ledger->reservation(QStringLiteral("me"), me.reservation.id)->position, 1);

    // After a restart with the same seeds file, nothing is seeded again.
    m_ledger = openLedger();
    QCOMPARE(m_ledger->seed(QStringLiteral("s"), 40, 3), SeatLedger::SeedOutcome::AlreadySeeded);
    QCOMPARE(seats(QStringLiteral("s")).taken, 43);
}

void TestSeatLedger::persistsAcrossReopen()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 2)}).ok);
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i)
        ids.append(
            m_ledger->reserve(attendee(i), QStringLiteral("s"), Mode::SeatOrWaitlist, QStringLiteral("key"))
                .reservation.id);
    QCOMPARE(m_ledger->setCapacity(QStringLiteral("s"), 3).promotions.size(), 1);
    const QList<SeatAvailability> before = m_ledger->availability();
    const qint64 version = m_ledger->version();

    m_ledger = openLedger();
    QVERIFY(m_ledger->errorString().isEmpty());
    QCOMPARE(m_ledger->availability(), before);
    QCOMPARE(m_ledger->version(), version);
    QCOMPARE(m_ledger->reservation(attendee(3), ids[3])->position, 1);
    QCOMPARE(m_ledger->reservation(attendee(2), ids[2])->status, Reservation::Status::Confirmed);
    // Idempotency records survive too.
    const auto replay =
        m_ledger->reserve(attendee(0), QStringLiteral("s"), Mode::SeatOrWaitlist, QStringLiteral("key"));
    QVERIFY(replay.replayed);
    QCOMPARE(replay.reservation.id, ids[0]);
    // The version keeps growing from where it was.
    QCOMPARE(m_ledger->cancel(attendee(0), ids[0]).promotions.size(), 1);
    QCOMPARE(m_ledger->version(), version + 1);
}

void TestSeatLedger::versionGrowsWithEveryChangeOnly()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 1)}).ok);
    qint64 version = m_ledger->version();
    const auto expectChange = [&](bool changed) {
        const qint64 now = m_ledger->version();
        if (changed)
            QVERIFY(now > version);
        else
            QCOMPARE(now, version);
        version = now;
    };
    const auto a = m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    expectChange(true);
    m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    expectChange(false);
    m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOnly); // full
    expectChange(false);
    m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    expectChange(true);
    m_ledger->cancel(QStringLiteral("b"), a.reservation.id); // not b's
    expectChange(false);
    m_ledger->cancel(QStringLiteral("a"), a.reservation.id);
    expectChange(true);
    QCOMPARE(seats(QStringLiteral("s")).version, version);
}

void TestSeatLedger::changedIsEmittedOncePerCommittedChange()
{
    // A trigger planted behind the ledger's back makes one attendee's reservation fail inside its
    // transaction.
    m_ledger.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("CREATE TRIGGER fail_boom BEFORE INSERT ON reservations"
                           " WHEN NEW.attendee_id = 'boom' BEGIN SELECT RAISE(ABORT, 'planted'); END")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    m_ledger = openLedger();

    QSignalSpy spy(m_ledger.get(), &SeatLedger::changed);
    QVERIFY(spy.isValid());
    qint64 version = m_ledger->version();
    // One emission carrying the new version, which is the ledger's version() and greater than before.
    const auto expectOne = [&](const char *what) {
        QVERIFY2(spy.count() == 1, qPrintable(QStringLiteral("%1: %2 emissions").arg(what).arg(spy.count())));
        const qint64 emitted = spy.takeFirst().at(0).toLongLong();
        QVERIFY2(emitted > version, what);
        QCOMPARE(emitted, m_ledger->version());
        version = emitted;
    };
    const auto expectNone = [&](const char *what) {
        QVERIFY2(spy.isEmpty(), qPrintable(QStringLiteral("%1: %2 emissions").arg(what).arg(spy.count())));
        QCOMPARE(m_ledger->version(), version);
    };

    const QList<LedgerSession> feed{session(QStringLiteral("s"), 1),
                                    session(QStringLiteral("big"), 40, at(12, 9), at(12, 10))};
    QVERIFY(m_ledger->syncSessions(feed).ok);
    expectOne("schedule sync");
    QVERIFY(m_ledger->syncSessions(feed).ok);
    expectNone("unchanged schedule sync");

    QCOMPARE(m_ledger->seed(QStringLiteral("big"), 10, 0), SeatLedger::SeedOutcome::Seeded);
    expectOne("seed");
    QCOMPARE(m_ledger->seed(QStringLiteral("big"), 10, 0), SeatLedger::SeedOutcome::AlreadySeeded);
    expectNone("repeated seed");

    const auto a =
        m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly, QStringLiteral("k1"));
    QCOMPARE(a.outcome, Outcome::Confirmed);
    expectOne("reserve");
    QVERIFY(m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly, QStringLiteral("k1"))
                .replayed);
    expectNone("idempotent replay");
    QCOMPARE(m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly).outcome,
             Outcome::AlreadyConfirmed);
    expectNone("already confirmed");
    QCOMPARE(m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOnly).outcome,
             Outcome::Full);
    expectNone("refused: full");
    QCOMPARE(m_ledger->reserve(QStringLiteral("b"), QStringLiteral("nope"), Mode::SeatOnly).outcome,
             Outcome::UnknownSession);
    expectNone("refused: unknown session");
    const auto b = m_ledger->reserve(QStringLiteral("b"), QStringLiteral("s"), Mode::SeatOrWaitlist);
    QCOMPARE(b.outcome, Outcome::Waitlisted);
    expectOne("waitlist");

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("reservation insert failed: planted")));
    QCOMPARE(m_ledger->reserve(QStringLiteral("boom"), QStringLiteral("big"), Mode::SeatOnly).outcome,
             Outcome::StorageError);
    expectNone("rolled back");
    QCOMPARE(seats(QStringLiteral("big")).taken, 10);

    QCOMPARE(m_ledger->cancel(QStringLiteral("b"), a.reservation.id).outcome,
             SeatLedger::CancelOutcome::NotFound);
    expectNone("refused: another attendee's cancel");
    const auto cancelled = m_ledger->cancel(QStringLiteral("a"), a.reservation.id);
    QCOMPARE(cancelled.promotions.size(), 1);
    expectOne("cancel with promotion");
    QCOMPARE(m_ledger->cancel(QStringLiteral("a"), a.reservation.id).outcome,
             SeatLedger::CancelOutcome::AlreadyCancelled);
    expectNone("repeated cancel");

    QCOMPARE(m_ledger->setCapacity(QStringLiteral("s"), 2).outcome, SeatLedger::CapacityOutcome::Changed);
    expectOne("capacity change");
    QCOMPARE(m_ledger->setCapacity(QStringLiteral("s"), 2).outcome, SeatLedger::CapacityOutcome::Unchanged);
    expectNone("unchanged capacity");
    QCOMPARE(m_ledger->setCapacity(QStringLiteral("s"), -1).outcome, SeatLedger::CapacityOutcome::Invalid);
    expectNone("refused: invalid capacity");
    QCOMPARE(seats(QStringLiteral("s")).version, version);
}

void TestSeatLedger::integrityCheckFindsProblems()
{
    QVERIFY(m_ledger->syncSessions({session(QStringLiteral("s"), 5)}).ok);
    m_ledger->reserve(QStringLiteral("a"), QStringLiteral("s"), Mode::SeatOnly);
    QCOMPARE(m_ledger->integrityProblems(), QStringList());
    m_ledger.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO reservations (session_id, attendee_id, status, created_at, "
                                  "updated_at) VALUES ('s', 'b', 'waitlisted', 0, 0)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    m_ledger = openLedger();
    const QStringList problems = m_ledger->integrityProblems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("waiting while 1 of 5")), qPrintable(problems.first()));
    m_ledger.reset(); // cleanup() would flag the planted problem
}

void TestSeatLedger::refusesUnusableFiles()
{
    m_ledger.reset();
    const QString garbage = m_dir->filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    SeatLedger notADatabase(garbage);
    QVERIFY(!notADatabase.open());
    QVERIFY(!notADatabase.errorString().isEmpty());
    QCOMPARE(QFile(garbage).size(), 4096); // never moved aside or rewritten

    const QString newer = m_dir->filePath(QStringLiteral("newer.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(newer);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    SeatLedger fromTheFuture(newer);
    QVERIFY(!fromTheFuture.open());
    QVERIFY2(fromTheFuture.errorString().contains(QStringLiteral("newer")),
             qPrintable(fromTheFuture.errorString()));
}

QTEST_GUILESS_MAIN(TestSeatLedger)
#include "tst_seatledger.moc"
