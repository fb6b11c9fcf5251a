#pragma once

#include <QByteArray>
#include <QStringView>

#include <vector>

namespace Plenary {

/**
 * Substring search over many pre-folded documents kept as UTF-8 in one contiguous buffer, fast enough to
 * run on every keystroke: a per-document signature of byte pairs rules out most documents without reading
 * them, the rest are scanned with a vectorised first/last-byte filter, and a search can be restricted to the
 * documents a previous (shorter) query matched. UTF-8 is self-synchronising, so a byte match of a valid UTF-8
 * needle is always a character match.
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
    static constexpr size_t kSignatureWords = 64; ///< 4096 bits of byte-pair presence per document
    static constexpr size_t kByteWords = 4;       ///< 256 bits: exactly which bytes occur in a document

    bool mayContain(size_t document, const std::vector<quint16> &pairBits,
                    const std::vector<quint8> &bytes) const;

    QByteArray m_text;                  ///< documents as UTF-8, each followed by a NUL byte
    std::vector<qsizetype> m_starts{0}; ///< start offset of each document, plus the end of the last one
    std::vector<quint64> m_signatures;  ///< kSignatureWords per document: which byte pairs occur in it
    std::vector<quint64> m_bytes;       ///< kByteWords per document: which bytes occur in it
};

} // namespace Plenary
