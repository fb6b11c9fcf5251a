#include "icalendarparser.h"

namespace Plenary {

ImportResult ICalendarParser::parse(const QByteArray &data, const ImportOptions &options)
{
    Q_UNUSED(data);
    return ImportResult::failure(ParseError{options.sourceName, 0, 0, QStringLiteral("not implemented yet")});
}

} // namespace Plenary
