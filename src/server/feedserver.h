#pragma once

#include "badgedirectory.h"
#include "feedsnapshot.h"
#include "httpserverwrapper.h"
#include "ratelimiter.h"
#include "requestlog.h"
#include "seatdocument.h"
#include "seatledger.h"
#include "tokenstore.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>

namespace Plenary {

/** How `plenary-feed serve` was asked to run. */
struct FeedServerConfig
{
    QString conferencePath; ///< any schedule ScheduleImporter reads
    QString databasePath;   ///< the SQLite seat ledger (created when missing)
    QString badgesPath;     ///< optional badges file (see BadgeDirectory::load)
    QString seatsPath;      ///< optional initial taken/waitlist per session id
    QByteArray adminToken;  ///< optional fixed administrator bearer token
    bool forbidOverlaps = false;
    qint64 maxBodyBytes = 16 * 1024;
    double rateBurst = 60;     ///< requests a token may make at once
    double ratePerSecond = 10; ///< sustained requests per second per token
    double signInFailureBurst = 10;
    double signInFailuresPerSecond = 0.2;
    double addressRatePerSecond = 20; ///< requests per second per client address, all routes; 0 = no limit
    double addressRateBurst = 200;    ///< requests one address may make at once
    double signInsPerMinute = 30;     ///< sign-in attempts per minute per address (burst 20); 0 = no limit
    qint64 tokenLifetimeSeconds = 7 * 24 * 3600; ///< tokens expire this long after sign-in; 0 = never
    qint64 expiredTokenGraceSeconds = 24 * 3600; ///< expired tokens answer token-expired this long, then go
    int tokenPurgeIntervalMs = 3'600'000;        ///< how often tokens past that grace are purged
    int requestTimeoutMs = 10'000;               ///< a request must arrive completely in this time (408)
    qsizetype maxHeaderBytes = 16 * 1024;        ///< request line and headers (431)
    int maxHeaderCount = 100;                    ///< header lines (431)
    int maxConnections = 2000;                   ///< open connections; 0 = no limit (503)
    int maxConnectionsPerAddress = 256;          ///< open connections from one address; 0 = no limit (503)
    int maxWaitSeconds = 60;                     ///< longest long-poll a client may ask for
    int heartbeatMs = 15'000;                    ///< event-stream keep-alive comment interval
    int maxWaiters = 2000;                       ///< parked long-polls and open event streams together
};

/** Serves the routes of PROTOCOL.md: the feed, pushed seat availability, sign-in, reservations and admin. */
class FeedServer : public QObject
{
    Q_OBJECT
public:
    // The rules live in SeatLedger, TokenStore, BadgeDirectory and RateLimiter; this class only translates
    // HTTP to them and back, and pushes seat changes to long-polls and event streams.

    enum class ReloadOutcome { Reloaded, Unchanged, Failed };

    explicit FeedServer(const FeedServerConfig &config, QObject *parent = nullptr);
    ~FeedServer() override;

    /** Loads the conference, opens the ledger and tokens, reads badges and seeds. False with `error` set. */
    bool start(QString *error);

    /** Returns the bound port, or 0 with `error` set. */
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

    /** Reads the conference file again; the running feed stays when the file cannot be read. */
    ReloadOutcome reload(QString *error = nullptr);

    /** The clock for "serverTime" and the ledger's timestamps; defaults to the system clock. */
    void setClock(std::function<QDateTime()> clock);

    const FeedSnapshot &feed() const { return *m_feed; }
    /**
     * The ledger. Changing it directly (an admin tool, another code path) is fine: every committed change
     * reaches the server through SeatLedger::changed(), like the routes' own.
     */
    SeatLedger &ledger() { return *m_ledger; }
    TokenStore &tokens() { return *m_tokens; }
    BadgeDirectory &badges() { return m_badges; }
    RateLimiter &rateLimiter() { return m_rateLimiter; }
    HttpServerWrapper &http() { return m_http; }

    /** Long-polls waiting and event streams open right now. */
    int waitingClients() const;

Q_SIGNALS:
    /** One per finished request: "METHOD /path STATUS N ms" (no query string, no header, no body). */
    void requestLogged(const QString &line);
    void seatsChanged(qint64 version);
    void conferenceReloaded(const QString &scheduleVersion);

private:
    struct Identified;
    using Params = QStringList;
    using Handler = void (FeedServer::*)(const HttpRequest &, HttpResponder &&, const Params &);
    struct Route
    {
        QByteArray method;
        QStringList pattern; ///< literal segments, "*" captures one
        Handler handler;
    };
    struct Waiter
    {
        HttpResponder responder;
        qint64 since = 0;
        bool conditional = false;
        std::unique_ptr<QTimer> timeout;
    };

    void handle(const HttpRequest &request, HttpResponder &&responder);
    void logRequest(const QByteArray &method, const QString &path, int status, qint64 elapsedMs);

    void getHealth(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void getConference(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void getSeats(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void getSeatStream(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void postSession(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void getSession(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void deleteSession(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void getReservations(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void postReservation(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void getReservation(const HttpRequest &request, HttpResponder &&responder, const Params &params);
    void deleteReservation(const HttpRequest &request, HttpResponder &&responder, const Params &params);
    void postReload(const HttpRequest &request, HttpResponder &&responder, const Params &);
    void putCapacity(const HttpRequest &request, HttpResponder &&responder, const Params &params);

    /** Checks the bearer token and the rate limit; answers 401/429 itself and returns nullopt then. */
    std::optional<Identity> authenticate(const HttpRequest &request, HttpResponder &responder);
    std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponder &responder);
    /** Takes one request from the address's bucket in `limiter`; answers 429 itself and returns false. */
    bool allowAddress(RateLimiter &limiter, const HttpRequest &request, HttpResponder &responder);

    /** The seat document of the current ledger version, rebuilt only when seats or schedule changed. */
    const SeatDocument &seatDocument();
    qint64 seatsVersion() const { return m_seatsVersion; }
    /** serverTime() as bytes, formatted once per second of the clock. */
    QByteArray seatsServerTime();
    QJsonObject reservationJson(const Reservation &reservation) const;
    QString serverTime() const;
    void sendJson(HttpResponder &responder, int status, const QJsonObject &object,
                  const HttpResponder::Headers &headers = {});
    void sendError(HttpResponder &responder, int status, const QString &code, const QString &message,
                   const QJsonObject &details = {}, const HttpResponder::Headers &headers = {});

    /** SeatLedger::changed(): remembers the version and queues one push to long-polls and streams. */
    void ledgerChanged(qint64 version);
    void broadcastSeats();
    void answerWaiter(quint64 id, bool timedOut);
    void sendHeartbeats();
    void purgeExpiredTokens();
    bool applySeeds(QString *error);

    FeedServerConfig m_config;
    std::function<QDateTime()> m_clock;
    HttpServerWrapper m_http;
    std::optional<FeedSnapshot> m_feed;
    std::unique_ptr<SeatLedger> m_ledger;
    std::unique_ptr<TokenStore> m_tokens;
    BadgeDirectory m_badges;
    RateLimiter m_rateLimiter;
    RateLimiter m_signInFailures;
    RateLimiter m_addressLimiter;
    RateLimiter m_signInLimiter;
    QList<Route> m_routes;

    /// The ledger's version, kept by ledgerChanged(), so that a seat GET needs no query at all.
    qint64 m_seatsVersion = 0;
    SeatDocument m_seatDocument;
    qint64 m_serverTimeSecond = std::numeric_limits<qint64>::min();
    QByteArray m_serverTimeText; ///< "yyyy-MM-ddThh:mm:ss." of m_serverTimeSecond (UTC), or empty
    RequestLog m_requestLog;
    qint64 m_broadcastVersion = 0;
    bool m_broadcastQueued = false;
    quint64 m_nextClientId = 1;
    std::map<quint64, Waiter> m_waiters;
    std::map<quint64, HttpResponder> m_streams;
    QTimer m_heartbeat;
    QTimer m_tokenPurge;
};

} // namespace Plenary
