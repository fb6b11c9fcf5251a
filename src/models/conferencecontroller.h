#pragma once

#include "conference.h"
#include "conferencerepository.h"
#include "importresult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQmlIntegration>
#include <QUrl>
#include <QVariantList>

#include <future>
#include <memory>
#include <optional>

namespace Plenary {

class AgendaController;
class AgendaModel;
class AgendaRepository;
class Clock;
class ConferenceListModel;
class Database;
class NowNextModel;
class ReminderService;
class ScheduleFetcher;
class SessionListModel;
class SpeakerListModel;
class TimeZoneController;
class VenueModel;
struct FetchResult;

Q_MOC_INCLUDE("agendacontroller.h")
Q_MOC_INCLUDE("agendamodel.h")
Q_MOC_INCLUDE("clock.h")
Q_MOC_INCLUDE("conferencelistmodel.h")
Q_MOC_INCLUDE("nownextmodel.h")
Q_MOC_INCLUDE("reminderservice.h")
Q_MOC_INCLUDE("sessionlistmodel.h")
Q_MOC_INCLUDE("speakerlistmodel.h")
Q_MOC_INCLUDE("timezonecontroller.h")
Q_MOC_INCLUDE("venuemodel.h")
/**
 * Owns the open conference and everything that shows it: opens the last one at start (or the bundled
 * sample), imports new ones from a URL or file (ScheduleFetcher + ScheduleImporter, kept with
 * ConferenceRepository), switches between kept ones, and hands the conference to the models. A conference
 * imported from a plenary-feed server remembers the server (feedUrl) and picks up its new schedule versions.
 *
 * Start-up can run in two phases (beginStart(), finishStart()) so that the conference is read and parsed on a
 * worker thread while the UI is created. Until finishStart() the controller shows no conference (`loading`
 * is true, conference() is null); every method that opens, imports, removes or refreshes a conference first
 * finishes the start, and so does the event loop as soon as the worker is done.
 */
class ConferenceController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY conferenceChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString conferenceId READ conferenceId NOTIFY conferenceChanged)
    Q_PROPERTY(QString title READ title NOTIFY conferenceChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY conferenceChanged)
    Q_PROPERTY(QString venueName READ venueName NOTIFY conferenceChanged)
    Q_PROPERTY(QString url READ url NOTIFY conferenceChanged)
    Q_PROPERTY(QString timeZoneId READ timeZoneId NOTIFY conferenceChanged)
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList days READ days NOTIFY daysChanged)
    Q_PROPERTY(QVariantList tracks READ tracks NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList types READ types NOTIFY filterOptionsChanged)
    Q_PROPERTY(QVariantList floors READ floors NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList rooms READ rooms NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList levels READ levels NOTIFY filterOptionsChanged)
    Q_PROPERTY(int todayIndex READ todayIndex NOTIFY todayIndexChanged)
    Q_PROPERTY(Plenary::SessionListModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(Plenary::SpeakerListModel *speakers READ speakers CONSTANT)
    Q_PROPERTY(Plenary::VenueModel *venue READ venue CONSTANT)
    Q_PROPERTY(Plenary::NowNextModel *nowNext READ nowNext CONSTANT)
    Q_PROPERTY(Plenary::ConferenceListModel *conferences READ conferences CONSTANT)
    Q_PROPERTY(Plenary::AgendaController *agenda READ agenda CONSTANT)
    Q_PROPERTY(Plenary::AgendaModel *agendaItems READ agendaItems CONSTANT)
    Q_PROPERTY(Plenary::ReminderService *reminders READ reminders CONSTANT)
    Q_PROPERTY(Plenary::TimeZoneController *timeZone READ timeZone CONSTANT)
    Q_PROPERTY(Plenary::Clock *clock READ clock CONSTANT)
    Q_PROPERTY(bool busy READ isBusy NOTIFY importStateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY importStateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY importStateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY importStateChanged)
    Q_PROPERTY(QString feedUrl READ feedUrl NOTIFY feedUrlChanged)
    Q_PROPERTY(
        bool allowInsecureHttp READ allowInsecureHttp WRITE setAllowInsecureHttp NOTIFY insecureHttpChanged)
    Q_PROPERTY(bool insecureHttpAllowed READ insecureHttpAllowed NOTIFY insecureHttpChanged)

public:
    enum ImportStart {
        Started,
        AlreadyRunning,
        EmptyInput,
        UnsupportedAddress, ///< neither http(s), file:// nor a path
        InsecureAddress, ///< plain http:// beyond this device while unencrypted connections are not allowed
    };
    Q_ENUM(ImportStart)

    explicit ConferenceController(QObject *parent = nullptr);
    ~ConferenceController() override;

    /** Where conferences and favourites are kept (both must outlive the controller); none keeps them in
     * memory. */
    void setStorage(ConferenceRepository *conferences, AgendaRepository *agenda);
    /**
     * The database both repositories use: re-importing a kept conference then saves it and the agenda's
     * schedule-change notices in one transaction (without it they are two).
     */
    void setDatabase(Database *database) { m_database = database; }
    /** Downloads for importConference(); without one only local files can be imported. */
    void setFetcher(ScheduleFetcher *fetcher);
    /** The conference opened when nothing was kept yet (a path, possibly a Qt resource ":/..."). */
    void setBundledSamplePath(const QString &path);

    /** How often the open conference's feed server is asked for a new schedule version (default 10 min). */
    void setFeedRefreshIntervalMs(int intervalMs);

    /** Opens the last opened conference, else the newest kept one, else the bundled sample; a conference
     * with a feed server is then checked for a new schedule version. The same as beginStart() and
     * finishStart(). */
    Q_INVOKABLE bool start();
    /**
     * Begins start() on a worker thread: the conference to open is read from the database file through a
     * connection of its own and parsed there (the bundled sample too when nothing kept can be opened).
     * Set the storage and the sample path before. Does nothing while a start is pending.
     */
    void beginStart();
    /**
     * Waits for beginStart()'s worker if it is not done yet, then opens what it read exactly as start()
     * does and returns start()'s result. Without a pending start it returns isLoaded().
     */
    bool finishStart();
    /** Whether beginStart()'s conference is still to be opened. */
    bool isLoading() const { return m_loading; }
    /** Reads a schedule file synchronously, keeps it (when there is storage) and opens it. */
    Q_INVOKABLE bool loadFile(const QString &pathOrUrl);
    /**
     * Starts importing a schedule from an http(s) URL, a file:// URL or a path; see busy/progress/errorText.
     * A plenary-feed server is recognised by its route ".../api/conference", or, when the address itself
     * is not a schedule, by its discovery route "<address>/api/health"; its conference is then imported
     * from "<base>/api/conference" and the base is remembered as the conference's feedUrl (live seats).
     */
    Q_INVOKABLE Plenary::ConferenceController::ImportStart importConference(const QString &urlOrPath);
    Q_INVOKABLE void cancelImport();
    /** Opens a kept conference. */
    Q_INVOKABLE bool openConference(const QString &id);
    /** Forgets a kept conference (not the open one). */
    Q_INVOKABLE bool removeConference(const QString &id);
    Q_INVOKABLE void clearMessages();
    /** Asks the open conference's feed server for a newer schedule (If-None-Match with the last ETag) and
     * applies one through the schedule-update path; false when there is nothing to ask or a download runs. */
    Q_INVOKABLE bool refreshFeed();
    /** Remembers a feed server for the open conference (kept when it is kept); empty forgets it. */
    void rememberFeedUrl(const QUrl &feedUrl);

    /** The open conference; null before one is opened, also while a start is pending (see isLoading()). */
    std::shared_ptr<const Conference> conference() const { return m_conference; }
    /** Opens a conference value directly (tests, and after an import). */
    void setConference(Conference conference);

    bool isLoaded() const { return m_conference != nullptr; }
    QString conferenceId() const;
    QString title() const;
    QString subtitle() const;
    QString venueName() const;
    QString url() const;
    QString timeZoneId() const;
    int sessionCount() const;
    QVariantList days() const;
    QVariantList tracks() const;
    QVariantList types() const;
    QVariantList floors() const;
    QVariantList rooms() const;
    /** [{id, name}] in beginner, intermediate, advanced order, then the source's own wordings. */
    QVariantList levels() const;
    /** The conference day the clock is in, or -1 outside the conference. */
    int todayIndex() const { return m_todayIndex; }

    SessionListModel *sessions() const { return m_sessions; }
    SpeakerListModel *speakers() const { return m_speakers; }
    VenueModel *venue() const { return m_venue; }
    NowNextModel *nowNext() const { return m_nowNext; }
    ConferenceListModel *conferences() const { return m_conferenceList; }
    AgendaController *agenda() const { return m_agenda; }
    AgendaModel *agendaItems() const { return m_agendaItems; }
    ReminderService *reminders() const { return m_reminders; }
    TimeZoneController *timeZone() const { return m_timeZone; }
    Clock *clock() const { return m_clock; }

    bool isBusy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString errorText() const { return m_errorText; }
    QString statusText() const { return m_statusText; }
    /** The open conference's feed server base ("http://127.0.0.1:8080"); empty without one. */
    QString feedUrl() const { return m_feedUrl; }

    /** The stored setting "Allow unencrypted connections" (off by default). */
    bool allowInsecureHttp() const { return m_allowInsecureHttp; }
    void setAllowInsecureHttp(bool allow);
    /** Allows plain http for this run only, without changing the setting (`--allow-http`). */
    void setInsecureHttpAllowedForRun(bool allow);
    /** The effective rule: the setting or the run's override. */
    bool insecureHttpAllowed() const { return m_allowInsecureHttp || m_allowHttpForRun; }

Q_SIGNALS:
    void conferenceChanged();
    void loadingChanged();
    void daysChanged();
    /** types() or levels() changed: another conference, or their names in another language. */
    void filterOptionsChanged();
    void todayIndexChanged();
    void importStateChanged();
    void importFinished(bool ok);
    void feedUrlChanged();
    void insecureHttpChanged();
    /** A newer schedule version from the feed server was applied. */
    void scheduleUpdated(const QString &version);

private:
    enum class Stage { Idle, Direct, Probe, FeedConference, Refresh };

    /** What beginStart()'s worker read. */
    struct StartRead
    {
        DetachedConferenceRead stored;
        std::optional<ImportResult> sample; ///< the bundled sample, read when nothing kept could be opened
    };

    void onFetched(const FetchResult &result);
    void onDirectFetched(const FetchResult &result);
    void onProbeFetched(const FetchResult &result);
    void onFeedConferenceFetched(const FetchResult &result);
    void onRefreshFetched(const FetchResult &result);
    void startFetch(Stage stage, const QUrl &url, const QString &etag = {});
    void startFetchLater(Stage stage, const QUrl &url);
    void openConferenceWithFeed(Conference conference, const QString &feedUrl);
    bool openStored(const QString &id, std::optional<Conference> stored, bool snapshotMissing);
    bool openFile(ImportResult result, const QString &pathOrUrl);
    QString storedFeedUrl(const QString &id) const;
    QString storedSourceUrl(const QString &id) const;
    void storeFeedEtag(const QString &etag);
    void applyInsecureHttp();
    void failImport(const QString &message);
    void refreshConferenceList();
    void updateTodayIndex();
    /** Opens the conference and keeps it (when there is storage); false when keeping it failed. */
    bool keepAndOpen(Conference conference, const QString &source, const QString &feedUrl);

    std::shared_ptr<const Conference> m_conference;
    SessionListModel *m_sessions;
    SpeakerListModel *m_speakers;
    VenueModel *m_venue;
    NowNextModel *m_nowNext;
    ConferenceListModel *m_conferenceList;
    AgendaController *m_agenda;
    AgendaModel *m_agendaItems;
    ReminderService *m_reminders;
    TimeZoneController *m_timeZone;
    Clock *m_clock;
    ConferenceRepository *m_repository = nullptr;
    AgendaRepository *m_agendaRepository = nullptr;
    Database *m_database = nullptr;
    QPointer<ScheduleFetcher> m_fetcher;
    QString m_samplePath;
    QString m_importSource;
    bool m_busy = false;
    double m_progress = -1;
    QString m_errorText;
    QString m_statusText;
    int m_todayIndex = -1;
    Stage m_stage = Stage::Idle;
    QUrl m_importUrl;
    QUrl m_feedBase;      ///< the feed server being imported from
    QString m_firstError; ///< why the address itself was no schedule, shown when discovery fails too
    QString m_feedUrl;
    QString m_feedEtag;
    bool m_openVersionUnkept = false; ///< the open schedule version came from the feed but could not be kept
    QTimer m_refreshTimer;
    std::future<StartRead> m_pendingStart;
    bool m_loading = false; ///< from beginStart() until finishStart() has opened what was read
    bool m_allowInsecureHttp = false;
    bool m_allowHttpForRun = false;
};

} // namespace Plenary
