#include "fuzzentries.h"

#include "conferencesnapshot.h"
#include "frabjsonparser.h"
#include "htmlsanitizer.h"
#include "httprequestframer.h"
#include "icalendarparser.h"
#include "pentabarfxmlparser.h"
#include "plenaryfeedparser.h"
#include "plenaryfeedwriter.h"
#include "seatavailabilityparser.h"
#include "serverharness.h"
#include "startupfilelist.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace PlenaryFuzz {

using namespace Plenary;

void check(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

void initialize(int *argc, char ***argv)
{
    qputenv("TZ", "Europe/Berlin");
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!QCoreApplication::instance())
        new QCoreApplication(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
}

namespace {

/** A parsed schedule is either a conference or a sentence, and what it holds survives the feed writer. */
Outcome checkImport(const ImportResult &result)
{
    if (!result.ok()) {
        check(result.error.isError(), "a refused schedule has an error message");
        return Outcome::Refused;
    }
    const Conference &conference = *result.conference;
    const QByteArray feed = PlenaryFeedWriter::write(conference);
    const ImportResult again = PlenaryFeedParser::parse(feed);
    check(again.ok(), "the feed written from a parsed schedule can be read back");
    check(again.conference->sessions.size() == conference.sessions.size(),
          "reading the written feed back keeps every session");
    return Outcome::Accepted;
}

ImportOptions options()
{
    ImportOptions options;
    options.sourceName = QStringLiteral("fuzz-input");
    return options;
}

} // namespace

Outcome pentabarfXml(const QByteArray &data)
{
    return checkImport(PentabarfXmlParser::parse(data, options()));
}

Outcome frabJson(const QByteArray &data)
{
    return checkImport(FrabJsonParser::parse(data, options()));
}

Outcome iCalendar(const QByteArray &data)
{
    return checkImport(ICalendarParser::parse(data, options()));
}

Outcome plenaryFeed(const QByteArray &data)
{
    const ImportResult result = PlenaryFeedParser::parse(data, options());
    if (!result.ok()) {
        check(result.error.isError(), "a refused feed has an error message");
        return Outcome::Refused;
    }
    const QByteArray feed = PlenaryFeedWriter::write(*result.conference);
    const ImportResult again = PlenaryFeedParser::parse(feed);
    check(again.ok() && again.conference->sessions.size() == result.conference->sessions.size(),
          "a feed read and written again reads back with the same sessions");
    return Outcome::Accepted;
}

Outcome conferenceSnapshot(const QByteArray &data)
{
    const std::optional<Conference> conference = ConferenceSnapshot::read(data);
    if (!conference)
        return Outcome::Refused;
    check(conference->timeZone.isValid(), "a snapshot read back has a valid time zone");
    const QByteArray written = ConferenceSnapshot::write(*conference);
    const std::optional<Conference> again = ConferenceSnapshot::read(written);
    check(again && *again == *conference, "a snapshot read and written again reads back the same");
    check(again && ConferenceSnapshot::write(*again) == written, "writing a snapshot is deterministic");
    return Outcome::Accepted;
}

Outcome seatAvailability(const QByteArray &data)
{
    const SeatsParseResult result = SeatAvailabilityParser::parse(data);
    if (!result.ok()) {
        check(!result.error.isEmpty(), "a refused seats document has an error message");
        return Outcome::Refused;
    }
    for (const LiveSeats &seats : result.document->sessions) {
        check(!seats.sessionId.isEmpty(), "every seat entry has a session id");
        check(seats.capacity >= 0 && seats.taken >= 0 && seats.waitlist >= 0, "seat counts are not negative");
        check(seats.taken <= seats.capacity, "taken seats never exceed the capacity");
    }
    return Outcome::Accepted;
}

Outcome htmlSanitizer(const QByteArray &data)
{
    static const QUrl base(QStringLiteral("https://example.org/2025/schedule/"));
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(QString::fromUtf8(data), base);
    check(!result.safeHtml.contains(u"<script", Qt::CaseInsensitive), "no script element survives");
    check(!result.safeHtml.contains(u"<img", Qt::CaseInsensitive), "no image survives");
    check(!result.safeHtml.contains(u"<style", Qt::CaseInsensitive), "no style element survives");
    // Text never carries a raw "<" (it is escaped), so every "<a href=" is a link the sanitizer wrote.
    qsizetype at = 0;
    while ((at = result.safeHtml.indexOf(u"<a href=\"", at)) >= 0) {
        at += 9;
        const QStringView target = QStringView(result.safeHtml).sliced(at);
        const bool safe =
            target.startsWith(u"http://") || target.startsWith(u"https://") || target.startsWith(u"mailto:");
        if (!safe)
            std::fprintf(stderr, "unsafe link in: %s\n", qPrintable(result.safeHtml));
        check(safe, "every link is absolute http, https or mailto");
    }
    HtmlSanitizer::htmlFromPlainText(result.plainText);
    return result.plainText.isEmpty() ? Outcome::Refused : Outcome::Accepted;
}

Outcome startupFileList(const QByteArray &data)
{
    using Plenary::StartupFileList;
    const StartupFileList list =
        StartupFileList::parse(std::string_view(data.constData(), size_t(data.size())));
    check(list.ranges().size() <= StartupFileList::kMaxRanges, "at most kMaxRanges ranges");
    check(list.totalBytes() <= StartupFileList::kMaxTotalBytes, "at most kMaxTotalBytes in all");
    std::uint64_t total = 0;
    for (const Plenary::FileRange &range : list.ranges()) {
        check(range.length > 0 && range.offset <= UINT64_MAX - range.length, "every range is a range");
        check(range.path.starts_with('/') &&
                  range.path.find_first_of(std::string_view("\n\r\0", 3)) == std::string::npos,
              "every path is absolute and on one line");
        total += range.length;
    }
    check(total == list.totalBytes(), "the total is the ranges' sum");
    const StartupFileList again = StartupFileList::parse(list.format());
    check(again.ranges() == list.ranges(), "what it writes reads back the same");
    return list.isEmpty() ? Outcome::Refused : Outcome::Accepted;
}

Outcome serverRequest(const QByteArray &data)
{
    // Created once and kept until the process ends (the ledger outlives every input, like a real server's).
    static ServerHarness *const harness = new ServerHarness;
    check(harness->isReady(), "the feed server harness starts");
    const std::optional<HttpRequest> request = harness->decode(data);
    if (!request)
        return Outcome::Refused;
    const int status = harness->run(*request);
    return status < 400 ? Outcome::Accepted : Outcome::Refused;
}

namespace {

/** The shortest request the framer can complete: "A / HTTP/1.1" and an empty LF line. */
constexpr qsizetype ShortestRequest = 14;

void checkRefusal(const HttpRequestFramer::Refusal &refusal)
{
    const int status = refusal.status;
    check(status == 0 || status == 400 || status == 413 || status == 431,
          "the framer refuses with 400, 413 or 431");
    check((status == 0) == refusal.code.isEmpty(), "a refusal, and only a refusal, has a code");
    check((status == 0) == refusal.message.isEmpty(), "a refusal, and only a refusal, has a message");
}

void checkSameState(const HttpRequestFramer &split, const HttpRequestFramer::Refusal &splitRefusal,
                    const QByteArrayView prefix, const HttpRequestFramer::Limits &limits)
{
    HttpRequestFramer whole(limits);
    const HttpRequestFramer::Refusal wholeRefusal = whole.feed(prefix);
    check(wholeRefusal.status == splitRefusal.status, "chunked and whole delivery refuse alike");
    check(wholeRefusal.code == splitRefusal.code, "chunked and whole delivery refuse with the same code");
    check(whole.completedRequests() == split.completedRequests(),
          "chunked and whole delivery complete the same requests");
    if (splitRefusal.status == 0) {
        check(whole.inRequest() == split.inRequest(),
              "chunked and whole delivery agree on a pending request");
        check(whole.method() == split.method() && whole.path() == split.path(),
              "chunked and whole delivery see the same request line");
    }
}

} // namespace

Outcome requestFramer(const QByteArray &data)
{
    // Byte 0 picks the limits (low bit: tiny ones, so heads and bodies reach them cheaply) and how many of
    // the next bytes are chunk sizes; the chunk sizes are used in turn, and the rest is the stream.
    if (data.isEmpty())
        return Outcome::Refused;
    const auto control = static_cast<unsigned char>(data[0]);
    HttpRequestFramer::Limits limits;
    if (control & 1) {
        limits.maxHeadBytes = 64 + (control >> 1) % 8 * 16;
        limits.maxHeaders = 1 + (control >> 4) % 4;
        limits.maxBodyBytes = (control >> 6) * 8;
    }
    const qsizetype sizeCount = std::min<qsizetype>(1 + (control >> 1) % 8, data.size() - 1);
    const QByteArrayView sizes = QByteArrayView(data).sliced(1, sizeCount);
    const QByteArrayView stream = QByteArrayView(data).sliced(1 + sizeCount);

    HttpRequestFramer framer(limits);
    HttpRequestFramer::Refusal refusal;
    qsizetype fed = 0;
    int chunks = 0;
    while (fed < stream.size()) {
        const auto size = static_cast<unsigned char>(sizes[chunks % sizes.size()]);
        const QByteArrayView chunk =
            stream.sliced(fed, std::min<qsizetype>(size == 0 ? 1024 : size, stream.size() - fed));
        const int completedBefore = framer.completedRequests();
        const HttpRequestFramer::Refusal before = refusal;
        refusal = framer.feed(chunk);
        fed += chunk.size();
        ++chunks;
        checkRefusal(refusal);
        if (before.status != 0) {
            check(refusal.status == before.status && refusal.code == before.code &&
                      refusal.message == before.message,
                  "a refusal stays decided");
            check(framer.completedRequests() == completedBefore, "nothing completes after a refusal");
        }
        check(framer.completedRequests() >= completedBefore, "completed requests never go down");
        check(qsizetype(framer.completedRequests()) * ShortestRequest <= fed,
              "every completed request was made of bytes that were fed");
        check(framer.method().size() <= 16, "the logged method is at most 16 bytes");
        check(framer.path().size() <= 256 && !framer.path().contains(u'?'),
              "the logged path is at most 256 characters and has no query");
        const int completedNow = framer.completedRequests();
        const HttpRequestFramer::Refusal again = framer.feed(QByteArrayView());
        check(again.status == refusal.status && framer.completedRequests() == completedNow,
              "feeding nothing changes nothing");
        // Re-framing the whole prefix at once costs O(n) per chunk, so only the first chunks are compared.
        if (chunks <= 32)
            checkSameState(framer, refusal, stream.first(fed), limits);
    }
    checkSameState(framer, refusal, stream, limits);
    return refusal.status == 0 ? Outcome::Accepted : Outcome::Refused;
}

Entry entryFor(const QByteArray &target)
{
    if (target == "pentabarfxml")
        return &pentabarfXml;
    if (target == "frabjson")
        return &frabJson;
    if (target == "icalendar")
        return &iCalendar;
    if (target == "plenaryfeed")
        return &plenaryFeed;
    if (target == "conferencesnapshot")
        return &conferenceSnapshot;
    if (target == "seatavailability")
        return &seatAvailability;
    if (target == "htmlsanitizer")
        return &htmlSanitizer;
    if (target == "serverrequest")
        return &serverRequest;
    if (target == "startupfilelist")
        return &startupFileList;
    if (target == "requestframer")
        return &requestFramer;
    return nullptr;
}

} // namespace PlenaryFuzz
