#include "seatscontroller.h"

#include "conferencecontroller.h"
#include "feedendpoint.h"
#include "seatsyncclient.h"
#include "transportpolicy.h"

#include <QJSEngine>
#include <QQmlEngine>

namespace Plenary {

namespace {
QPointer<SeatsController> s_instance;

SeatsController::MyStatus toMyStatus(SeatSyncClient::ReservationStatus status)
{
    switch (status) {
    case SeatSyncClient::ReservationStatus::Pending:
        return SeatsController::Pending;
    case SeatSyncClient::ReservationStatus::Confirmed:
        return SeatsController::Confirmed;
    case SeatSyncClient::ReservationStatus::Waitlisted:
        return SeatsController::Waitlisted;
    case SeatSyncClient::ReservationStatus::None:
        break;
    }
    return SeatsController::None;
}
} // namespace

SeatsController::SeatsController(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(5'000);
    connect(&m_ticker, &QTimer::timeout, this, &SeatsController::bump);
}

SeatsController::~SeatsController() = default;

SeatsController *SeatsController::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    if (s_instance) {
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    auto *fallback = new SeatsController(nullptr);
    QJSEngine::setObjectOwnership(fallback, QJSEngine::JavaScriptOwnership);
    Q_UNUSED(jsEngine)
    return fallback;
}

void SeatsController::setInstance(SeatsController *instance)
{
    s_instance = instance;
}

void SeatsController::setClient(SeatSyncClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &SeatSyncClient::onlineChanged, this, [this] {
            Q_EMIT onlineChanged();
            bump();
        });
        connect(client, &SeatSyncClient::lastUpdatedChanged, this, &SeatsController::bump);
        connect(client, &SeatSyncClient::seatsChanged, this, &SeatsController::bump);
        connect(client, &SeatSyncClient::reservationChanged, this, &SeatsController::bump);
        connect(client, &SeatSyncClient::pendingActionsChanged, this, &SeatsController::bump);
        connect(client, &SeatSyncClient::reservationChanged, this, &SeatsController::seatHoldsChanged);
        connect(client, &SeatSyncClient::pendingActionsChanged, this, &SeatsController::seatHoldsChanged);
        connect(client, &SeatSyncClient::signedInChanged, this, &SeatsController::seatHoldsChanged);
        connect(client, &SeatSyncClient::signedInChanged, this, [this] {
            m_signingIn = false;
            if (m_client && m_client->isSignedIn()) {
                m_signInError.clear();
                m_client->refreshMine();
            }
            Q_EMIT signedInChanged();
            bump();
        });
        connect(client, &SeatSyncClient::signInFailed, this, [this](const QString &reason) {
            m_signingIn = false;
            m_signInError = reason == u"unknown-badge" ? tr("That badge code is not known.")
                                                       : tr("Could not sign in (%1).").arg(reason);
            Q_EMIT signedInChanged();
        });
        connect(client, &SeatSyncClient::actionRefused, this,
                [this](const QString &, const QString &code) { setMessage(refusalText(code)); });
        connect(client, &SeatSyncClient::promoted, this, [this](const QString &id) {
            const QString title = sessionTitle(id);
            m_promotionText = promotionTextFor(title);
            Q_EMIT promotionTextChanged();
            Q_EMIT promoted(id, title);
        });
    }
    Q_EMIT feedChanged();
    Q_EMIT onlineChanged();
    Q_EMIT signedInChanged();
    Q_EMIT seatHoldsChanged();
    bump();
}

void SeatsController::setConferenceController(ConferenceController *conferences)
{
    m_conferences = conferences;
    if (conferences)
        connect(conferences, &ConferenceController::conferenceChanged, this, &SeatsController::bump);
    bump();
}

void SeatsController::setClock(Clock clock)
{
    m_clock = std::move(clock);
    bump();
}

void SeatsController::setFeedUrl(const QUrl &feedUrl)
{
    // A feed may be kept as ".../api/conference": the server is its base.
    const QUrl url = feedUrl.isEmpty() ? QUrl() : FeedEndpoint::normalizedBase(feedUrl);
    if (m_feedUrl == url)
        return;
    m_feedUrl = url;
    applyFeed();
}

void SeatsController::setAllowInsecureHttp(bool allow)
{
    if (m_allowInsecureHttp == allow)
        return;
    m_allowInsecureHttp = allow;
    if (m_client)
        m_client->setAllowInsecureHttp(allow);
    applyFeed();
}

void SeatsController::applyFeed()
{
    const bool usable = m_feedUrl.isValid() && !m_feedUrl.isEmpty();
    const bool refused = usable && !TransportPolicy::allows(m_feedUrl, m_allowInsecureHttp);
    m_feedError = refused
                      ? tr("Live seats are off: %1 is not encrypted (http://). Plenary uses plain http "
                           "only on this device (localhost) unless “Allow unencrypted connections” is on.")
                            .arg(m_feedUrl.toDisplayString())
                      : QString();
    if (m_client) {
        m_client->stop();
        m_client->setAllowInsecureHttp(m_allowInsecureHttp);
        m_client->setBaseUrl(m_feedUrl);
        if (usable && !refused) {
            m_client->start();
            m_ticker.start();
        } else {
            m_ticker.stop();
        }
    }
    Q_EMIT feedChanged();
    Q_EMIT onlineChanged();
    bump();
}

void SeatsController::clearPromotion()
{
    if (m_promotionText.isEmpty())
        return;
    m_promotionText.clear();
    Q_EMIT promotionTextChanged();
}

QString SeatsController::promotionTextFor(const QString &title)
{
    return tr("You have a seat in “%1”: you moved up from the waitlist.").arg(title);
}

SeatsController::Level SeatsController::levelFor(int capacity, int taken)
{
    if (capacity <= 0 || taken >= capacity)
        return Full;
    if (qint64(taken) * 100 >= qint64(capacity) * 75)
        return Filling;
    return Available;
}

bool SeatsController::hasFeed() const
{
    return m_client && !m_feedUrl.isEmpty();
}

SeatsController::Connectivity SeatsController::online() const
{
    if (!hasFeed())
        return NoServer;
    switch (m_client->online()) {
    case SeatSyncClient::Connectivity::Online:
        return Online;
    case SeatSyncClient::Connectivity::Degraded:
        return Degraded;
    case SeatSyncClient::Connectivity::Offline:
        break;
    }
    return Offline;
}

bool SeatsController::isSignedIn() const
{
    return m_client && m_client->isSignedIn();
}

int SeatsController::pendingActions() const
{
    return m_client ? m_client->pendingActions() : 0;
}

int SeatsController::updatedSecondsAgo() const
{
    if (!m_client || !m_client->lastUpdated().isValid())
        return -1;
    return int(qMax<qint64>(0, m_client->lastUpdated().secsTo(now())));
}

QVariantMap SeatsController::seatInfo(const QString &sessionId) const
{
    QVariantMap info;
    int capacity = 0;
    bool limited = false;
    if (const Session *session = m_conferences && m_conferences->conference()
                                     ? m_conferences->conference()->session(sessionId)
                                     : nullptr) {
        limited = session->isSeatLimited();
        capacity = session->seatCapacity.value_or(0);
    }
    const auto live = hasFeed() ? m_client->seats(sessionId) : std::nullopt;
    int taken = 0;
    int waitlist = 0;
    if (live) {
        limited = true;
        capacity = live->capacity;
        taken = live->taken;
        waitlist = live->waitlist;
    }
    const int age = updatedSecondsAgo();
    info[QStringLiteral("limited")] = limited;
    info[QStringLiteral("live")] = live.has_value();
    info[QStringLiteral("capacity")] = capacity;
    info[QStringLiteral("taken")] = taken;
    info[QStringLiteral("seatsLeft")] = qMax(0, capacity - taken);
    info[QStringLiteral("waitlist")] = waitlist;
    info[QStringLiteral("stale")] = live.has_value() && (age < 0 || age > kStaleSeconds);
    info[QStringLiteral("level")] = live ? levelFor(capacity, taken) : Available;
    const auto mine = m_client ? m_client->reservation(sessionId) : SeatSyncClient::MyReservation{};
    info[QStringLiteral("myStatus")] = toMyStatus(mine.status);
    info[QStringLiteral("position")] = mine.position;
    return info;
}

QHash<QString, SeatHold> SeatsController::seatHolds() const
{
    static_assert(int(SeatHold::Status::Waitlisted) == Waitlisted &&
                  int(SeatHold::Status::Pending) == Pending);
    QHash<QString, SeatHold> holds;
    if (!m_client)
        return holds;
    for (const SeatSyncClient::MyReservation &mine : m_client->myReservations()) {
        const MyStatus status = toMyStatus(mine.status);
        if (status != None)
            holds.insert(mine.sessionId, SeatHold{SeatHold::Status(int(status)), mine.position});
    }
    return holds;
}

SeatsController::ActionResult SeatsController::signIn(const QString &badge)
{
    if (!hasFeed())
        return NoFeed;
    const QString code = badge.trimmed();
    if (code.isEmpty()) {
        m_signInError = tr("Enter the code printed on your badge.");
        Q_EMIT signedInChanged();
        return NotReservable;
    }
    m_signingIn = true;
    m_signInError.clear();
    Q_EMIT signedInChanged();
    m_client->signIn(code);
    return online() == Offline ? Queued : Sent;
}

void SeatsController::signOut()
{
    if (m_client)
        m_client->signOut();
}

SeatsController::ActionResult SeatsController::reserve(const QString &sessionId)
{
    return act(Action::Reserve, sessionId);
}

SeatsController::ActionResult SeatsController::cancel(const QString &sessionId)
{
    return act(Action::Cancel, sessionId);
}

SeatsController::ActionResult SeatsController::joinWaitlist(const QString &sessionId)
{
    return act(Action::JoinWaitlist, sessionId);
}

SeatsController::ActionResult SeatsController::leaveWaitlist(const QString &sessionId)
{
    return act(Action::LeaveWaitlist, sessionId);
}

void SeatsController::clearMessage()
{
    setMessage({});
}

QString SeatsController::refusalText(const QString &code)
{
    if (code == u"full")
        return tr("This session is full. You can join the waitlist instead.");
    if (code == u"overlap")
        return tr("You already have a seat in a session at the same time.");
    if (code == u"not-seat-limited" || code == u"unknown-session")
        return tr("This session does not take reservations.");
    if (code == u"not-found")
        return tr("You have no reservation for this session.");
    if (code == u"rate-limited")
        return tr("Too many requests. Please try again in a moment.");
    return tr("The reservation was refused (%1).").arg(code);
}

SeatsController::ActionResult SeatsController::act(Action action, const QString &sessionId)
{
    if (!hasFeed())
        return NoFeed;
    if (!m_client->isSignedIn())
        return NotSignedIn;
    if (!isSeatLimited(sessionId))
        return NotReservable;
    const MyStatus status = toMyStatus(m_client->reservation(sessionId).status);
    switch (action) {
    case Action::Reserve:
        if (status != None)
            return NotReservable;
        m_client->reserve(sessionId);
        break;
    case Action::JoinWaitlist:
        if (status != None)
            return NotReservable;
        m_client->joinWaitlist(sessionId);
        break;
    case Action::Cancel:
        if (status != Confirmed)
            return NotReservable;
        m_client->cancel(sessionId);
        break;
    case Action::LeaveWaitlist:
        if (status != Waitlisted)
            return NotReservable;
        m_client->leaveWaitlist(sessionId);
        break;
    }
    clearMessage();
    bump();
    return online() == Online ? Sent : Queued;
}

bool SeatsController::isSeatLimited(const QString &sessionId) const
{
    return seatInfo(sessionId).value(QStringLiteral("limited")).toBool();
}

QString SeatsController::sessionTitle(const QString &sessionId) const
{
    if (m_conferences && m_conferences->conference()) {
        for (const Session &session : m_conferences->conference()->sessions) {
            if (session.id == sessionId)
                return session.title;
        }
    }
    return sessionId;
}

QDateTime SeatsController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void SeatsController::bump()
{
    ++m_revision;
    Q_EMIT revisionChanged();
}

void SeatsController::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

} // namespace Plenary
