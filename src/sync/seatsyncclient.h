#pragma once

#include "seatavailabilityparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Plenary {

class Database;
class OutboxRepository;
class SeatStateRepository;
struct OutboxEntry;

/**
 * Keeps live seat availability from a feed server up to date (long-poll push, falling back to polling, with
 * backoff) and sends my reservation actions through a persistent outbox, reporting answers by session id.
 */
class SeatSyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Connectivity online READ online NOTIFY onlineChanged)
    Q_PROPERTY(QDateTime lastUpdated READ lastUpdated NOTIFY lastUpdatedChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    Q_PROPERTY(int pendingActions READ pendingActions NOTIFY pendingActionsChanged)
    Q_PROPERTY(bool pushActive READ isPushActive NOTIFY onlineChanged)
public:
    // Contracts: every failure keeps the last good seats; a seats version lower than the last one is taken
    // as the server's word (a restored ledger) and logged; actions are sent one at a time, oldest first, each
    // with its own Idempotency-Key kept in the outbox, so a retry after a lost answer never acts twice.
    /** Online: the last request worked. Degraded: the server answers, but not usefully (or push is down, so
     * we poll). Offline: no answer at all. Seat data stays on show in every state. */
    enum class Connectivity { Offline, Degraded, Online };
    Q_ENUM(Connectivity)

    /** My place for a session: Pending while an action for it waits in the outbox. */
    enum class ReservationStatus { None, Pending, Confirmed, Waitlisted };
    Q_ENUM(ReservationStatus)

    struct MyReservation
    {
        QString sessionId;
        ReservationStatus status = ReservationStatus::None;
        int position = 0; ///< 1 is next in line; 0 unless waitlisted
        qint64 reservationId = 0;
    };

    struct Settings
    {
        int longPollWaitSeconds = 25;   ///< 0 disables long-poll: plain polling only
        int pollIntervalMs = 30'000;    ///< plain polling, and the fallback when long-poll fails
        int transferTimeoutMs = 15'000; ///< added to the long-poll wait
        int backoffInitialMs = 1'000;
        int backoffMaxMs = 5 * 60'000;
        qint64 maxBodyBytes = 4 * 1024 * 1024;
        int longPollRetryAfterPolls = 5; ///< successful fallback polls before long-poll is tried again
    };

    using Clock = std::function<QDateTime()>;

    /** A server's Retry-After is honoured up to this long, even beyond Settings::backoffMaxMs. */
    static constexpr int kMaxRetryAfterSeconds = 3600;

    /** `network` must outlive the client; `database` (optional, for the outbox and sign-in) too. Without a
     * database the outbox lives in memory only. */
    SeatSyncClient(QNetworkAccessManager *network, Database *database, Clock clock = {},
                   QObject *parent = nullptr);
    ~SeatSyncClient() override;

    /** The feed server, e.g. http://127.0.0.1:8080 (the "/api/..." paths are appended). Stops syncing. */
    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    void setSettings(const Settings &settings);
    /** Whether plain http:// may be used beyond loopback (TransportPolicy); off by default. A refused base
     * URL is never contacted: start() leaves the client offline with lastError() naming the rule. */
    void setAllowInsecureHttp(bool allow);
    bool allowsInsecureHttp() const { return m_allowInsecureHttp; }

    /** An HTTP-date (IMF-fixdate, RFC 850 or asctime form) in UTC; nullopt when unreadable. */
    static std::optional<QDateTime> parseHttpDate(const QByteArray &value);
    /** Seconds to wait for a Retry-After value: delay-seconds, or an HTTP-date measured from `now`;
     * 0 when absent, unreadable or past; at most kMaxRetryAfterSeconds. */
    static int retryAfterSeconds(const QByteArray &value, const QDateTime &now);
    Settings settings() const { return m_settings; }

    /** Starts fetching seats and sending the outbox; stop() cancels requests in flight. */
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    Connectivity online() const { return m_online; }
    bool isPushActive() const { return m_pushActive; }
    /** When seats were last confirmed current (a 200 or a 304), also as restored from the database at
     * setBaseUrl(); invalid before the first answer. */
    QDateTime lastUpdated() const { return m_lastUpdated; }
    qint64 seatsVersion() const { return m_seatsVersion; }
    std::optional<LiveSeats> seats(const QString &sessionId) const;
    QHash<QString, LiveSeats> allSeats() const { return m_seats; }
    /** Why the last seats request failed, for the user; empty while online. */
    QString lastError() const { return m_lastError; }

    bool isSignedIn() const { return !m_token.isEmpty(); }
    int pendingActions() const;
    MyReservation reservation(const QString &sessionId) const;
    QList<MyReservation> myReservations() const;

    /** Signs in with a badge code; emits signedInChanged() or signInFailed(). The token is never logged. */
    void signIn(const QString &badge);
    /** Revokes the token on the server (best effort), forgets it and my reservations; queued actions stay. */
    void signOut();

    void reserve(const QString &sessionId);
    void joinWaitlist(const QString &sessionId);
    void cancel(const QString &sessionId);
    void leaveWaitlist(const QString &sessionId) { cancel(sessionId); }
    /** Reloads my reservations; emits promoted() for each waitlist place that became a seat. */
    void refreshMine();

Q_SIGNALS:
    void onlineChanged();
    void lastUpdatedChanged();
    void seatsChanged(const QStringList &sessionIds);
    void signedInChanged();
    void signInFailed(const QString &reason);
    void pendingActionsChanged();
    void reservationChanged(const QString &sessionId);
    /** The server refused an action: `reason` is its error code ("full", "overlap", "not-found", ...). */
    void actionRefused(const QString &sessionId, const QString &reason);
    void promoted(const QString &sessionId);

private:
    enum class SeatsMode { LongPoll, Polling };

    /** Forgets the token locally (the server already refused it, or it was revoked) and my reservations. */
    void forgetToken();

    QNetworkRequest request(const QString &path, const QUrlQuery *query = nullptr) const;
    QNetworkReply *send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body = {});
    void fetchSeats();
    void seatsFinished(QNetworkReply *reply, SeatsMode mode);
    void seatsFailed(const QString &error, Connectivity state, int retryAfterSeconds, SeatsMode mode);
    void applySeats(const SeatsDocument &document);
    void scheduleSeats(int delayMs);
    int backoffDelay(int retryAfterSeconds);
    void setOnline(Connectivity online, bool push);
    void setLastUpdated(const QDateTime &time);
    void persistSeats(bool changed);
    void storeSeats();

    QList<OutboxEntry> outbox() const;
    void enqueue(int action, const QString &sessionId);
    void removeFromOutbox(qint64 id);
    void attemptFailed(qint64 id, const QString &error);
    void drainOutbox();
    void sendEntry(const OutboxEntry &entry);
    void entryFinished(QNetworkReply *reply, const OutboxEntry &entry);
    void mineFinished(QNetworkReply *reply);
    void setReservation(const MyReservation &mine);
    void applyReservationJson(const QJsonObject &reservation);
    void storeMine();
    void loadState();
    QString serverKey() const;

    QNetworkAccessManager *m_network;
    Database *m_database;
    Clock m_clock;
    std::unique_ptr<OutboxRepository> m_outboxRepository;
    std::unique_ptr<SeatStateRepository> m_stateRepository;
    QList<OutboxEntry> m_memoryOutbox; ///< used when there is no database
    /** The sessions outbox() holds, read once per change of it: reservation() is asked for every visible row.
     */
    mutable std::optional<QSet<QString>> m_pendingSessionIds;
    qint64 m_nextMemoryId = 1;

    QUrl m_baseUrl;
    Settings m_settings;
    bool m_running = false;

    QPointer<QNetworkReply> m_seatsReply;
    QElapsedTimer m_seatsStarted;
    QTimer m_seatsTimer;
    SeatsMode m_mode = SeatsMode::LongPoll;
    int m_pollsSinceFallback = 0;
    int m_seatsFailures = 0;
    QString m_etag;
    qint64 m_seatsVersion = -1;
    QHash<QString, LiveSeats> m_seats;
    Connectivity m_online = Connectivity::Offline;
    bool m_pushActive = false;
    QDateTime m_lastUpdated;
    QString m_lastError;
    bool m_allowInsecureHttp = false;
    bool m_snapshotStale = true; ///< the stored seats may differ from m_seats (first answer, failed write)
    QDateTime m_storedUpdatedAt;

    QString m_token;
    QPointer<QNetworkReply> m_signInReply;
    QPointer<QNetworkReply> m_outboxReply;
    QPointer<QNetworkReply> m_mineReply;
    bool m_mineAgain = false;
    QTimer m_outboxTimer;
    int m_outboxFailures = 0;
    QHash<QString, MyReservation> m_mine; ///< as the server last said (Pending comes from the outbox)
};

} // namespace Plenary
