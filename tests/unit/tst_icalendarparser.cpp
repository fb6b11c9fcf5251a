#include "icalendarline.h"
#include "icalendarparser.h"
#include "plenaryfeedparser.h"
#include "plenaryfeedwriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QStringEncoder>
#include <QTest>

using namespace Plenary;

namespace {

QByteArray readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(PLENARY_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

ImportResult parseFixture(const QString &relativePath, const QTimeZone &fallback = {})
{
    ImportOptions options;
    options.sourceName = relativePath.section(QLatin1Char('/'), -1);
    options.fallbackTimeZone = fallback;
    return ICalendarParser::parse(readFixture(relativePath), options);
}

const Session *sessionByGuid(const Conference &conference, const QString &guid)
{
    for (const Session &session : conference.sessions) {
        if (session.guid == guid)
            return &session;
    }
    return nullptr;
}

bool hasWarning(const ImportResult &result, const QString &text)
{
    for (const QString &warning : result.warnings) {
        if (warning.contains(text))
            return true;
    }
    return false;
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

} // namespace

class TestICalendarParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linuxConfAu();
    void linuxConfAuHtmlDescription();
    void kielux();
    void kieluxWithFallbackZone();
    void foldSplitsUtf8Character();
    void lfOnly();
    void vcal10QuotedPrintable();
    void escapesParametersAndPeople();
    void unescapeText_data();
    void unescapeText();
    void durationAndAllDay();
    void endsPastTheYear9999();
    void dstNewYork();
    void cancelledRecurringAndZones();
    void unknownZoneUsesFallback();
    void zoneIdsNeverReachTheFileSystem();
    void windowsZoneName();
    void invalidUtf8IsReplaced();
    void utf16WithBom();
    void crOnlyLineEndings();
    void hostile_data();
    void hostile();
    void truncatedRealFile();
    void hugeSingleLine();
    void hugeFoldedLine();
    void binaryGarbage();
    void pathologicalInputsStayLinear();
};

void TestICalendarParser::linuxConfAu()
{
    const QByteArray data = readFixture(QStringLiteral("real/linux_conf_au_2020.ics"));
    QCOMPARE(data.count("BEGIN:VEVENT"), 262); // PROVENANCE.md
    const ImportResult result = parseFixture(QStringLiteral("real/linux_conf_au_2020.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList());
    const Conference &conference = *result.conference;

    // 262 VEVENTs with 262 distinct UIDs: no exact duplicates, so 262 sessions.
    QCOMPARE(conference.sessions.size(), 262);
    QSet<QString> guids;
    for (const Session &session : conference.sessions)
        guids.insert(session.guid);
    QCOMPARE(guids.size(), 262);

    QCOMPARE(conference.sourceFormat, QStringLiteral("icalendar"));
    QCOMPARE(conference.title, QStringLiteral("linux_conf_au_2020")); // no X-WR-CALNAME: the file name
    QCOMPARE(conference.subtitle, QStringLiteral("linux.conf.au 2020"));
    QCOMPARE(conference.timeZone.id(), QByteArray("Australia/Brisbane"));

    const Session *welcome = sessionByGuid(conference, QStringLiteral("94@lca2020.linux.org.au"));
    QVERIFY(welcome);
    QCOMPARE(welcome->title, QStringLiteral("Wednesday Welcome"));
    QCOMPARE(welcome->start, utc(2020, 1, 14, 23, 0));
    QCOMPARE(welcome->start.offsetFromUtc(), 10 * 3600);
    QCOMPARE(welcome->start.toString(Qt::ISODate), QStringLiteral("2020-01-15T09:00:00+10:00"));
    QCOMPARE(welcome->start.timeZone().id(), QByteArray("Australia/Brisbane"));
    QCOMPARE(welcome->durationMinutes(), 10);
    QCOMPARE(welcome->roomId, QStringLiteral("arena"));
    QCOMPARE(conference.room(QStringLiteral("arena"))->name, QStringLiteral("Arena"));
    QCOMPARE(welcome->url, QStringLiteral("http://lca2020.linux.org.au/schedule/presentation/221/"));
    QCOMPARE(welcome->abstractText,
             QStringLiteral("Speaker: Joel Addison\nOpening Remarks and Housekeeping"));

    const Session *registration = sessionByGuid(conference, QStringLiteral("235@lca2020.linux.org.au"));
    QVERIFY(registration);
    QVERIFY(registration->roomId.isEmpty());
    const auto roomless = std::count_if(conference.sessions.cbegin(), conference.sessions.cend(),
                                        [](const Session &s) { return s.roomId.isEmpty(); });
    QCOMPARE(roomless, 17); // PROVENANCE.md: 17 VEVENTs have no LOCATION

    // Escaped text with non-ASCII punctuation (U+2013) in a title.
    const auto keynote =
        std::find_if(conference.sessions.cbegin(), conference.sessions.cend(), [](const Session &s) {
            return s.title.startsWith(QStringLiteral("Keynote: Drop Your Tools"));
        });
    QVERIFY(keynote != conference.sessions.cend());
    QCOMPARE(keynote->title,
             QStringLiteral("Keynote: Drop Your Tools \u2013 Does Expertise have a Dark Side?"));

    QCOMPARE(conference.days.size(), 6); // Sunday registration, then Monday to Friday
    QCOMPARE(conference.days.first().date, QDate(2020, 1, 12));
    QCOMPARE(conference.days.last().date, QDate(2020, 1, 17));
}

void TestICalendarParser::linuxConfAuHtmlDescription()
{
    const ImportResult result = parseFixture(QStringLiteral("real/linux_conf_au_2020.ics"));
    QVERIFY(result.ok());
    const Session *breakfast = sessionByGuid(*result.conference, QStringLiteral("201@lca2020.linux.org.au"));
    QVERIFY(breakfast);
    // Escapes (\, and \n) are removed before the HTML is sanitized; the tags are gone from the plain text.
    QVERIFY2(!breakfast->abstractText.contains(QLatin1Char('<')), qPrintable(breakfast->abstractText));
    QVERIFY(breakfast->abstractText.contains(
        QStringLiteral("Women of Open Technology Breakfast, Presented by ThoughtWorks")));
    QVERIFY(breakfast->abstractText.contains(QStringLiteral("Only for attendees with a ticket.")));
    QVERIFY(breakfast->abstractText.contains(
        QStringLiteral("Gold Coast Convention and Exhibition Centre, Room 5")));
    // The relative link resolves against the event's URL.
    QVERIFY2(breakfast->abstractHtml.contains(
                 QStringLiteral("http://lca2020.linux.org.au/programme/events/#woot-breakfast")),
             qPrintable(breakfast->abstractHtml));
    QVERIFY(!breakfast->abstractHtml.contains(QStringLiteral("href=\"/programme")));
}

void TestICalendarParser::kielux()
{
    const ImportResult result = parseFixture(QStringLiteral("real/kielux_2020.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList()); // METHOD inside every VEVENT is tolerated silently
    const Conference &conference = *result.conference;
    QCOMPARE(conference.sessions.size(), 24);
    QCOMPARE(conference.title, QStringLiteral("18. Kieler Open Source und Linux Tage"));
    QCOMPARE(conference.timeZone, QTimeZone::utc()); // all-UTC file, no zone hint, no fallback given
    for (const Session &session : conference.sessions)
        QCOMPARE(session.start.timeZone(), QTimeZone::utc());

    const Session *opencelium = sessionByGuid(conference, QStringLiteral("460@KOLT20"));
    QVERIFY(opencelium);
    QCOMPARE(opencelium->start, utc(2020, 9, 18, 11, 0));
    QCOMPARE(opencelium->durationMinutes(), 60);
    QCOMPARE(opencelium->roomId, QStringLiteral("ravensberg"));
    QVERIFY(opencelium->abstractText.contains(
        QStringLiteral("Sie m\u00f6chten wertvolle Daten von einer Applikation")));
    QCOMPARE(opencelium->speakerIds, QStringList{QStringLiteral("jakob-semere")});

    const Session *xen = sessionByGuid(conference, QStringLiteral("467@KOLT20"));
    QVERIFY(xen);
    QCOMPARE(xen->speakerIds.size(), 1);
    QCOMPARE(conference.speaker(xen->speakerIds.first())->name, QStringLiteral("J\u00fcrgen Gro\u00df"));
    // The description holds "<i>die</i>": HTML, so it goes through the sanitizer.
    QVERIFY2(!xen->abstractText.contains(QStringLiteral("<i>")), qPrintable(xen->abstractText));

    const Session *writer = sessionByGuid(conference, QStringLiteral("468@KOLT20"));
    QVERIFY(writer);
    QCOMPARE(writer->title, QStringLiteral("LibreOffice Writer - Kurs f\u00fcr Ein- und Umsteiger"));
    QCOMPARE(writer->durationMinutes(), 120);
}

void TestICalendarParser::kieluxWithFallbackZone()
{
    const QTimeZone berlin("Europe/Berlin");
    const ImportResult result = parseFixture(QStringLiteral("real/kielux_2020.ics"), berlin);
    QVERIFY(result.ok());
    const Conference &conference = *result.conference;
    QCOMPARE(conference.timeZone, berlin);
    const Session *opencelium = sessionByGuid(conference, QStringLiteral("460@KOLT20"));
    QVERIFY(opencelium);
    QCOMPARE(opencelium->start, utc(2020, 9, 18, 11, 0)); // the same instant...
    QCOMPARE(opencelium->start.time(), QTime(13, 0));     // ...shown in the conference zone
    QCOMPARE(opencelium->start.timeZone(), berlin);
}

void TestICalendarParser::foldSplitsUtf8Character()
{
    const QByteArray data = readFixture(QStringLiteral("ics/fold-utf8.ics"));
    QVERIFY(data.contains("Caf\xc3\r\n \xa9")); // the fixture really splits the character
    const ImportResult result = parseFixture(QStringLiteral("ics/fold-utf8.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList());
    const Session &session = result.conference->sessions.first();
    QCOMPARE(session.title, QStringLiteral("Caf\u00e9 au lait"));
    QCOMPARE(session.abstractText, QStringLiteral("Long line folded at 75 octets in the middle of an emoji: "
                                                  "\U0001F389 and a fold after a TAB continuation: tail"));
    QCOMPARE(result.conference->room(session.roomId)->name, QStringLiteral("Salle Caf\u00e9"));
    QCOMPARE(result.conference->title, QStringLiteral("Fold test"));
}

void TestICalendarParser::lfOnly()
{
    const QByteArray data = readFixture(QStringLiteral("ics/lf-only.ics"));
    QVERIFY(!data.contains('\r'));
    const ImportResult result = parseFixture(QStringLiteral("ics/lf-only.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &conference = *result.conference;
    QCOMPARE(conference.sessions.size(), 2);
    QCOMPARE(conference.title, QStringLiteral("LF only")); // lower-case property names
    QCOMPARE(conference.sessions[0].title, QStringLiteral("Folded with LF only"));
    QCOMPARE(conference.sessions[0].start.toString(Qt::ISODate), QStringLiteral("2026-03-12T10:00:00+01:00"));
    QCOMPARE(conference.sessions[1].guid, QStringLiteral("lf-2@test"));
    QCOMPARE(conference.venue.rooms.size(), 1);
}

void TestICalendarParser::vcal10QuotedPrintable()
{
    const ImportResult result = parseFixture(QStringLiteral("ics/vcal10-qp.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList());
    const Session *first = sessionByGuid(*result.conference, QStringLiteral("qp-1@test"));
    QVERIFY(first);
    QCOMPARE(first->title, QStringLiteral("Gr\u00fc\u00dfe aus K\u00f6ln"));
    // =0D=0A becomes a line break, "=" at a line end is a soft break, =3D is "=".
    QCOMPARE(first->abstractText, QStringLiteral("Erste Zeile\nZweite Zeile mit weichem Umbruch = gleich"));
    QCOMPARE(result.conference->room(first->roomId)->name, QStringLiteral("Saal M\u00fcnchen")); // Latin-1 QP
    const Session *second = sessionByGuid(*result.conference, QStringLiteral("qp-2@test"));
    QVERIFY(second);
    QCOMPARE(second->title, QStringLiteral("Bare \u00e4ncoding")); // vCal 1.0 bare QUOTED-PRINTABLE parameter
    QCOMPARE(result.conference->room(second->roomId)->name, QStringLiteral("Stra\u00dfe")); // raw Latin-1
}

void TestICalendarParser::escapesParametersAndPeople()
{
    const ImportResult result = parseFixture(QStringLiteral("ics/escapes.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &conference = *result.conference;
    QCOMPARE(conference.title, QStringLiteral("Escapes, commas; and more"));
    QCOMPARE(conference.sessions.size(), 1);
    const Session &session = conference.sessions.first();
    QCOMPARE(session.title, QStringLiteral("Commas, semicolons; backslash \\ and\nnewline"));
    QCOMPARE(session.abstractText, QStringLiteral("Line one\nLine two\nLine three, done"));
    QCOMPARE(session.roomId, QStringLiteral("hall-1-level-2"));
    QCOMPARE(conference.room(session.roomId)->name, QStringLiteral("Hall 1, Level 2"));
    QCOMPARE(session.tags, (QStringList{QStringLiteral("Security, Privacy"), QStringLiteral("Kernel"),
                                        QStringLiteral("Workshop")}));
    QCOMPARE(session.trackId, QStringLiteral("security-privacy"));
    QCOMPARE(conference.track(session.trackId)->name, QStringLiteral("Security, Privacy"));
    // CHAIR and REQ-PARTICIPANT with a CN present; OPT-PARTICIPANT, rooms and the ORGANIZER do not.
    QCOMPARE(session.speakerIds,
             (QStringList{QStringLiteral("doe-jane-phd"), QStringLiteral("max-mustermann")}));
    QCOMPARE(conference.speaker(QStringLiteral("doe-jane-phd"))->name, QStringLiteral("Doe: Jane; PhD"));
    QCOMPARE(conference.speakers.size(), 2);
    QCOMPARE(session.url, QStringLiteral("https://example.org/talks/1"));
}

void TestICalendarParser::unescapeText_data()
{
    QTest::addColumn<QString>("escaped");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "no escapes"
                           << "no escapes";
    QTest::newRow("all") << "a\\,b\\;c\\\\d\\ne\\Nf\\:g"
                         << "a,b;c\\d\ne\nf:g";
    QTest::newRow("unknown kept") << "C\\x y"
                                  << "C\\x y";
    QTest::newRow("trailing backslash") << "end\\"
                                        << "end\\";
    QTest::newRow("double then n") << "\\\\n"
                                   << "\\n";
}

void TestICalendarParser::unescapeText()
{
    QFETCH(QString, escaped);
    QFETCH(QString, expected);
    QCOMPARE(ICalendarLine::unescapeText(escaped), expected);
}

void TestICalendarParser::durationAndAllDay()
{
    const ImportResult result = parseFixture(QStringLiteral("ics/duration-allday.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &conference = *result.conference;
    QCOMPARE(result.warnings, QStringList());
    QCOMPARE(conference.sessions.size(), 6);

    const Session *ninety = sessionByGuid(conference, QStringLiteral("dur-1@test"));
    QVERIFY(ninety);
    QCOMPARE(ninety->durationMinutes(), 90);
    QCOMPARE(ninety->end.toString(Qt::ISODate), QStringLiteral("2026-03-12T11:30:00+01:00"));

    const Session *hackathon = sessionByGuid(conference, QStringLiteral("day-1@test"));
    QVERIFY(hackathon);
    QCOMPARE(hackathon->start.toString(Qt::ISODate), QStringLiteral("2026-03-13T00:00:00+01:00"));
    QCOMPARE(hackathon->end.toString(Qt::ISODate), QStringLiteral("2026-03-14T00:00:00+01:00"));

    const Session *social = sessionByGuid(conference, QStringLiteral("day-2@test"));
    QVERIFY(social);
    QCOMPARE(social->durationMinutes(), 24 * 60); // a DATE without end lasts one day
    const Session *sameDay = sessionByGuid(conference, QStringLiteral("day-3@test"));
    QVERIFY(sameDay);
    QCOMPARE(sameDay->durationMinutes(), 24 * 60); // DTEND equal to a DATE DTSTART also means one day

    // P1W is seven nominal days: across the switch to summer time on 2026-03-29 that is 167 hours.
    const Session *week = sessionByGuid(conference, QStringLiteral("week-1@test"));
    QVERIFY(week);
    QCOMPARE(week->end.toString(Qt::ISODate), QStringLiteral("2026-04-02T12:00:00+02:00"));
    QCOMPARE(week->durationMinutes(), 167 * 60);

    const auto noUid =
        std::find_if(conference.sessions.cbegin(), conference.sessions.cend(),
                     [](const Session &s) { return s.title == QStringLiteral("No UID here"); });
    QVERIFY(noUid != conference.sessions.cend());
    QCOMPARE(conference.id, QStringLiteral("durations"));
    QCOMPARE(noUid->guid, Conference::deriveGuid(u"durations", u"20260312T140000", u"No UID here"));
}

// Found by fuzz_icalendar: an end in a year with more than four digits was written to the feed and could not
// be read back. Such an end is set to the start, with a warning.
void TestICalendarParser::endsPastTheYear9999()
{
    const QByteArray ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:America/New_York\r\n"
        "BEGIN:VEVENT\r\nUID:long@test\r\nDTSTART;TZID=America/New_York:20261101T003000\r\n"
        "DURATION:P99999999W\r\nSUMMARY:Forever\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:last@test\r\nDTSTART;VALUE=DATE:99991231\r\n"
        "SUMMARY:Last day\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:fine@test\r\nDTSTART;TZID=America/New_York:20261101T090000\r\n"
        "DURATION:P2D\r\nSUMMARY:Two days\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const ImportResult result = ICalendarParser::parse(ics);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &conference = *result.conference;
    QCOMPARE(conference.sessions.size(), 3);
    for (const char *guid : {"long@test", "last@test"}) {
        const Session *session = sessionByGuid(conference, QString::fromLatin1(guid));
        QVERIFY(session);
        QCOMPARE(session->end, session->start);
    }
    QCOMPARE(sessionByGuid(conference, QStringLiteral("fine@test"))->durationMinutes(), 2 * 24 * 60);
    QCOMPARE(result.warnings.filter(QStringLiteral("ends after the year 9999")).size(), 2);
    // And so the feed written from it reads back whole.
    const ImportResult again = PlenaryFeedParser::parse(PlenaryFeedWriter::write(conference));
    QVERIFY2(again.ok(), qPrintable(again.error.toString()));
    QCOMPARE(again.conference->sessions.size(), 3);
}

void TestICalendarParser::dstNewYork()
{
    const ImportResult result = parseFixture(QStringLiteral("ics/dst-new-york.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &conference = *result.conference;
    QCOMPARE(conference.timeZone.id(), QByteArray("America/New_York"));

    // 01:30 happens twice on 2026-11-01: RFC 5545 §3.3.5 picks the first occurrence (EDT, -04:00).
    const Session *ambiguous = sessionByGuid(conference, QStringLiteral("ambiguous@test"));
    QVERIFY(ambiguous);
    QCOMPARE(ambiguous->start, utc(2026, 11, 1, 5, 30));
    QCOMPARE(ambiguous->start.offsetFromUtc(), -4 * 3600);
    QCOMPARE(ambiguous->end.offsetFromUtc(), -5 * 3600); // 02:30 is after the switch back
    QCOMPARE(ambiguous->durationMinutes(), 120);

    // 02:30 does not exist on 2026-03-08: it is read with the offset before the gap (EST), i.e. 03:30 EDT.
    const Session *gap = sessionByGuid(conference, QStringLiteral("gap@test"));
    QVERIFY(gap);
    QCOMPARE(gap->start, utc(2026, 3, 8, 7, 30));
    QCOMPARE(gap->start.time(), QTime(3, 30));
    QCOMPARE(gap->start.offsetFromUtc(), -4 * 3600);
    QCOMPARE(gap->durationMinutes(), 30);

    // A UTC time is converted into the conference zone.
    const Session *fromUtc = sessionByGuid(conference, QStringLiteral("utc@test"));
    QVERIFY(fromUtc);
    QCOMPARE(fromUtc->start.timeZone().id(), QByteArray("America/New_York"));
    QCOMPARE(fromUtc->start.time(), QTime(10, 0));

    // After midnight belongs to the evening before.
    const Session *evening = sessionByGuid(conference, QStringLiteral("evening@test"));
    const Session *late = sessionByGuid(conference, QStringLiteral("after-midnight@test"));
    QVERIFY(evening && late);
    QCOMPARE(late->start.date(), QDate(2026, 11, 1));
    const int day = conference.dayOf(*late);
    QVERIFY(day >= 0);
    QCOMPARE(day, conference.dayOf(*evening));
    QCOMPARE(conference.days[day].date, QDate(2026, 10, 31));
}

void TestICalendarParser::cancelledRecurringAndZones()
{
    const ImportResult result = parseFixture(QStringLiteral("ics/cancelled.ics"));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Conference &conference = *result.conference;
    QCOMPARE(conference.sessions.size(), 4);
    QVERIFY(!sessionByGuid(conference, QStringLiteral("cancelled@test")));
    QVERIFY2(hasWarning(result, QStringLiteral("line 43: cancelled event \"Cancelled talk\" skipped")),
             qPrintable(result.warnings.join(u'\n')));
    QVERIFY(hasWarning(result, QStringLiteral("line 54: recurrence of event \"Weekly meetup\" ignored")));
    QVERIFY(hasWarning(
        result,
        QStringLiteral("line 59: unknown time zone \"Mars/Olympus_Mons\"; its times are read in UTC")));
    QCOMPARE(result.warnings.size(), 3);

    // A vendor TZID resolved through X-LIC-LOCATION; it is also the most used TZID, hence the conference
    // zone.
    QCOMPARE(conference.timeZone.id(), QByteArray("Europe/Vienna"));
    const Session *kept = sessionByGuid(conference, QStringLiteral("kept@test"));
    QVERIFY(kept);
    QCOMPARE(kept->start, utc(2026, 7, 1, 8, 0));
    QVERIFY(kept->abstractText.isEmpty()); // the VALARM's DESCRIPTION is not the event's

    // A VTIMEZONE with a single fixed offset and no IANA name.
    const Session *weekly = sessionByGuid(conference, QStringLiteral("weekly@test"));
    QVERIFY(weekly);
    QCOMPARE(weekly->start, utc(2026, 7, 1, 9, 0));

    const Session *unknown = sessionByGuid(conference, QStringLiteral("unknown-zone@test"));
    QVERIFY(unknown);
    QCOMPARE(unknown->start, utc(2026, 7, 1, 16, 0));

    // A floating time is read in the conference zone.
    const Session *floating = sessionByGuid(conference, QStringLiteral("floating@test"));
    QVERIFY(floating);
    QCOMPARE(floating->start, utc(2026, 7, 1, 16, 0));
    QCOMPARE(floating->start.time(), QTime(18, 0));
}

void TestICalendarParser::unknownZoneUsesFallback()
{
    const ImportResult result = parseFixture(QStringLiteral("ics/cancelled.ics"), QTimeZone("Asia/Tokyo"));
    QVERIFY(result.ok());
    QVERIFY(hasWarning(result, QStringLiteral("\"Mars/Olympus_Mons\"; its times are read in Asia/Tokyo")));
    const Session *unknown = sessionByGuid(*result.conference, QStringLiteral("unknown-zone@test"));
    QVERIFY(unknown);
    QCOMPARE(unknown->start, utc(2026, 7, 1, 7, 0));
    QCOMPARE(result.conference->timeZone.id(), QByteArray("Europe/Vienna")); // the file's zone wins
}

void TestICalendarParser::zoneIdsNeverReachTheFileSystem()
{
    // Qt's tz backend would open these as files; a hostile TZID must not make the parser read a device.
    const QByteArray data =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=../../../../../dev/zero:20260312T090000\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=/dev/stdin:20260312T100000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const ImportResult result = ICalendarParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->sessions.size(), 2);
    QCOMPARE(result.conference->timeZone, QTimeZone::utc());
    QCOMPARE(result.conference->sessions[0].start, utc(2026, 3, 12, 9, 0));
    QVERIFY(hasWarning(
        result, QStringLiteral("unknown time zone \"../../../../../dev/zero\"; its times are read in UTC")));
    QVERIFY(
        hasWarning(result, QStringLiteral("unknown time zone \"/dev/stdin\"; its times are read in UTC")));
}

void TestICalendarParser::windowsZoneName()
{
    // Outlook writes Windows zone names as TZIDs.
    const QByteArray data =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20260712T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const ImportResult result = ICalendarParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.warnings, QStringList());
    QCOMPARE(result.conference->timeZone.id(), QByteArray("Europe/Berlin"));
    QCOMPARE(result.conference->sessions.first().start, utc(2026, 7, 12, 7, 0));
}

void TestICalendarParser::invalidUtf8IsReplaced()
{
    // Latin-1 bytes without a CHARSET: replaced by U+FFFD, with one warning naming the first such line.
    const QByteArray data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                            "DTSTART:20260312T090000Z\r\nSUMMARY:Caf\xe9 cr\xe8me\r\nLOCATION:Salle \xff\r\n"
                            "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const ImportResult result = ICalendarParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->sessions.first().title, QStringLiteral("Caf\ufffd cr\ufffdme"));
    QCOMPARE(result.warnings, QStringList{QStringLiteral(
                                  "line 6: invalid UTF-8 replaced by U+FFFD (2 content lines affected)")});
}

void TestICalendarParser::utf16WithBom()
{
    const QString text =
        QStringLiteral("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u16\r\n"
                       "DTSTART:20260312T090000Z\r\nSUMMARY:Gr\u00fc\u00dfe\r\nEND:VEVENT\r\n"
                       "END:VCALENDAR\r\n");
    QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QByteArray data = encoder(text);
    QVERIFY(data.startsWith("\xff\xfe"));
    const ImportResult result = ICalendarParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->sessions.first().title, QStringLiteral("Gr\u00fc\u00dfe"));
}

void TestICalendarParser::crOnlyLineEndings()
{
    const QByteArray data = "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:cr\rDTSTART:20260312T090000Z\r"
                            "SUMMARY:Old\r Mac\rEND:VEVENT\rEND:VCALENDAR\r";
    const ImportResult result = ICalendarParser::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.conference->sessions.first().title, QStringLiteral("OldMac"));
}

void TestICalendarParser::hostile_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << qint64(0) << QStringLiteral("the input is empty");
    QTest::newRow("blank lines") << QByteArray("\r\n \r\n\t\n") << qint64(0)
                                 << QStringLiteral("the input is empty");
    QTest::newRow("not ics") << QByteArray("Hello world\n") << qint64(0)
                             << QStringLiteral("not an iCalendar file: no BEGIN:VCALENDAR line");
    QTest::newRow("vevent only") << QByteArray("BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n") << qint64(0)
                                 << QStringLiteral("not an iCalendar file: no BEGIN:VCALENDAR line");
    QTest::newRow("truncated fixture")
        << readFixture(QStringLiteral("ics/truncated.ics")) << qint64(10)
        << QStringLiteral("BEGIN:VEVENT is never closed: the input ends at line 13 (truncated?)");
    QTest::newRow("vevent without end")
        << readFixture(QStringLiteral("ics/unterminated-vevent.ics")) << qint64(8)
        << QStringLiteral("BEGIN:VEVENT inside the VEVENT begun on line 4 (missing END:VEVENT?)");
    QTest::newRow("vcalendar without end")
        << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") << qint64(1)
        << QStringLiteral("BEGIN:VCALENDAR is never closed: the input ends at line 2 (truncated?)");
    QTest::newRow("end calendar inside event")
        << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR\r\n") << qint64(4)
        << QStringLiteral("END:VCALENDAR while the VEVENT begun on line 2 is still open");
    QTest::newRow("nul byte") << (QByteArray("BEGIN:VCALENDAR\r\nSUMMARY:a") + '\0' +
                                  QByteArray("b\r\nEND:VCALENDAR\r\n"))
                              << qint64(2)
                              << QStringLiteral("binary data (a NUL byte): not an iCalendar text file");
    QTest::newRow("over the input limit")
        << QByteArray(65 * 1024 * 1024, ' ') << qint64(0)
        << QStringLiteral("the input is 68157440 bytes, more than the limit of 67108864 bytes");
}

void TestICalendarParser::hostile()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, line);
    QFETCH(QString, message);
    const ImportResult result = ICalendarParser::parse(data, {QStringLiteral("bad.ics"), {}});
    QVERIFY(!result.ok());
    QVERIFY(!result.conference);
    QCOMPARE(result.error.message, message);
    QCOMPARE(result.error.line, line);
    QCOMPARE(result.error.source, QStringLiteral("bad.ics"));
}

void TestICalendarParser::truncatedRealFile()
{
    const QByteArray data = readFixture(QStringLiteral("real/linux_conf_au_2020.ics"));
    const QByteArray cut = data.left(data.size() / 2);
    // The cut falls inside a VEVENT: the error names the line of its BEGIN.
    const qsizetype lastBegin = cut.lastIndexOf("BEGIN:VEVENT");
    QVERIFY(cut.lastIndexOf("END:VEVENT") < lastBegin);
    const qint64 expectedLine = cut.left(lastBegin).count('\n') + 1;
    const ImportResult result = ICalendarParser::parse(cut);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, expectedLine);
    QVERIFY2(result.error.message.startsWith(QStringLiteral("BEGIN:VEVENT is never closed")),
             qPrintable(result.error.message));
}

void TestICalendarParser::hugeSingleLine()
{
    const qsizetype size = 100 * 1024 * 1024;
    QByteArray data;
    data.reserve(size + 64);
    data.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-HUGE:");
    data.append(size, 'a');
    data.append("\r\nEND:VCALENDAR\r\n");

    ImportOptions options;
    options.maxInputBytes = 256 * 1024 * 1024; // let the content line limit, not the input limit, refuse it
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = ICalendarParser::parse(data, options);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, 3);
    QCOMPARE(result.error.message,
             QStringLiteral("content line longer than 1048576 bytes (1 MB) after unfolding"));
    QVERIFY2(elapsed < 1500, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));

    timer.restart();
    const ImportResult refused = ICalendarParser::parse(data); // default 64 MB input limit
    QVERIFY(!refused.ok());
    QVERIFY(refused.error.message.startsWith(QStringLiteral("the input is 104857")));
    QVERIFY(timer.elapsed() < 500);
}

void TestICalendarParser::hugeFoldedLine()
{
    // A content line that only becomes too long through folding: 20000 continuation lines of 74 bytes.
    QByteArray data("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDESCRIPTION:start\r\n");
    const QByteArray fold = ' ' + QByteArray(73, 'b') + "\r\n";
    for (int i = 0; i < 20000; ++i)
        data.append(fold);
    data.append("END:VEVENT\r\nEND:VCALENDAR\r\n");
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = ICalendarParser::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, 4);
    QVERIFY(result.error.message.startsWith(QStringLiteral("content line longer than")));
    QVERIFY(timer.elapsed() < 1000);

    // Just under the limit it is accepted.
    QByteArray fits("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260312T090000Z\r\nDESCRIPTION:x\r\n");
    for (int i = 0; i < 14000; ++i)
        fits.append(fold);
    fits.append("END:VEVENT\r\nEND:VCALENDAR\r\n");
    const ImportResult ok = ICalendarParser::parse(fits);
    QVERIFY2(ok.ok(), qPrintable(ok.error.toString()));
    QCOMPARE(ok.conference->sessions.first().abstractText.size(), 1 + 14000 * 73);
}

void TestICalendarParser::binaryGarbage()
{
    QRandomGenerator random(20260312);
    QByteArray garbage(1024 * 1024, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);

    QElapsedTimer timer;
    timer.start();
    const ImportResult plain = ICalendarParser::parse(garbage);
    QVERIFY(!plain.ok());
    QVERIFY(plain.error.isError());

    // Behind a valid header, garbage with NUL bytes is refused with the line of the first NUL.
    const QByteArray header("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    const ImportResult withNul = ICalendarParser::parse(header + garbage);
    QVERIFY(!withNul.ok());
    QCOMPARE(withNul.error.message, QStringLiteral("binary data (a NUL byte): not an iCalendar text file"));
    QVERIFY(withNul.error.line >= 3);

    // Without NUL bytes and properly closed, garbage parses into nothing, with a bounded list of warnings.
    QByteArray noNul = garbage;
    for (char &c : noNul) {
        if (c == '\0')
            c = 'x';
    }
    const ImportResult lenient = ICalendarParser::parse(header + noNul + "\r\nEND:VCALENDAR\r\n");
    QVERIFY2(lenient.ok(), qPrintable(lenient.error.toString()));
    QVERIFY(lenient.conference->sessions.isEmpty());
    QVERIFY(lenient.warnings.size() <= 201);
    QVERIFY(timer.elapsed() < 3000);
}

void TestICalendarParser::pathologicalInputsStayLinear()
{
    QElapsedTimer timer;
    timer.start();

    // Quoted-printable soft line breaks join physical lines; 600000 of them must not go quadratic.
    QByteArray softBreaks("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION;ENCODING=QUOTED-PRINTABLE:a=\r\n");
    for (int i = 0; i < 600000; ++i)
        softBreaks.append("bc=\r\n");
    softBreaks.append("d\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    const ImportResult joined = ICalendarParser::parse(softBreaks);
    QVERIFY(!joined.ok());
    QCOMPARE(joined.error.line, 3);
    QVERIFY(joined.error.message.startsWith(QStringLiteral("content line longer than")));

    // Lines ending in "=" without a colon are not quoted-printable and are not joined.
    QByteArray noColon("BEGIN:VCALENDAR\r\n");
    for (int i = 0; i < 300000; ++i)
        noColon.append("X;ENCODING=QUOTED-PRINTABLE=\r\n");
    noColon.append("END:VCALENDAR\r\n");
    const ImportResult skipped = ICalendarParser::parse(noColon);
    QVERIFY(skipped.ok());
    // 300000 skipped lines and "no events": 200 shown, then a count of the rest.
    QCOMPARE(skipped.warnings.size(), 201);
    QCOMPARE(skipped.warnings.last(), QStringLiteral("299801 more warnings not shown"));
    QCOMPARE(skipped.warnings.first(),
             QStringLiteral("line 2: content line X has no ':' before its value; skipped"));

    // One event with 50000 distinct presenters.
    QByteArray crowd("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:crowd\r\nDTSTART:20260312T090000Z\r\n");
    for (int i = 0; i < 50000; ++i)
        crowd.append("ATTENDEE;CN=Person " + QByteArray::number(i) + ":invalid:nomail\r\n");
    crowd.append("END:VEVENT\r\nEND:VCALENDAR\r\n");
    const ImportResult many = ICalendarParser::parse(crowd);
    QVERIFY2(many.ok(), qPrintable(many.error.toString()));
    QCOMPARE(many.conference->sessions.first().speakerIds.size(), 50000);
    QCOMPARE(many.conference->speakers.size(), 50000);

    // The asan test preset sets PLENARY_TEST_TIME_SCALE: sanitized code runs several times slower.
    const int budgetMs = 5000 * std::max(1, qEnvironmentVariableIntValue("PLENARY_TEST_TIME_SCALE"));
    QVERIFY2(timer.elapsed() < budgetMs, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestICalendarParser)
#include "tst_icalendarparser.moc"
