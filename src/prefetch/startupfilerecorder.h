#pragma once

#include "startupfilelist.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Plenary {

/**
 * Records what this process has read from files so far, as the next start's StartupFileList: the pages of its
 * file mappings it has touched (the program, the libraries, Qt's plugins, fonts, ICU data and font caches) in
 * the order the dynamic loader loaded them, then the cached pages of extra files it reads without mapping
 * them (the database).
 */
class StartupFileRecorder
{
public:
    /** Touched pages closer than this are kept as one range: fewer, longer reads. */
    static constexpr std::uint64_t kGapPages = 16;
    /** Of an extra file, at most this much is recorded. */
    static constexpr std::uint64_t kMaxExtraFileBytes = std::uint64_t(64) << 20;

    static StartupFileList record(const std::vector<std::string> &extraFiles);

    /** True when the list at listPath is missing, older than maxAgeSeconds, older than this program's file,
     * or does not mention each of requiredFiles: then it is worth recording again. */
    static bool isStale(const std::string &listPath, const std::vector<std::string> &requiredFiles,
                        std::int64_t maxAgeSeconds = 24 * 60 * 60);

    /** The absolute path with symbolic links resolved, or the path itself when it cannot be resolved. */
    static std::string canonicalPath(const std::string &path);
};

} // namespace Plenary
