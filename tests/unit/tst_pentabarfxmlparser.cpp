#include "htmlsanitizer.h"
#include "pentabarfxmlparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Plenary;

namespace {

QByteArray readData(const QString &relativePath)
{
    QFile file(QStringLiteral(PLENARY_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

ImportResult parseFile(const QString &relativePath, ImportOptions options = {})
{
    if (options.sourceName.isEmpty())
        options.sourceName = relativePath;
    return PentabarfXmlParser::parse(readData(relativePath), options);
}

const Session *sessionByGuid(const Conference &conference, const QString &guid)
{
    for (const Session &session : conference.sessions) {
        if (session.guid == guid)
            return &session;
    }
    return nullptr;
}

const Session *sessionByTitle(const Conference &conference, const QString &title)
{
    for (const Session &session : conference.sessions) {
        if (session.title == title)
            return &session;
    }
    return nullptr;
}

QDateTime at(const char *isoWithOffset)
{
    return QDateTime::fromString(QString::fromLatin1(isoWithOffset), Qt::ISODate);
}

} // namespace

class TestPentabarfXmlParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fosdem2025();
    void fosdem2025TextDecoding();
    void fosdem2021();
    void fosdem2021RelativeLinks();
    void quirks();
    void afterMidnight();
    void dstDay();
    void timeZoneFromOffset();
    void timeZoneFallbacks();
    void zeroEvents();
    void hostile_data();
    void hostile();
    void truncatedFosdem();
    void deepNesting();
    void hugeSingleLine();
    void wrongEncoding();
};

void TestPentabarfXmlParser::fosdem2025()
{
    const ImportResult result = parseFile(QStringLiteral("real/fosdem-2025-schedule.xml"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY(result.warnings.isEmpty());
    const Conference &c = *result.conference;
    QCOMPARE(c.id, QString("fosdem-2025"));
    QCOMPARE(c.title, QString("FOSDEM 2025"));
    QCOMPARE(c.sourceFormat, QString("pentabarf-xml"));
    QCOMPARE(c.version, QString("latest"));
    QCOMPARE(c.url, QString("https://fosdem.org/2025/schedule/"));
    QCOMPARE(c.venue.name, QString::fromUtf8("ULB (Université Libre de Bruxelles)"));
    QCOMPARE(c.venue.address, QString("Brussels"));
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Brussels"));
    QCOMPARE(c.sessions.size(), 943);
    QCOMPARE(c.days.size(), 2);
    QCOMPARE(c.days[0].date, QDate(2025, 2, 1));
    QCOMPARE(c.days[1].date, QDate(2025, 2, 2));
    QCOMPARE(c.days[0].start, at("2025-02-01T09:00:00+01:00"));
    QCOMPARE(c.days[0].end, at("2025-02-02T08:59:00+01:00"));
    QCOMPARE(c.venue.rooms.size(), 40);
    QCOMPARE(c.tracks.size(), 74);
    QCOMPARE(c.speakers.size(), 992);

    for (const Session &s : c.sessions) {
        QCOMPARE(s.start.timeSpec(), Qt::TimeZone);
        QCOMPARE(s.start.timeZone(), c.timeZone);
        QCOMPARE(s.start.offsetFromUtc(), 3600);
        QVERIFY(s.end >= s.start);
        QVERIFY(c.dayOf(s) >= 0);
    }

    const Session *first = sessionByGuid(c, QStringLiteral("852280ac-61d3-588c-b74c-8d87f9d9d2c6"));
    QVERIFY(first);
    QCOMPARE(first->id, first->guid);
    QCOMPARE(first->title, QString("A New Approach to Callee-Saved Registers in LLVM"));
    QCOMPARE(first->start, at("2025-02-01T10:35:00+01:00"));
    QCOMPARE(first->start.toString(Qt::ISODate), QString("2025-02-01T10:35:00+01:00"));
    QCOMPARE(first->durationMinutes(), 25);
    QCOMPARE(first->roomId, Conference::keyFromName(u"K.3.201"));
    QCOMPARE(c.room(first->roomId)->name, QString("K.3.201"));
    QCOMPARE(c.track(first->trackId)->name, QString("LLVM"));
    QCOMPARE(first->typeLabel, QString("devroom"));
    QCOMPARE(first->type, SessionType::Talk);
    QCOMPARE(first->languages, QStringList{"en"});
    QCOMPARE(first->speakerIds, QStringList{"4744"});
    QCOMPARE(c.speaker("4744")->name, QString("Mikhail Gudim"));
    QCOMPARE(first->url, QString("https://fosdem.org/2025/schedule/event/"
                                 "fosdem-2025-6210-a-new-approach-to-callee-saved-registers-in-llvm/"));
    QVERIFY(first->abstractText.startsWith("Currently LLVM saves and restores callee-saved registers during "
                                           "prologue-epilogue insertion pass. I would like"));

    const Session *heart = sessionByGuid(c, QStringLiteral("a501c29d-c40f-5885-9f75-0a01865d9448"));
    QVERIFY(heart);
    QCOMPARE(heart->title,
             QString::fromUtf8("SIP-V+T=❤️? Tales of taking VoIP out of SIP and adding TCP instead, "
                               "or Proxy All Things"));
    QCOMPARE(heart->start, at("2025-02-01T16:15:00+01:00"));
    QCOMPARE(heart->durationMinutes(), 15);
    QCOMPARE(c.room(heart->roomId)->name, QString("K.3.601"));

    const Session *email = sessionByGuid(c, QStringLiteral("27c44f03-e83a-55c2-b10a-7298b3ec74ff"));
    QVERIFY(email);
    QCOMPARE(email->title, QString::fromUtf8("Welcome to the Modern Email DevRoom 💌"));
    QVERIFY(email->speakerIds.isEmpty());

    const Session *longest =
        sessionByTitle(c, QStringLiteral("MicroCode: Live, Portable Programming for Children"));
    QVERIFY(longest);
    QCOMPARE(longest->durationMinutes(), 90);

    const Session *sunday = sessionByGuid(c, QStringLiteral("1db842d7-cbb5-5416-9a96-1380d5743fd4"));
    QVERIFY(sunday);
    QCOMPARE(sunday->start, at("2025-02-02T17:05:00+01:00"));
    QCOMPARE(c.dayOf(*sunday), 1);
}

void TestPentabarfXmlParser::fosdem2025TextDecoding()
{
    const ImportResult result = parseFile(QStringLiteral("real/fosdem-2025-schedule.xml"));
    QVERIFY(result.ok());
    const Conference &c = *result.conference;

    // "=&amp;gt;" in the XML is "=&gt;" in the HTML, "=>" in the text.
    const Session *flang = sessionByTitle(c, QStringLiteral("O_o [ Flang + WASM ] o_O"));
    QVERIFY(flang);
    QCOMPARE(flang->abstractText,
             QString("Fortran => Scientific Computing => Performance Wasm => In Browser => "
                     "Portability\n\nWhy would someone want to have both? Can Flang actually "
                     "do that?"));
    QVERIFY(flang->abstractHtml.startsWith("<p>Fortran =&gt; Scientific Computing =&gt; Performance"));

    const Track *hpc = c.track(Conference::keyFromName(u"HPC, Big Data & Data Science"));
    QVERIFY(hpc);
    QCOMPARE(hpc->name, QString("HPC, Big Data & Data Science"));

    // An attachment becomes one of the session's links.
    const Session *nova = sessionByGuid(c, QStringLiteral("dddfbd95-714d-52ad-8200-8d139b351af2"));
    QVERIFY(nova);
    QVERIFY(nova->links.contains(
        Link{"Technical report of the NOVA formal specification",
             "https://fosdem.org/2025/events/attachments/fosdem-2025-5083-a-formal-specification-of-the-"
             "nova-microhypervisor/slides/23385/paper_WDpfx6o.pdf"}));

    for (const Session &s : c.sessions) {
        QVERIFY2(!s.abstractText.contains("&lt;") && !s.abstractText.contains("<p>"), qPrintable(s.title));
        QVERIFY2(!s.abstractText.contains("&amp;"), qPrintable(s.title));
        QVERIFY2(!s.abstractHtml.contains("<script", Qt::CaseInsensitive), qPrintable(s.title));
        QVERIFY2(!s.abstractHtml.contains("<img", Qt::CaseInsensitive), qPrintable(s.title));
        // Stored rich text survives being sanitized again (the feed parser does so) unchanged.
        QCOMPARE(HtmlSanitizer::sanitize(s.abstractHtml).safeHtml, s.abstractHtml);
    }
}

void TestPentabarfXmlParser::fosdem2021()
{
    ImportOptions options;
    options.fallbackTimeZone = QTimeZone("Europe/Brussels");
    const ImportResult result = parseFile(QStringLiteral("real/fosdem-2021-schedule.xml"), options);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QCOMPARE(c.id, QString("fosdem-2021"));
    QCOMPARE(c.title, QString("FOSDEM 2021"));
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Brussels"));
    QCOMPARE(c.sessions.size(), 773);
    QCOMPARE(c.days.size(), 2);
    QCOMPARE(c.days[0].date, QDate(2021, 2, 6));
    QCOMPARE(c.days[0].start, at("2021-02-06T00:00:00+01:00"));
    QCOMPARE(c.days[0].end, at("2021-02-07T00:00:00+01:00"));
    QCOMPARE(c.venue.rooms.size(), 108);
    QCOMPARE(c.tracks.size(), 109);
    QCOMPARE(c.speakers.size(), 684);

    const Session *welcome = sessionByTitle(c, QStringLiteral("Welcome to FOSDEM 2021"));
    QVERIFY(welcome);
    QCOMPARE(welcome->start, at("2021-02-06T09:00:00+01:00"));
    QCOMPARE(welcome->start.timeZone(), c.timeZone);
    QCOMPARE(welcome->durationMinutes(), 25);
    QVERIFY(welcome->languages.isEmpty());
    QCOMPARE(welcome->guid,
             Conference::deriveGuid(u"fosdem-2021", u"11795@2021-02-06T09:00", u"Welcome to FOSDEM 2021"));
    QCOMPARE(welcome->abstractText, QString("FOSDEM welcome and opening talk.\n\nWelcome to FOSDEM 2021!"));

    const Session *nova = sessionByTitle(c, QString::fromUtf8("kris nóva live"));
    QVERIFY(nova);
    QCOMPARE(nova->start.time(), QTime(16, 0));

    const Session *infodesk = sessionByTitle(c, QStringLiteral("The Virtual FOSDEM Infodesk (Saturday)"));
    QVERIFY(infodesk);
    QCOMPARE(infodesk->durationMinutes(), 9 * 60);

    // Derived guids: unique, and the same on every import, whatever zone the schedule is read in.
    QSet<QString> guids;
    for (const Session &s : c.sessions)
        guids.insert(s.guid);
    QCOMPARE(guids.size(), 773);
    const ImportResult again = parseFile(QStringLiteral("real/fosdem-2021-schedule.xml"), options);
    QVERIFY(again.ok());
    options.fallbackTimeZone = QTimeZone("America/New_York");
    const ImportResult elsewhere = parseFile(QStringLiteral("real/fosdem-2021-schedule.xml"), options);
    QVERIFY(elsewhere.ok());
    QCOMPARE(elsewhere.conference->timeZone.id(), QByteArray("America/New_York"));
    QSet<QString> againGuids, elsewhereGuids;
    for (const Session &s : again.conference->sessions)
        againGuids.insert(s.guid);
    for (const Session &s : elsewhere.conference->sessions)
        elsewhereGuids.insert(s.guid);
    QCOMPARE(againGuids, guids);
    QCOMPARE(elsewhereGuids, guids);
    QCOMPARE(*again.conference, c);
}

void TestPentabarfXmlParser::fosdem2021RelativeLinks()
{
    ImportOptions options;
    options.sourceName = QStringLiteral("https://fosdem.org/2021/schedule/xml");
    const ImportResult result = parseFile(QStringLiteral("real/fosdem-2021-schedule.xml"), options);
    QVERIFY(result.ok());
    const Conference &c = *result.conference;

    const Session *fedora = sessionByTitle(c, QStringLiteral("Welcome to the Fedora Project stand!"));
    QVERIFY(fedora);
    // In the abstract's HTML and in the <links>.
    QVERIFY(fedora->abstractHtml.contains(
        "<a href=\"https://fosdem.org/2021/stands.fosdem.org/stands/the_fedora_project/\">Fedora Project's "
        "stand "
        "page</a>"));
    QVERIFY(fedora->links.contains(Link{
        "The Fedora Project Stand", "https://fosdem.org/2021/stands.fosdem.org/stands/the_fedora_project/"}));
    for (const Session &s : c.sessions)
        QVERIFY2(!s.abstractHtml.contains("href=\"/"), qPrintable(s.title));

    // Without a base URL the relative links cannot be resolved: their text stays, the href goes.
    const ImportResult local = parseFile(QStringLiteral("real/fosdem-2021-schedule.xml"));
    QVERIFY(local.ok());
    const Session *localFedora =
        sessionByTitle(*local.conference, QStringLiteral("Welcome to the Fedora Project stand!"));
    QVERIFY(localFedora);
    QVERIFY(localFedora->abstractHtml.contains("check out the Fedora Project's stand page and the <a href="));
    QVERIFY(!localFedora->abstractHtml.contains("stands.fosdem.org/stands/the_fedora_project"));
}

void TestPentabarfXmlParser::quirks()
{
    const ImportResult result = parseFile(QStringLiteral("xml/quirks.xml"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QCOMPARE(c.id, QString("quirkcon"));
    QCOMPARE(c.version, QString("Quirks 1.0"));
    QCOMPARE(c.venue.name, QString("Hall of Quirks"));
    QCOMPARE(c.venue.address, QString("Ghent"));
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Brussels"));
    QCOMPARE(c.sessions.size(), 6);
    QCOMPARE(result.warnings,
             (QStringList{"line 66: event 104 has no readable start; skipped",
                          "line 70: event 105 has an unreadable duration \"half an hour\"; taken as 0"}));
    QVERIFY(!sessionByTitle(c, QStringLiteral("Time to be announced")));
    QCOMPARE(sessionByTitle(c, QStringLiteral("Vague duration"))->durationMinutes(), 0);

    // The parent <room name> is the room, whatever the case of the event's own <room>.
    QCOMPARE(c.venue.rooms.size(), 2);
    QCOMPARE(c.venue.rooms[0].name, QString("Main Hall"));
    QCOMPARE(c.venue.rooms[1].name, QString("Hackcenter"));

    // <title> and <type> nested in <attachment>/<link> do not count; they come before the event's own.
    const Session *opening = sessionByGuid(c, QStringLiteral("11111111-1111-4111-8111-111111111111"));
    QVERIFY(opening);
    QCOMPARE(opening->title, QString("Opening"));
    QCOMPARE(opening->typeLabel, QString("keynote"));
    QCOMPARE(opening->type, SessionType::Keynote);
    QCOMPARE(opening->roomId, QString("main-hall"));
    QCOMPARE(opening->start, at("2025-06-14T10:00:00+02:00"));
    QCOMPARE(opening->durationMinutes(), 90);
    QCOMPARE(opening->languages, (QStringList{"de", "en"}));
    QCOMPARE(opening->trackId, QString("community-culture"));
    QCOMPARE(c.track("community-culture")->name, QString("Community & Culture"));
    QCOMPARE(opening->speakerIds, (QStringList{"ada-lovelace", "7"}));
    QCOMPARE(c.speaker("ada-lovelace")->name, QString("Ada Lovelace"));
    QCOMPARE(c.speaker("7")->name, QString("Grace Hopper"));
    QCOMPARE(opening->abstractText, QString("See the venue.\n\nPlain description, R&D included."));
    QCOMPARE(opening->abstractHtml,
             QString("<p>See <a href=\"https://quirk.example.org/2025/venue\">the venue</a>.</p>"
                     "<p>Plain description, R&amp;D included.</p>"));
    QCOMPARE(opening->links,
             QList<Link>({Link{"Slides, not the event title", "https://quirk.example.org/slides.pdf"},
                          Link{"Nested link title", "https://quirk.example.org/2025/relative/page"}}));

    // The same id and guid twice: two occurrences of one event.
    const Session *first = c.session("22222222-2222-4222-8222-222222222222");
    const Session *second = c.session("22222222-2222-4222-8222-222222222222#2");
    QVERIFY(first && second);
    QCOMPARE(first->start, at("2025-06-14T12:00:00+02:00"));
    QCOMPARE(second->start, at("2025-06-14T15:00:00+02:00"));
    QCOMPARE(first->durationMinutes(), 45);
    QCOMPARE(second->durationMinutes(), 45);
    QCOMPARE(first->type, SessionType::Workshop);

    const Session *closing = sessionByTitle(c, QStringLiteral("Closing remarks"));
    QVERIFY(closing);
    QCOMPARE(closing->guid, Conference::deriveGuid(u"quirkcon", u"102@2025-06-14T17:00", u"Closing remarks"));
    QCOMPARE(closing->durationMinutes(), 0);
    QVERIFY(closing->languages.isEmpty());

    const Session *hackathon = sessionByGuid(c, QStringLiteral("33333333-3333-4333-8333-333333333333"));
    QVERIFY(hackathon);
    QCOMPARE(hackathon->durationMinutes(), 13 * 60);
    QCOMPARE(hackathon->end, at("2025-06-15T07:00:00+02:00"));
    QCOMPARE(hackathon->roomId, QString("hackcenter"));
}

void TestPentabarfXmlParser::afterMidnight()
{
    const ImportResult result = parseFile(QStringLiteral("xml/after-midnight.xml"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QCOMPARE(c.days.size(), 2);
    QCOMPARE(c.days[0].start, at("2025-08-01T10:00:00+02:00"));
    QCOMPARE(c.days[0].end, at("2025-08-02T04:00:00+02:00"));
    QCOMPARE(c.days[1].start, at("2025-08-02T04:00:00+02:00"));

    // <day_change> decides, not the time of the day's first slot.
    const Session *breakfast = sessionByTitle(c, QStringLiteral("Breakfast before the first slot"));
    QVERIFY(breakfast);
    QCOMPARE(breakfast->start, at("2025-08-01T09:30:00+02:00"));
    QCOMPARE(c.dayOf(*breakfast), 0);

    const Session *late = sessionByTitle(c, QStringLiteral("Late talk"));
    const Session *afterMidnight = sessionByTitle(c, QStringLiteral("After midnight"));
    const Session *beforeChange = sessionByTitle(c, QStringLiteral("Just before the day changes"));
    const Session *early = sessionByTitle(c, QStringLiteral("Early bird"));
    QVERIFY(late && afterMidnight && beforeChange && early);
    QCOMPARE(late->start, at("2025-08-01T22:30:00+02:00"));
    QCOMPARE(afterMidnight->start, at("2025-08-02T01:30:00+02:00"));
    QCOMPARE(beforeChange->start, at("2025-08-02T03:59:00+02:00"));
    QCOMPARE(early->start, at("2025-08-02T04:00:00+02:00"));
    QCOMPARE(c.dayOf(*afterMidnight), 0);
    QCOMPARE(c.dayOf(*beforeChange), 0);
    QCOMPARE(c.dayOf(*early), 1);
}

void TestPentabarfXmlParser::dstDay()
{
    const ImportResult result = parseFile(QStringLiteral("xml/dst.xml"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &c = *result.conference;
    QCOMPARE(c.timeZone.id(), QByteArray("Europe/Berlin"));
    const auto session = [&c](const char *title) {
        const Session *s = sessionByTitle(c, QString::fromLatin1(title));
        if (!s)
            qFatal("no session %s", title);
        return s;
    };
    // Day 1 (2025-03-29) runs into the night of the switch at 02:00 CET -> 03:00 CEST.
    QCOMPARE(session("Before the switch")->start.toString(Qt::ISODate), QString("2025-03-30T01:30:00+01:00"));
    QCOMPARE(session("After the switch")->start.toString(Qt::ISODate), QString("2025-03-30T03:30:00+02:00"));
    QCOMPARE(session("After the switch")->start.offsetFromUtc(), 7200);
    QCOMPARE(session("In the gap")->start.toString(Qt::ISODate), QString("2025-03-30T03:30:00+02:00"));
    const Session *across = session("Across the switch");
    QCOMPARE(across->start.toString(Qt::ISODate), QString("2025-03-30T01:00:00+01:00"));
    QCOMPARE(across->end.toString(Qt::ISODate), QString("2025-03-30T04:00:00+02:00"));
    QCOMPARE(across->durationMinutes(), 120);
    QCOMPARE(c.dayOf(*session("After the switch")), 0);
    // Day 2: a <date> written with the previous day's offset keeps its wall clock; a UTC <date> is an
    // instant.
    QCOMPARE(session("Offset of the day before")->start.toString(Qt::ISODate),
             QString("2025-03-30T10:00:00+02:00"));
    QCOMPARE(session("Date in UTC")->start.toString(Qt::ISODate), QString("2025-03-30T11:00:00+02:00"));
    QCOMPARE(c.dayOf(*session("Date in UTC")), 1);
    QCOMPARE(c.days[0].end.toString(Qt::ISODate), QString("2025-03-30T06:00:00+02:00"));
}

void TestPentabarfXmlParser::timeZoneFromOffset()
{
    const ImportResult fixed = parseFile(QStringLiteral("xml/offset-only.xml"));
    QVERIFY(fixed.ok());
    QCOMPARE(fixed.conference->timeZone, QTimeZone(7200));
    QCOMPARE(fixed.conference->sessions[0].start, at("2025-07-10T09:30:00+02:00"));
    QCOMPARE(fixed.conference->sessions[0].start.offsetFromUtc(), 7200);

    // A zone the user picked wins when it agrees with the offset (it knows about DST, a fixed offset does
    // not).
    ImportOptions options;
    options.fallbackTimeZone = QTimeZone("Europe/Berlin");
    const ImportResult berlin = parseFile(QStringLiteral("xml/offset-only.xml"), options);
    QVERIFY(berlin.ok());
    QCOMPARE(berlin.conference->timeZone.id(), QByteArray("Europe/Berlin"));
    QCOMPARE(berlin.conference->sessions[0].start.timeZone().id(), QByteArray("Europe/Berlin"));

    options.fallbackTimeZone = QTimeZone("America/New_York");
    const ImportResult disagreeing = parseFile(QStringLiteral("xml/offset-only.xml"), options);
    QVERIFY(disagreeing.ok());
    QCOMPARE(disagreeing.conference->timeZone, QTimeZone(7200));
}

void TestPentabarfXmlParser::timeZoneFallbacks()
{
    const ImportResult utc = parseFile(QStringLiteral("xml/no-zone.xml"));
    QVERIFY(utc.ok());
    QCOMPARE(utc.conference->timeZone, QTimeZone::utc());
    QCOMPARE(utc.conference->id, QString("zoneless"));
    QCOMPARE(utc.conference->sessions[0].start, at("2025-05-05T09:30:00Z"));

    ImportOptions options;
    options.fallbackTimeZone = QTimeZone("Asia/Seoul");
    const ImportResult seoul = parseFile(QStringLiteral("xml/no-zone.xml"), options);
    QVERIFY(seoul.ok());
    QCOMPARE(seoul.conference->timeZone.id(), QByteArray("Asia/Seoul"));
    QCOMPARE(seoul.conference->sessions[0].start, at("2025-05-05T09:30:00+09:00"));

    QByteArray unknownZone = readData(QStringLiteral("xml/after-midnight.xml"));
    unknownZone.replace("Europe/Berlin", "Mars/Olympus_Mons");
    const ImportResult unknown = PentabarfXmlParser::parse(unknownZone, options);
    QVERIFY(unknown.ok());
    // An unknown name is ignored; the +02:00 of the <day start> comes next, before the (disagreeing) user
    // zone.
    QCOMPARE(unknown.conference->timeZone, QTimeZone(7200));
    QCOMPARE(unknown.warnings, QStringList{"unknown time zone \"Mars/Olympus_Mons\" ignored"});
}

void TestPentabarfXmlParser::zeroEvents()
{
    const ImportResult result = parseFile(QStringLiteral("xml/empty-schedule.xml"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->id, QString("tba"));
    QCOMPARE(result.conference->version, QString("0"));
    QCOMPARE(result.conference->timeZone.id(), QByteArray("Europe/Vienna"));
    QVERIFY(result.conference->sessions.isEmpty());
    QVERIFY(result.conference->days.isEmpty());
}

void TestPentabarfXmlParser::hostile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty file") << "xml/empty.xml" << qint64(0) << qint64(0) << "the document is empty";
    QTest::newRow("not xml") << "xml/not-xml.txt" << qint64(1) << qint64(1)
                             << "not an XML document: start tag expected";
    QTest::newRow("root not schedule")
        << "xml/wrong-root.xml" << qint64(2) << qint64(19)
        << "the root element is <rss>, not <schedule>: not a Pentabarf/frab schedule";
    QTest::newRow("billion laughs") << "xml/billion-laughs.xml" << qint64(2) << qint64(1)
                                    << "DTD/entity declarations are not allowed";
    QTest::newRow("no conference, no days") << "xml/no-conference.xml" << qint64(0) << qint64(0)
                                            << "the <schedule> has neither a <conference> nor any <day>";
}

void TestPentabarfXmlParser::hostile()
{
    QFETCH(QString, file);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, message);
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = parseFile(file);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!result.ok());
    QVERIFY(!result.conference.has_value());
    QCOMPARE(result.error.message, message);
    QCOMPARE(result.error.line, line);
    QCOMPARE(result.error.column, column);
    QCOMPARE(result.error.source, file);
}

void TestPentabarfXmlParser::truncatedFosdem()
{
    const QByteArray prefix = readData(QStringLiteral("real/fosdem-2025-schedule.xml")).left(100 * 1024);
    ImportOptions options;
    options.sourceName = QStringLiteral("fosdem-2025-truncated.xml");
    const ImportResult result = PentabarfXmlParser::parse(prefix, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.message, QString("unexpected end of the document; the file is truncated"));
    QCOMPARE(result.error.line, prefix.count('\n') + 1);
    QVERIFY(result.error.toString().startsWith(
        QStringLiteral("fosdem-2025-truncated.xml:%1:").arg(prefix.count('\n') + 1)));
}

void TestPentabarfXmlParser::deepNesting()
{
    QByteArray data = "<schedule>\n";
    for (int i = 0; i < 10000; ++i)
        data += "<day>\n";
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = PentabarfXmlParser::parse(data);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.message, QString("elements are nested more than 64 levels deep"));
    QCOMPARE(result.error.line, 65); // the 65th open element, counting <schedule> on line 1
}

void TestPentabarfXmlParser::hugeSingleLine()
{
    const QByteArray data = "<schedule>" + QByteArray("<x/>").repeated(25'000'000); // 100 MB, one line
    QCOMPARE(data.size(), 100'000'010);
    QElapsedTimer timer;
    timer.start();
    const ImportResult refused = PentabarfXmlParser::parse(data);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.message,
             QString("input is 100000010 bytes, more than the limit of 67108864 bytes"));

    ImportOptions options;
    options.maxInputBytes = 256 * 1024 * 1024;
    timer.restart();
    const ImportResult capped = PentabarfXmlParser::parse(data, options);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!capped.ok());
    QCOMPARE(capped.error.message, QString("more than 2000000 elements"));
    QCOMPARE(capped.error.line, 1);
    QVERIFY(capped.error.column > 8'000'000);
}

void TestPentabarfXmlParser::wrongEncoding()
{
    const QByteArray data = readData(QStringLiteral("xml/latin1-in-utf8.xml"));
    QVERIFY(data.contains("Caf\xe9 M\xfcller"));
    const ImportResult result = PentabarfXmlParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList{"the input is not valid UTF-8: 2 byte(s) were read as Latin-1"});
    QCOMPARE(result.conference->title, QString::fromUtf8("Café Conference"));
    QCOMPARE(result.conference->sessions.size(), 1);
    QCOMPARE(result.conference->sessions[0].title, QString::fromUtf8("Café Müller"));

    // A declared encoding is the reader's business: ISO-8859-1 bytes are right there.
    QByteArray latin1 = data;
    latin1.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
    const ImportResult declared = PentabarfXmlParser::parse(latin1);
    QVERIFY2(declared.ok(), qPrintable(declared.error.toString()));
    QVERIFY(declared.warnings.isEmpty());
    QCOMPARE(declared.conference->sessions[0].title, QString::fromUtf8("Café Müller"));

    // Control characters XML forbids (pasted from word processors) become spaces.
    QByteArray controls = readData(QStringLiteral("xml/no-zone.xml"));
    controls.replace("<title>Talk</title>", "<title>Tab\x0b"
                                            "bed\x0c"
                                            "talk</title>");
    const ImportResult repaired = PentabarfXmlParser::parse(controls);
    QVERIFY2(repaired.ok(), qPrintable(repaired.error.toString()));
    QCOMPARE(repaired.conference->sessions[0].title, QString("Tab bed talk"));
    QCOMPARE(repaired.warnings,
             QStringList{"2 control character(s) that XML does not allow were replaced by spaces"});
}

QTEST_GUILESS_MAIN(TestPentabarfXmlParser)
#include "tst_pentabarfxmlparser.moc"
