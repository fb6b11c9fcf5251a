#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Plenary {

/** Bytes [offset, offset + length) of the file at an absolute path. */
struct FileRange
{
    std::string path;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;

    bool operator==(const FileRange &) const = default;
};

/**
 * The file ranges one start of the app read, in the order it needed them, kept as text ("OFFSET LENGTH /path"
 * per line) in the user's cache directory, so that the next start can ask the kernel for all of them at once
 * (readahead(2)) before the dynamic loader and Qt fault them in one page at a time.
 *
 * The file is only a hint: whatever it holds, reading it and prefetching from it never fails the start, never
 * blocks on a FIFO or device, and never reads more than the limits below.
 */
class StartupFileList
{
public:
    static constexpr std::size_t kMaxRanges = 4096;
    static constexpr std::uint64_t kMaxTotalBytes = std::uint64_t(512) << 20;
    /** Longer list files are read only this far. */
    static constexpr std::size_t kMaxTextSize = std::size_t(1) << 20;
    static constexpr std::size_t kMaxPathLength = 4096;

    /** Lines that are not "OFFSET LENGTH /absolute/path" with decimal numbers and a non-empty length are
     *  skipped; ranges past kMaxRanges or past kMaxTotalBytes in all are dropped. */
    static StartupFileList parse(std::string_view text);
    /** The list at path (its first kMaxTextSize bytes), or an empty list when it cannot be read. */
    static StartupFileList load(const std::string &path);
    /** $XDG_CACHE_HOME/plenary/startup-files, else ~/.cache/plenary/startup-files; "" without either. */
    static std::string defaultPath();

    /** Appends a range; false (and nothing added) when it would break one of the limits or is not a range of
     *  an absolute path without line breaks. */
    bool add(FileRange range);
    const std::vector<FileRange> &ranges() const { return m_ranges; }
    bool isEmpty() const { return m_ranges.empty(); }
    std::uint64_t totalBytes() const { return m_totalBytes; }
    bool mentions(std::string_view path) const;

    std::string format() const;
    /** Writes the list to path through a temporary file renamed over it, creating the directory if needed. */
    bool save(const std::string &path) const;

    /** Asks the kernel to read every range of a regular file into the page cache and returns the bytes asked
     *  for (ranges clamped to the file's size). Starts the reads and returns; it does not wait for them. */
    std::uint64_t prefetch() const;

private:
    std::vector<FileRange> m_ranges;
    std::uint64_t m_totalBytes = 0;
};

} // namespace Plenary
