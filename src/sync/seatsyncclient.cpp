#include "seatsyncclient.h"

#include "database.h"
#include "outboxrepository.h"
#include "schedulefetcher.h"
#include "seatstaterepository.h"
#include "transportpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace Plenary {

namespace {

const char *const LookupProperty = "plenaryLookup";
const char *const TooLargeProperty = "plenaryTooLarge";

int statusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

/** Seconds from a reply's Retry-After (seconds or an HTTP-date, measured from its Date header when there is
 * one, so a skewed local clock does not matter); 0 when absent or unreadable. */
int retryAfterOf(const QNetworkReply *reply, const QDateTime &now)
{
    const QDateTime serverNow = SeatSyncClient::parseHttpDate(reply->rawHeader("Date")).value_or(now);
    return SeatSyncClient::retryAfterSeconds(reply->rawHeader("Retry-After"), serverNow);
}

bool isJson(const QNetworkReply *reply)
{
    const QByteArray type = reply->rawHeader("Content-Type");
    const qsizetype end = type.indexOf(';');
    const QByteArray mime = (end < 0 ? type : type.left(end)).trimmed().toLower();
    return mime == "application/json";
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString errorCodeOf(const QByteArray &body, int status)
{
    const QString code = jsonOf(body).value(u"error").toObject().value(u"code").toString();
    return code.isEmpty() ? QStringLiteral("http-%1").arg(status) : code;
}

SeatSyncClient::ReservationStatus statusFromName(const QString &name)
{
    if (name == u"confirmed")
        return SeatSyncClient::ReservationStatus::Confirmed;
    if (name == u"waitlisted")
        return SeatSyncClient::ReservationStatus::Waitlisted;
    return SeatSyncClient::ReservationStatus::None;
}

QString statusName(SeatSyncClient::ReservationStatus status)
{
    switch (status) {
    case SeatSyncClient::ReservationStatus::Confirmed:
        return QStringLiteral("confirmed");
    case SeatSyncClient::ReservationStatus::Waitlisted:
        return QStringLiteral("waitlisted");
    default:
        return {};
    }
}

SeatSyncClient::MyReservation reservationFrom(const QJsonObject &object)
{
    SeatSyncClient::MyReservation mine;
    mine.sessionId = object.value(u"session").toString();
    mine.status = statusFromName(object.value(u"status").toString());
    mine.reservationId = object.value(u"id").toInteger();
    if (mine.status == SeatSyncClient::ReservationStatus::Waitlisted)
        mine.position = std::max(0, object.value(u"position").toInt());
    return mine;
}

} // namespace

SeatSyncClient::SeatSyncClient(QNetworkAccessManager *network, Database *database, Clock clock,
                               QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_database(database)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    Q_ASSERT(m_network);
    if (m_database) {
        m_outboxRepository = std::make_unique<OutboxRepository>(*m_database);
        m_outboxRepository->setClock(m_clock);
        m_stateRepository = std::make_unique<SeatStateRepository>(*m_database);
    }
    m_seatsTimer.setSingleShot(true);
    connect(&m_seatsTimer, &QTimer::timeout, this, &SeatSyncClient::fetchSeats);
    m_outboxTimer.setSingleShot(true);
    connect(&m_outboxTimer, &QTimer::timeout, this, &SeatSyncClient::drainOutbox);
    connect(this, &SeatSyncClient::pendingActionsChanged, this, [this] { m_pendingSessionIds.reset(); });
}

SeatSyncClient::~SeatSyncClient()
{
    stop();
    for (QNetworkReply *reply : {m_signInReply.data(), m_mineReply.data()}) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void SeatSyncClient::setBaseUrl(const QUrl &baseUrl)
{
    if (m_baseUrl == baseUrl)
        return;
    stop();
    m_baseUrl = baseUrl;
    m_pendingSessionIds.reset(); // another server's outbox
    m_etag.clear();
    m_seatsVersion = -1;
    m_seats.clear();
    m_snapshotStale = true;
    m_storedUpdatedAt = QDateTime();
    loadState();
}

void SeatSyncClient::setSettings(const Settings &settings)
{
    m_settings = settings;
}

void SeatSyncClient::setAllowInsecureHttp(bool allow)
{
    if (m_allowInsecureHttp == allow)
        return;
    m_allowInsecureHttp = allow;
    if (m_running && !TransportPolicy::allows(m_baseUrl, allow))
        stop();
}

std::optional<QDateTime> SeatSyncClient::parseHttpDate(const QByteArray &value)
{
    QString text = QString::fromLatin1(value.trimmed()).simplified();
    // The day name is redundant (and would make Qt reject an RFC 850 date read in the wrong century).
    const qsizetype comma = text.indexOf(u',');
    const qsizetype space = text.indexOf(u' ');
    if (comma > 0)
        text = text.mid(comma + 1).trimmed();
    else if (space > 0)
        text = text.mid(space + 1);
    if (text.isEmpty())
        return std::nullopt;
    // IMF-fixdate first, then the two obsolete forms RFC 9110 still asks recipients to accept.
    static const QStringList formats = {
        QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"),
        QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"),
        QStringLiteral("MMM d HH:mm:ss yyyy"),
    };
    const QLocale c = QLocale::c();
    for (const QString &format : formats) {
        QDateTime parsed = c.toDateTime(text, format);
        if (!parsed.isValid())
            continue;
        if (format.contains(u"-yy ") && parsed.date().year() < 1970)
            parsed = parsed.addYears(100); // two-digit years: RFC 850 dates are from this century
        return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
    }
    return std::nullopt;
}

int SeatSyncClient::retryAfterSeconds(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return 0;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return int(std::clamp<qint64>(seconds, 0, kMaxRetryAfterSeconds));
    const std::optional<QDateTime> when = parseHttpDate(trimmed);
    if (!when || !now.isValid())
        return 0;
    // Round up: a server that says "not before 12:00:01" must not be asked at 12:00:00.5.
    const qint64 ms = now.msecsTo(*when);
    return int(std::clamp<qint64>((ms + 999) / 1000, 0, kMaxRetryAfterSeconds));
}

void SeatSyncClient::start()
{
    if (m_running || !m_baseUrl.isValid())
        return;
    if (!TransportPolicy::allows(m_baseUrl, m_allowInsecureHttp)) {
        m_lastError = TransportPolicy::refusalText(m_baseUrl);
        qCWarning(plenarySync).noquote() << m_lastError;
        setOnline(Connectivity::Offline, false);
        return;
    }
    m_running = true;
    m_mode = SeatsMode::LongPoll;
    m_seatsFailures = 0;
    m_outboxFailures = 0;
    fetchSeats();
    if (isSignedIn())
        refreshMine();
    drainOutbox();
}

void SeatSyncClient::stop()
{
    m_running = false;
    m_seatsTimer.stop();
    m_outboxTimer.stop();
    for (QNetworkReply *reply : {m_seatsReply.data(), m_outboxReply.data()}) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
}

std::optional<LiveSeats> SeatSyncClient::seats(const QString &sessionId) const
{
    const auto it = m_seats.constFind(sessionId);
    if (it == m_seats.constEnd())
        return std::nullopt;
    return *it;
}

QString SeatSyncClient::serverKey() const
{
    return m_baseUrl.adjusted(QUrl::StripTrailingSlash).toString();
}

QNetworkRequest SeatSyncClient::request(const QString &path, const QUrlQuery *query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    if (query)
        url.setQuery(*query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, ScheduleFetcher::userAgent());
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return request;
}

QNetworkReply *SeatSyncClient::send(const QByteArray &verb, const QNetworkRequest &request,
                                    const QByteArray &body)
{
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    const qint64 limit = m_settings.maxBodyBytes;
    const auto tooLarge = [reply, limit](qint64 bytes) {
        if (bytes > limit && !reply->property(TooLargeProperty).toBool()) {
            reply->setProperty(TooLargeProperty, true);
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, tooLarge] {
        tooLarge(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [tooLarge](qint64 received, qint64) { tooLarge(received); });
    return reply;
}

void SeatSyncClient::fetchSeats()
{
    if (!m_running || m_seatsReply)
        return;
    // After a failure, a plain request first: it shows at once whether the server is back.
    const bool longPoll = m_settings.longPollWaitSeconds > 0 && m_mode == SeatsMode::LongPoll &&
                          m_seatsVersion >= 0 && m_seatsFailures == 0;
    QUrlQuery query;
    if (longPoll) {
        query.addQueryItem(QStringLiteral("since"), QString::number(m_seatsVersion));
        query.addQueryItem(QStringLiteral("wait"), QString::number(m_settings.longPollWaitSeconds));
    }
    QNetworkRequest seatsRequest = request(QStringLiteral("/api/seats"), longPoll ? &query : nullptr);
    if (longPoll)
        seatsRequest.setTransferTimeout(m_settings.longPollWaitSeconds * 1000 + m_settings.transferTimeoutMs);
    if (!m_etag.isEmpty())
        seatsRequest.setRawHeader("If-None-Match", m_etag.toUtf8());
    // Seats are public: never send the token where it is not needed.
    seatsRequest.setRawHeader("Authorization", QByteArray());
    QNetworkReply *reply = send("GET", seatsRequest);
    m_seatsReply = reply;
    m_seatsStarted.start();
    const SeatsMode mode = longPoll ? SeatsMode::LongPoll : SeatsMode::Polling;
    connect(reply, &QNetworkReply::finished, this, [this, reply, mode] { seatsFinished(reply, mode); });
}

void SeatSyncClient::seatsFinished(QNetworkReply *reply, SeatsMode mode)
{
    reply->deleteLater();
    if (m_seatsReply == reply)
        m_seatsReply = nullptr;
    if (!m_running)
        return;
    const int status = statusOf(reply);
    if (reply->property(TooLargeProperty).toBool())
        return seatsFailed(QStringLiteral("the seats document is too large"), Connectivity::Degraded, 0,
                           mode);
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        if (mode == SeatsMode::LongPoll && !timedOut)
            mode = SeatsMode::Polling; // the server is away, not the long-poll broken
        return seatsFailed(tr("The seat server cannot be reached (%1).").arg(reply->errorString()),
                           Connectivity::Offline, 0, mode);
    }
    bool early304 = false;
    if (status == 304 && reply->error() == QNetworkReply::NoError) {
        m_seatsFailures = 0;
        m_lastError.clear();
        setLastUpdated(m_clock());
        persistSeats(false);
        // A long-poll answers 304 only when its wait ran out; sooner means a server that does not hold
        // requests, which must not turn this into a busy loop.
        early304 = mode == SeatsMode::LongPoll &&
                   m_seatsStarted.elapsed() < qint64(m_settings.longPollWaitSeconds) * 1000 / 2;
    } else {
        if (status != 200)
            return seatsFailed(tr("The seat server answered %1.").arg(status), Connectivity::Degraded,
                               retryAfterOf(reply, m_clock()), mode);
        if (reply->error() != QNetworkReply::NoError)
            return seatsFailed(tr("The seat document arrived incomplete (%1).").arg(reply->errorString()),
                               Connectivity::Degraded, 0, mode);
        if (!isJson(reply))
            return seatsFailed(tr("The seat server sent something other than JSON."), Connectivity::Degraded,
                               0, mode);
        const QByteArray body = reply->readAll();
        if (body.size() > m_settings.maxBodyBytes)
            return seatsFailed(QStringLiteral("the seats document is too large"), Connectivity::Degraded, 0,
                               mode);
        const SeatsParseResult parsed = SeatAvailabilityParser::parse(body);
        if (!parsed.ok())
            return seatsFailed(parsed.error, Connectivity::Degraded, 0, mode);
        if (parsed.document->version < m_seatsVersion)
            qCWarning(plenarySync) << "seat version went back from" << m_seatsVersion << "to"
                                   << parsed.document->version << "; taking the server's word";
        m_seatsFailures = 0;
        m_lastError.clear();
        m_etag = QString::fromLatin1(reply->rawHeader("ETag"));
        applySeats(*parsed.document);
    }

    if (mode == SeatsMode::Polling && m_mode == SeatsMode::Polling &&
        ++m_pollsSinceFallback >= m_settings.longPollRetryAfterPolls)
        m_mode = SeatsMode::LongPoll;
    const bool push = m_settings.longPollWaitSeconds > 0 && m_mode == SeatsMode::LongPoll;
    setOnline(push || m_settings.longPollWaitSeconds <= 0 ? Connectivity::Online : Connectivity::Degraded,
              push);
    scheduleSeats(push && !early304 ? 0 : m_settings.pollIntervalMs);
    if (m_outboxFailures > 0 || m_outboxTimer.isActive()) {
        m_outboxTimer.stop();
        drainOutbox();
    }
}

void SeatSyncClient::seatsFailed(const QString &error, Connectivity state, int retryAfterSeconds,
                                 SeatsMode mode)
{
    ++m_seatsFailures;
    m_lastError = error;
    qCInfo(plenarySync) << "seats request failed:" << error;
    if (mode == SeatsMode::LongPoll) {
        // The server answers plain requests but the long-poll failed: poll for a while before trying again.
        m_mode = SeatsMode::Polling;
        m_pollsSinceFallback = 0;
    }
    setOnline(state, false);
    scheduleSeats(backoffDelay(retryAfterSeconds));
}

int SeatSyncClient::backoffDelay(int retryAfterSeconds)
{
    const int exponent = std::min(m_seatsFailures - 1, 20);
    const qint64 base =
        std::min<qint64>(m_settings.backoffMaxMs, qint64(m_settings.backoffInitialMs) << exponent);
    const qint64 jittered = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
    const qint64 requested = std::min<qint64>(retryAfterSeconds, kMaxRetryAfterSeconds) * 1000;
    return int(std::max(jittered, requested));
}

void SeatSyncClient::scheduleSeats(int delayMs)
{
    if (m_running)
        m_seatsTimer.start(std::max(0, delayMs));
}

void SeatSyncClient::applySeats(const SeatsDocument &document)
{
    const QDateTime received = m_clock();
    QStringList changed;
    QHash<QString, LiveSeats> next;
    for (LiveSeats seats : document.sessions) {
        if (!seats.updatedAt.isValid())
            seats.updatedAt = received;
        const auto old = m_seats.constFind(seats.sessionId);
        const bool same = old != m_seats.constEnd() && old->capacity == seats.capacity &&
                          old->taken == seats.taken && old->waitlist == seats.waitlist;
        if (!same)
            changed.append(seats.sessionId);
        next.insert(seats.sessionId, seats);
    }
    for (auto it = m_seats.constBegin(); it != m_seats.constEnd(); ++it) {
        if (!next.contains(it.key()))
            changed.append(it.key());
    }
    m_seats = std::move(next);
    m_seatsVersion = document.version;
    setLastUpdated(received);
    persistSeats(!changed.isEmpty());
    if (changed.isEmpty())
        return;
    std::sort(changed.begin(), changed.end());
    Q_EMIT seatsChanged(changed);
    const bool waitingOnOne = std::any_of(changed.cbegin(), changed.cend(), [this](const QString &id) {
        return m_mine.value(id).status == ReservationStatus::Waitlisted;
    });
    if (waitingOnOne && isSignedIn())
        refreshMine();
}

void SeatSyncClient::setOnline(Connectivity online, bool push)
{
    if (m_online == online && m_pushActive == push)
        return;
    m_online = online;
    m_pushActive = push;
    Q_EMIT onlineChanged();
}

void SeatSyncClient::setLastUpdated(const QDateTime &time)
{
    if (m_lastUpdated == time)
        return;
    m_lastUpdated = time;
    Q_EMIT lastUpdatedChanged();
}

void SeatSyncClient::persistSeats(bool changed)
{
    // Unchanged seats are written again now and then only, so "updated … ago" survives a restart roughly.
    constexpr qint64 kRefreshStoredAgeSeconds = 60;
    if (!m_stateRepository || m_seatsVersion < 0)
        return;
    if (!changed && !m_snapshotStale && m_storedUpdatedAt.isValid() &&
        m_storedUpdatedAt.secsTo(m_lastUpdated) < kRefreshStoredAgeSeconds)
        return;
    storeSeats();
}

void SeatSyncClient::storeSeats()
{
    SeatSnapshot snapshot;
    snapshot.version = m_seatsVersion;
    snapshot.updatedAt = m_lastUpdated;
    snapshot.sessions = m_seats.values();
    std::sort(snapshot.sessions.begin(), snapshot.sessions.end(),
              [](const LiveSeats &a, const LiveSeats &b) { return a.sessionId < b.sessionId; });
    m_snapshotStale = !m_stateRepository->storeSeats(serverKey(), snapshot);
    m_storedUpdatedAt = m_snapshotStale ? QDateTime() : m_lastUpdated;
}

void SeatSyncClient::signIn(const QString &badge)
{
    if (m_signInReply || !m_baseUrl.isValid())
        return;
    QNetworkRequest signInRequest = request(QStringLiteral("/api/session"));
    signInRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    signInRequest.setRawHeader("Authorization", QByteArray());
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("badge"), badge}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = send("POST", signInRequest, body);
    m_signInReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = statusOf(reply);
        const QByteArray body = reply->readAll();
        if (status == 0)
            return Q_EMIT signInFailed(QStringLiteral("unreachable"));
        if (status != 200 && status != 201)
            return Q_EMIT signInFailed(errorCodeOf(body, status));
        const QString token = jsonOf(body).value(u"token").toString();
        if (token.isEmpty())
            return Q_EMIT signInFailed(QStringLiteral("bad-answer"));
        m_token = token;
        if (m_stateRepository)
            m_stateRepository->setToken(serverKey(), token);
        qCInfo(plenarySync) << "signed in to" << serverKey();
        Q_EMIT signedInChanged();
        if (m_running) {
            refreshMine();
            m_outboxTimer.stop();
            drainOutbox();
        }
    });
}

void SeatSyncClient::signOut()
{
    if (m_token.isEmpty())
        return;
    if (m_baseUrl.isValid() && TransportPolicy::allows(m_baseUrl, m_allowInsecureHttp)) {
        // Fire and forget: offline, the token simply expires on the server.
        QNetworkReply *reply = send(QByteArrayLiteral("DELETE"), request(QStringLiteral("/api/session")));
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    forgetToken();
}

void SeatSyncClient::forgetToken()
{
    if (m_token.isEmpty())
        return;
    m_token.clear();
    if (m_stateRepository)
        m_stateRepository->setToken(serverKey(), {});
    const QStringList sessions = m_mine.keys();
    m_mine.clear();
    Q_EMIT signedInChanged();
    for (const QString &id : sessions)
        Q_EMIT reservationChanged(id);
}

void SeatSyncClient::loadState()
{
    m_token.clear();
    m_mine.clear();
    setLastUpdated({});
    if (!m_stateRepository)
        return;
    m_token = m_stateRepository->token(serverKey());
    // The last known seats, so an offline start shows them (greyed as stale, with their age).
    if (const std::optional<SeatSnapshot> snapshot = m_stateRepository->seats(serverKey())) {
        for (const LiveSeats &seats : snapshot->sessions)
            m_seats.insert(seats.sessionId, seats);
        setLastUpdated(snapshot->updatedAt);
    }
    for (const StoredReservation &stored : m_stateRepository->reservations(serverKey())) {
        MyReservation mine;
        mine.sessionId = stored.sessionId;
        mine.reservationId = stored.reservationId;
        mine.status = statusFromName(stored.status);
        mine.position = stored.position;
        if (mine.status != ReservationStatus::None)
            m_mine.insert(mine.sessionId, mine);
    }
}

void SeatSyncClient::storeMine()
{
    if (!m_stateRepository)
        return;
    QList<StoredReservation> stored;
    for (const MyReservation &mine : std::as_const(m_mine))
        stored.append(
            {mine.sessionId, mine.reservationId, statusName(mine.status), mine.position, m_clock()});
    m_stateRepository->replaceReservations(serverKey(), stored);
}

int SeatSyncClient::pendingActions() const
{
    return m_outboxRepository ? m_outboxRepository->count(serverKey()) : int(m_memoryOutbox.size());
}

QList<OutboxEntry> SeatSyncClient::outbox() const
{
    return m_outboxRepository ? m_outboxRepository->pending(serverKey()) : m_memoryOutbox;
}

SeatSyncClient::MyReservation SeatSyncClient::reservation(const QString &sessionId) const
{
    MyReservation mine = m_mine.value(sessionId);
    mine.sessionId = sessionId;
    if (!m_pendingSessionIds) {
        QSet<QString> pending;
        for (const OutboxEntry &entry : outbox())
            pending.insert(entry.sessionId);
        m_pendingSessionIds = std::move(pending);
    }
    if (m_pendingSessionIds->contains(sessionId))
        mine.status = ReservationStatus::Pending;
    return mine;
}

QList<SeatSyncClient::MyReservation> SeatSyncClient::myReservations() const
{
    QStringList ids = m_mine.keys();
    for (const OutboxEntry &entry : outbox()) {
        if (!ids.contains(entry.sessionId))
            ids.append(entry.sessionId);
    }
    std::sort(ids.begin(), ids.end());
    QList<MyReservation> result;
    for (const QString &id : std::as_const(ids))
        result.append(reservation(id));
    return result;
}

void SeatSyncClient::reserve(const QString &sessionId)
{
    enqueue(int(OutboxEntry::Action::Reserve), sessionId);
}

void SeatSyncClient::joinWaitlist(const QString &sessionId)
{
    enqueue(int(OutboxEntry::Action::JoinWaitlist), sessionId);
}

void SeatSyncClient::cancel(const QString &sessionId)
{
    enqueue(int(OutboxEntry::Action::Cancel), sessionId);
}

void SeatSyncClient::enqueue(int action, const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    const auto kind = OutboxEntry::Action(action);
    if (m_outboxRepository) {
        if (!m_outboxRepository->enqueue(serverKey(), kind, sessionId))
            return Q_EMIT actionRefused(sessionId, QStringLiteral("storage"));
    } else {
        OutboxEntry entry;
        entry.id = m_nextMemoryId++;
        entry.server = serverKey();
        entry.action = kind;
        entry.sessionId = sessionId;
        entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.createdAt = m_clock();
        m_memoryOutbox.append(entry);
    }
    Q_EMIT pendingActionsChanged();
    Q_EMIT reservationChanged(sessionId);
    drainOutbox();
}

void SeatSyncClient::removeFromOutbox(qint64 id)
{
    if (m_outboxRepository)
        m_outboxRepository->remove(id);
    else
        m_memoryOutbox.removeIf([id](const OutboxEntry &entry) { return entry.id == id; });
    Q_EMIT pendingActionsChanged();
}

void SeatSyncClient::attemptFailed(qint64 id, const QString &error)
{
    if (m_outboxRepository)
        m_outboxRepository->recordAttempt(id, error);
    ++m_outboxFailures;
    const int exponent = std::min(m_outboxFailures - 1, 20);
    const qint64 base =
        std::min<qint64>(m_settings.backoffMaxMs, qint64(m_settings.backoffInitialMs) << exponent);
    m_outboxTimer.start(int(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1)));
}

void SeatSyncClient::drainOutbox()
{
    if (!m_running || m_outboxReply || m_token.isEmpty() || m_outboxTimer.isActive())
        return;
    const QList<OutboxEntry> waiting = outbox();
    if (waiting.isEmpty())
        return;
    sendEntry(waiting.constFirst());
}

void SeatSyncClient::sendEntry(const OutboxEntry &entry)
{
    QNetworkReply *reply = nullptr;
    if (entry.action == OutboxEntry::Action::Cancel) {
        const qint64 id = m_mine.value(entry.sessionId).reservationId;
        if (id > 0) {
            reply = send("DELETE", request(QStringLiteral("/api/reservations/%1").arg(id)));
        } else {
            reply = send("GET", request(QStringLiteral("/api/reservations")));
            reply->setProperty(LookupProperty, true);
        }
    } else {
        QNetworkRequest post = request(QStringLiteral("/api/reservations"));
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        post.setRawHeader("Idempotency-Key", entry.idempotencyKey.toUtf8());
        const QJsonObject body{
            {QStringLiteral("session"), entry.sessionId},
            {QStringLiteral("waitlist"), entry.action == OutboxEntry::Action::JoinWaitlist}};
        reply = send("POST", post, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    m_outboxReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, entry] { entryFinished(reply, entry); });
}

void SeatSyncClient::entryFinished(QNetworkReply *reply, const OutboxEntry &entry)
{
    reply->deleteLater();
    if (m_outboxReply == reply)
        m_outboxReply = nullptr;
    const int status = statusOf(reply);
    const QByteArray body = reply->readAll();
    if (status == 0 || status == 408 || status == 429 || status >= 500 ||
        reply->property(TooLargeProperty).toBool()) {
        attemptFailed(entry.id, status == 0 ? reply->errorString() : QStringLiteral("http-%1").arg(status));
        if (const int retryAfter = retryAfterOf(reply, m_clock()); retryAfter > 0)
            m_outboxTimer.start(
                std::max(m_outboxTimer.remainingTime(), std::min(retryAfter, kMaxRetryAfterSeconds) * 1000));
        return;
    }
    if (status == 401) {
        qCInfo(plenarySync) << "the seat server no longer accepts our sign-in";
        forgetToken();
        return;
    }
    m_outboxFailures = 0;
    const QString sessionId = entry.sessionId;
    if (status >= 200 && status < 300) {
        const QJsonObject object = jsonOf(body);
        if (reply->property(LookupProperty).toBool()) {
            bool found = false;
            for (const QJsonValue &value : object.value(u"reservations").toArray()) {
                const MyReservation mine = reservationFrom(value.toObject());
                if (mine.sessionId == sessionId && mine.status != ReservationStatus::None) {
                    setReservation(mine);
                    found = true;
                }
            }
            if (found) {
                sendEntry(entry);
                return;
            }
            m_mine.remove(sessionId);
        } else {
            applyReservationJson(object.value(u"reservation").toObject());
        }
        removeFromOutbox(entry.id);
    } else {
        const QString reason = errorCodeOf(body, status);
        qCInfo(plenarySync) << "seat server refused" << OutboxEntry::actionName(entry.action) << sessionId
                            << "with" << status << reason;
        if (entry.action == OutboxEntry::Action::Cancel && status == 404)
            m_mine.remove(sessionId);
        removeFromOutbox(entry.id);
        Q_EMIT actionRefused(sessionId, reason);
    }
    storeMine();
    Q_EMIT reservationChanged(sessionId);
    if (pendingActions() > 0)
        drainOutbox();
    else
        refreshMine();
}

void SeatSyncClient::applyReservationJson(const QJsonObject &reservation)
{
    const MyReservation mine = reservationFrom(reservation);
    if (mine.sessionId.isEmpty())
        return;
    if (mine.status == ReservationStatus::None)
        m_mine.remove(mine.sessionId);
    else
        setReservation(mine);
}

void SeatSyncClient::setReservation(const MyReservation &mine)
{
    const MyReservation before = m_mine.value(mine.sessionId);
    m_mine.insert(mine.sessionId, mine);
    if (before.status == ReservationStatus::Waitlisted && mine.status == ReservationStatus::Confirmed)
        Q_EMIT promoted(mine.sessionId);
}

void SeatSyncClient::refreshMine()
{
    if (m_token.isEmpty() || !m_baseUrl.isValid())
        return;
    if (m_mineReply) {
        m_mineAgain = true;
        return;
    }
    QNetworkReply *reply = send("GET", request(QStringLiteral("/api/reservations")));
    m_mineReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { mineFinished(reply); });
}

void SeatSyncClient::mineFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_mineReply == reply)
        m_mineReply = nullptr;
    const int status = statusOf(reply);
    const QByteArray body = reply->readAll();
    if (status == 401) {
        forgetToken();
    } else if (status == 200 && isJson(reply)) {
        const QJsonArray list = jsonOf(body).value(u"reservations").toArray();
        QHash<QString, MyReservation> next;
        for (const QJsonValue &value : list) {
            const MyReservation mine = reservationFrom(value.toObject());
            if (!mine.sessionId.isEmpty() && mine.status != ReservationStatus::None)
                next.insert(mine.sessionId, mine);
        }
        QStringList touched = m_mine.keys();
        for (auto it = next.cbegin(); it != next.cend(); ++it) {
            const MyReservation before = m_mine.value(it.key());
            if (before.status != it->status || before.position != it->position ||
                before.reservationId != it->reservationId) {
                if (!touched.contains(it.key()))
                    touched.append(it.key());
            } else {
                touched.removeAll(it.key());
            }
        }
        QStringList promotedIds;
        for (auto it = next.cbegin(); it != next.cend(); ++it) {
            if (m_mine.value(it.key()).status == ReservationStatus::Waitlisted &&
                it->status == ReservationStatus::Confirmed)
                promotedIds.append(it.key());
        }
        m_mine = std::move(next);
        storeMine();
        for (const QString &id : std::as_const(touched))
            Q_EMIT reservationChanged(id);
        for (const QString &id : std::as_const(promotedIds))
            Q_EMIT promoted(id);
    }
    if (m_mineAgain) {
        m_mineAgain = false;
        refreshMine();
    }
}

} // namespace Plenary
