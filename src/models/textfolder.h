#pragma once

#include <QString>
#include <QStringView>

namespace Plenary {

/** Folds text for case- and accent-insensitive search: NFKD, combining marks dropped, then case-folded. */
class TextFolder
{
public:
    /**
     * The folded form of `text`. Hangul syllables decompose into conjoining jamo, so a query typed
     * syllable by syllable (even mid-syllable) matches as a plain substring of the folded haystack.
     */
    static QString fold(QStringView text);

    /** Appends the folded form of `text` to `out` (no allocation when `text` is plain ASCII lowercase). */
    static void appendFolded(QString &out, QStringView text);
};

} // namespace Plenary
