// plenary: the desktop conference companion. Composition root: builds storage, sync and controllers,
// hands them to Main.qml, and runs the self-test and screenshot modes.
#include "agendacontroller.h"
#include "agendamodel.h"
#include "agendarepository.h"
#include "appsettings.h"
#include "clock.h"
#include "conferencecontroller.h"
#include "conferencerepository.h"
#include "database.h"
#include "reminderdesktopnotifier.h"
#include "reminderservice.h"
#include "renderbackend.h"
#include "schedulefetcher.h"
#include "seatscontroller.h"
#include "seatsyncclient.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "startupfilelist.h"
#include "startupfilerecorder.h"
#include "startuptrace.h"
#include "timezonecontroller.h"
#include "transportpolicy.h"
#include "uiprobe.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Plenary_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Plenary_UiPlugin)

using namespace Plenary;

namespace {
const QString kSamplePath = QStringLiteral(":/plenary/sample/conference.json");
const QUrl kMainQml(QStringLiteral("qrc:/qt/qml/Plenary/Ui/Main.qml"));

int failWith(const QString &message)
{
    QTextStream(stderr) << "plenary: " << message << Qt::endl;
    return 2;
}

/** "2027-05-12T10:15" (read in the conference's zone) or with an offset/Z (read as given). */
std::optional<QDateTime> parseNow(const QString &text, const QTimeZone &conferenceZone)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid())
        return std::nullopt;
    if (parsed.timeSpec() == Qt::LocalTime)
        return QDateTime(parsed.date(), parsed.time(), conferenceZone);
    return parsed;
}

std::optional<QSize> parseSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = parts.value(0).toInt(&okW);
    const int h = parts.value(1).toInt(&okH);
    if (parts.size() != 2 || !okW || !okH || w < 200 || h < 200 || w > 8000 || h > 8000)
        return std::nullopt;
    return QSize(w, h);
}

/** The language asked for with --lang, read before the parser exists so that --help is translated too. */
QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if ((argument == u"--lang" || argument == u"-lang") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (argument.startsWith(u"--lang="))
            return argument.sliced(7);
    }
    return {};
}

// QCommandLineParser's own words: listed here so lupdate puts them into our .ts files, since Qt's own
// translations are not always installed.
[[maybe_unused]] constexpr const char *kParserTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information."),
};

/** Only --help or --version: a terminal without a display can answer those too. */
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

/** When the last record is stale, records the files this start read, for the `plenary` command to prefetch
 *  before the next start (see StartupFileList). */
void recordStartupFiles(const std::string &databasePath)
{
    const std::string listPath = StartupFileList::defaultPath();
    if (listPath.empty() || !StartupFileRecorder::isStale(listPath, {databasePath}))
        return;
    const bool saved = StartupFileRecorder::record({databasePath}).save(listPath);
    StartupTrace::mark(saved ? "start-up files recorded" : "start-up files could not be recorded");
}

/** Installs the translation for a language code ("" = the system's) and re-translates the UI. */
void applyLanguage(QTranslator &translator, QQmlApplicationEngine *engine, const QString &language)
{
    QCoreApplication::removeTranslator(&translator);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (translator.load(locale, QStringLiteral("plenary"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    if (engine)
        engine->retranslate();
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();
    StartupTrace::mark("main() entered");
    QCoreApplication::setOrganizationName(QStringLiteral("Plenary"));
    QCoreApplication::setApplicationName(QStringLiteral("plenary"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLENARY_VERSION));
    if (RenderBackend::prefersSoftware(RenderBackend::fromEnvironment()))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    if (asksOnlyForText(argc, argv) && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    StartupTrace::mark("QGuiApplication created");
    QQuickStyle::setStyle(QStringLiteral("Material"));
    // Translated before the options are described, so --help speaks the language asked for (or the system's).
    QTranslator translator;
    applyLanguage(translator, nullptr, languageFromArguments(app.arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Plenary: browse a conference's sessions, speakers and rooms, and keep your own agenda."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption importOption(QStringLiteral("import"),
                                          QCoreApplication::translate("main", "Import and open a schedule."),
                                          QStringLiteral("FILE|URL"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Keep conferences and the agenda in DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QCoreApplication::translate("main",
                                    "Load the UI on the sample conference, visit every page, and exit "
                                    "non-zero on any QML warning or error."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QCoreApplication::translate("main", "Save a PNG of a page and exit."),
        QStringLiteral("FILE.png"));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QCoreApplication::translate("main",
                                    "The page to show: schedule, now, speakers, venue, agenda, settings, "
                                    "conferences, session:<id>, speaker:<id>."),
        QStringLiteral("PAGE"), QStringLiteral("schedule"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QCoreApplication::translate("main", "Window size, e.g. 420x860."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QCoreApplication::translate("main", "light or dark, for this run only."),
        QStringLiteral("THEME"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("main", "en or ko, for this run only."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption nowOption(
        QStringLiteral("now"),
        QCoreApplication::translate("main",
                                    "Pretend it is this time (ISO 8601; without an offset it is read in "
                                    "the conference's time zone), e.g. 2027-05-12T10:15."),
        QStringLiteral("ISO"));
    const QCommandLineOption firstFrameOption(
        QStringLiteral("quit-after-first-frame"),
        QCoreApplication::translate("main", "Exit once the first frame is shown (start-up benchmarks)."));
    const QCommandLineOption exportAgendaOption(
        QStringLiteral("export-agenda"),
        QCoreApplication::translate("main", "Write the open conference's agenda as iCalendar and exit."),
        QStringLiteral("FILE.ics"));
    const QCommandLineOption importAgendaOption(
        QStringLiteral("import-agenda"),
        QCoreApplication::translate("main",
                                    "Merge an agenda exported by Plenary into the open conference's."),
        QStringLiteral("FILE.ics"));
    const QCommandLineOption feedOption(
        QStringLiteral("feed"),
        QCoreApplication::translate("main", "The live seat server for the open conference (remembered), e.g. "
                                            "http://127.0.0.1:8080."),
        QStringLiteral("URL"));
    const QCommandLineOption allowHttpOption(
        QStringLiteral("allow-http"),
        QCoreApplication::translate("main", "Allow unencrypted http:// feeds and imports beyond this device "
                                            "(localhost is always allowed), for this run only."));
    parser.addOptions({exportAgendaOption, importAgendaOption, feedOption, allowHttpOption});
    parser.addOptions({importOption, dataDirOption, selfTestOption, screenshotOption, pageOption, sizeOption,
                       themeOption, langOption, nowOption, firstFrameOption});
    parser.process(app);

    const bool selfTest = parser.isSet(selfTestOption);
    const bool screenshot = parser.isSet(screenshotOption);
    const bool unattended = selfTest || screenshot || parser.isSet(firstFrameOption);
    if (selfTest)
        UiProbe::captureWarnings();

    std::optional<QSize> size;
    if (parser.isSet(sizeOption) && !(size = parseSize(parser.value(sizeOption))))
        return failWith(QStringLiteral("--size wants WIDTHxHEIGHT, e.g. 420x860"));
    const QString theme = parser.value(themeOption);
    if (!theme.isEmpty() && theme != u"light" && theme != u"dark")
        return failWith(QStringLiteral("--theme is light or dark"));
    const QString language = parser.value(langOption);
    if (!language.isEmpty() && language != u"en" && language != u"ko")
        return failWith(QStringLiteral("--lang is en or ko"));

    // Main.qml and the modules it imports are loaded on the QML engine's loader thread while the database is
    // opened and the controllers are set up below; engine->load() then finds them loaded and only creates the
    // window. (Not for --export-agenda, which shows nothing.)
    std::unique_ptr<QQmlApplicationEngine> engine;
    std::unique_ptr<QQmlComponent> mainPreload;
    if (!parser.isSet(exportAgendaOption)) {
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        mainPreload = std::make_unique<QQmlComponent>(engine.get(), kMainQml, QQmlComponent::Asynchronous);
        StartupTrace::mark("QML engine created, Main.qml loading on its thread");
    }

    // Unattended runs never touch the user's data unless told where to work.
    QTemporaryDir scratch;
    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir =
            unattended ? scratch.path() : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString databasePath =
        QFileInfo(QDir(dataDir).filePath(QStringLiteral("plenary.sqlite"))).absoluteFilePath();
    Database database(databasePath);
    if (!database.open())
        QTextStream(stderr) << "plenary: " << database.errorString() << " (nothing will be kept)" << Qt::endl;
    StartupTrace::mark("database opened");
    ConferenceRepository conferences(database);
    AgendaRepository agenda(database);
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);

    AppSettings settings;
    if (!unattended && theme.isEmpty() && language.isEmpty())
        settings.load();
    if (!theme.isEmpty())
        settings.setTheme(theme == u"dark" ? AppSettings::DarkTheme : AppSettings::LightTheme);
    if (!language.isEmpty())
        settings.setLanguage(language);
    settings.setSystemDark(QGuiApplication::palette().color(QPalette::Window).lightness() < 128);

    ConferenceController controller;
    controller.setStorage(&conferences, &agenda);
    controller.setDatabase(&database);
    controller.setFetcher(&fetcher);
    controller.setInsecureHttpAllowedForRun(parser.isSet(allowHttpOption));
    controller.setBundledSamplePath(kSamplePath);
    controller.timeZone()->setSettings(&settings);
    // The conference is read and parsed on a worker thread while the UI is created, and opened here before
    // the first frame (see openStartConference below), or right away for the options that need it.
    controller.beginStart();
    StartupTrace::mark("conference loading on a worker");
    const auto openStartConference = [&controller] {
        if (!controller.isLoading())
            return;
        if (!controller.finishStart())
            QTextStream(stderr) << "plenary: no conference could be opened: " << controller.errorText()
                                << Qt::endl;
    };
    if (parser.isSet(nowOption) || parser.isSet(importOption) || parser.isSet(importAgendaOption) ||
        parser.isSet(exportAgendaOption) || parser.isSet(feedOption) || selfTest || screenshot)
        openStartConference();
    if (parser.isSet(nowOption)) {
        const auto now =
            parseNow(parser.value(nowOption), controller.conference() ? controller.conference()->timeZone
                                                                      : QTimeZone::systemTimeZone());
        if (!now)
            return failWith(QStringLiteral("--now wants an ISO 8601 time, e.g. 2027-05-12T10:15"));
        if (unattended)
            controller.clock()->freezeAt(*now);
        else
            controller.clock()->startFrom(*now);
    }
    if (parser.isSet(importOption)) {
        // A feed server's base URL or ".../api/conference" also turns live seats on for the conference.
        QObject::connect(&controller, &ConferenceController::importFinished, &app, [&controller](bool ok) {
            if (!ok)
                QTextStream(stderr) << "plenary: " << controller.errorText() << Qt::endl;
        });
        const auto started = controller.importConference(parser.value(importOption));
        if (started != ConferenceController::Started)
            QTextStream(stderr) << "plenary: " << controller.errorText() << Qt::endl;
        else if (unattended && controller.isBusy()) {
            QEventLoop waitForImport;
            QTimer::singleShot(30'000, &waitForImport, &QEventLoop::quit);
            QObject::connect(&controller, &ConferenceController::importFinished, &waitForImport,
                             &QEventLoop::quit);
            waitForImport.exec();
        }
    }
    if (parser.isSet(importAgendaOption)) {
        AgendaModel *agendaItems = controller.agendaItems();
        const bool ok = agendaItems->importFrom(parser.value(importAgendaOption)) == AgendaModel::Done;
        QTextStream(ok ? stdout : stderr) << "plenary: " << agendaItems->message() << Qt::endl;
        if (!ok)
            return 1;
        agendaItems->clearMessage(); // said on the terminal; the window need not repeat it
    }
    if (parser.isSet(exportAgendaOption)) {
        AgendaModel *agendaItems = controller.agendaItems();
        const bool ok = agendaItems->exportTo(parser.value(exportAgendaOption)) == AgendaModel::Done;
        QTextStream(ok ? stdout : stderr) << "plenary: " << agendaItems->message() << Qt::endl;
        return ok ? 0 : 1;
    }

    // Reminders go to the desktop's notification server when it answers on the session bus, else to the
    // in-app banner; nothing touches the bus until a reminder is due.
    const std::unique_ptr<ReminderDesktopNotifier> notifier =
        unattended ? nullptr : std::make_unique<ReminderDesktopNotifier>();
    controller.reminders()->setNotifier(notifier.get());

    // Live seats: the open conference's feed server (as kept, or as given with --feed).
    SeatSyncClient seatClient(&network, &database, [&controller] { return controller.clock()->now(); });
    SeatsController seats(nullptr);
    seats.setClient(&seatClient);
    seats.setConferenceController(&controller);
    seats.setClock([&controller] { return controller.clock()->now(); });
    SeatsController::setInstance(&seats);
    seats.setAllowInsecureHttp(controller.insecureHttpAllowed());
    seatClient.setAllowInsecureHttp(controller.insecureHttpAllowed());
    QObject::connect(&controller, &ConferenceController::insecureHttpChanged, &seats,
                     [&] { seats.setAllowInsecureHttp(controller.insecureHttpAllowed()); });
    if (parser.isSet(feedOption)) {
        const QUrl feedUrl = QUrl::fromUserInput(parser.value(feedOption));
        if (!feedUrl.isValid() || !feedUrl.scheme().startsWith(u"http"))
            return failWith(QStringLiteral("--feed wants an http(s) URL, e.g. http://127.0.0.1:8080"));
        if (!TransportPolicy::allows(feedUrl, controller.insecureHttpAllowed()))
            return failWith(TransportPolicy::refusalText(feedUrl));
        controller.rememberFeedUrl(feedUrl); // kept with the open conference
    }
    seats.setFeedUrl(QUrl(controller.feedUrl()));
    QObject::connect(&controller, &ConferenceController::feedUrlChanged, &seats,
                     [&] { seats.setFeedUrl(QUrl(controller.feedUrl())); });
    if (notifier) {
        QObject::connect(&seats, &SeatsController::promoted, &app,
                         [&notifier](const QString &, const QString &title) {
                             notifier->notify(QCoreApplication::translate("main", "You have a seat"),
                                              SeatsController::promotionTextFor(title));
                         });
    }
    // My Agenda shows the sessions I hold a seat, a waitlist place or a pending request in.
    AgendaController *agendaStars = controller.agenda();
    ReminderService *reminders = controller.reminders();
    const auto feedSeatHolds = [&seats, agendaStars, reminders] {
        const QHash<QString, SeatHold> holds = seats.seatHolds();
        agendaStars->setSeatHolds(holds);
        const QList<QString> held = holds.keys();
        reminders->setHeldSessions(QSet<QString>(held.cbegin(), held.cend()));
    };
    QObject::connect(&seats, &SeatsController::seatHoldsChanged, agendaStars, feedSeatHolds);
    feedSeatHolds();
    agendaStars->setSeatReleaser([&seats](const QString &sessionId) {
        const SeatsController::ActionResult result = seats.cancel(sessionId);
        return result == SeatsController::Sent || result == SeatsController::Queued;
    });

    StartupTrace::mark("seats and notifier set up");
    // The window goes before the objects it shows, which are declared above the guard and outlive it.
    const auto destroyUiFirst = qScopeGuard([&mainPreload, &engine] {
        mainPreload.reset();
        engine.reset();
    });
    applyLanguage(translator, nullptr, settings.language());
    QObject::connect(&settings, &AppSettings::languageChanged, engine.get(),
                     [&] { applyLanguage(translator, engine.get(), settings.language()); });
    engine->setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                  {QStringLiteral("settings"), QVariant::fromValue(&settings)}});
    engine->load(kMainQml);
    StartupTrace::mark("Main.qml created");
    openStartConference();
    auto *window = engine->rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    if (!window)
        return failWith(QStringLiteral("the user interface could not be loaded"));
    if (size)
        window->resize(*size);
    // The search index is not needed to show the first frame; a search before it is built builds it.
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [&controller] {
            QTimer::singleShot(0, &controller, [&controller] {
                controller.sessions()->buildSearchIndex();
                StartupTrace::mark("search index built (after the first frame)");
            });
        },
        static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (StartupTrace::isEnabled()) {
        QObject::connect(
            window, &QQuickWindow::beforeSynchronizing, window,
            [] { StartupTrace::mark("first frame: scene graph sync starts"); }, Qt::SingleShotConnection);
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window, [] { StartupTrace::mark("first frame swapped"); },
            Qt::SingleShotConnection);
    }

    // What this start read is recorded after its first frame for the next start's prefetch, on a worker (or
    // here before leaving, with --quit-after-first-frame); never for the self-test's and screenshots' scratch
    // data.
    if (!unattended) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, &app,
            [path = QFile::encodeName(databasePath).toStdString()] {
                QThreadPool::globalInstance()->start([path] { recordStartupFiles(path); });
            },
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    }

    UiProbe probe(window);
    QObject::connect(&probe, &UiProbe::finished, &app, [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
    if (selfTest) {
        const auto conference = controller.conference();
        if (!conference || conference->sessions.isEmpty() || conference->speakers.isEmpty())
            return failWith(QStringLiteral("self-test: the sample conference did not load"));
        probe.runSelfTest(
            {QStringLiteral("schedule"), QStringLiteral("now"), QStringLiteral("speakers"),
             QStringLiteral("venue"), QStringLiteral("agenda"), QStringLiteral("settings"),
             QStringLiteral("conferences"), QStringLiteral("session:") + conference->sessions.first().id,
             QStringLiteral("speaker:") + conference->speakers.first().id, QStringLiteral("schedule")});
    } else if (screenshot) {
        if (seats.hasFeed()) {
            // Live seats are worth waiting for a moment; an unreachable server only delays the picture.
            QEventLoop waitForSeats;
            QTimer::singleShot(3000, &waitForSeats, &QEventLoop::quit);
            QObject::connect(&seatClient, &SeatSyncClient::lastUpdatedChanged, &waitForSeats,
                             [&waitForSeats] { QTimer::singleShot(200, &waitForSeats, &QEventLoop::quit); });
            waitForSeats.exec();
        }
        probe.takeScreenshot(parser.value(pageOption), size.value_or(QSize()),
                             parser.value(screenshotOption));
    } else if (parser.isSet(firstFrameOption)) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, &app,
            [&startup, path = QFile::encodeName(databasePath).toStdString()] {
                QTextStream(stdout) << "first frame after " << startup.elapsed() << " ms" << Qt::endl;
                recordStartupFiles(path);
                // Start-up ends here: leave without tearing the UI down, so that the process's run time is
                // its start-up time. Everything written so far is committed (SQLite), and stdout is flushed.
                std::_Exit(0);
            },
            Qt::QueuedConnection);
    } else if (parser.isSet(pageOption)) {
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, parser.value(pageOption)));
    }
    return app.exec();
}
