#pragma once

#include <QByteArray>
#include <QStringView>

#include <vector>

namespace Plenary {

/**
 * Substring search over many pre-folded documents kept as UTF-8 in one contiguous buffer, fast enough to
 * run on every keystroke: bit-sliced document sets per byte, byte pair and byte triple (bucketed) rule out
 * most documents 64 at a time without reading them, the rest are scanned with a vectorised first/last-byte
 * filter, and a search can be restricted to the documents a previous (shorter) query matched. UTF-8 is
 * self-synchronising, so a byte match of a valid UTF-8 needle is always a character match.
 */
class SearchIndex
{
public:
    void clear();
    void reserve(qsizetype documents, qsizetype bytes);

    /** Adds a document (already folded with TextFolder); documents are numbered in the order added. */
    void addDocument(QStringView folded);

    qsizetype documentCount() const { return static_cast<qsizetype>(m_starts.size()) - 1; }

    /**
     * Sets `matches[i]` to 1 when document i contains `foldedNeedle`, else 0 (`matches` is resized).
     * When `candidates` is given, documents whose entry is 0 are skipped (reported as 0).
     * An empty needle matches every document (or every candidate).
     */
    void match(QStringView foldedNeedle, std::vector<quint8> &matches,
               const std::vector<quint8> *candidates = nullptr) const;

private:
    static constexpr size_t kBuckets = 4096; ///< pair buckets (64 byte classes squared), triple buckets

    /** One bit per document (64 documents a word): which documents contain a byte, or a gram of a bucket. */
    using DocumentSet = std::vector<quint64>;

    QByteArray m_text;                  ///< documents as UTF-8, each followed by a NUL byte
    std::vector<qsizetype> m_starts{0}; ///< start offset of each document, plus the end of the last one
    std::vector<DocumentSet> m_byteDocuments = std::vector<DocumentSet>(256);
    std::vector<DocumentSet> m_pairDocuments = std::vector<DocumentSet>(kBuckets);
    std::vector<DocumentSet> m_tripleDocuments = std::vector<DocumentSet>(kBuckets);
};

} // namespace Plenary
