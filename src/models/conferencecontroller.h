#pragma once

#include "conference.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>
#include <QVariantList>

#include <memory>

namespace Plenary {

class AgendaController;
class AgendaModel;
class AgendaRepository;
class Clock;
class ConferenceListModel;
class ConferenceRepository;
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
 * ConferenceRepository), switches between kept ones, and hands the conference to the models.
 */
class ConferenceController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY conferenceChanged)
    Q_PROPERTY(QString conferenceId READ conferenceId NOTIFY conferenceChanged)
    Q_PROPERTY(QString title READ title NOTIFY conferenceChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY conferenceChanged)
    Q_PROPERTY(QString venueName READ venueName NOTIFY conferenceChanged)
    Q_PROPERTY(QString url READ url NOTIFY conferenceChanged)
    Q_PROPERTY(QString timeZoneId READ timeZoneId NOTIFY conferenceChanged)
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList days READ days NOTIFY daysChanged)
    Q_PROPERTY(QVariantList tracks READ tracks NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList types READ types NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList floors READ floors NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList rooms READ rooms NOTIFY conferenceChanged)
    Q_PROPERTY(QVariantList levels READ levels NOTIFY conferenceChanged)
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

public:
    enum ImportStart {
        Started,
        AlreadyRunning,
        EmptyInput,
        UnsupportedAddress, ///< neither http(s), file:// nor a path
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

    /** Opens the last opened conference, else the newest kept one, else the bundled sample. */
    Q_INVOKABLE bool start();
    /** Reads a schedule file synchronously, keeps it (when there is storage) and opens it. */
    Q_INVOKABLE bool loadFile(const QString &pathOrUrl);
    /** Starts importing a schedule from an http(s) URL, a file:// URL or a path; see busy/progress/errorText.
     */
    Q_INVOKABLE Plenary::ConferenceController::ImportStart importConference(const QString &urlOrPath);
    Q_INVOKABLE void cancelImport();
    /** Opens a kept conference. */
    Q_INVOKABLE bool openConference(const QString &id);
    /** Forgets a kept conference (not the open one). */
    Q_INVOKABLE bool removeConference(const QString &id);
    Q_INVOKABLE void clearMessages();

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

Q_SIGNALS:
    void conferenceChanged();
    void daysChanged();
    void todayIndexChanged();
    void importStateChanged();
    void importFinished(bool ok);

private:
    void onFetched(const FetchResult &result);
    void finishImport(const QByteArray &data, const QString &source, bool fromNetwork);
    void failImport(const QString &message);
    void refreshConferenceList();
    void updateTodayIndex();
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
};

} // namespace Plenary
