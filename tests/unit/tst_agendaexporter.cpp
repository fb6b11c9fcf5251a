#include "agendaexporter.h"
#include "agendaimporter.h"
#include "icalendarparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

namespace {

const QTimeZone kBrussels("Europe/Brussels");
const QTimeZone kSeoul("Asia/Seoul");
const QString kKoreanTitle =
    QStringLiteral("서울에서 온 오픈소스: 한국어 세션 제목이 75옥텟보다 훨씬 길어서 줄이 접혀야 합니다");
const QString kPython = QStringLiteral("/usr/bin/python3");

QDateTime brussels(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), kBrussels);
}

QString utcIso(const QDateTime &time)
{
    return time.toUTC().toString("yyyy-MM-ddTHH:mm:ssZ");
}

// A conference over the night DST ends (24-25 October 2026), with an off-site evening event.
Conference conference()
{
    Conference c;
    c.id = "osc-2026";
    c.title = "Open Source Conference 2026";
    c.timeZone = kBrussels;
    c.url = "https://osc.example.org/";
    c.venue.floors = {Floor{"l1", "Level 1", 1}};
    c.venue.rooms = {Room{"k1", "K.1.105", "l1", {}, {}, 80}, Room{"k2", "K.2.201", "l1", {}, {}, 40},
                     Room{"bar", "Delirium Café", {}, {}, "Impasse de la Fidélité 4, Brussels", {}}};
    c.tracks = {Track{"rust", "Rust; Systems", "#ff0000"}, Track{"kr", "한국어", "#00ff00"}};
    c.speakers = {Speaker{"jane", "Jane Doe", {}, {}, {}}, Speaker{"kim", "김민준", {}, {}, {}}};

    Session keynote;
    keynote.guid = "a1b2c3d4-0000-4000-8000-000000000001";
    keynote.title = "Keynote, with commas; and semicolons";
    keynote.start = brussels(10, 24, 9, 30);
    keynote.end = brussels(10, 24, 10, 30);
    keynote.roomId = "k1";
    keynote.trackId = "rust";
    keynote.speakerIds = {"jane"};
    keynote.abstractText = "Line one\nLine two with a backslash \\ and a URL https://example.org/?a=1,b=2";
    keynote.url = "https://osc.example.org/talks/keynote";

    Session korean;
    korean.guid = "kr-42";
    korean.title = kKoreanTitle;
    korean.start = brussels(10, 24, 11, 0);
    korean.end = brussels(10, 24, 12, 0);
    korean.roomId = "k2";
    korean.trackId = "kr";
    korean.speakerIds = {"kim"};
    korean.abstractText = QString("한국어 초록입니다. ").repeated(12);

    Session workshop; // held twice: the second run is "ws#2"
    workshop.guid = "ws";
    workshop.title = "Qt workshop";
    workshop.roomId = "k2";
    workshop.start = brussels(10, 24, 14, 0);
    workshop.end = brussels(10, 24, 16, 0);
    Session workshop2 = workshop;
    workshop2.start = brussels(10, 25, 14, 0); // after the change to CET
    workshop2.end = brussels(10, 25, 16, 0);

    Session party;
    party.guid = "party";
    party.title = "Party";
    party.roomId = "bar";
    party.start = brussels(10, 24, 21, 0);
    party.end = QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC).toTimeZone(kBrussels); // 02:30 CET

    c.sessions = {keynote, korean, workshop, workshop2, party};
    c.normalize();
    return c;
}

QList<AgendaItem> agenda(const Conference &c)
{
    QList<AgendaItem> items;
    items.append(AgendaItem::fromSession(c, *c.session("a1b2c3d4-0000-4000-8000-000000000001"),
                                         AgendaItem::Kind::Favourite));
    items.append(AgendaItem::fromSession(c, *c.session("kr-42"), AgendaItem::Kind::Favourite));
    items.append(AgendaItem::fromSession(c, *c.session("ws#2"), AgendaItem::Kind::Seat));
    items.append(AgendaItem::fromSession(c, *c.session("party"), AgendaItem::Kind::Favourite));

    AgendaItem vanished; // starred, then dropped from the schedule
    vanished.kind = AgendaItem::Kind::Favourite;
    vanished.sessionId = "old-talk";
    vanished.guid = "old-talk";
    vanished.title = "A talk that was dropped";
    vanished.start = brussels(10, 24, 16, 30);
    vanished.end = brussels(10, 24, 17, 0);
    vanished.place = "K.1.105 · Level 1";
    vanished.inSchedule = false;
    items.append(vanished);

    items.append(AgendaItem::fromPersonal(
        PersonalItem{"dinner-1", "Dinner with ACME, Inc.", brussels(10, 24, 19, 0), brussels(10, 24, 20, 45),
                     "Chez Léon; Rue des Bouchers 18", "Ask about the contract\nBring slides"}));
    // A flight home, entered in Seoul time; the second 02:00 hour in Brussels is 09:xx in Seoul.
    items.append(AgendaItem::fromPersonal(PersonalItem{"flight-kr",
                                                       "Flight BRU → ICN",
                                                       QDateTime(QDate(2026, 10, 25), QTime(9, 40), kSeoul),
                                                       QDateTime(QDate(2026, 10, 26), QTime(8, 0), kSeoul),
                                                       "Brussels Airport",
                                                       {}}));
    AgendaItem noStart;
    noStart.kind = AgendaItem::Kind::Personal;
    noStart.personalId = "someday";
    noStart.title = "Someday";
    items.append(noStart);
    return items;
}

AgendaExportOptions options()
{
    AgendaExportOptions o;
    o.timestamp = QDateTime(QDate(2026, 10, 1), QTime(12, 0), Qt::UTC);
    o.reminderMinutes = 10;
    o.remindersOff = {AgendaItem::personalKey("flight-kr")};
    return o;
}

} // namespace

class TestAgendaExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void structure();
    void foldingAndEscaping();
    void independentParser();
    void roundTripThroughAgendaImporter();
    void roundTripThroughICalendarParser();
    void utcOnlyAndNoReminders();
    void stableAcrossExports();
};

void TestAgendaExporter::structure()
{
    const Conference c = conference();
    const QByteArray ics = AgendaExporter::write(c, agenda(c), options());
    QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    QVERIFY(ics.endsWith("END:VCALENDAR\r\n"));
    QCOMPARE(ics.count("BEGIN:VEVENT"), 7); // the item without a start is left out
    QCOMPARE(ics.count("END:VEVENT"), 7);
    QCOMPARE(ics.count("BEGIN:VTIMEZONE"), 2);
    QVERIFY(ics.contains("TZID:Europe/Brussels\r\n"));
    QVERIFY(ics.contains("TZID:Asia/Seoul\r\n"));
    QVERIFY(ics.contains("X-WR-TIMEZONE:Europe/Brussels\r\n"));
    QVERIFY(ics.contains("UID:ws#2@osc-2026.plenary\r\n"));
    QVERIFY(ics.contains("UID:dinner-1@osc-2026.plenary\r\n"));
    QVERIFY(ics.contains("DTSTART;TZID=Europe/Brussels:20261024T093000\r\n"));
    QVERIFY(ics.contains("DTSTART;TZID=Europe/Brussels:20261025T140000\r\n"));
    QVERIFY(ics.contains("DTSTART;TZID=Asia/Seoul:20261025T094000\r\n"));
    QVERIFY(ics.contains("DTEND:20261025T013000Z\r\n")); // the second 02:30 cannot be written locally
    QVERIFY(ics.contains("DTSTAMP:20261001T120000Z\r\n"));
    QVERIFY(ics.contains("LOCATION:Delirium Café\\, Impasse de la Fidélité 4\\, Brussels\r\n"));
    QVERIFY(ics.contains("X-PLENARY-KIND:seat\r\n"));
    QVERIFY(ics.contains("X-PLENARY-STATE:vanished\r\n"));
    QVERIFY(ics.contains("X-PLENARY-REMINDER:off\r\n"));
    QCOMPARE(ics.count("BEGIN:VALARM"), 5); // not for the vanished talk nor the flight
    QCOMPARE(ics.count("TRIGGER:-PT10M\r\n"), 5);
    // The Brussels VTIMEZONE covers the October change from CEST to CET.
    QVERIFY(ics.contains(
        "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"));
}

void TestAgendaExporter::foldingAndEscaping()
{
    const Conference c = conference();
    const QByteArray ics = AgendaExporter::write(c, agenda(c), options());
    const QList<QByteArray> lines = ics.split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QVERIFY2(line.endsWith('\r'), line.constData());
        QVERIFY2(line.size() - 1 <= 75, line.constData());
    }
    QVERIFY(ics.contains("SUMMARY:Keynote\\, with commas\\; and semicolons\r\n"));
    QVERIFY(ics.contains("CATEGORIES:Rust\\; Systems\r\n"));
    QVERIFY(ics.contains("DESCRIPTION:Ask about the contract\\nBring slides\r\n"));
    QVERIFY(ics.contains("\r\n ")); // the Korean title and abstracts are folded
    QByteArray unfolded = ics;
    unfolded.replace("\r\n ", "");
    QVERIFY(unfolded.contains(QByteArray(("SUMMARY:" + kKoreanTitle).toUtf8() + "\r\n")));
}

void TestAgendaExporter::independentParser()
{
    if (QProcess::execute(kPython, {"-c", "import icalendar"}) != 0)
        QSKIP("Debian's python3-icalendar is not installed (/usr/bin/python3 -c 'import icalendar' fails)");
    const Conference c = conference();
    const QList<AgendaItem> items = agenda(c);
    QTemporaryDir dir;
    const QString path = dir.filePath("agenda.ics");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(AgendaExporter::write(c, items, options()));
    file.close();

    QProcess python;
    python.start(kPython, {QStringLiteral(PLENARY_SOURCE_DIR "/tests/unit/agenda_ics_check.py"), path});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    QJsonParseError error;
    const QJsonObject result = QJsonDocument::fromJson(python.readAllStandardOutput(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    QVERIFY(result["ends_with_crlf"].toBool());
    QCOMPARE(result["bare_lf"].toInt(), 0);
    QVERIFY(result["max_line_octets"].toInt() <= 75);
    QVERIFY(result["max_line_octets"].toInt() >= 70); // something was long enough to fold
    QVERIFY(result["physical_lines_valid_utf8"].toBool());
    QCOMPARE(result["calendar"].toObject()["version"].toString(), "2.0");
    QCOMPARE(result["calendar"].toObject()["x_plenary_conference"].toString(), "osc-2026");
    QCOMPARE(result["vtimezones"].toArray(), (QJsonArray{"Asia/Seoul", "Europe/Brussels"}));

    const QJsonArray events = result["events"].toArray();
    QCOMPARE(events.size(), 7);
    QHash<QString, QJsonObject> byUid;
    for (const QJsonValue &value : events)
        byUid.insert(value.toObject()["uid"].toString(), value.toObject());
    QCOMPARE(byUid.size(), 7);

    for (const AgendaItem &item : items) {
        if (!item.start.isValid())
            continue;
        const QString uid = AgendaExporter::uid(c.id, item);
        QVERIFY2(byUid.contains(uid), qPrintable(uid));
        const QJsonObject event = byUid.value(uid);
        QCOMPARE(event["summary"].toString(), item.title);
        QCOMPARE(event["dtstart"].toString(), utcIso(item.start));
        if (item.end.isValid())
            QCOMPARE(event["dtend"].toString(), utcIso(item.end));
        QCOMPARE(event["location"].toString(), item.place);
        QCOMPARE(event["kind"].toString(), AgendaItem::kindName(item.kind));
        QCOMPARE(event["conference"].toString(), "osc-2026");
        QCOMPARE(event["dtstamp"].toString(), "2026-10-01T12:00:00Z");
        if (item.isSession())
            QCOMPARE(event["session"].toString(), item.sessionId);
        else
            QCOMPARE(event["item"].toString(), item.personalId);
        if (!event["dtstart_tzid"].toString().isEmpty()) {
            QVERIFY(event["vtimezone_known"].toBool());
            QCOMPARE(event["vtimezone_offset_seconds"].toInt(), event["zoneinfo_offset_seconds"].toInt());
            QCOMPARE(event["vtimezone_offset_seconds"].toInt(), item.start.offsetFromUtc());
        }
        const QJsonArray alarms = event["alarms"].toArray();
        const bool expectAlarm = item.inSchedule && item.personalId != "flight-kr";
        QCOMPARE(alarms.size(), expectAlarm ? 1 : 0);
        if (expectAlarm) {
            QCOMPARE(alarms.first()["action"].toString(), "DISPLAY");
            QCOMPARE(alarms.first()["trigger_seconds"].toInt(), -600);
            QCOMPARE(alarms.first()["description"].toString(), item.title);
        }
    }
    const QJsonObject korean = byUid.value("kr-42@osc-2026.plenary");
    QCOMPARE(korean["summary"].toString(), kKoreanTitle);
    QCOMPARE(korean["dtstart_tzid"].toString(), "Europe/Brussels");
    QCOMPARE(korean["categories"].toArray(), QJsonArray{"한국어"});
    QVERIFY(korean["description"].toString().startsWith("김민준\n\n한국어 초록입니다."));
    const QJsonObject keynote = byUid.value("a1b2c3d4-0000-4000-8000-000000000001@osc-2026.plenary");
    QCOMPARE(keynote["url"].toString(), "https://osc.example.org/talks/keynote");
    QCOMPARE(keynote["categories"].toArray(), QJsonArray{"Rust; Systems"});
    QCOMPARE(keynote["transp"].toString(), "TRANSPARENT");
    QVERIFY(
        keynote["description"].toString().contains("backslash \\ and a URL https://example.org/?a=1,b=2"));
    QCOMPARE(byUid.value("old-talk@osc-2026.plenary")["status"].toString(), "CANCELLED");
    QCOMPARE(byUid.value("ws#2@osc-2026.plenary")["transp"].toString(), "OPAQUE");
    QCOMPARE(byUid.value("ws#2@osc-2026.plenary")["dtstart"].toString(), "2026-10-25T13:00:00Z"); // CET
    QCOMPARE(byUid.value("flight-kr@osc-2026.plenary")["dtstart"].toString(), "2026-10-25T00:40:00Z");
    QCOMPARE(byUid.value("flight-kr@osc-2026.plenary")["dtstart_tzid"].toString(), "Asia/Seoul");
    QCOMPARE(byUid.value("dinner-1@osc-2026.plenary")["description"].toString(),
             "Ask about the contract\nBring slides");
}

void TestAgendaExporter::roundTripThroughAgendaImporter()
{
    const Conference c = conference();
    QList<AgendaItem> items = agenda(c);
    const QByteArray ics = AgendaExporter::write(c, items, options());
    const AgendaImportResult result = AgendaImporter::parse(ics, "agenda.ics");
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join("; ")));
    items.removeIf([](const AgendaItem &item) { return !item.start.isValid(); });
    QCOMPARE(result.items.size(), items.size());

    QHash<QString, ImportedAgendaItem> byKey;
    for (const ImportedAgendaItem &imported : result.items)
        byKey.insert(imported.item.key(), imported);
    for (const AgendaItem &original : std::as_const(items)) {
        QVERIFY2(byKey.contains(original.key()), qPrintable(original.key()));
        const ImportedAgendaItem imported = byKey.value(original.key());
        QCOMPARE(imported.conferenceId, "osc-2026");
        QCOMPARE(imported.reminderOff, original.personalId == "flight-kr");
        const AgendaItem &item = imported.item;
        QCOMPARE(item.kind, original.kind);
        QCOMPARE(item.title, original.title);
        QCOMPARE(item.start, original.start);
        QCOMPARE(item.end.isValid() ? item.end : item.start,
                 original.end.isValid() ? original.end : original.start);
        QCOMPARE(item.place, original.place);
        QCOMPARE(item.inSchedule, original.inSchedule);
        QCOMPARE(item.guid, original.guid);
        if (item.kind == AgendaItem::Kind::Personal) {
            QCOMPARE(item.notes, original.notes);
            QCOMPARE(item.start.timeZone(), original.start.timeZone()); // the flight stays in Seoul time
        }
    }
}

void TestAgendaExporter::roundTripThroughICalendarParser()
{
    const Conference c = conference();
    const QList<AgendaItem> items = agenda(c);
    const ImportResult result = ICalendarParser::parse(AgendaExporter::write(c, items, options()));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference parsed = *result.conference;
    QCOMPARE(parsed.title, "Open Source Conference 2026 – My agenda");
    QCOMPARE(parsed.timeZone, kBrussels);
    QCOMPARE(parsed.sessions.size(), 6); // the cancelled (vanished) one is skipped
    for (const AgendaItem &item : items) {
        if (!item.start.isValid() || !item.inSchedule)
            continue;
        const QString uid = AgendaExporter::uid(c.id, item);
        const auto it = std::find_if(parsed.sessions.cbegin(), parsed.sessions.cend(),
                                     [&](const Session &s) { return s.guid == uid; });
        QVERIFY2(it != parsed.sessions.cend(), qPrintable(uid));
        QCOMPARE(it->title, item.title);
        QCOMPARE(it->start, item.start);
        QCOMPARE(it->end, item.end);
        if (!item.place.isEmpty())
            QCOMPARE(parsed.room(it->roomId)->name, item.place);
    }
    QVERIFY2(result.warnings.isEmpty() || result.warnings.join(" ").contains("cancelled"),
             qPrintable(result.warnings.join("; ")));
}

void TestAgendaExporter::utcOnlyAndNoReminders()
{
    const Conference c = conference();
    AgendaExportOptions o = options();
    o.utcOnly = true;
    o.reminderMinutes.reset();
    const QByteArray ics = AgendaExporter::write(c, agenda(c), o);
    QVERIFY(!ics.contains("VTIMEZONE"));
    QVERIFY(!ics.contains(";TZID="));
    QVERIFY(ics.contains("X-PLENARY-TZID:Asia/Seoul\r\n")); // the flight keeps its zone for Plenary
    QVERIFY(!ics.contains("VALARM"));
    QVERIFY(ics.contains("DTSTART:20261024T073000Z\r\n"));
    const AgendaImportResult back = AgendaImporter::parse(ics);
    QVERIFY(back.ok());
    QCOMPARE(back.items.size(), 7);

    o.utcOnly = false;
    o.reminderMinutes = 90;
    QCOMPARE(AgendaExporter::write(c, agenda(c), o).count("TRIGGER:-PT1H30M\r\n"), 5);
}

void TestAgendaExporter::stableAcrossExports()
{
    const Conference c = conference();
    QList<AgendaItem> items = agenda(c);
    const QByteArray first = AgendaExporter::write(c, items, options());
    std::reverse(items.begin(), items.end());
    QCOMPARE(AgendaExporter::write(c, items, options()), first); // same input in any order: same bytes
}

QTEST_GUILESS_MAIN(TestAgendaExporter)
#include "tst_agendaexporter.moc"
