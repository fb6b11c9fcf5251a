#include "conferencesnapshot.h"
#include "scheduleimporter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Plenary;

namespace {
Conference imported(const QString &path)
{
    const ImportResult result = ScheduleImporter::importFile(path);
    if (!result.ok())
        qFatal("cannot import %s: %s", qPrintable(path), qPrintable(result.error.toString()));
    return *result.conference;
}

// A small conference with every kind of field and time the format keeps.
Conference everyField()
{
    Conference c;
    c.id = "snap";
    c.title = "Snapshot Summit 서울";
    c.subtitle = "with a subtitle";
    c.timeZone = QTimeZone("America/New_York");
    c.version = "v7";
    c.url = "https://example.org/";
    c.sourceFormat = "pentabarf-xml";
    c.venue.name = "Hall";
    c.venue.address = "1 Main St";
    c.venue.floors = {Floor{"f1", "Floor 1", 1}, Floor{"b1", "Basement", -1}};
    c.venue.rooms = {Room{"r1", "Room 1", "f1", "Quiet", {}, 40},
                     Room{"bar", "Bar", {}, {}, "2 Side St", {}}};
    const QDate day(2027, 5, 12);
    c.days = {
        Day{day, QDateTime(day, QTime(8, 0), c.timeZone), QDateTime(day.addDays(1), QTime(2, 0), c.timeZone)},
        Day{day.addDays(1), {}, {}}};
    c.tracks = {Track{"t", "Track", "#123456"}};
    c.speakers = {Speaker{"s1", "Ada", "Example Inc.", "Bio\nwith lines", "https://example.org/a.png"}};
    Session a;
    a.guid = "g-a";
    a.title = "Local time";
    a.subtitle = "Sub";
    a.type = SessionType::HandsOnLab;
    a.typeLabel = "lab";
    a.trackId = "t";
    a.roomId = "r1";
    a.start = QDateTime(day, QTime(10, 0), c.timeZone);
    a.end = QDateTime(day, QTime(11, 30), c.timeZone);
    a.abstractText = "Plain <text> & more";
    a.abstractHtml = "<p>Plain &lt;text&gt; &amp; <b>more</b></p>";
    a.speakerIds = {"s1"};
    a.level = "beginner";
    a.tags = {"one", "two"};
    a.languages = {"en", "ko"};
    a.seatCapacity = 24;
    a.registrationRequired = true;
    a.url = "https://example.org/a";
    a.links = {Link{"Slides", "https://example.org/slides"}};
    Session b;
    b.guid = "g-b";
    b.title = "Times in other zones";
    b.type = SessionType::Other;
    b.roomId = "bar";
    b.start = QDateTime(day, QTime(20, 0), Qt::UTC);
    b.end = QDateTime(day, QTime(23, 0), Qt::OffsetFromUTC, 2 * 3600);
    b.seatCapacity = 0;
    Session repeat = a; // the same event again: normalize() gives it id "g-a#2"
    repeat.start = a.start.addDays(1);
    repeat.end = a.end.addDays(1);
    c.sessions = {a, b, repeat};
    Session berlin = b;
    berlin.guid = "g-c";
    berlin.start = QDateTime(day, QTime(18, 0), QTimeZone("Europe/Berlin"));
    berlin.end = QDateTime();
    c.sessions.append(berlin);
    c.normalize();
    return c;
}

QString zoneOf(const QDateTime &t)
{
    return t.timeSpec() == Qt::TimeZone
               ? QString::fromLatin1(t.timeZone().id())
               : QString::number(int(t.timeSpec())) + u'/' + QString::number(t.offsetFromUtc());
}
} // namespace

class TestConferenceSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackWhatWasWritten_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("FOSDEM 2025 (Pentabarf XML)")
            << QStringLiteral(PLENARY_TEST_DATA_DIR "/real/fosdem-2025-schedule.xml");
        QTest::newRow("CCC camp 2019 (frab JSON)")
            << QStringLiteral(PLENARY_TEST_DATA_DIR "/real/camp2019-frab-schedule.json");
        QTest::newRow("linux.conf.au 2020 (iCalendar)")
            << QStringLiteral(PLENARY_TEST_DATA_DIR "/real/linux_conf_au_2020.ics");
        QTest::newRow("sample (Plenary feed)")
            << QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/conference.json");
        QTest::newRow("every field") << QString();
    }

    void readsBackWhatWasWritten()
    {
        QFETCH(QString, path);
        const Conference original = path.isEmpty() ? everyField() : imported(path);
        const QByteArray snapshot = ConferenceSnapshot::write(original);
        const std::optional<Conference> back = ConferenceSnapshot::read(snapshot);
        QVERIFY(back);
        QVERIFY(*back == original);
        QCOMPARE(back->timeZone.id(), original.timeZone.id());
        QCOMPARE(back->sourceFormat, original.sourceFormat);
        for (qsizetype i = 0; i < original.sessions.size(); ++i) {
            QCOMPARE(back->sessions[i].id, original.sessions[i].id);
            QCOMPARE(zoneOf(back->sessions[i].start), zoneOf(original.sessions[i].start));
            QCOMPARE(zoneOf(back->sessions[i].end), zoneOf(original.sessions[i].end));
        }
        QCOMPARE(back->session(original.sessions.last().id)->title, original.sessions.last().title);
        QCOMPARE(ConferenceSnapshot::write(*back), snapshot);
    }

    void everyFieldIsKept()
    {
        const Conference original = everyField();
        const std::optional<Conference> back = ConferenceSnapshot::read(ConferenceSnapshot::write(original));
        QVERIFY(back);
        QCOMPARE(back->sessions.size(), 4);
        const Session *repeat = back->session("g-a#2");
        QVERIFY(repeat);
        QCOMPARE(repeat->seatCapacity, std::optional<int>(24));
        QCOMPARE(repeat->links.value(0).url, "https://example.org/slides");
        QCOMPARE(back->venue.rooms.value(1).capacity, std::nullopt);
        QCOMPARE(back->venue.rooms.value(0).capacity, std::optional<int>(40));
        QCOMPARE(back->venue.floors.value(1).level, -1);
        QVERIFY(!back->days.value(1).start.isValid());
        QCOMPARE(back->session("g-b")->end.offsetFromUtc(), 2 * 3600);
        QCOMPARE(back->session("g-c")->start.timeZone().id(), "Europe/Berlin");
        QVERIFY(!back->session("g-c")->end.isValid());
    }

    void otherVersionsAndDamageReadAsNothing()
    {
        const QByteArray good = ConferenceSnapshot::write(everyField());
        QVERIFY(ConferenceSnapshot::read(good));
        QVERIFY(!ConferenceSnapshot::read({}));
        QVERIFY(!ConferenceSnapshot::read("PLNS"));
        QVERIFY(!ConferenceSnapshot::read(QByteArray("{\"conference\":{}}")));
        QByteArray otherVersion = good;
        otherVersion[4] = char(ConferenceSnapshot::kFormatVersion + 1);
        QVERIFY(!ConferenceSnapshot::read(otherVersion));
        QVERIFY(!ConferenceSnapshot::read(QByteArray(good + QByteArray(1, 0)))); // trailing bytes
        for (qsizetype cut = 0; cut < good.size(); ++cut)
            QVERIFY2(!ConferenceSnapshot::read(good.first(cut)), qPrintable(QString::number(cut)));
    }

    void hugeCountsAreRefusedBeforeAllocating()
    {
        // Magic, version, then an id "claiming" 4 GiB, then a list count of 4 billion in a valid prefix.
        QByteArray hugeText("PLNS");
        hugeText.append("\x01\x00\x00\x00", 4);
        hugeText.append("\xf0\xff\xff\xff", 4);
        hugeText.append("abc");
        QVERIFY(!ConferenceSnapshot::read(hugeText));
        Conference empty;
        empty.id = "e";
        empty.timeZone = QTimeZone::utc();
        QByteArray hugeList = ConferenceSnapshot::write(empty);
        // The last four bytes are the session count (0); make it 0xffffffff.
        hugeList.chop(4);
        hugeList.append("\xff\xff\xff\xff", 4);
        QVERIFY(!ConferenceSnapshot::read(hugeList));
    }

    void flippedBytesNeverCrash()
    {
        // Every byte of a small snapshot changed in turn: each read is either refused or a whole conference.
        const QByteArray good = ConferenceSnapshot::write(everyField());
        QRandomGenerator random(11);
        int refused = 0;
        for (qsizetype at = 0; at < good.size(); ++at) {
            QByteArray damaged = good;
            damaged[at] = char(damaged[at] ^ char(1 + random.bounded(255)));
            const std::optional<Conference> read = ConferenceSnapshot::read(damaged);
            if (!read)
                ++refused;
            else
                QVERIFY(read->timeZone.isValid());
        }
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestConferenceSnapshot)
#include "tst_conferencesnapshot.moc"
