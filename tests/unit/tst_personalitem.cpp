#include "personalitem.h"

#include <QTest>
#include <QTimeZone>

using namespace Plenary;

class TestPersonalItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
};

void TestPersonalItem::check_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<PersonalItem::Problem>("problem");

    const QTimeZone zone("Europe/Brussels");
    const QDateTime seven(QDate(2026, 2, 7), QTime(19, 0), zone);
    QTest::newRow("fine") << "Dinner" << seven << seven.addSecs(3 * 3600) << PersonalItem::Problem::None;
    QTest::newRow("no end") << "Flight BRU-ICN" << seven << QDateTime() << PersonalItem::Problem::None;
    QTest::newRow("end at start") << "Call" << seven << seven << PersonalItem::Problem::None;
    QTest::newRow("end in another zone") // 19:30 Brussels is 18:30 UTC: after the start
        << "Call" << seven << QDateTime(QDate(2026, 2, 7), QTime(18, 30), Qt::UTC)
        << PersonalItem::Problem::None;
    QTest::newRow("blank title") << "  " << seven << QDateTime() << PersonalItem::Problem::EmptyTitle;
    QTest::newRow("no start") << "Dinner" << QDateTime() << seven << PersonalItem::Problem::NoStart;
    QTest::newRow("end before start")
        << "Dinner" << seven << seven.addSecs(-60) << PersonalItem::Problem::EndBeforeStart;
    QTest::newRow("end before start across zones")
        << "Call" << seven << QDateTime(QDate(2026, 2, 7), QTime(17, 59), Qt::UTC)
        << PersonalItem::Problem::EndBeforeStart;
}

void TestPersonalItem::check()
{
    QFETCH(QString, title);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(PersonalItem::Problem, problem);
    QCOMPARE(PersonalItem::check(PersonalItem{"id", title, start, end, {}, {}}), problem);
}

QTEST_GUILESS_MAIN(TestPersonalItem)
#include "tst_personalitem.moc"
