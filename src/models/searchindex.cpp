#include "searchindex.h"

#include <algorithm>
#include <cstring>
#include <functional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Plenary {

namespace {
#if defined(__SSE2__)
// Compares 16 positions at once against the needle's first and last byte and verifies only where both
// match (W. Mula's "SIMD-friendly" substring search); far fewer false starts than a first-byte scan.
const char *findVectorised(const char *begin, const char *end, const char *needle, size_t n)
{
    const size_t length = static_cast<size_t>(end - begin);
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[n - 1]);
    size_t i = 0;
    for (; i + n - 1 + 16 <= length; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(begin + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(begin + i + n - 1));
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        while (mask != 0) {
            const unsigned bit = static_cast<unsigned>(__builtin_ctz(mask));
            if (std::memcmp(begin + i + bit + 1, needle + 1, n - 2) == 0)
                return begin + i + bit;
            mask &= mask - 1;
        }
    }
    for (; i + n <= length; ++i) {
        if (begin[i] == needle[0] && std::memcmp(begin + i, needle, n) == 0)
            return begin + i;
    }
    return nullptr;
}
#endif

// The signature bit of the byte pair (a, b).
quint16 pairBit(char a, char b)
{
    const auto hash =
        static_cast<unsigned>(static_cast<unsigned char>(a)) * 131u + static_cast<unsigned char>(b);
    return static_cast<quint16>(((hash * 2654435761u) >> 20) & 4095u);
}

const char *find(const char *begin, const char *end, const QByteArray &needle)
{
    const auto n = static_cast<size_t>(needle.size());
    if (static_cast<size_t>(end - begin) < n)
        return nullptr;
    if (n == 1)
        return static_cast<const char *>(std::memchr(begin, needle.at(0), static_cast<size_t>(end - begin)));
#if defined(__SSE2__)
    return findVectorised(begin, end, needle.constData(), n);
#else
    const std::boyer_moore_horspool_searcher searcher(needle.cbegin(), needle.cend());
    const char *hit = std::search(begin, end, searcher);
    return hit == end ? nullptr : hit;
#endif
}
} // namespace

void SearchIndex::clear()
{
    m_text.clear();
    m_starts.assign(1, 0);
    m_signatures.clear();
    m_bytes.clear();
}

void SearchIndex::reserve(qsizetype documents, qsizetype bytes)
{
    m_text.reserve(bytes + documents);
    m_starts.reserve(static_cast<size_t>(documents) + 1);
    m_signatures.reserve(static_cast<size_t>(documents) * kSignatureWords);
    m_bytes.reserve(static_cast<size_t>(documents) * kByteWords);
}

void SearchIndex::addDocument(QStringView folded)
{
    const QByteArray utf8 = folded.toUtf8();
    const size_t base = m_signatures.size();
    m_signatures.resize(base + kSignatureWords, 0);
    for (qsizetype i = 0; i + 1 < utf8.size(); ++i) {
        const quint16 bit = pairBit(utf8[i], utf8[i + 1]);
        m_signatures[base + bit / 64] |= quint64(1) << (bit % 64);
    }
    const size_t byteBase = m_bytes.size();
    m_bytes.resize(byteBase + kByteWords, 0);
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        m_bytes[byteBase + byte / 64] |= quint64(1) << (byte % 64);
    }
    m_text.append(utf8);
    m_text.append('\0');
    m_starts.push_back(m_text.size());
}

bool SearchIndex::mayContain(size_t document, const std::vector<quint16> &pairBits,
                             const std::vector<quint8> &bytes) const
{
    const quint64 *present = m_bytes.data() + document * kByteWords;
    for (const quint8 byte : bytes) {
        if ((present[byte / 64] & (quint64(1) << (byte % 64))) == 0)
            return false;
    }
    const quint64 *signature = m_signatures.data() + document * kSignatureWords;
    for (const quint16 bit : pairBits) {
        if ((signature[bit / 64] & (quint64(1) << (bit % 64))) == 0)
            return false;
    }
    return true;
}

void SearchIndex::match(QStringView foldedNeedle, std::vector<quint8> &matches,
                        const std::vector<quint8> *candidates) const
{
    const size_t count = static_cast<size_t>(documentCount());
    matches.assign(count, 0);
    if (foldedNeedle.isEmpty()) {
        for (size_t doc = 0; doc < count; ++doc)
            matches[doc] = !candidates || (*candidates)[doc] ? 1 : 0;
        return;
    }
    const QByteArray needle = foldedNeedle.toUtf8();
    const char *text = m_text.constData();
    std::vector<quint16> pairBits;
    for (qsizetype i = 0; i + 1 < needle.size(); ++i)
        pairBits.push_back(pairBit(needle[i], needle[i + 1]));
    std::sort(pairBits.begin(), pairBits.end());
    pairBits.erase(std::unique(pairBits.begin(), pairBits.end()), pairBits.end());
    std::vector<quint8> bytes(needle.cbegin(), needle.cend());
    std::sort(bytes.begin(), bytes.end());
    bytes.erase(std::unique(bytes.begin(), bytes.end()), bytes.end());

    for (size_t doc = 0; doc < count; ++doc) {
        if (candidates && !(*candidates)[doc])
            continue;
        if (!mayContain(doc, pairBits, bytes))
            continue;
        // A one-byte needle is answered exactly by the byte set.
        if (needle.size() == 1 || find(text + m_starts[doc], text + m_starts[doc + 1] - 1, needle))
            matches[doc] = 1;
    }
}

} // namespace Plenary
