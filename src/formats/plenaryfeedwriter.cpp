#include "plenaryfeedwriter.h"

namespace Plenary {

QByteArray PlenaryFeedWriter::write(const Conference &conference, int indent)
{
    Q_UNUSED(conference);
    Q_UNUSED(indent);
    return {};
}

} // namespace Plenary
