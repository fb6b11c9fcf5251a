// plenary: the desktop conference companion. Composition root: builds storage, sync and controllers,
// hands them to Main.qml, and runs the self-test and screenshot modes.
#include "agendarepository.h"
#include "appsettings.h"
#include "clock.h"
#include "conferencecontroller.h"
#include "conferencerepository.h"
#include "database.h"
#include "schedulefetcher.h"
#include "sessionlistmodel.h"
#include "speakerlistmodel.h"
#include "timezonecontroller.h"
#include "uiprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>

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
