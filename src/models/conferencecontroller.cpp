#include "conferencecontroller.h"

#include "agendacontroller.h"
#include "agendamodel.h"
#include "agendarepository.h"
#include "clock.h"
#include "conferencelistmodel.h"
#include "conferencerepository.h"
#include "database.h"
#include "feedendpoint.h"
#include "languagechangewatcher.h"
#include "nownextmodel.h"
#include "reminderservice.h"
#include "schedulediff.h"
#include "schedulefetcher.h"
#include "scheduleimporter.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "startuptrace.h"
#include "timezonecontroller.h"
#include "transportpolicy.h"
#include "venuemodel.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Plenary {

namespace {
// The ImportOptions for anything the user imports: times without a zone are read in the device's zone.
ImportOptions importOptions(const QString &source)
{
    ImportOptions options;
    options.sourceName = source;
    options.fallbackTimeZone = QTimeZone::systemTimeZone();
    return options;
}

// Reads a schedule file given as a path, a Qt resource path or a file:// URL.
ImportResult readScheduleFile(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    return ScheduleImporter::importFile(path, importOptions(pathOrUrl));
}

bool isWebUrl(const QUrl &url)
{
    return url.scheme() == u"http" || url.scheme() == u"https";
}

constexpr int kDefaultFeedRefreshMs = 10 * 60 * 1000;
const QString kAllowHttpSetting = QStringLiteral("allowInsecureHttp");

QString etagSetting(const QString &conferenceId)
{
    return QStringLiteral("feed-etag:") + conferenceId;
}
} // namespace

ConferenceController::ConferenceController(QObject *parent)
    : QObject(parent)
    , m_sessions(new SessionListModel(this))
    , m_speakers(new SpeakerListModel(this))
    , m_venue(new VenueModel(this))
    , m_nowNext(new NowNextModel(this))
    , m_conferenceList(new ConferenceListModel(this))
    , m_agenda(new AgendaController(this))
    , m_agendaItems(new AgendaModel(this))
    , m_reminders(new ReminderService(this))
    , m_timeZone(new TimeZoneController(this))
    , m_clock(new Clock(this))
{
    m_sessions->setAgenda(m_agenda);
    m_sessions->setTimeZone(m_timeZone);
    m_venue->setClock(m_clock);
    m_venue->setTimeZone(m_timeZone);
    m_nowNext->setClock(m_clock);
    m_nowNext->setTimeZone(m_timeZone);
    m_agendaItems->setAgendaController(m_agenda);
    m_agendaItems->setClock(m_clock);
    m_agendaItems->setTimeZone(m_timeZone);
    m_reminders->setClock(m_clock);
    connect(m_agendaItems, &AgendaModel::updated, m_reminders, &ReminderService::check);
    connect(m_clock, &Clock::nowChanged, this, &ConferenceController::updateTodayIndex);
    connect(m_timeZone, &TimeZoneController::displayChanged, this, &ConferenceController::daysChanged);
    // Day labels and the type and level names are translated text.
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this, [this] {
        Q_EMIT daysChanged();
        Q_EMIT filterOptionsChanged();
    });
    m_refreshTimer.setInterval(kDefaultFeedRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ConferenceController::refreshFeed);
}

ConferenceController::~ConferenceController()
{
    // The worker posts to this object when it is done, so it must be done before the object goes.
    if (m_pendingStart.valid())
        m_pendingStart.wait();
}

void ConferenceController::setStorage(ConferenceRepository *conferences, AgendaRepository *agenda)
{
    Q_ASSERT_X(!m_loading, "ConferenceController::setStorage", "a start is pending");
    m_repository = conferences;
    m_agendaRepository = agenda;
    m_agenda->setRepository(agenda);
    m_agendaItems->setRepository(agenda);
    m_reminders->setRepository(agenda);
    refreshConferenceList();
    const bool allow = m_repository && m_repository->setting(kAllowHttpSetting) == u"1";
    if (allow != m_allowInsecureHttp) {
        m_allowInsecureHttp = allow;
        applyInsecureHttp();
    }
}

void ConferenceController::setFeedRefreshIntervalMs(int intervalMs)
{
    m_refreshTimer.setInterval(intervalMs);
}

void ConferenceController::setAllowInsecureHttp(bool allow)
{
    if (m_allowInsecureHttp == allow)
        return;
    m_allowInsecureHttp = allow;
    if (m_repository)
        m_repository->setSetting(kAllowHttpSetting, allow ? QStringLiteral("1") : QStringLiteral("0"));
    applyInsecureHttp();
}

void ConferenceController::setInsecureHttpAllowedForRun(bool allow)
{
    if (m_allowHttpForRun == allow)
        return;
    m_allowHttpForRun = allow;
    applyInsecureHttp();
}

void ConferenceController::applyInsecureHttp()
{
    if (m_fetcher)
        m_fetcher->setAllowInsecureHttp(insecureHttpAllowed());
    Q_EMIT insecureHttpChanged();
}

void ConferenceController::setFetcher(ScheduleFetcher *fetcher)
{
    if (m_fetcher)
        disconnect(m_fetcher, nullptr, this, nullptr);
    m_fetcher = fetcher;
    if (m_fetcher) {
        connect(m_fetcher, &ScheduleFetcher::progress, this, [this](qint64 received, qint64 total) {
            m_progress = total > 0 ? std::clamp(double(received) / double(total), 0.0, 1.0) : -1.0;
            Q_EMIT importStateChanged();
        });
        connect(m_fetcher, &ScheduleFetcher::finished, this, &ConferenceController::onFetched);
        m_fetcher->setAllowInsecureHttp(insecureHttpAllowed());
    }
}

void ConferenceController::setBundledSamplePath(const QString &path)
{
    Q_ASSERT_X(!m_loading, "ConferenceController::setBundledSamplePath", "a start is pending");
    m_samplePath = path;
}

bool ConferenceController::start()
{
    beginStart();
    return finishStart();
}

void ConferenceController::beginStart()
{
    if (m_loading)
        return;
    const QString databasePath = m_repository ? m_repository->databasePath() : QString();
    const QString samplePath = m_samplePath;
    m_pendingStart = std::async(std::launch::async, [this, databasePath, samplePath] {
        StartRead read;
        if (!databasePath.isEmpty())
            read.stored = ConferenceRepository::readDetached(databasePath);
        if (!read.stored.conference && !samplePath.isEmpty())
            read.sample = readScheduleFile(samplePath);
#if defined(__GLIBC__)
        // glibc gave this thread a heap of its own; hand what the parse left free back to the system,
        // since the main thread cannot reuse it.
        malloc_trim(0);
#endif
        StartupTrace::mark("conference read on worker");
        // Opened by the event loop at the latest; finishStart() may well have done it by then.
        QMetaObject::invokeMethod(
            this, [this] { finishStart(); }, Qt::QueuedConnection);
        return read;
    });
    m_loading = true;
    Q_EMIT loadingChanged();
}

bool ConferenceController::finishStart()
{
    if (!m_pendingStart.valid())
        return isLoaded();
    StartRead read = m_pendingStart.get();
    StartupTrace::mark("conference read, taken on the main thread");
    bool opened = !read.stored.id.isEmpty() &&
                  openStored(read.stored.id, std::move(read.stored.conference), read.stored.snapshotMissing);
    if (opened)
        QTimer::singleShot(0, this, &ConferenceController::refreshFeed);
    else if (read.sample)
        opened = openFile(std::move(*read.sample), m_samplePath);
    m_loading = false;
    StartupTrace::mark("conference applied");
    Q_EMIT loadingChanged();
    return opened;
}

bool ConferenceController::loadFile(const QString &pathOrUrl)
{
    finishStart();
    return openFile(readScheduleFile(pathOrUrl), pathOrUrl);
}

bool ConferenceController::openFile(ImportResult result, const QString &pathOrUrl)
{
    if (!result.ok()) {
        m_errorText = result.error.toString();
        Q_EMIT importStateChanged();
        return false;
    }
    keepAndOpen(std::move(*result.conference), pathOrUrl, {});
    return true;
}

ConferenceController::ImportStart ConferenceController::importConference(const QString &urlOrPath)
{
    finishStart();
    if (m_busy)
        return AlreadyRunning;
    const QString input = urlOrPath.trimmed();
    m_statusText.clear();
    if (input.isEmpty()) {
        m_errorText = tr("Enter a web address or the path of a schedule file.");
        Q_EMIT importStateChanged();
        return EmptyInput;
    }
    QUrl url = QUrl::fromUserInput(input, QDir::currentPath(), QUrl::AssumeLocalFile);
    if (input.startsWith(QLatin1Char('~')))
        url = QUrl::fromLocalFile(QDir::homePath() + input.mid(1));
    if (!isWebUrl(url) && !url.isLocalFile()) {
        m_errorText = tr("“%1” is neither a web address (http or https) nor a file.").arg(input);
        Q_EMIT importStateChanged();
        return UnsupportedAddress;
    }
    if (isWebUrl(url) && !TransportPolicy::allows(url, insecureHttpAllowed())) {
        m_errorText = tr("“%1” is not encrypted (http://). Plenary uses plain http only on this device "
                         "(localhost); use https://, or turn on “Allow unencrypted connections” (or start "
                         "it with --allow-http).")
                          .arg(input);
        Q_EMIT importStateChanged();
        return InsecureAddress;
    }
    if (m_stage == Stage::Refresh) {
        m_stage = Stage::Idle; // the import takes the fetcher over
        if (m_fetcher)
            m_fetcher->abort();
    }

    m_importSource = input;
    m_errorText.clear();
    m_busy = true;
    m_progress = -1;
    m_firstError.clear();
    Q_EMIT importStateChanged();
    if (m_fetcher) {
        m_importUrl = url;
        m_feedBase = isWebUrl(url) ? FeedEndpoint::baseOf(url) : QUrl();
        startFetch(m_feedBase.isEmpty() ? Stage::Direct : Stage::FeedConference, url);
    } else if (url.isLocalFile()) {
        const QString path = url.toLocalFile();
        QTimer::singleShot(0, this, [this, path] {
            if (!m_busy)
                return;
            ImportResult result = ScheduleImporter::importFile(path, importOptions(m_importSource));
            if (!result.ok()) {
                failImport(tr("Could not read the schedule: %1").arg(result.error.toString()));
                return;
            }
            keepAndOpen(std::move(*result.conference), m_importSource, {});
        });
    } else {
        QTimer::singleShot(0, this,
                           [this] { failImport(tr("Downloading is not available in this build.")); });
    }
    return Started;
}

void ConferenceController::cancelImport()
{
    if (!m_busy)
        return;
    if (m_fetcher && m_fetcher->isRunning()) {
        m_stage = Stage::Idle;
        m_fetcher->abort();
        return;
    }
    failImport(tr("Import cancelled."));
}

void ConferenceController::startFetch(Stage stage, const QUrl &url, const QString &etag)
{
    m_stage = stage;
    m_fetcher->fetch(url, etag);
}

void ConferenceController::startFetchLater(Stage stage, const QUrl &url)
{
    // Not from inside the fetcher's finished(): the previous reply may still be unwinding its abort().
    m_stage = Stage::Idle;
    QTimer::singleShot(0, this, [this, stage, url] {
        if (m_busy && m_stage == Stage::Idle && m_fetcher && !m_fetcher->isRunning())
            startFetch(stage, url);
    });
}

void ConferenceController::onFetched(const FetchResult &result)
{
    const Stage stage = std::exchange(m_stage, Stage::Idle);
    if (stage == Stage::Refresh)
        return onRefreshFetched(result);
    if (!m_busy)
        return;
    switch (stage) {
    case Stage::Probe:
        return onProbeFetched(result);
    case Stage::FeedConference:
        return onFeedConferenceFetched(result);
    case Stage::Idle: // cancelled
        return failImport(tr("Could not get %1: %2").arg(m_importSource, result.error));
    case Stage::Direct:
    case Stage::Refresh:
        break;
    }
    onDirectFetched(result);
}

void ConferenceController::onDirectFetched(const FetchResult &result)
{
    QString error;
    if (result.ok()) {
        ImportResult imported = ScheduleImporter::import(result.data, importOptions(m_importSource));
        if (imported.ok()) {
            keepAndOpen(std::move(*imported.conference), m_importSource, {});
            return;
        }
        error = tr("Could not read the schedule: %1").arg(imported.error.toString());
    } else {
        error = tr("Could not get %1: %2").arg(m_importSource, result.error);
    }
    // Not a schedule itself: perhaps the base address of a plenary-feed server.
    if (!isWebUrl(m_importUrl)) {
        failImport(error);
        return;
    }
    m_firstError = error;
    m_feedBase = FeedEndpoint::normalizedBase(m_importUrl);
    startFetchLater(Stage::Probe, FeedEndpoint::healthUrl(m_feedBase));
}

void ConferenceController::onProbeFetched(const FetchResult &result)
{
    if (!result.ok() || !FeedEndpoint::isHealthDocument(result.data)) {
        failImport(m_firstError);
        return;
    }
    startFetchLater(Stage::FeedConference, FeedEndpoint::conferenceUrl(m_feedBase));
}

void ConferenceController::onFeedConferenceFetched(const FetchResult &result)
{
    if (!result.ok()) {
        failImport(tr("Could not get %1: %2").arg(m_importSource, result.error));
        return;
    }
    ImportResult imported = ScheduleImporter::import(result.data, importOptions(m_importSource));
    if (!imported.ok()) {
        failImport(tr("Could not read the schedule: %1").arg(imported.error.toString()));
        return;
    }
    keepAndOpen(std::move(*imported.conference), m_importSource, m_feedBase.toString());
    m_feedEtag = result.etag;
    storeFeedEtag(result.etag);
}

bool ConferenceController::refreshFeed()
{
    finishStart();
    if (m_busy || !m_fetcher || m_fetcher->isRunning() || m_feedUrl.isEmpty() || !m_conference)
        return false;
    const QUrl url = FeedEndpoint::conferenceUrl(QUrl(m_feedUrl));
    if (!TransportPolicy::allows(url, insecureHttpAllowed()))
        return false;
    startFetch(Stage::Refresh, url, m_feedEtag);
    return true;
}

void ConferenceController::onRefreshFetched(const FetchResult &result)
{
    if (!result.ok() || result.notModified() || !m_conference || m_feedUrl.isEmpty())
        return; // the kept conference stays; the next refresh tries again
    ImportResult imported = ScheduleImporter::import(result.data, importOptions(m_feedUrl));
    if (!imported.ok() || imported.conference->id != m_conference->id)
        return;
    const QString version = imported.conference->version;
    const bool changed = m_openVersionUnkept || version != m_conference->version ||
                         imported.conference->sessions.size() != m_conference->sessions.size();
    if (changed) {
        const QString source = storedSourceUrl(m_conference->id);
        const bool kept =
            keepAndOpen(std::move(*imported.conference), source.isEmpty() ? m_feedUrl : source, m_feedUrl);
        m_openVersionUnkept = !kept;
        m_statusText =
            kept ? tr("Updated to schedule version %1.").arg(version)
                 : tr("Showing schedule version %1, but it could not be kept on this device.").arg(version);
        Q_EMIT importStateChanged();
        Q_EMIT scheduleUpdated(version);
        if (!kept)
            return; // without the ETag the next refresh gets this version again and retries keeping it
    }
    m_feedEtag = result.etag;
    storeFeedEtag(result.etag);
}

void ConferenceController::storeFeedEtag(const QString &etag)
{
    if (m_repository && m_conference)
        m_repository->setSetting(etagSetting(m_conference->id), etag);
}

void ConferenceController::rememberFeedUrl(const QUrl &feedUrl)
{
    finishStart();
    if (!m_conference)
        return;
    const QString base = feedUrl.isEmpty() ? QString() : FeedEndpoint::normalizedBase(feedUrl).toString();
    if (m_repository) {
        const QList<ConferenceSummary> kept = m_repository->list();
        const auto it = std::find_if(kept.cbegin(), kept.cend(), [this](const ConferenceSummary &summary) {
            return summary.id == m_conference->id;
        });
        if (it != kept.cend())
            m_repository->save(*m_conference, it->sourceUrl, base);
    }
    if (base == m_feedUrl)
        return;
    m_feedUrl = base;
    m_feedEtag.clear();
    if (m_feedUrl.isEmpty())
        m_refreshTimer.stop();
    else
        m_refreshTimer.start();
    Q_EMIT feedUrlChanged();
    QTimer::singleShot(0, this, &ConferenceController::refreshFeed);
}

QString ConferenceController::storedFeedUrl(const QString &id) const
{
    if (!m_repository)
        return {};
    const QList<ConferenceSummary> kept = m_repository->list();
    const auto it = std::find_if(kept.cbegin(), kept.cend(),
                                 [&id](const ConferenceSummary &summary) { return summary.id == id; });
    if (it == kept.cend() || it->feedUrl.isEmpty())
        return {};
    return FeedEndpoint::normalizedBase(QUrl(it->feedUrl)).toString();
}

QString ConferenceController::storedSourceUrl(const QString &id) const
{
    if (!m_repository)
        return {};
    const QList<ConferenceSummary> kept = m_repository->list();
    const auto it = std::find_if(kept.cbegin(), kept.cend(),
                                 [&id](const ConferenceSummary &summary) { return summary.id == id; });
    return it == kept.cend() ? QString() : it->sourceUrl;
}

void ConferenceController::failImport(const QString &message)
{
    m_busy = false;
    m_progress = -1;
    m_errorText = message;
    Q_EMIT importStateChanged();
    Q_EMIT importFinished(false);
}

bool ConferenceController::keepAndOpen(Conference conference, const QString &source, const QString &feedUrl)
{
    if (conference.id.isEmpty()) {
        const QString fromTitle = Conference::keyFromName(conference.title);
        conference.id =
            fromTitle.isEmpty() ? Conference::keyFromName(QFileInfo(source).completeBaseName()) : fromTitle;
        conference.normalize();
    }
    const bool wasBusy = m_busy;
    // A new version of a kept conference: tell the agenda what changed for its sessions.
    std::optional<Conference> previous;
    QList<AgendaChange> changes;
    if (m_repository && m_agendaRepository) {
        const QSet<QString> starred = m_agendaRepository->sessionIds(conference.id);
        if (!starred.isEmpty() && (previous = m_repository->load(conference.id)))
            changes = ScheduleDiff::compare(*previous, conference, starred);
    }
    const auto keep = [&] {
        return m_repository->save(conference, source, feedUrl) &&
               (!previous || m_agendaRepository->applyScheduleChanges(conference, changes));
    };
    const bool kept = !m_repository || (m_database ? m_database->transaction(keep) : keep());
    if (!kept)
        m_statusText = tr("Opened, but it could not be kept on this device.");
    else
        m_statusText =
            conference.sessions.size() == 1
                ? tr("Opened “%1” · 1 session").arg(conference.title)
                : tr("Opened “%1” · %2 sessions").arg(conference.title).arg(conference.sessions.size());
    openConferenceWithFeed(std::move(conference), feedUrl);
    m_busy = false;
    m_progress = -1;
    Q_EMIT importStateChanged();
    if (wasBusy)
        Q_EMIT importFinished(true);
    return kept;
}

bool ConferenceController::openConference(const QString &id)
{
    finishStart();
    if (!m_repository)
        return m_conference && m_conference->id == id;
    StartupTrace::mark("open conference: start");
    bool snapshotMissing = false;
    std::optional<Conference> stored = m_repository->load(id, &snapshotMissing);
    StartupTrace::mark("open conference: read from the SQLite cache");
    return openStored(id, std::move(stored), snapshotMissing);
}

bool ConferenceController::openStored(const QString &id, std::optional<Conference> stored,
                                      bool snapshotMissing)
{
    if (!stored) {
        m_errorText = tr("The conference “%1” could not be opened.").arg(id);
        Q_EMIT importStateChanged();
        return false;
    }
    openConferenceWithFeed(std::move(*stored), storedFeedUrl(id));
    if (snapshotMissing && m_repository) {
        // Read from its feed JSON (kept before snapshots were, or damaged): the next start reads faster.
        QTimer::singleShot(0, this, [this, id] {
            if (m_repository && m_conference && m_conference->id == id)
                m_repository->saveSnapshot(*m_conference);
        });
    }
    return true;
}

bool ConferenceController::removeConference(const QString &id)
{
    finishStart();
    if (!m_repository || (m_conference && m_conference->id == id))
        return false;
    const bool removed = m_repository->remove(id);
    refreshConferenceList();
    return removed;
}

void ConferenceController::clearMessages()
{
    if (m_errorText.isEmpty() && m_statusText.isEmpty())
        return;
    m_errorText.clear();
    m_statusText.clear();
    Q_EMIT importStateChanged();
}

void ConferenceController::setConference(Conference conference)
{
    finishStart();
    const QString feedUrl = storedFeedUrl(conference.id);
    openConferenceWithFeed(std::move(conference), feedUrl);
}

void ConferenceController::openConferenceWithFeed(Conference conference, const QString &feedUrl)
{
    const bool sameFeed = m_conference && m_conference->id == conference.id && m_feedUrl == feedUrl;
    if (!sameFeed) {
        m_feedUrl = feedUrl;
        m_feedEtag = m_repository && !feedUrl.isEmpty() ? m_repository->setting(etagSetting(conference.id))
                                                        : QString();
    }
    if (m_feedUrl.isEmpty())
        m_refreshTimer.stop();
    else if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
    auto shared = std::make_shared<const Conference>(std::move(conference));
    m_conference = shared;
    m_openVersionUnkept = false;
    m_timeZone->setVenueZone(shared->timeZone);
    // The agenda's ids first: the agenda model and the reminders read them (the other way round, each read
    // the agenda from SQLite twice, once with the previous conference's ids).
    m_agenda->setConference(shared);
    m_agendaItems->setConference(shared);
    m_reminders->setConference(shared);
    StartupTrace::mark("open conference: agenda and reminders filled");
    m_sessions->setConference(shared);
    StartupTrace::mark("open conference: sessions model filled");
    m_speakers->setConference(shared);
    m_venue->setConference(shared);
    m_nowNext->setConference(shared);
    StartupTrace::mark("open conference: speakers, venue, now/next filled");
    if (m_repository)
        m_repository->markOpened(shared->id);
    refreshConferenceList();
    updateTodayIndex();
    StartupTrace::mark("open conference: marked opened, list refreshed");
    Q_EMIT conferenceChanged();
    StartupTrace::mark("open conference: conferenceChanged handled");
    Q_EMIT daysChanged();
    StartupTrace::mark("open conference: daysChanged handled");
    Q_EMIT filterOptionsChanged();
    StartupTrace::mark("open conference: filterOptionsChanged handled");
    if (!sameFeed)
        Q_EMIT feedUrlChanged();
}

void ConferenceController::refreshConferenceList()
{
    if (m_repository)
        m_conferenceList->setConferences(m_repository->list());
    m_conferenceList->setCurrentId(conferenceId());
}

void ConferenceController::updateTodayIndex()
{
    int today = -1;
    if (m_conference) {
        const QDateTime now = m_clock->now();
        const QList<Day> &days = m_conference->days;
        for (qsizetype i = 0; i < days.size(); ++i) {
            if (days[i].start.isValid() && days[i].end.isValid() && now >= days[i].start &&
                now < days[i].end) {
                today = int(i);
                break;
            }
            if (days[i].date == now.toTimeZone(m_conference->timeZone).date())
                today = int(i);
        }
    }
    if (today != m_todayIndex) {
        m_todayIndex = today;
        Q_EMIT todayIndexChanged();
    }
}

QString ConferenceController::conferenceId() const
{
    return m_conference ? m_conference->id : QString();
}

QString ConferenceController::title() const
{
    return m_conference ? m_conference->title : QString();
}

QString ConferenceController::subtitle() const
{
    return m_conference ? m_conference->subtitle : QString();
}

QString ConferenceController::venueName() const
{
    return m_conference ? m_conference->venue.name : QString();
}

QString ConferenceController::url() const
{
    return m_conference ? m_conference->url : QString();
}

QString ConferenceController::timeZoneId() const
{
    return m_conference ? QString::fromLatin1(m_conference->timeZone.id()) : QString();
}

int ConferenceController::sessionCount() const
{
    return m_conference ? int(m_conference->sessions.size()) : 0;
}

QVariantList ConferenceController::days() const
{
    QVariantList list;
    if (!m_conference)
        return list;
    for (const Day &day : m_conference->days) {
        list.append(QVariantMap{{QStringLiteral("date"), day.date},
                                {QStringLiteral("label"), m_timeZone->formatDay(day.date)}});
    }
    return list;
}

QVariantList ConferenceController::tracks() const
{
    QVariantList list;
    if (!m_conference)
        return list;
    for (const Track &track : m_conference->tracks) {
        list.append(QVariantMap{{QStringLiteral("id"), track.id},
                                {QStringLiteral("name"), track.name},
                                {QStringLiteral("color"), track.color}});
    }
    return list;
}

QVariantList ConferenceController::types() const
{
    QVariantList list;
    if (!m_conference)
        return list;
    QList<SessionType> present;
    for (const Session &s : m_conference->sessions) {
        if (!present.contains(s.type))
            present.append(s.type);
    }
    std::sort(present.begin(), present.end());
    for (const SessionType type : std::as_const(present)) {
        list.append(QVariantMap{{QStringLiteral("value"), int(type)},
                                {QStringLiteral("name"), SessionListModel::typeText(type)}});
    }
    return list;
}

QVariantList ConferenceController::floors() const
{
    QVariantList list;
    if (!m_conference)
        return list;
    QList<Floor> sorted = m_conference->venue.floors;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Floor &a, const Floor &b) { return a.level < b.level; });
    for (const Floor &floor : std::as_const(sorted))
        list.append(QVariantMap{{QStringLiteral("id"), floor.id}, {QStringLiteral("name"), floor.name}});
    return list;
}

QVariantList ConferenceController::rooms() const
{
    QVariantList list;
    if (!m_conference)
        return list;
    for (const Room &room : m_conference->venue.rooms) {
        list.append(QVariantMap{{QStringLiteral("id"), room.id},
                                {QStringLiteral("name"), room.name},
                                {QStringLiteral("floorId"), room.floorId}});
    }
    return list;
}

QVariantList ConferenceController::levels() const
{
    QStringList found;
    if (m_conference) {
        for (const Session &s : m_conference->sessions) {
            if (!s.level.isEmpty() && !found.contains(s.level, Qt::CaseInsensitive))
                found.append(s.level);
        }
    }
    static const QStringList kOrder{QStringLiteral("beginner"), QStringLiteral("intermediate"),
                                    QStringLiteral("advanced")};
    const auto rank = [](const QString &level) {
        const qsizetype i = kOrder.indexOf(level.toLower());
        return i < 0 ? kOrder.size() : i;
    };
    std::stable_sort(found.begin(), found.end(),
                     [&rank](const QString &a, const QString &b) { return rank(a) < rank(b); });
    QVariantList list;
    for (const QString &level : std::as_const(found))
        list.append(QVariantMap{{QStringLiteral("id"), level},
                                {QStringLiteral("name"), SessionListModel::levelText(level)}});
    return list;
}

} // namespace Plenary
