#include "serverharness.h"

#include "fuzzentries.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>

namespace PlenaryFuzz {

using namespace Plenary;

namespace {

const QByteArray AdminToken = QByteArrayLiteral("fuzz-admin-0123456789abcdef");

struct Answer
{
    int count = 0;
    int status = 0;
    QByteArray body;
    HttpResponder::Headers headers;
};

QByteArray headerValue(const HttpResponder::Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

ServerHarness::ServerHarness()
{
    if (!m_dir.isValid())
        return;
    const QString conference = m_dir.filePath(QStringLiteral("conference.json"));
    const QString badges = m_dir.filePath(QStringLiteral("badges.json"));
    if (!QFile::copy(QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/conference.json"), conference) ||
        !QFile::copy(QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/badges.json"), badges))
        return;
    FeedServerConfig config;
    config.conferencePath = conference;
    config.databasePath = m_dir.filePath(QStringLiteral("ledger.sqlite"));
    config.badgesPath = badges;
    config.adminToken = AdminToken;
    // No long-poll may park (nothing would answer it) and no limit may end the run in 429s.
    config.maxWaitSeconds = 0;
    config.rateBurst = 1e12;
    config.ratePerSecond = 1e12;
    config.signInFailureBurst = 1e12;
    config.signInFailuresPerSecond = 1e12;
    config.addressRatePerSecond = 0;
    config.signInsPerMinute = 0;
    config.maxWaiters = 64;
    m_server = std::make_unique<FeedServer>(config);
    QString error;
    if (!m_server->start(&error))
        return;
    m_attendeeToken =
        m_server->tokens().issue(Identity{QStringLiteral("fuzz-attendee"), QStringLiteral("Fuzz"), false});
    m_ready = !m_attendeeToken.isEmpty();
}

std::optional<HttpRequest> ServerHarness::decode(const QByteArray &data) const
{
    // The head ends at the first empty line, written with LF or CRLF.
    const qsizetype lf = data.indexOf("\n\n");
    const qsizetype crlf = data.indexOf("\r\n\r\n");
    qsizetype headEnd = data.size();
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        headEnd = crlf + 4;
    else if (lf >= 0)
        headEnd = lf + 2;
    QList<QByteArray> lines = data.first(headEnd).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() < 2 || requestLine[0].isEmpty())
        return std::nullopt;
    HttpRequest request;
    request.method = requestLine[0];
    const QUrl url = QUrl::fromEncoded(requestLine[1], QUrl::TolerantMode);
    request.path = url.path(QUrl::FullyEncoded);
    const QList<QByteArray> segments = request.path.toUtf8().split('/');
    for (const QByteArray &segment : segments) {
        if (!segment.isEmpty())
            request.segments.append(QUrl::fromPercentEncoding(segment));
    }
    request.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        QByteArray value = lines[i].sliced(colon + 1).trimmed();
        value.replace("$admin", AdminToken);
        value.replace("$attendee", m_attendeeToken);
        request.headers.append({lines[i].first(colon).trimmed(), value});
    }
    request.body = data.sliced(headEnd);
    request.remoteAddress = QHostAddress(QHostAddress::LocalHost);
    return request;
}

int ServerHarness::run(const HttpRequest &request)
{
    auto answer = std::make_shared<Answer>();
    m_server->http().handle(request,
                            HttpResponder::capturing([answer](int status, const QByteArray &body,
                                                              const HttpResponder::Headers &headers) {
                                ++answer->count;
                                answer->status = status;
                                answer->body = body;
                                answer->headers = headers;
                            }));
    QCoreApplication::processEvents();
    // DELETE /api/session with "$attendee" signs the attendee out; every later input gets a fresh token so
    // one input cannot turn all that follow into 401s.
    if (!m_server->tokens().verify(m_attendeeToken)) {
        m_attendeeToken = m_server->tokens().issue(
            Identity{QStringLiteral("fuzz-attendee"), QStringLiteral("Fuzz"), false});
    }
    static const bool verbose = qEnvironmentVariableIsSet("PLENARY_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "%s %s -> %d %s\n", request.method.constData(), qPrintable(request.path),
                     answer->status, answer->body.left(300).constData());
    check(answer->count == 1, "every request gets exactly one answer");
    check(HttpResponder::isSupportedStatus(answer->status), "the status is one the server may send");
    const bool stream = headerValue(answer->headers, "Content-Type").startsWith("text/event-stream");
    if (answer->status >= 400) {
        const QJsonDocument document = QJsonDocument::fromJson(answer->body);
        const QJsonObject error = document.object().value(u"error").toObject();
        check(error.value(u"code").isString() && error.value(u"message").isString(),
              "an error answer is {\"error\": {\"code\", \"message\"}}");
        check(error.value(u"code").toString() != u"internal", "no request is dropped without an answer");
    } else if (answer->status == 200 || answer->status == 201) {
        check(stream || QJsonDocument::fromJson(answer->body).isObject(),
              "a successful answer is a JSON object");
    }
    return answer->status;
}

} // namespace PlenaryFuzz
