#include "frabjsonparser.h"

namespace Plenary {

ImportResult FrabJsonParser::parse(const QByteArray &data, const ImportOptions &options)
{
    Q_UNUSED(data);
    return ImportResult::failure(ParseError{options.sourceName, 0, 0, QStringLiteral("not implemented yet")});
}

} // namespace Plenary
