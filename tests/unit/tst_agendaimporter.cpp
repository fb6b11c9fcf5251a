#include "agendaimporter.h"

#include <QTest>

using namespace Plenary;

namespace {

const QTimeZone kBrussels("Europe/Brussels");

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray calendar(const QByteArray &events)
{
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Plenary//Plenary My Agenda//EN\n"
           "X-PLENARY-CONFERENCE:conf\nX-WR-TIMEZONE:Europe/Brussels\n" +
           events + "END:VCALENDAR\n";
}

const QByteArray kFavourite =
    "BEGIN:VEVENT\nUID:s1@conf.plenary\nDTSTART;TZID=Europe/Brussels:20260207T100000\n"
    "DTEND;TZID=Europe/Brussels:20260207T110000\nSUMMARY:Talk\\, one\n"
    "LOCATION:K.1.105\nX-PLENARY-KIND:favourite\nX-PLENARY-SESSION:s1\n"
    "X-PLENARY-GUID:g1\nEND:VEVENT\n";

Conference conference()
{
    Conference c;
    c.id = "conf";
    c.timeZone = kBrussels;
    const auto add = [&c](const QString &guid, int day, int hour) {
        Session s;
        s.guid = guid;
        s.title = guid;
        s.start = QDateTime(QDate(2026, 2, day), QTime(hour, 0), kBrussels);
        s.end = s.start.addSecs(3600);
        c.sessions.append(s);
    };
    add("g1", 7, 10);
    add("ws", 7, 14); // "ws"
    add("ws", 8, 14); // "ws#2"
    add("solo", 8, 9);
    c.normalize();
    return c;
}

AgendaItem sessionItem(const QString &id, const QString &guid, const QDateTime &start = {})
{
    AgendaItem item;
    item.kind = AgendaItem::Kind::Favourite;
    item.sessionId = id;
    item.guid = guid;
    item.start = start;
    return item;
}

} // namespace

class TestAgendaImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEntries();
    void lineEndingsAndFolds();
    void skipsWhatIsNotAnAgenda();
    void errors_data();
    void errors();
    void unknownZoneFallsBack();
    void matchSession_data();
    void matchSession();
};

void TestAgendaImporter::readsEntries()
{
    const QByteArray data = calendar(
        kFavourite +
        "BEGIN:VEVENT\nUID:p-1@conf.plenary\nDTSTART;TZID=Asia/Seoul:20260208T094000\nSUMMARY:Flight\n"
        "DESCRIPTION:Seat 42K\\nGate "
        "3\nX-PLENARY-KIND:personal\nX-PLENARY-ITEM:p-1\nX-PLENARY-TZID:Asia/Seoul\n"
        "X-PLENARY-REMINDER:off\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:ws#2@conf.plenary\nDTSTART:20260208T130000Z\nSUMMARY:Workshop\n"
        "X-PLENARY-KIND:Seat\nX-PLENARY-SESSION:ws#2\nX-PLENARY-GUID:ws\nX-PLENARY-STATE:vanished\n"
        "X-PLENARY-CONFERENCE:other\nEND:VEVENT\n");
    const AgendaImportResult result = AgendaImporter::parse(crlf(data), "agenda.ics");
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList());
    QCOMPARE(result.items.size(), 3);

    const ImportedAgendaItem &favourite = result.items.at(0);
    QCOMPARE(favourite.conferenceId, "conf"); // from the calendar when the event does not say
    QCOMPARE(favourite.item.kind, AgendaItem::Kind::Favourite);
    QCOMPARE(favourite.item.sessionId, "s1");
    QCOMPARE(favourite.item.guid, "g1");
    QCOMPARE(favourite.item.title, "Talk, one");
    QCOMPARE(favourite.item.place, "K.1.105");
    QCOMPARE(favourite.item.start, QDateTime(QDate(2026, 2, 7), QTime(9, 0), Qt::UTC));
    QCOMPARE(favourite.item.end, QDateTime(QDate(2026, 2, 7), QTime(10, 0), Qt::UTC));
    QVERIFY(favourite.item.inSchedule);
    QVERIFY(!favourite.reminderOff);

    const ImportedAgendaItem &flight = result.items.at(1);
    QCOMPARE(flight.item.kind, AgendaItem::Kind::Personal);
    QCOMPARE(flight.item.personalId, "p-1");
    QCOMPARE(flight.item.notes, "Seat 42K\nGate 3");
    QCOMPARE(flight.item.start, QDateTime(QDate(2026, 2, 8), QTime(0, 40), Qt::UTC));
    QCOMPARE(flight.item.start.timeZone(), QTimeZone("Asia/Seoul"));
    QVERIFY(!flight.item.end.isValid());
    QVERIFY(flight.reminderOff);

    const ImportedAgendaItem &seat = result.items.at(2);
    QCOMPARE(seat.conferenceId, "other");
    QCOMPARE(seat.item.kind, AgendaItem::Kind::Seat);
    QVERIFY(!seat.item.inSchedule);
    QCOMPARE(seat.item.start, QDateTime(QDate(2026, 2, 8), QTime(13, 0), Qt::UTC));
}

void TestAgendaImporter::lineEndingsAndFolds()
{
    // LF only, a BOM, and a fold that splits the UTF-8 bytes of "한" (ED 95 9C) across two lines.
    const QByteArray title = QString("한국어 제목").toUtf8();
    QByteArray event = "BEGIN:VEVENT\nDTSTART:20260207T090000Z\nSUMMARY:" + title.left(1) + "\n " +
                       title.mid(1) + "\nX-PLENARY-KIND:favourite\nX-PLENARY-\n SESSION:s1\nEND:VEVENT\n";
    const AgendaImportResult result = AgendaImporter::parse("\xEF\xBB\xBF" + calendar(event));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.items.size(), 1);
    QCOMPARE(result.items.first().item.title, QString("한국어 제목"));
    QCOMPARE(result.items.first().item.sessionId, "s1");
}

void TestAgendaImporter::skipsWhatIsNotAnAgenda()
{
    const QByteArray data = calendar(
        "BEGIN:VEVENT\nUID:google-1\nDTSTART:20260207T090000Z\nSUMMARY:Dentist\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:google-2\nDTSTART:20260207T100000Z\nSUMMARY:Gym\nEND:VEVENT\n"
        "BEGIN:VEVENT\nDTSTART:20260207T100000Z\nX-PLENARY-KIND:wishlist\nX-PLENARY-SESSION:x\nEND:VEVENT\n"
        "BEGIN:VEVENT\nDTSTART:20260207T100000Z\nX-PLENARY-KIND:favourite\nEND:VEVENT\n"
        "BEGIN:VEVENT\nSUMMARY:No start\nX-PLENARY-KIND:personal\nX-PLENARY-ITEM:p\nEND:VEVENT\n"
        "BEGIN:VTODO\nX-PLENARY-KIND:favourite\nX-PLENARY-SESSION:todo\nEND:VTODO\n" +
        kFavourite);
    const AgendaImportResult result = AgendaImporter::parse(data);
    QVERIFY(result.ok());
    QCOMPARE(result.items.size(), 1);
    QCOMPARE(result.items.first().item.sessionId, "s1");
    QCOMPARE(result.warnings.size(), 4);
    QVERIFY(result.warnings.join("\n").contains("unknown agenda kind \"wishlist\""));
    QVERIFY(result.warnings.join("\n").contains("without X-PLENARY-SESSION"));
    QVERIFY(result.warnings.join("\n").contains("personal item without id or start"));
    QVERIFY(result.warnings.join("\n").contains("2 events are not from a Plenary agenda export"));
}

void TestAgendaImporter::errors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << "no BEGIN:VCALENDAR";
    QTest::newRow("not a calendar") << QByteArray("{\"schedule\": {}}") << "no BEGIN:VCALENDAR";
    QTest::newRow("vcard") << QByteArray("BEGIN:VCARD\nFN:Jane\nEND:VCARD\n") << "no BEGIN:VCALENDAR";
    QTest::newRow("truncated") << QByteArray("BEGIN:VCALENDAR\nBEGIN:VEVENT\nX-PLENARY-KIND:favourite\n")
                               << "BEGIN:VEVENT is never closed";
    QTest::newRow("crossed ends") << QByteArray("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n")
                                  << "END:VCALENDAR while the VEVENT";
    QByteArray deep("BEGIN:VCALENDAR\n");
    for (int i = 0; i < 100; ++i)
        deep += "BEGIN:X-" + QByteArray::number(i) + "\n";
    QTest::newRow("too deep") << deep << "nested more than";
    QTest::newRow("same component inside itself")
        << QByteArray("BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VEVENT\n") << "BEGIN:VEVENT inside the VEVENT";
    QTest::newRow("too large") << QByteArray(AgendaImporter::kMaxInputBytes + 1, ' ')
                               << "more than the limit";
}

void TestAgendaImporter::errors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const AgendaImportResult result = AgendaImporter::parse(data, "in.ics");
    QVERIFY(!result.ok());
    QVERIFY(result.items.isEmpty());
    QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
    QCOMPARE(result.error.source, "in.ics");
}

void TestAgendaImporter::unknownZoneFallsBack()
{
    const QByteArray data = calendar("BEGIN:VEVENT\nDTSTART;TZID=Mars/Olympus_Mons:20260207T100000\n"
                                     "X-PLENARY-KIND:favourite\nX-PLENARY-SESSION:s1\nEND:VEVENT\n");
    const AgendaImportResult result = AgendaImporter::parse(data);
    QVERIFY(result.ok());
    QCOMPARE(result.items.size(), 1);
    QCOMPARE(result.items.first().item.start, QDateTime(QDate(2026, 2, 7), QTime(10, 0), kBrussels));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().contains("Mars/Olympus_Mons"));
}

void TestAgendaImporter::matchSession_data()
{
    QTest::addColumn<AgendaItem>("item");
    QTest::addColumn<QString>("matched"); // empty: none

    const QDateTime ws2 = QDateTime(QDate(2026, 2, 8), QTime(14, 0), kBrussels);
    QTest::newRow("same id and guid") << sessionItem("g1", "g1") << "g1";
    QTest::newRow("same id, no guid") << sessionItem("g1", "") << "g1";
    QTest::newRow("renumbered occurrence found by start") << sessionItem("ws#3", "ws", ws2) << "ws#2";
    QTest::newRow("id names another event now") << sessionItem("ws#2", "other-guid") << "";
    QTest::newRow("only occurrence of its guid, moved") << sessionItem("solo#2", "solo", ws2) << "solo";
    QTest::newRow("two occurrences, no matching start")
        << sessionItem("ws#5", "ws", QDateTime(QDate(2026, 2, 9), QTime(9, 0), kBrussels)) << "";
    QTest::newRow("vanished") << sessionItem("gone", "gone") << "";
    QTest::newRow("unknown id, no guid") << sessionItem("gone", "") << "";
}

void TestAgendaImporter::matchSession()
{
    QFETCH(AgendaItem, item);
    QFETCH(QString, matched);
    const Conference c = conference();
    const Session *session = AgendaImporter::matchSession(c, item);
    QCOMPARE(session ? session->id : QString(), matched);
}

QTEST_GUILESS_MAIN(TestAgendaImporter)
#include "tst_agendaimporter.moc"
