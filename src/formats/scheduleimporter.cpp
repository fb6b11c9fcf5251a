#include "scheduleimporter.h"

#include "frabjsonparser.h"
#include "icalendarparser.h"
#include "pentabarfxmlparser.h"
#include "plenaryfeedparser.h"

#include <QFile>
#include <QFileInfo>

namespace Plenary {

ImportResult ScheduleImporter::import(const QByteArray &data, const ImportOptions &options)
{
    const auto fail = [&options](const QString &message) {
        return ImportResult::failure(ParseError{options.sourceName, 0, 0, message});
    };
    if (data.size() > options.maxInputBytes) {
        return fail(QStringLiteral("input is %1 bytes, more than the limit of %2 bytes")
                        .arg(data.size())
                        .arg(options.maxInputBytes));
    }
    if (data.trimmed().isEmpty())
        return fail(QStringLiteral("the file is empty"));

    switch (detectScheduleFormat(data)) {
    case ScheduleFormat::PlenaryFeed:
        return PlenaryFeedParser::parse(data, options);
    case ScheduleFormat::PentabarfXml:
        return PentabarfXmlParser::parse(data, options);
    case ScheduleFormat::FrabJson:
        return FrabJsonParser::parse(data, options);
    case ScheduleFormat::ICalendar:
        return ICalendarParser::parse(data, options);
    case ScheduleFormat::Unknown:
        break;
    }
    return fail(
        QStringLiteral("not a schedule Plenary can read (expected Pentabarf/frab XML, frab/C3VOC JSON, "
                       "iCalendar or Plenary feed JSON)"));
}

ImportResult ScheduleImporter::importFile(const QString &path, const ImportOptions &options)
{
    ImportOptions opts = options;
    if (opts.sourceName.isEmpty())
        opts.sourceName = path;
    const auto fail = [&opts](const QString &message) {
        return ImportResult::failure(ParseError{opts.sourceName, 0, 0, message});
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (info.isDir())
        return fail(QStringLiteral("is a directory, not a schedule file"));
    if (info.size() > opts.maxInputBytes) {
        return fail(QStringLiteral("file is %1 bytes, more than the limit of %2 bytes")
                        .arg(info.size())
                        .arg(opts.maxInputBytes));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open: %1").arg(file.errorString()));
    const QByteArray data = file.read(opts.maxInputBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
    return import(data, opts);
}

} // namespace Plenary
