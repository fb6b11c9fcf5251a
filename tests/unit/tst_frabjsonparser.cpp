#include "frabjsonparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Plenary;

class TestFrabJsonParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void camp2019();
    void camp2019AcrossMidnight();
    void hub38c3V2();
    void classicQuirks();
    void classicQuirksWarnings();
    void durations_data();
    void durations();
    void v2ObjectsAndStrings();
    void timeZoneFromOffset();
    void timeZoneFallback();
    void dstSwitch();
    void endBeforeStart();
    void wrongShape_data();
    void wrongShape();
    void emptyInput();
    void truncatedCamp2019();
    void syntaxErrorPosition();
    void deepNesting_data();
    void deepNesting();
    void moderateNestingIsFine();
    void hugeString();
    void hugeStringTruncated();
    void invalidUtf8_data();
    void invalidUtf8();
    void hugeNumbers();
    void byteOrderMark();
    void parseTimeCamp2019();

private:
    static QByteArray readData(const QString &relativePath);
    static ImportResult parseFile(const QString &relativePath, const ImportOptions &options = {});
};

QByteArray TestFrabJsonParser::readData(const QString &relativePath)
{
    QFile file(QStringLiteral(PLENARY_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(relativePath));
    return file.readAll();
}

ImportResult TestFrabJsonParser::parseFile(const QString &relativePath, const ImportOptions &options)
{
    ImportOptions opts = options;
    opts.sourceName = relativePath;
    return FrabJsonParser::parse(readData(relativePath), opts);
}

void TestFrabJsonParser::camp2019()
{
    const ImportResult result = parseFile(QStringLiteral("real/camp2019-frab-schedule.json"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const Conference &c = *result.conference;
    QCOMPARE(c.sourceFormat, "frab-json");
    QCOMPARE(c.id, "Camp2019");
    QCOMPARE(c.title, "Chaos Communication Camp 2019");
    QCOMPARE(c.version, "Gacrux");
    QCOMPARE(c.url, "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/");
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Berlin"));
    QCOMPARE(c.sessions.size(), 79);
    QCOMPARE(c.days.size(), 5);
    QCOMPARE(c.days.first().date, QDate(2019, 8, 21));
    QCOMPARE(c.days.last().date, QDate(2019, 8, 25));
    QCOMPARE(c.days.first().start, QDateTime(QDate(2019, 8, 21), QTime(9, 0), QTimeZone("Europe/Berlin")));
    QCOMPARE(c.days.first().end.toUTC(), QDateTime(QDate(2019, 8, 22), QTime(2, 0), QTimeZone::utc()));
    QCOMPARE(c.venue.rooms.size(), 2);
    QCOMPARE(c.venue.rooms.at(0).id, "curie");
    QCOMPARE(c.venue.rooms.at(1).name, "Meitner");
    QCOMPARE(c.tracks.size(), 7);
    QVERIFY(c.track(QStringLiteral("ethics-society-politics")));
    QCOMPARE(c.track(QStringLiteral("ethics-society-politics"))->name, "Ethics, Society & Politics");

    const Session *opening = c.session(QStringLiteral("a0a0fcfe-b7fb-46e3-84b6-97a5406016b4"));
    QVERIFY(opening);
    QCOMPARE(opening->title, "Opening Ceremony");
    QCOMPARE(opening->start.offsetFromUtc(), 2 * 3600);
    QCOMPARE(opening->start.toString(Qt::ISODate), "2019-08-21T11:00:00+02:00");
    QCOMPARE(opening->start.timeZone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(opening->durationMinutes(), 30);
    QCOMPARE(opening->roomId, "curie");
    QCOMPARE(opening->trackId, "ccc");
    QCOMPARE(opening->type, SessionType::Talk);
    QCOMPARE(opening->typeLabel, "lecture");
    QCOMPARE(opening->languages, QStringList{"en"});
    QCOMPARE(opening->speakerIds, (QStringList{"7797", "4827"}));
    QCOMPARE(opening->abstractText, "A hearty welcome me lasses and lads!");
    QCOMPARE(opening->url, "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10386.html");
    QVERIFY(c.speaker(QStringLiteral("7797")));
    QCOMPARE(c.speaker(QStringLiteral("7797"))->name, "jinxx");
    QCOMPARE(c.dayOf(*opening), 0);

    const Session *umlaut = c.session(QStringLiteral("df91b683-2f32-4400-8043-b1d88aa0b454"));
    QVERIFY(umlaut);
    QCOMPARE(umlaut->title, QString::fromUtf8("Die 5G-\xC3\x9C"
                                              "berwachungsstandards"));
    QCOMPARE(umlaut->languages, QStringList{"de"});
    const Session *ki = c.session(QStringLiteral("94273ff5-ae50-49bd-a892-5a5f2e8c8451"));
    QVERIFY(ki);
    QVERIFY(ki->title.contains(QString::fromUtf8("f\xC3\xBCr K\xC3\xBCnstliche Intelligenz")));

    const auto performance = std::find_if(c.sessions.cbegin(), c.sessions.cend(),
                                          [](const Session &s) { return s.typeLabel == u"performance"; });
    QVERIFY(performance != c.sessions.cend());

    QVERIFY(std::is_sorted(c.sessions.cbegin(), c.sessions.cend(),
                           [](const Session &a, const Session &b) { return a.start < b.start; }));
}

void TestFrabJsonParser::camp2019AcrossMidnight()
{
    const ImportResult result = parseFile(QStringLiteral("real/camp2019-frab-schedule.json"));
    QVERIFY(result.ok());
    const Conference &c = *result.conference;
    // "Achtung, Datenpannen!" starts at 23:00 on the 22nd and runs 90 minutes, into the 23rd.
    const Session *late = c.session(QStringLiteral("ed4b6c75-14f4-49fe-a11e-3762bd6b54e3"));
    QVERIFY(late);
    QCOMPARE(late->end.toString(Qt::ISODate), "2019-08-23T00:30:00+02:00");
    QCOMPARE(c.days.at(c.dayOf(*late)).date, QDate(2019, 8, 22));
}

void TestFrabJsonParser::hub38c3V2()
{
    const ImportResult result = parseFile(QStringLiteral("real/38c3-hub-schedule2-excerpt.json"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const Conference &c = *result.conference;
    QCOMPARE(c.sourceFormat, "schedule-v2-json");
    QCOMPARE(c.id, "38c3");
    QCOMPARE(c.url, "https://events.ccc.de/congress/2024/");
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Berlin"));
    QCOMPARE(c.sessions.size(), 2);
    QCOMPARE(c.days.size(), 4);

    QCOMPARE(c.venue.rooms.size(), 5);
    const Room *saal1 = c.room(QStringLiteral("saal-1"));
    QVERIFY(saal1);
    QCOMPARE(saal1->name, "Saal 1");
    QCOMPARE(saal1->capacity, std::optional<int>(3025));
    QCOMPARE(saal1->description, "Lecture hall in CCH central, Level +2 to +4");
    QCOMPARE(c.room(QStringLiteral("saal-glitch"))->capacity, std::optional<int>(1160));
    QCOMPARE(c.room(QStringLiteral("saal-glitch"))->description, "Lecture hall G in CCH West, Level +2");
    QCOMPARE(c.room(QStringLiteral("saal-zigzag"))->capacity, std::optional<int>(965));
    const Room *huff = c.room(QStringLiteral("stage-huff"));
    QVERIFY(huff);
    QVERIFY(!huff->capacity.has_value());
    QCOMPARE(huff->description, "Community-Stage in hall H, Level 0");
    QVERIFY(!c.room(QStringLiteral("stage-yell"))->capacity.has_value());

    QCOMPARE(c.tracks.size(), 7);
    const Track *hardware = c.track(QStringLiteral("hardware-making"));
    QVERIFY(hardware);
    QCOMPARE(hardware->name, "Hardware & Making");
    QCOMPARE(hardware->color, "#685b9d");

    const Session *opening = c.session(QStringLiteral("270fa44c-821a-577f-8ca3-33e8d4a8c2a7"));
    QVERIFY(opening);
    QCOMPARE(opening->title, "38C3: Opening Ceremony");
    QCOMPARE(opening->start.toString(Qt::ISODate), "2024-12-27T10:30:00+01:00");
    QCOMPARE(opening->durationMinutes(), 30);
    QCOMPARE(opening->roomId, "saal-1");
    QCOMPARE(opening->trackId, "ccc");
    QCOMPARE(opening->type, SessionType::Other);
    QCOMPARE(opening->typeLabel, "OTHER");
    QCOMPARE(opening->subtitle, QString());
    QCOMPARE(opening->speakerIds.size(), 3);
    QCOMPARE(opening->speakerIds.first(), "0c16ffaa-709d-599f-959f-9a38b911361a");
    const Speaker *gabriela = c.speaker(QStringLiteral("0c16ffaa-709d-599f-959f-9a38b911361a"));
    QVERIFY(gabriela);
    QCOMPARE(gabriela->name, "Gabriela Bogk");
    QVERIFY(gabriela->bio.startsWith("Gabriela, the hacker formerly known as Andreas"));
    QCOMPARE(gabriela->avatarUrl,
             "https://fahrplan.events.ccc.de/congress/2024/fahrplan/media/avatars/SB9MER_Hwgr1fW.jpg");
    const Speaker *aline = c.speaker(QStringLiteral("721a267b-b09d-5422-8221-4f9a71cfc727"));
    QVERIFY(aline);
    QVERIFY(aline->bio.contains(QString::fromUtf8("\xC3\x96konomin")));

    // Starts after midnight; the 27th runs until 06:00 on the 28th.
    const Session *ai = c.session(QStringLiteral("b1740c2f-0c44-5f1b-89ed-456a9eecf0b8"));
    QVERIFY(ai);
    QCOMPARE(ai->start.toString(Qt::ISODate), "2024-12-28T00:15:00+01:00");
    QCOMPARE(ai->durationMinutes(), 40);
    QCOMPARE(ai->roomId, "saal-zigzag");
    QCOMPARE(ai->trackId, "hardware-making");
    QCOMPARE(ai->type, SessionType::Talk);
    QCOMPARE(ai->subtitle, "Most Wanted Using Deep Reinforcement Learning");
    QCOMPARE(c.days.at(c.dayOf(*ai)).date, QDate(2024, 12, 27));
}

void TestFrabJsonParser::classicQuirks()
{
    const ImportResult result = parseFile(QStringLiteral("json/classic-quirks.json"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QCOMPARE(c.sourceFormat, "frab-json");
    QCOMPARE(c.id, "quirks25");
    QCOMPARE(c.version, "quirks-1");
    QCOMPARE(c.days.size(), 2);
    // 11 entries on day 1: one duplicate dropped, one without a start skipped, one not an object; 1 on day 2.
    QCOMPARE(c.sessions.size(), 9);

    QCOMPARE(c.venue.rooms.size(), 3);
    QCOMPARE(c.venue.rooms.at(0).id, "hall-a-floor-4");
    QCOMPARE(c.venue.rooms.at(0).name, "Hall A / Floor 4");
    QCOMPARE(c.venue.rooms.at(1).id, "empty-room");
    QCOMPARE(c.venue.rooms.at(2).id, "broken-room");

    QCOMPARE(c.track(QStringLiteral("security"))->color, "#0347b4");
    QCOMPARE(c.track(QStringLiteral("art-culture"))->name, "Art & Culture");
    QCOMPARE(c.track(QStringLiteral("art-culture"))->color, Track::defaultColor(u"Art & Culture"));
    QCOMPARE(c.track(QStringLiteral("short-colour"))->color, "#aabbcc");

    // Duplicate copies (same guid, same start) are one session; the same guid on another day is a second one.
    const Session *first = c.session(QStringLiteral("quirk-0001"));
    const Session *second = c.session(QStringLiteral("quirk-0001#2"));
    QVERIFY(first);
    QVERIFY(second);
    QCOMPARE(first->guid, second->guid);
    QCOMPARE(first->start.toString(Qt::ISODate), "2025-06-01T10:00:00+02:00");
    QCOMPARE(second->start.toString(Qt::ISODate), "2025-06-02T10:00:00+02:00");
    QCOMPARE(std::count_if(c.sessions.cbegin(), c.sessions.cend(),
                           [](const Session &s) { return s.guid == u"quirk-0001"; }),
             2);

    QCOMPARE(first->roomId, "hall-a-floor-4");
    QCOMPARE(first->trackId, "security");
    QCOMPARE(first->languages, (QStringList{"de", "en"}));
    QCOMPARE(first->type, SessionType::Workshop);
    QCOMPARE(first->typeLabel, "workshop");
    QCOMPARE(first->subtitle, "bilingual");
    QCOMPARE(first->url, "https://quirks.example.org/fahrplan/events/1.html");
    QVERIFY(first->abstractText.startsWith("Short abstract."));
    QVERIFY(first->abstractText.contains("description"));
    QVERIFY(!first->abstractHtml.contains("<script"));
    QCOMPARE(first->speakerIds, (QStringList{"7", "person-bob"}));
    const Speaker *bob = c.speaker(QStringLiteral("person-bob"));
    QVERIFY(bob);
    QCOMPARE(bob->name, "Bob");
    QCOMPARE(bob->bio, "Bob hacks.");
    QCOMPARE(bob->avatarUrl, "https://quirks.example.org/avatars/bob.png");
    QCOMPARE(c.speaker(QStringLiteral("7"))->name, "Ada");

    const Session *clockOnly = c.session(QStringLiteral("quirk-0002"));
    QVERIFY(clockOnly);
    QCOMPARE(clockOnly->start.toString(Qt::ISODate), "2025-06-01T11:45:00+02:00");
    QVERIFY(clockOnly->languages.isEmpty());
    QCOMPARE(clockOnly->speakerIds, QStringList{"ABC123"});
    QCOMPARE(c.speaker(QStringLiteral("ABC123"))->name, "Ada Lovelace");
    QCOMPARE(c.session(QStringLiteral("quirk-0003"))->languages, QStringList{"en"});

    // A clock time before the day's start belongs to the night after it, and to that day.
    const Session *night = c.session(QStringLiteral("quirk-0005"));
    QVERIFY(night);
    QCOMPARE(night->start.toString(Qt::ISODate), "2025-06-02T01:30:00+02:00");
    QCOMPARE(c.dayOf(*night), 0);
    QCOMPARE(night->type, SessionType::Social);

    // Missing guid: derived from the conference, the source id with the start, and the title.
    const auto noGuid = std::find_if(c.sessions.cbegin(), c.sessions.cend(),
                                     [](const Session &s) { return s.title == u"No guid"; });
    QVERIFY(noGuid != c.sessions.cend());
    QCOMPARE(noGuid->guid, Conference::deriveGuid(u"quirks25", u"42@2025-06-01T12:00:00+02:00", u"No guid"));
    QCOMPARE(noGuid->id, noGuid->guid);
    const ImportResult again = parseFile(QStringLiteral("json/classic-quirks.json"));
    QVERIFY(again.ok());
    QCOMPARE(again.conference->sessions, c.sessions);

    const Session *wrongTypes = c.session(QStringLiteral("quirk-0010"));
    QVERIFY(wrongTypes);
    QCOMPARE(wrongTypes->title, QString());
    QVERIFY(wrongTypes->speakerIds.isEmpty());
    QVERIFY(wrongTypes->trackId.isEmpty());
    QCOMPARE(wrongTypes->durationMinutes(), 0);
    QVERIFY(!c.session(QStringLiteral("quirk-0009")));
}

void TestFrabJsonParser::classicQuirksWarnings()
{
    const ImportResult result = parseFile(QStringLiteral("json/classic-quirks.json"));
    QVERIFY(result.ok());
    const QString days = QStringLiteral("schedule.conference.days");
    const QString hall = days + QStringLiteral("[0].rooms[\"Hall A / Floor 4\"]");
    const QStringList expected{
        QStringLiteral(
            "schedule.conference.tracks[1]: \"not-a-colour\" is not a #rrggbb colour; using a default"),
        hall + QStringLiteral("[8]: event \"No start at all\" has no usable start time; skipped"),
        hall + QStringLiteral("[9].title: expected text, found a number; ignored"),
        hall +
            QStringLiteral("[9].duration: \"abc\" is not a duration (HH:MM); the event ends when it starts"),
        hall + QStringLiteral("[9].track: expected a track name or object, found an array; ignored"),
        hall + QStringLiteral(
                   "[9].language: expected a language code or a list of them, found a number; ignored"),
        hall + QStringLiteral("[9].persons: expected an array, found a string; ignored"),
        hall + QStringLiteral("[10]: expected an event object, found a string; ignored"),
        days +
            QStringLiteral("[1].rooms[\"Broken Room\"]: expected a list of events, found an object; ignored"),
        days + QStringLiteral("[2]: expected a day object, found a number; ignored"),
    };
    for (const QString &warning : expected)
        QVERIFY2(result.warnings.contains(warning),
                 qPrintable(warning + u"\n---\n" + result.warnings.join(u'\n')));
    QCOMPARE(result.warnings.size(), expected.size());
}

void TestFrabJsonParser::durations_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<int>("minutes");
    QTest::newRow("HH:MM") << "quirk-0001" << 90;
    QTest::newRow("H:MM") << "quirk-0002" << 90;
    QTest::newRow("HH:MM:SS") << "quirk-0003" << 45;
    QTest::newRow("0:00") << "quirk-0004" << 0;
    QTest::newRow("over 12 hours") << "quirk-0006" << 14 * 60;
}

void TestFrabJsonParser::durations()
{
    QFETCH(QString, guid);
    QFETCH(int, minutes);
    const ImportResult result = parseFile(QStringLiteral("json/classic-quirks.json"));
    QVERIFY(result.ok());
    const Session *s = result.conference->session(guid);
    QVERIFY(s);
    QCOMPARE(s->durationMinutes(), minutes);
    if (guid == u"quirk-0003")
        QCOMPARE(s->start.secsTo(s->end), 45 * 60 + 30);
}

void TestFrabJsonParser::v2ObjectsAndStrings()
{
    const ImportResult result = parseFile(QStringLiteral("json/v2-objects.json"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QCOMPARE(c.sourceFormat, "schedule-v2-json");
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Vienna"));
    QCOMPARE(c.sessions.size(), 4);
    QCOMPARE(c.days.size(), 1);

    QCOMPARE(c.room(QStringLiteral("main-hall"))->capacity, std::optional<int>(500));
    QCOMPARE(c.room(QStringLiteral("main-hall"))->description, "Ground floor");
    QVERIFY(!c.room(QStringLiteral("side-room"))->capacity.has_value());
    QCOMPARE(c.room(QStringLiteral("side-room"))->description, "Erster Stock"); // conference default language
    for (const char *id : {"text-capacity", "negative", "huge", "too-big-int"}) {
        QVERIFY(c.room(QString::fromLatin1(id)));
        QVERIFY(!c.room(QString::fromLatin1(id))->capacity.has_value());
    }
    QVERIFY(result.warnings.contains(
        "conference.rooms[2].capacity: expected a whole number or null, found a string; ignored"));
    QVERIFY(result.warnings.contains("conference.rooms[3].capacity: capacity out of range; ignored"));
    QVERIFY(result.warnings.contains(
        "conference.rooms[4].capacity: expected a whole number or null, found a number; ignored"));
    QVERIFY(result.warnings.contains("conference.rooms[5].capacity: capacity out of range; ignored"));
    QCOMPARE(result.warnings.size(), 4);

    QCOMPARE(c.track(QStringLiteral("science"))->color, "#00a356");
    QCOMPARE(c.track(QStringLiteral("making"))->color, Track::defaultColor(u"Making"));

    const Session *objects = c.session(QStringLiteral("obj-1"));
    QVERIFY(objects);
    QCOMPARE(objects->roomId, "main-hall");
    QCOMPARE(objects->trackId, "science");
    QCOMPARE(objects->languages, (QStringList{"de", "en"}));
    QCOMPARE(objects->speakerIds, QStringList{"p-1"});
    QCOMPARE(objects->durationMinutes(), 40);

    const Session *strings = c.session(QStringLiteral("obj-2"));
    QVERIFY(strings);
    QCOMPARE(strings->roomId, "side-room");
    QCOMPARE(strings->trackId, "making");
    QCOMPARE(strings->type, SessionType::Workshop);
    QCOMPARE(strings->typeLabel, "Workshop");
    QCOMPARE(strings->speakerIds, (QStringList{"p-1", "p-2"}));

    const Session *byReference = c.session(QStringLiteral("obj-3"));
    QVERIFY(byReference);
    QCOMPARE(byReference->roomId, "side-room");
    QCOMPARE(byReference->trackId, "making");
    QCOMPARE(byReference->durationMinutes(), 25);

    const Session *dateAndDuration = c.session(QStringLiteral("obj-4"));
    QVERIFY(dateAndDuration);
    QCOMPARE(dateAndDuration->roomId, "main-hall");
    QCOMPARE(dateAndDuration->trackId, "science");
    QCOMPARE(dateAndDuration->end.toString(Qt::ISODate), "2025-03-02T00:30:00+01:00");
    QCOMPARE(c.dayOf(*dateAndDuration), 0);

    const Speaker *dan = c.speaker(QStringLiteral("p-2"));
    QVERIFY(dan);
    QCOMPARE(dan->bio, "Dan builds things.");
    QCOMPARE(dan->avatarUrl, "https://objs.example.org/dan.png");
}

void TestFrabJsonParser::timeZoneFromOffset()
{
    const ImportResult result = parseFile(QStringLiteral("json/no-timezone.json"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QVERIFY(c.timeZone.isValid());
    QCOMPARE(c.timeZone.offsetFromUtc(QDateTime(QDate(2025, 2, 10), QTime(12, 0), QTimeZone::utc())), 19800);
    const Session *clockOnly = c.session(QStringLiteral("tz-2"));
    QVERIFY(clockOnly);
    QCOMPARE(clockOnly->start.toString(Qt::ISODate), "2025-02-10T11:00:00+05:30");
    QCOMPARE(c.session(QStringLiteral("tz-1"))->start.toUTC(),
             QDateTime(QDate(2025, 2, 10), QTime(4, 0), QTimeZone::utc()));
}

void TestFrabJsonParser::timeZoneFallback()
{
    const QByteArray noOffsets = R"({"schedule": {"conference": {"acronym": "x", "days": [
        {"date": "2025-05-05", "rooms": {"R": [{"guid": "g", "start": "10:00", "duration": "01:00"}]}}]}}})";
    ImportOptions options;
    options.fallbackTimeZone = QTimeZone("Asia/Tokyo");
    const ImportResult tokyo = FrabJsonParser::parse(noOffsets, options);
    QVERIFY(tokyo.ok());
    QCOMPARE(tokyo.conference->timeZone.id(), QByteArray("Asia/Tokyo"));
    QCOMPARE(tokyo.conference->sessions.first().start.toString(Qt::ISODate), "2025-05-05T10:00:00+09:00");
    // Day spans come from the day's events when the day has none.
    QCOMPARE(tokyo.conference->days.first().start, tokyo.conference->sessions.first().start);

    const ImportResult utc = FrabJsonParser::parse(noOffsets);
    QVERIFY(utc.ok());
    QCOMPARE(utc.conference->timeZone, QTimeZone::utc());
    QCOMPARE(utc.conference->sessions.first().start.toString(Qt::ISODate), "2025-05-05T10:00:00+00:00");

    const QByteArray badName = R"({"schedule": {"conference": {"time_zone_name": "Mars/Olympus", "days": [
        {"date": "2025-05-05", "day_start": "2025-05-05T09:00:00-04:00", "rooms": {}}]}}})";
    const ImportResult bad = FrabJsonParser::parse(badName, options);
    QVERIFY(bad.ok());
    QCOMPARE(bad.conference->timeZone.offsetFromUtc(QDateTime::currentDateTimeUtc()), -4 * 3600);
    QCOMPARE(bad.warnings,
             QStringList{
                 "schedule.conference.time_zone_name: unknown time zone \"Mars/Olympus\"; using the offsets "
                 "in the dates"});
}

void TestFrabJsonParser::dstSwitch()
{
    const ImportResult result = parseFile(QStringLiteral("json/dst-berlin-2025.json"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY(result.warnings.isEmpty());
    const Conference &c = *result.conference;
    QCOMPARE(c.sessions.size(), 5);
    QCOMPARE(c.session(QStringLiteral("dst-evening"))->start.offsetFromUtc(), 7200);

    const Session *crossing = c.session(QStringLiteral("dst-crossing"));
    QVERIFY(crossing);
    QCOMPARE(crossing->start.offsetFromUtc(), 7200);
    QCOMPARE(crossing->end.offsetFromUtc(), 3600);
    QCOMPARE(crossing->end.toString(Qt::ISODate), "2025-10-26T02:30:00+01:00");
    QCOMPARE(crossing->durationMinutes(), 90);

    const Session *firstHalfPast = c.session(QStringLiteral("dst-first-0230"));
    const Session *secondHalfPast = c.session(QStringLiteral("dst-second-0230"));
    QVERIFY(firstHalfPast);
    QVERIFY(secondHalfPast);
    QCOMPARE(firstHalfPast->start.offsetFromUtc(), 7200);
    QCOMPARE(secondHalfPast->start.offsetFromUtc(), 3600);
    QCOMPARE(secondHalfPast->start.time(), QTime(2, 30));
    QCOMPARE(firstHalfPast->start.secsTo(secondHalfPast->start), 3600);
    QCOMPARE(c.dayOf(*secondHalfPast), 0);

    const Session *sunday = c.session(QStringLiteral("dst-sunday"));
    QVERIFY(sunday);
    QCOMPARE(sunday->start.toString(Qt::ISODate), "2025-10-26T10:00:00+01:00");
    QCOMPARE(c.dayOf(*sunday), 1);
}

void TestFrabJsonParser::endBeforeStart()
{
    const ImportResult result =
        FrabJsonParser::parse(R"({"schedule": {"conference": {"time_zone_name": "UTC"},
        "events": [{"guid": "back", "title": "Backwards", "start": "2025-01-01T10:00:00Z",
                    "end": "2025-01-01T09:00:00Z"}]}})");
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Session *backwards = result.conference->session(QStringLiteral("back"));
    QVERIFY(backwards);
    QCOMPARE(backwards->end, backwards->start);
    QCOMPARE(
        result.warnings,
        QStringList{
            "schedule.events[0]: event \"Backwards\" ends before it starts; using its start as its end"});
}

void TestFrabJsonParser::wrongShape_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    const QString prefix = QStringLiteral("not a frab/C3VOC schedule: ");
    QTest::newRow("array") << QByteArray("[]") << prefix + "the document is an array, not an object";
    QTest::newRow("string") << QByteArray("\"schedule\"")
                            << prefix + "the document is a string, not an object";
    QTest::newRow("null") << QByteArray("null") << prefix + "the document is null, not an object";
    QTest::newRow("number") << QByteArray("42") << prefix + "the document is a number, not an object";
    QTest::newRow("foo") << QByteArray(R"({"foo":1})") << prefix + "no \"schedule\" object";
    QTest::newRow("schedule number") << QByteArray(R"({"schedule": 5})")
                                     << prefix + "\"schedule\" is a number, not an object";
    QTest::newRow("schedule empty") << QByteArray(R"({"schedule": {}})")
                                    << prefix + "no \"conference\" object";
    QTest::newRow("conference array") << QByteArray(R"({"schedule": {"conference": []}})")
                                      << prefix + "\"conference\" is an array, not an object";
    QTest::newRow("no days") << QByteArray(R"({"schedule": {"conference": {"title": "x"}}})")
                             << prefix + "no \"days\" or \"events\" list";
    QTest::newRow("days string") << QByteArray(R"({"schedule": {"conference": {"days": "monday"}}})")
                                 << prefix + "\"days\" is a string, not a list";
    QTest::newRow("plenary feed") << QByteArray(R"({"plenaryFeed": 1, "sessions": []})")
                                  << prefix + "no \"schedule\" object";
}

void TestFrabJsonParser::wrongShape()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    ImportOptions options;
    options.sourceName = QStringLiteral("shape.json");
    const ImportResult result = FrabJsonParser::parse(data, options);
    QVERIFY(!result.ok());
    QVERIFY(!result.conference);
    QCOMPARE(result.error.message, message);
    QCOMPARE(result.error.source, "shape.json");
}

void TestFrabJsonParser::emptyInput()
{
    for (const QByteArray &data : {QByteArray(), QByteArray(" \n\t\r\n")}) {
        const ImportResult result = FrabJsonParser::parse(data);
        QVERIFY(!result.ok());
        QCOMPARE(result.error.message, "the file is empty");
    }
}

void TestFrabJsonParser::truncatedCamp2019()
{
    const QByteArray full = readData(QStringLiteral("real/camp2019-frab-schedule.json"));
    ImportOptions options;
    options.sourceName = QStringLiteral("camp.json");

    // Cut in the middle of a string value.
    const QByteArray half = full.left(full.size() / 2);
    const ImportResult inString = FrabJsonParser::parse(half, options);
    QVERIFY(!inString.ok());
    QCOMPARE(inString.error.message, "invalid JSON: invalid string: missing closing quote");
    QCOMPARE(inString.error.line, half.count('\n') + 1);
    QVERIFY(inString.error.column > 1);
    QVERIFY(inString.error.toString().startsWith(QStringLiteral("camp.json:%1:").arg(inString.error.line)));

    // Cut after a complete event object.
    const QByteArray afterEvent = full.left(full.lastIndexOf("},", full.size() / 2) + 1);
    const ImportResult structural = FrabJsonParser::parse(afterEvent, options);
    QVERIFY(!structural.ok());
    QCOMPARE(structural.error.message, "invalid JSON: unexpected end of input; expected ']'");
    QCOMPARE(structural.error.line, afterEvent.count('\n') + 1);
    QCOMPARE(structural.error.column, afterEvent.size() - afterEvent.lastIndexOf('\n'));
}

void TestFrabJsonParser::syntaxErrorPosition()
{
    const QByteArray data = "{\n  \"schedule\": {\n    \"t\u00EEtle\": ,\n  }\n}\n";
    const ImportResult result = FrabJsonParser::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, 3);
    QCOMPARE(result.error.column, 14); // columns count characters, not bytes
    QVERIFY2(result.error.message.startsWith("invalid JSON: unexpected ','"),
             qPrintable(result.error.message));

    const ImportResult trailing = FrabJsonParser::parse(R"({"schedule": {}} trailing)");
    QVERIFY(!trailing.ok());
    QCOMPARE(trailing.error.line, 1);
    QCOMPARE(trailing.error.column, 20); // the first byte that cannot continue a literal ("tr" + 'a')
    QVERIFY2(trailing.error.message.startsWith("invalid JSON: invalid literal"),
             qPrintable(trailing.error.message));
}

void TestFrabJsonParser::deepNesting_data()
{
    QTest::addColumn<QByteArray>("data");
    const int depth = 100000;
    QTest::newRow("open arrays") << QByteArray(depth, '[');
    QTest::newRow("balanced arrays") << QByteArray(depth, '[') + QByteArray(depth, ']');
    QByteArray objects;
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(depth, '}');
    QTest::newRow("objects") << objects;
    QTest::newRow("inside a schedule") << QByteArray("{\"schedule\":{\"conference\":{\"title\":") +
                                              QByteArray(depth, '[') + QByteArray(depth, ']') + "}}}";
}

void TestFrabJsonParser::deepNesting()
{
    QFETCH(QByteArray, data);
    const ImportResult result = FrabJsonParser::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.message, "invalid JSON: nested deeper than 256 levels");
    QCOMPARE(result.error.line, 1);
    // The offending bracket is the 257th one.
    const QByteArray prefix = data.left(result.error.column - 1);
    QCOMPARE(prefix.count('[') + prefix.count('{'), 256);
    QVERIFY(data.at(result.error.column - 1) == '[' || data.at(result.error.column - 1) == '{');
}

void TestFrabJsonParser::moderateNestingIsFine()
{
    const QByteArray data = QByteArray("{\"schedule\":{\"extra\":") + QByteArray(200, '[') +
                            QByteArray(200, ']') + ",\"conference\":{\"title\":\"Nested\",\"days\":[]}}}";
    const ImportResult result = FrabJsonParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->title, "Nested");
    QVERIFY(result.conference->sessions.isEmpty());
}

void TestFrabJsonParser::hugeString()
{
    const qsizetype size = 100 * 1024 * 1024;
    QByteArray data;
    data.reserve(size + 400);
    data += R"({"schedule": {"blob": ")";
    data += QByteArray(size, 'a');
    data += R"(", "conference": {"title": "Huge", "days": [{"date": "2025-01-01", "rooms": {"R": [
        {"guid": "g", "date": "2025-01-01T10:00:00Z", "duration": "00:10", "title": "Still here"}]}}]}}})";

    const ImportResult refused = FrabJsonParser::parse(data);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.message.contains("more than the limit of 67108864 bytes"),
             qPrintable(refused.error.message));

    ImportOptions options;
    options.maxInputBytes = 256 * 1024 * 1024;
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = FrabJsonParser::parse(data, options);
    const qint64 elapsed = timer.elapsed();
    qInfo("100 MB string value parsed in %lld ms", elapsed);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->sessions.size(), 1);
    QCOMPARE(result.conference->sessions.first().title, "Still here");
}

void TestFrabJsonParser::hugeStringTruncated()
{
    QByteArray data = R"({"schedule": {"conference": {"title": ")";
    data += QByteArray(100 * 1024 * 1024, 'a');
    ImportOptions options;
    options.maxInputBytes = 256 * 1024 * 1024;
    const ImportResult result = FrabJsonParser::parse(data, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.message, "invalid JSON: invalid string: missing closing quote");
    QCOMPARE(result.error.line, 1);
    QCOMPARE(result.error.column, data.size() + 1);
}

void TestFrabJsonParser::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString inString = QStringLiteral("invalid UTF-8 in a string (the file must be UTF-8 encoded)");
    QTest::newRow("latin-1 e-acute") << QByteArray("{\"schedule\": {\n\"title\": \"Caf\xE9\"}}") << inString
                                     << 2 << 14;
    QTest::newRow("lone continuation") << QByteArray("{\"a\": \"x\x80y\"}") << inString << 1 << 9;
    QTest::newRow("overlong slash") << QByteArray("{\"a\": \"\xC0\xAF\"}") << inString << 1 << 8;
    QTest::newRow("truncated sequence") << QByteArray("{\"a\": \"\xE2\x82\"}") << inString << 1 << 8;
    QTest::newRow("outside a string")
        << QByteArray("{\"a\": \xFF}") << QStringLiteral("invalid JSON: invalid literal") << 1 << 7;
    QTest::newRow("lone surrogate escape")
        << QByteArray(R"({"a": "\ud800"})")
        << QStringLiteral(
               "invalid JSON: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF")
        << 1 << 14;
}

void TestFrabJsonParser::invalidUtf8()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const ImportResult result = FrabJsonParser::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.message, message);
    QCOMPARE(result.error.line, line);
    QCOMPARE(result.error.column, column);
}

void TestFrabJsonParser::hugeNumbers()
{
    const ImportResult overflow = FrabJsonParser::parse(R"({"schedule": {"version": 1e999}})");
    QVERIFY(!overflow.ok());
    QCOMPARE(overflow.error.message, "invalid JSON: number overflow parsing '1e999'");
    QCOMPARE(overflow.error.line, 1);

    const QByteArray longNumber = "{\"schedule\": {\"version\": 1" + QByteArray(5000, '0') + ".5}}";
    const ImportResult longOverflow = FrabJsonParser::parse(longNumber);
    QVERIFY(!longOverflow.ok());
    QVERIFY(longOverflow.error.message.startsWith("invalid JSON: number overflow parsing '10000"));
    QVERIFY(longOverflow.error.message.size() < 200);

    const ImportResult big = FrabJsonParser::parse(R"({"schedule": {"version": 123456789012345678901234567890,
        "conference": {"days": [{"date": "2025-01-01", "rooms": {"R": [
        {"guid": 18446744073709551615, "id": -9223372036854775808, "date": "2025-01-01T10:00:00Z"}]}}]}}})");
    QVERIFY2(big.ok(), qPrintable(big.error.toString()));
    QCOMPARE(big.conference->version, QString());
    QCOMPARE(big.warnings,
             QStringList{"schedule.version: expected a string or a whole number, found a number; ignored"});
    QCOMPARE(big.conference->sessions.first().guid, "18446744073709551615");
}

void TestFrabJsonParser::byteOrderMark()
{
    const QByteArray data =
        "\xEF\xBB\xBF{\"schedule\": {\"conference\": {\"title\": \"BOM\", \"days\": []}}}";
    const ImportResult result = FrabJsonParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->title, "BOM");
}

void TestFrabJsonParser::parseTimeCamp2019()
{
    // A measurement for the report, not a timed assertion.
    const QByteArray data = readData(QStringLiteral("real/camp2019-frab-schedule.json"));
    QList<qint64> nanoseconds;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        const ImportResult result = FrabJsonParser::parse(data);
        nanoseconds.append(timer.nsecsElapsed());
        QCOMPARE(result.conference->sessions.size(), 79);
    }
    std::sort(nanoseconds.begin(), nanoseconds.end());
    qInfo("camp2019 (%lld bytes): median parse time %.2f ms over 20 runs (min %.2f, max %.2f)",
          static_cast<long long>(data.size()), nanoseconds.at(10) / 1e6, nanoseconds.first() / 1e6,
          nanoseconds.last() / 1e6);
}

QTEST_GUILESS_MAIN(TestFrabJsonParser)
#include "tst_frabjsonparser.moc"
