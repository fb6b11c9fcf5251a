#include "pentabarfxmlparser.h"

namespace Plenary {

ImportResult PentabarfXmlParser::parse(const QByteArray &data, const ImportOptions &options)
{
    Q_UNUSED(data);
    return ImportResult::failure(ParseError{options.sourceName, 0, 0, QStringLiteral("not implemented yet")});
}

} // namespace Plenary
