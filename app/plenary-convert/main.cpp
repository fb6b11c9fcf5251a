// plenary-convert: turns a Pentabarf/frab XML, frab/C3VOC JSON or iCalendar schedule into Plenary feed JSON.
#include "plenaryfeedwriter.h"
#include "schedulefetcher.h"
#include "scheduleimporter.h"
#include "summarywriter.h"
#include "timezones.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

using namespace Plenary;

namespace {
enum ExitCode { Ok = 0, BadInput = 1, Usage = 2, CannotWrite = 3 };

int failWith(const QString &message, int code)
{
    QTextStream(stderr) << "plenary-convert: " << message << Qt::endl;
    return code;
}

bool writeAll(FILE *stream, const QByteArray &bytes)
{
    return std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream) ==
               static_cast<size_t>(bytes.size()) &&
           std::fflush(stream) == 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plenary-convert"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLENARY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Converts a conference schedule (Pentabarf/frab XML, frab/C3VOC JSON, iCalendar, or a Plenary feed)\n"
        "into Plenary feed JSON. The format is detected from the content."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("INPUT"),
                                 QStringLiteral("A file path, a file:// URL or an http(s):// URL."));
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write the feed to FILE (atomically) instead of stdout."), QStringLiteral("FILE"));
    const QCommandLineOption summaryOption(QStringLiteral("summary"),
                                           QStringLiteral("Print a one-object JSON summary on stdout."));
    const QCommandLineOption zoneOption(QStringLiteral("time-zone"),
                                        QStringLiteral("IANA zone to use when the schedule names none."),
                                        QStringLiteral("ZONE"));
    const QCommandLineOption prettyOption(QStringLiteral("pretty"), QStringLiteral("Indent the feed JSON."));
    parser.addOptions({outputOption, summaryOption, zoneOption, prettyOption});
    parser.process(app);

    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1)
        return failWith(QStringLiteral("expected exactly one INPUT (see --help)"), Usage);
    const QString input = inputs.first();

    ImportOptions options;
    options.sourceName = input;
    if (parser.isSet(zoneOption)) {
        options.fallbackTimeZone = timeZoneFromId(parser.value(zoneOption));
        if (!options.fallbackTimeZone.isValid())
            return failWith(QStringLiteral("unknown time zone \"%1\"").arg(parser.value(zoneOption)), Usage);
    }

    const QUrl url = QUrl::fromUserInput(input, QDir::currentPath(), QUrl::AssumeLocalFile);
    ImportResult result;
    if (url.isLocalFile() || url.scheme().isEmpty()) {
        result = ScheduleImporter::importFile(url.isLocalFile() ? url.toLocalFile() : input, options);
    } else if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
        const FetchResult fetched = ScheduleFetcher::fetchBlocking(url, 60'000, options.maxInputBytes);
        if (!fetched.error.isEmpty())
            return failWith(input + QStringLiteral(": ") + fetched.error, BadInput);
        result = ScheduleImporter::import(fetched.data, options);
    } else {
        return failWith(input + QStringLiteral(": unsupported URL scheme \"%1\"").arg(url.scheme()), Usage);
    }

    if (!result.ok())
        return failWith(result.error.toString(), BadInput);
    for (const QString &warning : std::as_const(result.warnings))
        QTextStream(stderr) << "plenary-convert: warning: " << input << ": " << warning << Qt::endl;

    const Conference &conference = *result.conference;
    const QByteArray feed = PlenaryFeedWriter::write(conference, parser.isSet(prettyOption) ? 2 : -1);
    if (parser.isSet(outputOption)) {
        QSaveFile out(parser.value(outputOption));
        if (!out.open(QIODevice::WriteOnly) || out.write(feed) != feed.size() || !out.commit())
            return failWith(parser.value(outputOption) + QStringLiteral(": cannot write: ") +
                                out.errorString(),
                            CannotWrite);
    } else if (!parser.isSet(summaryOption)) {
        if (!writeAll(stdout, feed))
            return failWith(QStringLiteral("cannot write to standard output"), CannotWrite);
    }
    if (parser.isSet(summaryOption) && !writeAll(stdout, SummaryWriter::write(conference)))
        return failWith(QStringLiteral("cannot write to standard output"), CannotWrite);
    return Ok;
}
