#pragma once

#include "importoptions.h"
#include "importresult.h"
#include "scheduleformat.h"

#include <QByteArray>

namespace Plenary {

/** Reads a schedule of any supported format, detected from its content. */
class ScheduleImporter
{
public:
    static ImportResult import(const QByteArray &data, const ImportOptions &options = {});

    /** Reads a local file (refusing files over options.maxInputBytes before reading them). */
    static ImportResult importFile(const QString &path, const ImportOptions &options = {});
};

} // namespace Plenary
