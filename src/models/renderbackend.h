#pragma once

#include <QString>

namespace Plenary {

/**
 * Chooses Qt Quick's renderer at start-up: the software renderer when no GPU would draw (the offscreen
 * platform, or no DRM render node, where OpenGL would fall back to Mesa's llvmpipe rasterizer and cost ~80 ms
 * of start-up and ~80 MB of memory for nothing the user sees), the default hardware path otherwise. A
 * renderer chosen with QT_QUICK_BACKEND or QSG_RHI_BACKEND is always left alone.
 */
class RenderBackend
{
public:
    /** What the choice depends on; fromEnvironment() reads it from this process and machine. */
    struct Facts
    {
        QString platform;          ///< QT_QPA_PLATFORM as set (empty: the default platform)
        bool chosenByUser = false; ///< QT_QUICK_BACKEND or QSG_RHI_BACKEND is set
        bool hasRenderNode = true; ///< a /dev/dri/renderD* device exists (Linux; true elsewhere)
    };

    static Facts fromEnvironment();
    static bool prefersSoftware(const Facts &facts);
};

} // namespace Plenary
