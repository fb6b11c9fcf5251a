#include "icalendarwriter.h"

#include <QStringDecoder>
#include <QTest>

using namespace Plenary;

namespace {

QList<QByteArray> physicalLines(const QByteArray &data)
{
    QList<QByteArray> lines = data.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QByteArray unfold(const QByteArray &data)
{
    QByteArray copy = data;
    return copy.replace("\r\n ", "");
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

} // namespace

class TestICalendarWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fold_data();
    void fold();
    void escapeText_data();
    void escapeText();
    void formats();
    void parametersAreQuoted();
    void dateTimes();
    void timeZoneWithTransitions();
    void timeZoneWithoutTransitions();
    void namedZones();
    void componentsNest();
};

void TestICalendarWriter::fold_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("short") << "hello";
    QTest::newRow("exactly 75 octets") << QString(75 - 8, 'x');
    QTest::newRow("76 octets") << QString(76 - 8, 'x');
    QTest::newRow("long ASCII") << QString(400, 'a');
    QTest::newRow("Korean") << QString(
        "서울에서 열리는 오픈소스 컨퍼런스의 기조연설: 한국어 제목이 아주 길어서 여러 줄로 접혀야 합니다");
    QTest::newRow("emoji") << QString("🎉").repeated(60);
    QTest::newRow("mixed offsets") << "é" + QString("한").repeated(50) + "x🎉" + QString("ü").repeated(40);
}

void TestICalendarWriter::fold()
{
    QFETCH(QString, value);
    const QByteArray line = "SUMMARY:" + value.toUtf8();
    const QByteArray folded = ICalendarWriter::fold(line);
    QVERIFY(folded.endsWith("\r\n"));
    const QList<QByteArray> lines = physicalLines(folded);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray physical = lines.at(i);
        QVERIFY2(physical.endsWith('\r'), "every line ends in CRLF");
        physical.chop(1);
        QVERIFY2(physical.size() <= 75, physical.constData());
        if (i > 0)
            QVERIFY(physical.startsWith(' '));
        // Each physical line is valid UTF-8 by itself: no character was split.
        QVERIFY2(isValidUtf8(i > 0 ? physical.mid(1) : physical), physical.constData());
    }
    QCOMPARE(lines.size() > 1, line.size() > 75);
    QCOMPARE(unfold(folded), line + "\r\n");
}

void TestICalendarWriter::escapeText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << "Hello"
                           << "Hello";
    QTest::newRow("comma, semicolon") << "a,b;c"
                                      << "a\\,b\\;c";
    QTest::newRow("backslash") << "C:\\path"
                               << "C:\\\\path";
    QTest::newRow("colon stays") << "Room: K"
                                 << "Room: K";
    QTest::newRow("LF") << "one\ntwo"
                        << "one\\ntwo";
    QTest::newRow("CRLF") << "one\r\ntwo"
                          << "one\\ntwo";
    QTest::newRow("lone CR") << "one\rtwo"
                             << "one\\ntwo";
    QTest::newRow("controls dropped") << QString("a\x01"
                                                 "b\x7F"
                                                 "c")
                                      << "abc";
    QTest::newRow("tab kept") << "a\tb"
                              << "a\tb";
    QTest::newRow("double quote kept") << "say \"hi\""
                                       << "say \"hi\"";
}

void TestICalendarWriter::escapeText()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(ICalendarWriter::escapeText(text), escaped);
}

void TestICalendarWriter::formats()
{
    QCOMPARE(ICalendarWriter::formatOffset(3600), "+0100");
    QCOMPARE(ICalendarWriter::formatOffset(-12600), "-0330");
    QCOMPARE(ICalendarWriter::formatOffset(0), "+0000");
    QCOMPARE(ICalendarWriter::formatOffset(1050), "+001730"); // Amsterdam's 19th century LMT
    QCOMPARE(ICalendarWriter::formatDuration(-600), "-PT10M");
    QCOMPARE(ICalendarWriter::formatDuration(-5400), "-PT1H30M");
    QCOMPARE(ICalendarWriter::formatDuration(-86400), "-PT24H");
    QCOMPARE(ICalendarWriter::formatDuration(0), "PT0S");
    QCOMPARE(ICalendarWriter::formatDuration(45), "PT45S");
    const QDateTime t(QDate(2026, 2, 7), QTime(10, 5, 9), QTimeZone("Europe/Brussels"));
    QCOMPARE(ICalendarWriter::formatUtc(t), "20260207T090509Z");
    QCOMPARE(ICalendarWriter::formatLocal(t), "20260207T100509");
}

void TestICalendarWriter::parametersAreQuoted()
{
    ICalendarWriter writer;
    writer.text("ATTENDEE", "mailto:a@example.org", {{"CN", "Doe, Jane"}, {"X-NOTE", "say \"hi\"^"}});
    writer.raw("URL", "https://example.org/a\r\nb");
    QCOMPARE(writer.data(), "ATTENDEE;CN=\"Doe, Jane\";X-NOTE=say ^'hi^'^^:mailto:a@example.org\r\n"
                            "URL:https://example.org/ab\r\n");
}

void TestICalendarWriter::dateTimes()
{
    const QTimeZone brussels("Europe/Brussels");
    ICalendarWriter writer;
    writer.dateTime("DTSTART", QDateTime(QDate(2026, 2, 7), QTime(10, 0), brussels), brussels);
    writer.dateTime("DTEND", QDateTime(QDate(2026, 2, 7), QTime(9, 0), Qt::UTC), brussels); // shown in zone
    writer.dateTime("DTSTAMP", QDateTime(QDate(2026, 2, 7), QTime(10, 0), brussels));       // UTC by default
    // The second 02:30 of 25 October cannot be written as local time: it goes out in UTC.
    writer.dateTime("DTSTART", QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC), brussels);
    writer.dateTime("DTSTART", QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC), brussels);
    writer.dateTime("DTSTART", QDateTime(QDate(2026, 2, 7), QTime(10, 0), brussels), QTimeZone(3600));
    QCOMPARE(writer.data(), "DTSTART;TZID=Europe/Brussels:20260207T100000\r\n"
                            "DTEND;TZID=Europe/Brussels:20260207T100000\r\n"
                            "DTSTAMP:20260207T090000Z\r\n"
                            "DTSTART;TZID=Europe/Brussels:20261025T023000\r\n"
                            "DTSTART:20261025T013000Z\r\n"
                            "DTSTART:20260207T090000Z\r\n");
}

void TestICalendarWriter::timeZoneWithTransitions()
{
    const QTimeZone brussels("Europe/Brussels");
    ICalendarWriter writer;
    // From February to November 2026: in force CET (since October 2025), then CEST in March, CET in October.
    writer.timeZone(brussels, QDateTime(QDate(2026, 2, 7), QTime(10, 0), brussels),
                    QDateTime(QDate(2026, 11, 1), QTime(10, 0), brussels));
    QCOMPARE(writer.depth(), 0);
    QCOMPARE(writer.data(), "BEGIN:VTIMEZONE\r\n"
                            "TZID:Europe/Brussels\r\n"
                            "BEGIN:STANDARD\r\n"
                            "DTSTART:20251026T030000\r\n"
                            "TZOFFSETFROM:+0200\r\n"
                            "TZOFFSETTO:+0100\r\n"
                            "TZNAME:CET\r\n"
                            "END:STANDARD\r\n"
                            "BEGIN:DAYLIGHT\r\n"
                            "DTSTART:20260329T020000\r\n"
                            "TZOFFSETFROM:+0100\r\n"
                            "TZOFFSETTO:+0200\r\n"
                            "TZNAME:CEST\r\n"
                            "END:DAYLIGHT\r\n"
                            "BEGIN:STANDARD\r\n"
                            "DTSTART:20261025T030000\r\n"
                            "TZOFFSETFROM:+0200\r\n"
                            "TZOFFSETTO:+0100\r\n"
                            "TZNAME:CET\r\n"
                            "END:STANDARD\r\n"
                            "END:VTIMEZONE\r\n");

    // A span inside one period needs only the observance in force.
    ICalendarWriter summer;
    summer.timeZone(brussels, QDateTime(QDate(2026, 6, 1), QTime(9, 0), brussels),
                    QDateTime(QDate(2026, 6, 3), QTime(18, 0), brussels));
    QCOMPARE(summer.data().count("BEGIN:DAYLIGHT"), 1);
    QCOMPARE(summer.data().count("BEGIN:STANDARD"), 0);
    QVERIFY(summer.data().contains("DTSTART:20260329T020000\r\n"));

    // Southern hemisphere: the summer offset is in force in February.
    ICalendarWriter sydney;
    const QTimeZone sydneyZone("Australia/Sydney");
    sydney.timeZone(sydneyZone, QDateTime(QDate(2026, 2, 1), QTime(9, 0), sydneyZone),
                    QDateTime(QDate(2026, 4, 10), QTime(9, 0), sydneyZone));
    QVERIFY(sydney.data().contains("BEGIN:DAYLIGHT\r\nDTSTART:20251005T020000\r\nTZOFFSETFROM:+1000\r\n"
                                   "TZOFFSETTO:+1100\r\n"));
    QVERIFY(sydney.data().contains("BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\n"
                                   "TZOFFSETTO:+1000\r\n"));
}

void TestICalendarWriter::timeZoneWithoutTransitions()
{
    const QTimeZone seoul("Asia/Seoul"); // no DST since 1988: one observance, the last transition
    ICalendarWriter writer;
    writer.timeZone(seoul, QDateTime(QDate(2026, 5, 1), QTime(9, 0), seoul),
                    QDateTime(QDate(2026, 5, 3), QTime(9, 0), seoul));
    const QByteArray data = writer.data();
    QCOMPARE(data.count("BEGIN:STANDARD"), 1);
    QCOMPARE(data.count("BEGIN:DAYLIGHT"), 0);
    QVERIFY(data.contains("TZOFFSETTO:+0900\r\n"));

    const QTimeZone fixed("Etc/GMT-3"); // UTC+3, never changes
    ICalendarWriter fixedWriter;
    fixedWriter.timeZone(fixed, QDateTime(QDate(2026, 5, 1), QTime(9, 0), fixed),
                         QDateTime(QDate(2026, 5, 3), QTime(9, 0), fixed));
    QVERIFY(fixedWriter.data().contains("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"));
    QCOMPARE(fixedWriter.data().count("DTSTART:"), 1);
}

void TestICalendarWriter::namedZones()
{
    QVERIFY(ICalendarWriter::isNamedZone(QTimeZone("Europe/Brussels")));
    QVERIFY(ICalendarWriter::isNamedZone(QTimeZone("Asia/Seoul")));
    QVERIFY(!ICalendarWriter::isNamedZone(QTimeZone::utc()));
    QVERIFY(!ICalendarWriter::isNamedZone(QTimeZone("Etc/UTC")));
    QVERIFY(!ICalendarWriter::isNamedZone(QTimeZone(3600)));
    QVERIFY(!ICalendarWriter::isNamedZone(QTimeZone()));
}

void TestICalendarWriter::componentsNest()
{
    ICalendarWriter writer;
    writer.begin("VCALENDAR");
    writer.begin("VEVENT");
    QCOMPARE(writer.depth(), 2);
    writer.textList("CATEGORIES", {"Rust", " ", "Qt, QML"});
    writer.textList("CATEGORIES", {});
    writer.end("VEVENT");
    writer.end("VCALENDAR");
    QCOMPARE(writer.depth(), 0);
    QCOMPARE(writer.data(), "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nCATEGORIES:Rust,Qt\\, QML\r\nEND:VEVENT\r\n"
                            "END:VCALENDAR\r\n");
}

QTEST_GUILESS_MAIN(TestICalendarWriter)
#include "tst_icalendarwriter.moc"
