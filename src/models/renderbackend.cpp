#include "renderbackend.h"

#include <QDir>
#include <QtGlobal>

namespace Plenary {

RenderBackend::Facts RenderBackend::fromEnvironment()
{
    Facts facts;
    facts.platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    facts.chosenByUser =
        !qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") || !qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND");
#if defined(Q_OS_LINUX)
    facts.hasRenderNode =
        !QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty();
#endif
    return facts;
}

bool RenderBackend::prefersSoftware(const Facts &facts)
{
    if (facts.chosenByUser)
        return false;
    if (facts.platform.startsWith(u"offscreen") || facts.platform.startsWith(u"minimal"))
        return true;
    return !facts.hasRenderNode;
}

} // namespace Plenary
