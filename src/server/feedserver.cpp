#include "feedserver.h"

#include "serverlogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMetaMethod>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Plenary {

namespace {

constexpr qsizetype MaxTokenLength = 256;
constexpr qsizetype MaxIdLength = 200;
constexpr qsizetype MaxBadgeLength = 100;
constexpr qsizetype MaxIdempotencyKeyLength = 200;
constexpr int MaxCapacity = 1'000'000;
constexpr double SignInBurst = 20;

const QByteArray JsonType = QByteArrayLiteral("application/json");

QByteArray stripWeak(QByteArrayView tag)
{
    tag = tag.trimmed();
    if (tag.startsWith("W/"))
        tag = tag.sliced(2);
    return tag.toByteArray();
}

/** RFC 9110 weak comparison of an If-None-Match list against one entity tag. */
bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.isEmpty())
        return false;
    if (ifNoneMatch == etag)
        return true;
    if (ifNoneMatch.trimmed() == "*")
        return true;
    const QByteArray wanted = stripWeak(etag);
    const QList<QByteArray> candidates = ifNoneMatch.split(',');
    for (const QByteArray &candidate : candidates) {
        if (stripWeak(candidate) == wanted)
            return true;
    }
    return false;
}

bool isIdentifier(const QString &text, qsizetype maxLength)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray header = request.header("Authorization").trimmed();
    if (header.size() < 7 || QByteArrayView(header).first(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return {};
    const QByteArray token = header.sliced(7).trimmed();
    if (token.size() > MaxTokenLength)
        return {};
    for (const char c : token) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
        if (!ok)
            return {};
    }
    return token;
}

std::optional<qint64> parseCount(const QString &text, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > max)
        return std::nullopt;
    return value;
}

/** "application/json", "application/x+json", with or without parameters (charset). */
bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

QString retryAfterSeconds(qint64 ms)
{
    return QString::number(std::max<qint64>(1, (ms + 999) / 1000));
}

} // namespace

FeedServer::FeedServer(const FeedServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_rateLimiter(config.rateBurst, config.ratePerSecond)
    , m_signInFailures(config.signInFailureBurst, config.signInFailuresPerSecond)
    , m_addressLimiter(config.addressRateBurst, config.addressRatePerSecond)
    , m_signInLimiter(SignInBurst, config.signInsPerMinute / 60.0)
{
    m_http.setMaxBodyBytes(config.maxBodyBytes);
    m_http.setRequestTimeoutMs(config.requestTimeoutMs);
    m_http.setMaxHeaderBytes(config.maxHeaderBytes);
    m_http.setMaxHeaderCount(config.maxHeaderCount);
    m_http.setMaxConnections(config.maxConnections);
    m_http.setMaxConnectionsPerAddress(config.maxConnectionsPerAddress);
    m_http.setHandler([this](const HttpRequest &request, HttpResponder &&responder) {
        handle(request, std::move(responder));
    });
    connect(&m_http, &HttpServerWrapper::requestFinished, this, &FeedServer::logRequest);

    const auto path = [](const char *text) {
        return QString::fromLatin1(text).split(u'/', Qt::SkipEmptyParts);
    };
    m_routes = {
        {"GET", path("api/health"), &FeedServer::getHealth},
        {"GET", path("api/conference"), &FeedServer::getConference},
        {"GET", path("api/seats"), &FeedServer::getSeats},
        {"GET", path("api/seats/stream"), &FeedServer::getSeatStream},
        {"POST", path("api/session"), &FeedServer::postSession},
        {"GET", path("api/session"), &FeedServer::getSession},
        {"DELETE", path("api/session"), &FeedServer::deleteSession},
        {"GET", path("api/reservations"), &FeedServer::getReservations},
        {"POST", path("api/reservations"), &FeedServer::postReservation},
        {"GET", path("api/reservations/*"), &FeedServer::getReservation},
        {"DELETE", path("api/reservations/*"), &FeedServer::deleteReservation},
        {"POST", path("api/admin/reload"), &FeedServer::postReload},
        {"PUT", path("api/admin/sessions/*/capacity"), &FeedServer::putCapacity},
    };

    m_heartbeat.setInterval(std::max(100, config.heartbeatMs));
    connect(&m_heartbeat, &QTimer::timeout, this, &FeedServer::sendHeartbeats);
    m_tokenPurge.setInterval(std::max(10, config.tokenPurgeIntervalMs));
    connect(&m_tokenPurge, &QTimer::timeout, this, &FeedServer::purgeExpiredTokens);
}

FeedServer::~FeedServer()
{
    m_http.close();
    disconnect(&m_http, nullptr, this, nullptr);
    for (auto &[id, waiter] : m_waiters) {
        sendError(waiter.responder, 503, QStringLiteral("unavailable"),
                  QStringLiteral("the server is stopping"), {},
                  {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")}});
    }
    m_waiters.clear();
    m_streams.clear();
}

void FeedServer::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    if (m_ledger)
        m_ledger->setClock(m_clock);
    if (m_tokens)
        m_tokens->setClock(m_clock);
}

bool FeedServer::start(QString *error)
{
    QString reason;
    m_feed = FeedSnapshot::load(m_config.conferencePath, &reason);
    if (!m_feed) {
        *error = reason;
        return false;
    }
    m_ledger = std::make_unique<SeatLedger>(m_config.databasePath);
    m_ledger->setForbidOverlaps(m_config.forbidOverlaps);
    if (m_clock)
        m_ledger->setClock(m_clock);
    if (!m_ledger->open()) {
        *error = m_ledger->errorString();
        return false;
    }
    m_seatsVersion = m_ledger->version();
    connect(m_ledger.get(), &SeatLedger::changed, this, &FeedServer::ledgerChanged);
    m_tokens = std::make_unique<TokenStore>(m_config.databasePath);
    if (!m_tokens->open()) {
        *error = m_tokens->errorString();
        return false;
    }
    m_tokens->setAdminToken(m_config.adminToken);
    m_tokens->setLifetimeSeconds(m_config.tokenLifetimeSeconds);
    if (m_clock)
        m_tokens->setClock(m_clock);
    if (!m_config.badgesPath.isEmpty() && !m_badges.loadFile(m_config.badgesPath, error))
        return false;
    if (!m_ledger->syncSessions(m_feed->ledgerSessions()).ok) {
        *error = QStringLiteral("cannot record the conference's sessions in %1").arg(m_config.databasePath);
        return false;
    }
    if (!m_config.seatsPath.isEmpty() && !applySeeds(error))
        return false;
    m_broadcastVersion = m_seatsVersion;
    m_heartbeat.start();
    purgeExpiredTokens();
    m_tokenPurge.start();
    return true;
}

bool FeedServer::applySeeds(QString *error)
{
    QFile file(m_config.seatsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(m_config.seatsPath, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: not JSON: %2").arg(m_config.seatsPath, parseError.errorString());
        return false;
    }
    // Accepted shapes: {"sessions": {id: entry}} or {"sessions": [entry with "session"/"id"]}, or the map or
    // the array at the top level. An entry carries "taken" and "waitlist" (counts).
    QJsonValue sessions =
        document.isObject() && document.object().contains(u"sessions")
            ? document.object().value(u"sessions")
            : (document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    QList<std::pair<QString, QJsonObject>> entries;
    if (sessions.isObject()) {
        const QJsonObject map = sessions.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it.value().isObject())
                entries.append({it.key(), it.value().toObject()});
        }
    } else {
        for (const QJsonValue &value : sessions.toArray()) {
            const QJsonObject entry = value.toObject();
            entries.append({entry.value(u"session").toString(entry.value(u"id").toString()), entry});
        }
    }
    const auto count = [](const QJsonObject &entry, std::initializer_list<QStringView> keys) {
        for (const QStringView key : keys) {
            const QJsonValue value = entry.value(key);
            if (value.isDouble())
                return std::max(0, value.toInt());
            if (value.isArray())
                return int(value.toArray().size());
        }
        return 0;
    };
    int seeded = 0;
    for (const auto &[id, entry] : std::as_const(entries)) {
        const int taken = count(entry, {u"taken", u"seatsTaken", u"confirmed"});
        const int waitlist = count(entry, {u"waitlist", u"waitlisted", u"waiting"});
        const SeatLedger::SeedOutcome outcome = m_ledger->seed(id, taken, waitlist);
        if (outcome == SeatLedger::SeedOutcome::StorageError) {
            *error = QStringLiteral("cannot seed the seats of %1").arg(id);
            return false;
        }
        if (outcome == SeatLedger::SeedOutcome::UnknownSession)
            qCWarning(plenaryServer).noquote() << m_config.seatsPath << ": no seat-limited session" << id;
        if (outcome == SeatLedger::SeedOutcome::Seeded)
            ++seeded;
    }
    if (seeded > 0)
        qCInfo(plenaryServer).noquote()
            << "seeded the seats of" << seeded << "sessions from" << m_config.seatsPath;
    return true;
}

quint16 FeedServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = m_http.listen(address, port);
    if (bound == 0)
        *error = m_http.errorString();
    return bound;
}

FeedServer::ReloadOutcome FeedServer::reload(QString *error)
{
    QString reason;
    std::optional<FeedSnapshot> next = FeedSnapshot::load(m_config.conferencePath, &reason);
    if (!next) {
        qCWarning(plenaryServer).noquote()
            << "reload failed, still serving" << m_feed->version() << ":" << reason;
        if (error)
            *error = reason;
        return ReloadOutcome::Failed;
    }
    if (next->etag() == m_feed->etag()) {
        qCInfo(plenaryServer).noquote() << "reload: schedule version" << m_feed->version() << "is unchanged";
        return ReloadOutcome::Unchanged;
    }
    const SeatLedger::SyncResult sync = m_ledger->syncSessions(next->ledgerSessions());
    if (!sync.ok) {
        if (error)
            *error = QStringLiteral("cannot record the new sessions in the ledger");
        return ReloadOutcome::Failed;
    }
    m_feed = std::move(next);
    qCInfo(plenaryServer).noquote() << "reloaded schedule version" << m_feed->version() << "(" << sync.added
                                    << "sessions added," << sync.changed << "changed," << sync.unlisted
                                    << "dropped," << sync.promotions.size() << "promoted)";
    Q_EMIT conferenceReloaded(m_feed->version());
    return ReloadOutcome::Reloaded;
}

int FeedServer::waitingClients() const
{
    return int(m_waiters.size() + m_streams.size());
}

void FeedServer::logRequest(const QByteArray &method, const QString &path, int status, qint64 elapsedMs)
{
    m_requestLog.append(method, path, status, elapsedMs);
    if (!isSignalConnected(QMetaMethod::fromSignal(&FeedServer::requestLogged)))
        return;
    Q_EMIT requestLogged(
        QStringLiteral("%1 %2 %3 %4 ms")
            .arg(QString::fromLatin1(method), path, QString::number(status), QString::number(elapsedMs)));
}

QString FeedServer::serverTime() const
{
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

void FeedServer::sendJson(HttpResponder &responder, int status, const QJsonObject &object,
                          const HttpResponder::Headers &headers)
{
    HttpResponder::Headers all = headers;
    all.append({QByteArrayLiteral("Content-Type"), JsonType});
    bool hasCacheControl = false;
    for (const auto &header : headers)
        hasCacheControl |= header.first == "Cache-Control";
    if (!hasCacheControl)
        all.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    responder.send(status, QJsonDocument(object).toJson(QJsonDocument::Compact), all);
}

void FeedServer::sendError(HttpResponder &responder, int status, const QString &code, const QString &message,
                           const QJsonObject &details, const HttpResponder::Headers &headers)
{
    QJsonObject error = details;
    error.insert(QStringLiteral("code"), code);
    error.insert(QStringLiteral("message"), message);
    sendJson(responder, status, QJsonObject{{QStringLiteral("error"), error}}, headers);
}

void FeedServer::handle(const HttpRequest &request, HttpResponder &&responder)
{
    if (!m_feed || !m_ledger) {
        sendError(responder, 503, QStringLiteral("unavailable"), QStringLiteral("the server is starting"));
        return;
    }
    if (m_config.addressRatePerSecond > 0 && !allowAddress(m_addressLimiter, request, responder))
        return;
    // The path is taken literally: no empty or dot segments are resolved, and no control characters pass.
    for (const QString &segment : request.segments) {
        if (std::any_of(segment.begin(), segment.end(),
                        [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; })) {
            sendError(responder, 400, QStringLiteral("bad-request"),
                      QStringLiteral("the path contains control characters"));
            return;
        }
    }
    if (request.path.contains(QLatin1StringView("//")) || request.segments.contains(QStringLiteral(".")) ||
        request.segments.contains(QStringLiteral(".."))) {
        sendError(responder, 404, QStringLiteral("not-found"), QStringLiteral("no such resource"));
        return;
    }
    QByteArrayList allowed;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.pattern.size() != request.segments.size())
            continue;
        Params params;
        bool match = true;
        for (qsizetype i = 0; i < route.pattern.size() && match; ++i) {
            if (route.pattern[i] == u"*")
                params.append(request.segments[i]);
            else
                match = route.pattern[i] == request.segments[i];
        }
        if (!match)
            continue;
        if (route.method == request.method) {
            (this->*route.handler)(request, std::move(responder), params);
            return;
        }
        allowed.append(route.method);
    }
    if (!allowed.isEmpty()) {
        sendError(responder, 405, QStringLiteral("method-not-allowed"),
                  QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)), {},
                  {{QByteArrayLiteral("Allow"), allowed.join(", ")}});
        return;
    }
    sendError(responder, 404, QStringLiteral("not-found"), QStringLiteral("no such resource"));
}

std::optional<Identity> FeedServer::authenticate(const HttpRequest &request, HttpResponder &responder)
{
    const HttpResponder::Headers challenge{
        {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}};
    const QByteArray token = bearerToken(request);
    if (token.isEmpty()) {
        sendError(responder, 401, QStringLiteral("unauthorized"),
                  QStringLiteral("sign in first: send Authorization: Bearer <token>"), {}, challenge);
        return std::nullopt;
    }
    const TokenStore::Check check = m_tokens->check(token);
    if (check.expired) {
        sendError(responder, 401, QStringLiteral("token-expired"),
                  QStringLiteral("the token has expired; sign in again"), {}, challenge);
        return std::nullopt;
    }
    const std::optional<Identity> identity = check.identity;
    if (!identity) {
        sendError(responder, 401, QStringLiteral("unauthorized"), QStringLiteral("the token is not valid"),
                  {}, challenge);
        return std::nullopt;
    }
    qint64 retryAfterMs = 0;
    if (!m_rateLimiter.allow(TokenStore::digest(token), &retryAfterMs)) {
        sendError(responder, 429, QStringLiteral("rate-limited"),
                  QStringLiteral("too many requests; slow down"), {},
                  {{QByteArrayLiteral("Retry-After"), retryAfterSeconds(retryAfterMs).toLatin1()}});
        return std::nullopt;
    }
    return identity;
}

bool FeedServer::allowAddress(RateLimiter &limiter, const HttpRequest &request, HttpResponder &responder)
{
    qint64 retryAfterMs = 0;
    if (limiter.allow(HttpServerWrapper::clientKey(request.remoteAddress), &retryAfterMs))
        return true;
    sendError(responder, 429, QStringLiteral("rate-limited"),
              QStringLiteral("too many requests from your address; slow down"), {},
              {{QByteArrayLiteral("Retry-After"), retryAfterSeconds(retryAfterMs).toLatin1()}});
    return false;
}

std::optional<QJsonObject> FeedServer::jsonBody(const HttpRequest &request, HttpResponder &responder)
{
    if (!request.body.isEmpty() && !isJsonType(request.header("Content-Type"))) {
        sendError(responder, 415, QStringLiteral("unsupported-media-type"),
                  QStringLiteral("send the body as Content-Type: application/json"));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        sendError(responder, 400, QStringLiteral("bad-json"),
                  QStringLiteral("the body is not JSON: %1 at offset %2")
                      .arg(parseError.errorString())
                      .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        sendError(responder, 400, QStringLiteral("bad-request"),
                  QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

const SeatDocument &FeedServer::seatDocument()
{
    const qint64 version = seatsVersion();
    if (version != m_seatDocument.version() || m_feed->version() != m_seatDocument.scheduleVersion())
        m_seatDocument = SeatDocument(version, m_feed->version(), m_ledger->availability());
    return m_seatDocument;
}

QByteArray FeedServer::seatsServerTime()
{
    const qint64 ms = m_clock ? m_clock().toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != m_serverTimeSecond) {
        m_serverTimeSecond = second;
        m_serverTimeText =
            QDateTime::fromMSecsSinceEpoch(second * 1000, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
        // "…:11.000Z" loses its milliseconds and zone; other shapes (years past 9999) are formatted per call.
        if (m_serverTimeText.endsWith(".000Z"))
            m_serverTimeText.chop(4);
        else
            m_serverTimeText.clear();
    }
    if (m_serverTimeText.isEmpty())
        return serverTime().toLatin1();
    const int milli = int(ms - second * 1000);
    QByteArray text;
    text.reserve(m_serverTimeText.size() + 4);
    text.append(m_serverTimeText)
        .append(char('0' + milli / 100))
        .append(char('0' + milli / 10 % 10))
        .append(char('0' + milli % 10))
        .append('Z');
    return text;
}

QJsonObject FeedServer::reservationJson(const Reservation &reservation) const
{
    QJsonObject object{
        {QStringLiteral("id"), reservation.id},
        {QStringLiteral("session"), reservation.sessionId},
        {QStringLiteral("status"), Reservation::statusName(reservation.status)},
        {QStringLiteral("queued"), reservation.queued},
        {QStringLiteral("createdAt"), reservation.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updatedAt"), reservation.updatedAt.toString(Qt::ISODateWithMs)},
    };
    if (reservation.status == Reservation::Status::Waitlisted)
        object.insert(QStringLiteral("position"), reservation.position);
    if (!reservation.sessionListed)
        object.insert(QStringLiteral("sessionListed"), false);
    return object;
}

void FeedServer::getHealth(const HttpRequest &, HttpResponder &&responder, const Params &)
{
    sendJson(responder, 200,
             QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                         {QStringLiteral("scheduleVersion"), m_feed->version()},
                         {QStringLiteral("seatsVersion"), seatsVersion()},
                         {QStringLiteral("serverTime"), serverTime()}});
}

void FeedServer::getConference(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    const HttpResponder::Headers headers{
        {QByteArrayLiteral("ETag"), m_feed->etag()},
        {QByteArrayLiteral("X-Schedule-Version"), m_feed->version().toUtf8()},
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
    };
    if (etagMatches(request.header("If-None-Match"), m_feed->etag())) {
        responder.send(304, {}, headers);
        return;
    }
    HttpResponder::Headers all = headers;
    all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")});
    responder.send(200, m_feed->json(), all);
}

void FeedServer::getSeats(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    std::optional<qint64> since;
    int wait = 0;
    if (request.query.hasQueryItem(QStringLiteral("since"))) {
        since = parseCount(request.query.queryItemValue(QStringLiteral("since")),
                           std::numeric_limits<qint64>::max());
        if (!since) {
            sendError(responder, 400, QStringLiteral("bad-request"),
                      QStringLiteral("\"since\" must be a seats version (a non-negative integer)"));
            return;
        }
    }
    if (request.query.hasQueryItem(QStringLiteral("wait"))) {
        const std::optional<qint64> seconds =
            parseCount(request.query.queryItemValue(QStringLiteral("wait")), 24 * 3600);
        if (!seconds) {
            sendError(responder, 400, QStringLiteral("bad-request"),
                      QStringLiteral("\"wait\" must be a number of seconds"));
            return;
        }
        wait = int(std::min<qint64>(*seconds, m_config.maxWaitSeconds));
    }
    const SeatDocument &document = seatDocument();
    const qint64 version = document.version();
    const bool notModified = etagMatches(request.header("If-None-Match"), document.etag());
    const bool unchanged = since ? *since == version : notModified;
    if (wait > 0 && unchanged) {
        if (waitingClients() >= m_config.maxWaiters) {
            sendError(responder, 503, QStringLiteral("busy"), QStringLiteral("too many clients are waiting"),
                      {}, {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")}});
            return;
        }
        const quint64 id = m_nextClientId++;
        Waiter &waiter = m_waiters[id];
        waiter.since = version;
        waiter.conditional = notModified;
        waiter.timeout = std::make_unique<QTimer>();
        waiter.timeout->setSingleShot(true);
        connect(waiter.timeout.get(), &QTimer::timeout, this, [this, id] { answerWaiter(id, true); });
        waiter.timeout->start(wait * 1000);
        responder.onDisconnected(this, [this, id] { m_waiters.erase(id); });
        waiter.responder = std::move(responder);
        return;
    }
    if (notModified) {
        responder.send(304, {}, document.headers());
        return;
    }
    responder.send(200, document.json(seatsServerTime()), document.bodyHeaders());
}

void FeedServer::answerWaiter(quint64 id, bool timedOut)
{
    const auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    Waiter waiter = std::move(it->second);
    m_waiters.erase(it);
    const SeatDocument &document = seatDocument();
    if (timedOut && waiter.conditional && document.version() == waiter.since)
        waiter.responder.send(304, {}, document.headers());
    else
        waiter.responder.send(200, document.json(seatsServerTime()), document.bodyHeaders());
}

void FeedServer::getSeatStream(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    if (waitingClients() >= m_config.maxWaiters) {
        sendError(responder, 503, QStringLiteral("busy"), QStringLiteral("too many clients are listening"),
                  {}, {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")}});
        return;
    }
    const HttpResponder::Headers headers{
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream; charset=utf-8")},
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
        {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")},
    };
    if (!responder.beginStream(200, headers))
        return;
    const SeatDocument &document = seatDocument();
    const bool upToDate = request.header("Last-Event-ID").trimmed() == QByteArray::number(document.version());
    QByteArray first = "retry: 2000\n\n";
    if (!upToDate) {
        first += "id: " + QByteArray::number(document.version()) +
                 "\nevent: seats\ndata: " + document.json(seatsServerTime()) + "\n\n";
    }
    responder.writeToStream(first);
    const quint64 id = m_nextClientId++;
    responder.onDisconnected(this, [this, id] { m_streams.erase(id); });
    m_streams.emplace(id, std::move(responder));
}

void FeedServer::sendHeartbeats()
{
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (it->second.writeToStream(QByteArrayLiteral(": keep-alive\n\n")))
            ++it;
        else
            it = m_streams.erase(it);
    }
}

void FeedServer::purgeExpiredTokens()
{
    const qsizetype purged = m_tokens->purgeExpired(m_config.expiredTokenGraceSeconds * 1000);
    if (purged > 0)
        qCInfo(plenaryServer).noquote() << "purged" << purged << "expired tokens";
}

void FeedServer::ledgerChanged(qint64 version)
{
    m_seatsVersion = std::max(m_seatsVersion, version);
    if (m_broadcastQueued)
        return;
    m_broadcastQueued = true;
    QTimer::singleShot(0, this, &FeedServer::broadcastSeats);
}

void FeedServer::broadcastSeats()
{
    m_broadcastQueued = false;
    const qint64 version = m_seatsVersion;
    if (version == m_broadcastVersion)
        return;
    m_broadcastVersion = version;
    Q_EMIT seatsChanged(version);
    QList<quint64> ready;
    for (const auto &[id, waiter] : m_waiters) {
        if (waiter.since != version)
            ready.append(id);
    }
    for (quint64 id : std::as_const(ready))
        answerWaiter(id, false);
    if (m_streams.empty())
        return;
    const SeatDocument &document = seatDocument();
    const QByteArray event = "id: " + QByteArray::number(document.version()) +
                             "\nevent: seats\ndata: " + document.json(seatsServerTime()) + "\n\n";
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (it->second.writeToStream(event))
            ++it;
        else
            it = m_streams.erase(it);
    }
}

void FeedServer::postSession(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    if (m_config.addressRatePerSecond > 0 && m_config.signInsPerMinute > 0 &&
        !allowAddress(m_signInLimiter, request, responder))
        return;
    const QByteArray client = HttpServerWrapper::clientKey(request.remoteAddress);
    qint64 retryAfterMs = 0;
    if (m_signInFailures.isLimited(client, &retryAfterMs)) {
        sendError(responder, 429, QStringLiteral("rate-limited"),
                  QStringLiteral("too many failed sign-ins; try again later"), {},
                  {{QByteArrayLiteral("Retry-After"), retryAfterSeconds(retryAfterMs).toLatin1()}});
        return;
    }
    const std::optional<QJsonObject> body = jsonBody(request, responder);
    if (!body)
        return;
    const QJsonValue badge = body->value(u"badge");
    if (!badge.isString() || !isIdentifier(badge.toString(), MaxBadgeLength)) {
        sendError(responder, 400, QStringLiteral("bad-request"),
                  QStringLiteral("\"badge\" must be the badge code as a string"));
        return;
    }
    const std::optional<Badge> found = m_badges.find(badge.toString());
    if (!found) {
        m_signInFailures.allow(client);
        sendError(responder, 401, QStringLiteral("unknown-badge"), QStringLiteral("no badge has this code"));
        return;
    }
    const Identity identity{found->attendeeId, found->name, found->admin};
    const QByteArray token = m_tokens->issue(identity);
    if (token.isEmpty()) {
        sendError(responder, 500, QStringLiteral("storage"),
                  QStringLiteral("the sign-in could not be stored"));
        return;
    }
    sendJson(responder, 201,
             QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                         {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                         {QStringLiteral("attendee"), QJsonObject{{QStringLiteral("id"), identity.attendeeId},
                                                                  {QStringLiteral("name"), identity.name}}},
                         {QStringLiteral("admin"), identity.admin}});
}

void FeedServer::getSession(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    sendJson(
        responder, 200,
        QJsonObject{{QStringLiteral("attendee"), QJsonObject{{QStringLiteral("id"), identity->attendeeId},
                                                             {QStringLiteral("name"), identity->name}}},
                    {QStringLiteral("admin"), identity->admin}});
}

void FeedServer::deleteSession(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    if (!authenticate(request, responder))
        return;
    m_tokens->revoke(bearerToken(request));
    responder.send(204, {});
}

void FeedServer::getReservations(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    const bool all = request.query.queryItemValue(QStringLiteral("include")) == u"cancelled";
    QJsonArray list;
    const QList<Reservation> reservations = m_ledger->reservationsOf(identity->attendeeId, all);
    for (const Reservation &r : reservations)
        list.append(reservationJson(r));
    sendJson(responder, 200,
             QJsonObject{{QStringLiteral("reservations"), list},
                         {QStringLiteral("seatsVersion"), seatsVersion()},
                         {QStringLiteral("serverTime"), serverTime()}});
}

void FeedServer::postReservation(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    const QString key = QString::fromUtf8(request.header("Idempotency-Key").trimmed());
    if (!key.isEmpty() && !isIdentifier(key, MaxIdempotencyKeyLength)) {
        sendError(responder, 400, QStringLiteral("bad-request"),
                  QStringLiteral("the Idempotency-Key header must be 1 to %1 printable characters")
                      .arg(MaxIdempotencyKeyLength));
        return;
    }
    const std::optional<QJsonObject> body = jsonBody(request, responder);
    if (!body)
        return;
    const QJsonValue session = body->value(u"session");
    if (!session.isString() || !isIdentifier(session.toString(), MaxIdLength)) {
        sendError(responder, 400, QStringLiteral("bad-request"),
                  QStringLiteral("\"session\" must be a session id"));
        return;
    }
    const QJsonValue waitlist = body->value(u"waitlist");
    if (!waitlist.isUndefined() && !waitlist.isNull() && !waitlist.isBool()) {
        sendError(responder, 400, QStringLiteral("bad-request"),
                  QStringLiteral("\"waitlist\" must be true or false"));
        return;
    }
    const SeatLedger::ReserveMode mode =
        waitlist.toBool(false) ? SeatLedger::ReserveMode::SeatOrWaitlist : SeatLedger::ReserveMode::SeatOnly;
    const QString sessionId = session.toString();
    const SeatLedger::ReserveResult result = m_ledger->reserve(identity->attendeeId, sessionId, mode, key);
    using O = SeatLedger::ReserveOutcome;
    switch (result.outcome) {
    case O::Confirmed:
    case O::Waitlisted:
    case O::AlreadyConfirmed:
    case O::AlreadyWaitlisted: {
        const bool created = result.outcome == O::Confirmed || result.outcome == O::Waitlisted;
        QJsonObject answer{{QStringLiteral("reservation"), reservationJson(result.reservation)},
                           {QStringLiteral("created"), created}};
        answer.insert(QStringLiteral("seats"),
                      QJsonObject{{QStringLiteral("capacity"), result.seats.capacity},
                                  {QStringLiteral("taken"), result.seats.taken},
                                  {QStringLiteral("waitlist"), result.seats.waitlist},
                                  {QStringLiteral("version"), result.seats.version}});
        HttpResponder::Headers headers;
        if (result.replayed)
            headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
        sendJson(responder, created ? 201 : 200, answer, headers);
        return;
    }
    case O::Full:
        sendError(responder, 409, QStringLiteral("full"),
                  QStringLiteral("no seat is left; send \"waitlist\": true to join the waitlist"),
                  {{QStringLiteral("capacity"), result.seats.capacity},
                   {QStringLiteral("taken"), result.seats.taken},
                   {QStringLiteral("waitlist"), result.seats.waitlist}});
        return;
    case O::UnknownSession:
        sendError(responder, 404, QStringLiteral("unknown-session"),
                  QStringLiteral("no session \"%1\" in the current schedule").arg(sessionId));
        return;
    case O::NotSeatLimited:
        sendError(responder, 409, QStringLiteral("not-seat-limited"),
                  QStringLiteral("\"%1\" has no reservable seats; just come along").arg(sessionId));
        return;
    case O::Overlap: {
        const Session *other = m_feed->conference().session(result.conflictingSessionId);
        sendError(responder, 409, QStringLiteral("overlap"),
                  QStringLiteral("you already hold a place in \"%1\", which overlaps")
                      .arg(other ? other->title : result.conflictingSessionId),
                  {{QStringLiteral("conflictingSession"), result.conflictingSessionId}});
        return;
    }
    case O::IdempotencyConflict:
        sendError(responder, 409, QStringLiteral("idempotency-key-reused"),
                  QStringLiteral("this Idempotency-Key was already used for another session"));
        return;
    case O::StorageError:
        break;
    }
    sendError(responder, 500, QStringLiteral("storage"), QStringLiteral("the ledger could not be updated"));
}

void FeedServer::getReservation(const HttpRequest &request, HttpResponder &&responder, const Params &params)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    const std::optional<qint64> id = parseCount(params.value(0), std::numeric_limits<qint64>::max());
    const std::optional<Reservation> reservation =
        id ? m_ledger->reservation(identity->attendeeId, *id) : std::nullopt;
    if (!reservation) {
        sendError(responder, 404, QStringLiteral("not-found"),
                  QStringLiteral("you have no such reservation"));
        return;
    }
    sendJson(responder, 200, QJsonObject{{QStringLiteral("reservation"), reservationJson(*reservation)}});
}

void FeedServer::deleteReservation(const HttpRequest &request, HttpResponder &&responder,
                                   const Params &params)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    const std::optional<qint64> id = parseCount(params.value(0), std::numeric_limits<qint64>::max());
    if (!id) {
        sendError(responder, 404, QStringLiteral("not-found"),
                  QStringLiteral("you have no such reservation"));
        return;
    }
    const SeatLedger::CancelResult result = m_ledger->cancel(identity->attendeeId, *id);
    switch (result.outcome) {
    case SeatLedger::CancelOutcome::Cancelled:
    case SeatLedger::CancelOutcome::AlreadyCancelled:
        sendJson(responder, 200,
                 QJsonObject{{QStringLiteral("reservation"), reservationJson(result.reservation)},
                             {QStringLiteral("promoted"), int(result.promotions.size())}});
        return;
    case SeatLedger::CancelOutcome::NotFound:
        sendError(responder, 404, QStringLiteral("not-found"),
                  QStringLiteral("you have no such reservation"));
        return;
    case SeatLedger::CancelOutcome::StorageError:
        break;
    }
    sendError(responder, 500, QStringLiteral("storage"), QStringLiteral("the ledger could not be updated"));
}

void FeedServer::postReload(const HttpRequest &request, HttpResponder &&responder, const Params &)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    if (!identity->admin) {
        sendError(responder, 403, QStringLiteral("forbidden"),
                  QStringLiteral("only an administrator may reload"));
        return;
    }
    QString error;
    const ReloadOutcome outcome = reload(&error);
    if (outcome == ReloadOutcome::Failed) {
        sendError(responder, 500, QStringLiteral("reload-failed"), error,
                  {{QStringLiteral("scheduleVersion"), m_feed->version()}});
        return;
    }
    sendJson(responder, 200,
             QJsonObject{{QStringLiteral("reloaded"), outcome == ReloadOutcome::Reloaded},
                         {QStringLiteral("scheduleVersion"), m_feed->version()},
                         {QStringLiteral("etag"), QString::fromLatin1(m_feed->etag())}});
}

void FeedServer::putCapacity(const HttpRequest &request, HttpResponder &&responder, const Params &params)
{
    const std::optional<Identity> identity = authenticate(request, responder);
    if (!identity)
        return;
    if (!identity->admin) {
        sendError(responder, 403, QStringLiteral("forbidden"),
                  QStringLiteral("only an administrator may change capacities"));
        return;
    }
    const std::optional<QJsonObject> body = jsonBody(request, responder);
    if (!body)
        return;
    const QJsonValue capacity = body->value(u"capacity");
    const double value = capacity.toDouble(-1);
    if (!capacity.isDouble() || value < 0 || value > MaxCapacity || value != std::floor(value)) {
        sendError(responder, 400, QStringLiteral("bad-request"),
                  QStringLiteral("\"capacity\" must be a whole number from 0 to %1").arg(MaxCapacity));
        return;
    }
    const QString sessionId = params.value(0);
    const SeatLedger::CapacityResult result = m_ledger->setCapacity(sessionId, int(value));
    switch (result.outcome) {
    case SeatLedger::CapacityOutcome::Changed:
    case SeatLedger::CapacityOutcome::Unchanged: {
        const SeatAvailability &a = result.availability;
        sendJson(responder, 200,
                 QJsonObject{{QStringLiteral("session"), a.sessionId},
                             {QStringLiteral("capacity"), a.capacity},
                             {QStringLiteral("taken"), a.taken},
                             {QStringLiteral("waitlist"), a.waitlist},
                             {QStringLiteral("overCapacity"), a.overCapacity()},
                             {QStringLiteral("promoted"), int(result.promotions.size())},
                             {QStringLiteral("version"), a.version}});
        if (a.overCapacity() > 0)
            qCWarning(plenaryServer).noquote()
                << sessionId << "is over capacity by" << a.overCapacity() << "confirmed seats";
        return;
    }
    case SeatLedger::CapacityOutcome::UnknownSession:
        sendError(responder, 404, QStringLiteral("unknown-session"),
                  QStringLiteral("no session \"%1\" in the current schedule").arg(sessionId));
        return;
    case SeatLedger::CapacityOutcome::Invalid:
        sendError(responder, 400, QStringLiteral("bad-request"), QStringLiteral("the capacity is not valid"));
        return;
    case SeatLedger::CapacityOutcome::StorageError:
        break;
    }
    sendError(responder, 500, QStringLiteral("storage"), QStringLiteral("the ledger could not be updated"));
}

} // namespace Plenary
