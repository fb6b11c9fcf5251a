#pragma once

#include "seathold.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQmlIntegration>
#include <QUrl>
#include <QVariantMap>

#include <functional>

class QJSEngine;
class QQmlEngine;

namespace Plenary {

class ConferenceController;
class SeatSyncClient;

/**
 * Shows live seats and my reservations to QML: wraps a SeatSyncClient for the open conference's feed,
 * judges each session's fill level and staleness, and turns reservation actions and refusals into results.
 */
class SeatsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hasFeed READ hasFeed NOTIFY feedChanged)
    Q_PROPERTY(Plenary::SeatsController::Connectivity online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    Q_PROPERTY(bool signingIn READ isSigningIn NOTIFY signedInChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signedInChanged)
    Q_PROPERTY(int pendingActions READ pendingActions NOTIFY revisionChanged)
    Q_PROPERTY(int updatedSecondsAgo READ updatedSecondsAgo NOTIFY revisionChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(QString feedError READ feedError NOTIFY feedChanged)
    Q_PROPERTY(QString promotionText READ promotionText NOTIFY promotionTextChanged)

public:
    enum Connectivity { NoServer, Offline, Degraded, Online };
    Q_ENUM(Connectivity)
    enum Level { Available, Filling, Full };
    Q_ENUM(Level)
    enum MyStatus { None, Pending, Confirmed, Waitlisted };
    Q_ENUM(MyStatus)
    enum ActionResult {
        Sent,         ///< on its way to the server
        Queued,       ///< kept in the outbox until the server can be reached
        NoFeed,       ///< the conference has no live seat feed
        NotSignedIn,  ///< sign in with a badge code first
        NotReservable ///< the session has no seat limit, or the action does not fit my current status
    };
    Q_ENUM(ActionResult)

    using Clock = std::function<QDateTime()>;

    /** Seats older than this many seconds are shown greyed out as stale. */
    static constexpr int kStaleSeconds = 60;

    // No default argument: Qt 6.4 would otherwise build the QML singleton with `new` instead of create().
    explicit SeatsController(QObject *parent);
    ~SeatsController() override;

    /** The QML singleton: the instance set with setInstance(), else a feed-less one owned by the engine. */
    static SeatsController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(SeatsController *instance);

    /** The client for live seats (must outlive this); none means capacity-only display. */
    void setClient(SeatSyncClient *client);
    /** Where session capacities and titles come from (must outlive this). */
    void setConferenceController(ConferenceController *conferences);
    void setClock(Clock clock);
    /** Points the client at a feed server (its base, or its ".../api/conference") and starts syncing; an
     * empty URL stops it. */
    void setFeedUrl(const QUrl &feedUrl);
    QUrl feedUrl() const { return m_feedUrl; }
    /** Whether plain http:// feeds beyond this device may be used (off by default); a refused feed is never
     * contacted and feedError says why. */
    void setAllowInsecureHttp(bool allow);
    /** Why the feed cannot be used (an unencrypted address); empty otherwise. */
    QString feedError() const { return m_feedError; }
    /** The sentence for the last promotion from the waitlist (the banner); empty when none or dismissed. */
    QString promotionText() const { return m_promotionText; }
    Q_INVOKABLE void clearPromotion();
    /** "You have a seat in “<title>”: you moved up from the waitlist." */
    static QString promotionTextFor(const QString &title);

    /** Full at or above capacity, Filling from 75 %, else Available (capacity <= 0 counts as full). */
    static Level levelFor(int capacity, int taken);

    bool hasFeed() const;
    Connectivity online() const;
    bool isSignedIn() const;
    bool isSigningIn() const { return m_signingIn; }
    QString signInError() const { return m_signInError; }
    int pendingActions() const;
    /** Seconds since seats were last confirmed current; -1 before the first answer. */
    int updatedSecondsAgo() const;
    QString message() const { return m_message; }
    int revision() const { return m_revision; }

    /**
     * One session's seats: {limited, live, capacity, taken, seatsLeft, waitlist, stale, level, myStatus,
     * position}. Without live numbers the capacity comes from the schedule and `live` is false.
     */
    Q_INVOKABLE QVariantMap seatInfo(const QString &sessionId) const;
    /** My seats, waitlist places and pending requests, by session id (read-only; for the agenda). */
    QHash<QString, SeatHold> seatHolds() const;

    Q_INVOKABLE Plenary::SeatsController::ActionResult signIn(const QString &badge);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE Plenary::SeatsController::ActionResult reserve(const QString &sessionId);
    Q_INVOKABLE Plenary::SeatsController::ActionResult cancel(const QString &sessionId);
    Q_INVOKABLE Plenary::SeatsController::ActionResult joinWaitlist(const QString &sessionId);
    Q_INVOKABLE Plenary::SeatsController::ActionResult leaveWaitlist(const QString &sessionId);
    Q_INVOKABLE void clearMessage();

    /** The sentence shown for a server refusal code ("full", "overlap", ...). */
    static QString refusalText(const QString &code);

Q_SIGNALS:
    void feedChanged();
    void onlineChanged();
    void signedInChanged();
    void messageChanged();
    void revisionChanged();
    void promotionTextChanged();
    /** seatHolds() may have changed. */
    void seatHoldsChanged();
    /** A waitlist place became a confirmed seat. */
    void promoted(const QString &sessionId, const QString &title);

private:
    enum class Action { Reserve, Cancel, JoinWaitlist, LeaveWaitlist };
    ActionResult act(Action action, const QString &sessionId);
    bool isSeatLimited(const QString &sessionId) const;
    QString sessionTitle(const QString &sessionId) const;
    QDateTime now() const;
    void bump();
    void setMessage(const QString &message);
    void applyFeed();

    QPointer<SeatSyncClient> m_client;
    QPointer<ConferenceController> m_conferences;
    Clock m_clock;
    QUrl m_feedUrl;
    QTimer m_ticker;
    bool m_signingIn = false;
    QString m_signInError;
    QString m_message;
    QString m_feedError;
    QString m_promotionText;
    bool m_allowInsecureHttp = false;
    int m_revision = 0;
};

} // namespace Plenary
