// plenary: the desktop conference companion. Composition root: builds storage, sync and controllers,
// hands them to Main.qml, and runs the self-test and screenshot modes.
#include "agendamodel.h"
#include "agendarepository.h"
#include "appsettings.h"
#include "clock.h"
#include "conferencecontroller.h"
#include "conferencerepository.h"
#include "database.h"
#include "reminderservice.h"
#include "schedulefetcher.h"
#include "seatscontroller.h"
#include "seatsyncclient.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "timezonecontroller.h"
#include "uiprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
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
    QCoreApplication::setOrganizationName(QStringLiteral("Plenary"));
    QCoreApplication::setApplicationName(QStringLiteral("plenary"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLENARY_VERSION));
    if (qEnvironmentVariable("QT_QPA_PLATFORM") == u"offscreen" &&
        qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));

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
    parser.addOptions({exportAgendaOption, importAgendaOption, feedOption});
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

    // Unattended runs never touch the user's data unless told where to work.
    QTemporaryDir scratch;
    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir =
            unattended ? scratch.path() : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    Database database(QDir(dataDir).filePath(QStringLiteral("plenary.sqlite")));
    if (!database.open())
        QTextStream(stderr) << "plenary: " << database.errorString() << " (nothing will be kept)" << Qt::endl;
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
    controller.setBundledSamplePath(kSamplePath);
    controller.timeZone()->setSettings(&settings);
    if (!controller.start())
        QTextStream(stderr) << "plenary: no conference could be opened: " << controller.errorText()
                            << Qt::endl;
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
    if (parser.isSet(importOption))
        controller.importConference(parser.value(importOption));
    if (parser.isSet(importAgendaOption)) {
        AgendaModel *agendaItems = controller.agendaItems();
        const bool ok = agendaItems->importFrom(parser.value(importAgendaOption)) == AgendaModel::Done;
        QTextStream(ok ? stdout : stderr) << "plenary: " << agendaItems->message() << Qt::endl;
        if (!ok)
            return 1;
    }
    if (parser.isSet(exportAgendaOption)) {
        AgendaModel *agendaItems = controller.agendaItems();
        const bool ok = agendaItems->exportTo(parser.value(exportAgendaOption)) == AgendaModel::Done;
        QTextStream(ok ? stdout : stderr) << "plenary: " << agendaItems->message() << Qt::endl;
        return ok ? 0 : 1;
    }

    // Reminders go to the desktop's notification area when there is one, else to the in-app banner.
    std::unique_ptr<QSystemTrayIcon> tray;
    if (!unattended && QSystemTrayIcon::isSystemTrayAvailable()) {
        tray = std::make_unique<QSystemTrayIcon>(QApplication::windowIcon());
        tray->setToolTip(QStringLiteral("Plenary"));
        tray->show();
        controller.reminders()->setNotifier([&tray](const QString &title, const QString &body) {
            tray->showMessage(title, body);
            return true;
        });
    }

    // Live seats: the open conference's feed server (as kept, or as given with --feed).
    SeatSyncClient seatClient(&network, &database, [&controller] { return controller.clock()->now(); });
    SeatsController seats(nullptr);
    seats.setClient(&seatClient);
    seats.setConferenceController(&controller);
    seats.setClock([&controller] { return controller.clock()->now(); });
    SeatsController::setInstance(&seats);
    QString feedGivenFor; // --feed applies to the conference open at start even when it is not kept
    QUrl feedGiven;
    const auto feedUrlOf = [&](const QString &id) {
        if (!feedGivenFor.isEmpty() && id == feedGivenFor)
            return feedGiven.toString();
        const QList<ConferenceSummary> kept = conferences.list();
        const auto it = std::find_if(kept.cbegin(), kept.cend(),
                                     [&id](const ConferenceSummary &summary) { return summary.id == id; });
        return it == kept.cend() ? QString() : it->feedUrl;
    };
    if (parser.isSet(feedOption)) {
        const QUrl feedUrl = QUrl::fromUserInput(parser.value(feedOption));
        if (!feedUrl.isValid() || !feedUrl.scheme().startsWith(u"http"))
            return failWith(QStringLiteral("--feed wants an http(s) URL, e.g. http://127.0.0.1:8080"));
        const auto conference = controller.conference();
        const QString id = controller.conferenceId();
        const auto kept = conferences.list();
        const auto it = std::find_if(kept.cbegin(), kept.cend(),
                                     [&id](const ConferenceSummary &summary) { return summary.id == id; });
        if (conference && it != kept.cend())
            conferences.save(*conference, it->sourceUrl, feedUrl.toString());
        feedGivenFor = id;
        feedGiven = feedUrl;
        seats.setFeedUrl(feedUrl);
    } else {
        seats.setFeedUrl(QUrl(feedUrlOf(controller.conferenceId())));
    }
    QObject::connect(&controller, &ConferenceController::conferenceChanged, &seats,
                     [&] { seats.setFeedUrl(QUrl(feedUrlOf(controller.conferenceId()))); });
    if (tray) {
        QObject::connect(&seats, &SeatsController::promoted, tray.get(),
                         [&tray](const QString &, const QString &title) {
                             tray->showMessage(QCoreApplication::translate("main", "You have a seat"),
                                               QCoreApplication::translate("main", "%1: you moved up from "
                                                                                   "the waitlist.")
                                                   .arg(title));
                         });
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QTranslator translator;
    applyLanguage(translator, nullptr, settings.language());
    QObject::connect(&settings, &AppSettings::languageChanged, &engine,
                     [&] { applyLanguage(translator, &engine, settings.language()); });
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                 {QStringLiteral("settings"), QVariant::fromValue(&settings)}});
    engine.load(kMainQml);
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return failWith(QStringLiteral("the user interface could not be loaded"));
    if (size)
        window->resize(*size);

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
            [&startup] {
                QTextStream(stdout) << "first frame after " << startup.elapsed() << " ms" << Qt::endl;
                QCoreApplication::quit();
            },
            Qt::QueuedConnection);
    } else if (parser.isSet(pageOption)) {
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, parser.value(pageOption)));
    }
    return app.exec();
}
