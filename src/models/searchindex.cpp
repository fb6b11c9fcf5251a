#include "searchindex.h"

#include <algorithm>
#include <array>
#include <bit>
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

// Byte classes for pair buckets: folded text is mostly a-z, 0-9 and spaces, which get a class each (0-36),
// so a pair of them has a bucket of its own; every other byte shares one of 27 classes with others.
constexpr int kExactClasses = 37;
constexpr std::array<quint8, 256> byteClasses()
{
    std::array<quint8, 256> classes{};
    for (int byte = 0; byte < 256; ++byte) {
        if (byte >= 'a' && byte <= 'z')
            classes[size_t(byte)] = quint8(byte - 'a');
        else if (byte >= '0' && byte <= '9')
            classes[size_t(byte)] = quint8(26 + byte - '0');
        else if (byte == ' ')
            classes[size_t(byte)] = 36;
        else
            classes[size_t(byte)] = quint8(kExactClasses + (byte * 7) % (64 - kExactClasses));
    }
    return classes;
}
constexpr std::array<quint8, 256> kByteClass = byteClasses();

// The bucket of the byte pair (a, b), one of 64 x 64.
quint16 pairBucket(char a, char b)
{
    return static_cast<quint16>(kByteClass[static_cast<unsigned char>(a)] * 64u +
                                kByteClass[static_cast<unsigned char>(b)]);
}

// The bucket of the byte triple (a, b, c), hashed into 4096.
quint16 tripleBucket(char a, char b, char c)
{
    const quint32 key = quint32(static_cast<unsigned char>(a)) << 16 |
                        quint32(static_cast<unsigned char>(b)) << 8 | static_cast<unsigned char>(c);
    return static_cast<quint16>((key * 2654435761u) >> 20);
}

// Whether documents in the bucket of (a, b) are known to contain exactly that pair.
bool isExactPair(char a, char b)
{
    return kByteClass[static_cast<unsigned char>(a)] < kExactClasses &&
           kByteClass[static_cast<unsigned char>(b)] < kExactClasses;
}

// The bytes, pair buckets and triple buckets (SearchIndex::kBuckets each) that occur in a text, as bit sets.
struct Grams
{
    std::array<quint64, 4> bytes{};
    std::array<quint64, 4096 / 64> pairs{};
    std::array<quint64, 4096 / 64> triples{};

    Grams(const char *text, size_t length)
    {
        const auto *u = reinterpret_cast<const unsigned char *>(text);
        for (size_t i = 0; i < length; ++i) {
            bytes[u[i] / 64] |= quint64(1) << (u[i] % 64);
            if (i + 1 < length) {
                const quint16 pair = pairBucket(text[i], text[i + 1]);
                pairs[pair / 64] |= quint64(1) << (pair % 64);
            }
            if (i + 2 < length) {
                const quint16 triple = tripleBucket(text[i], text[i + 1], text[i + 2]);
                triples[triple / 64] |= quint64(1) << (triple % 64);
            }
        }
    }
};

// Calls f(i) for each set bit i of `words` (bit i is bit i % 64 of word i / 64), in increasing order.
template<typename F> void forEachBit(const quint64 *words, size_t count, F &&f)
{
    for (size_t w = 0; w < count; ++w) {
        for (quint64 bits = words[w]; bits != 0; bits &= bits - 1)
            f(w * 64 + static_cast<size_t>(std::countr_zero(bits)));
    }
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
    for (DocumentSet &documents : m_byteDocuments)
        documents.clear();
    for (DocumentSet &documents : m_pairDocuments)
        documents.clear();
    for (DocumentSet &documents : m_tripleDocuments)
        documents.clear();
}

void SearchIndex::reserve(qsizetype documents, qsizetype bytes)
{
    m_text.reserve(bytes + documents);
    m_starts.reserve(static_cast<size_t>(documents) + 1);
    const size_t words = (static_cast<size_t>(documents) + 63) / 64;
    for (DocumentSet &set : m_byteDocuments)
        set.reserve(words);
    for (DocumentSet &set : m_pairDocuments)
        set.reserve(words);
    for (DocumentSet &set : m_tripleDocuments)
        set.reserve(words);
}

void SearchIndex::addDocument(QStringView folded)
{
    const auto document = static_cast<size_t>(documentCount());
    const size_t word = document / 64;
    const quint64 bit = quint64(1) << (document % 64);
    if (document % 64 == 0) {
        for (DocumentSet &set : m_byteDocuments)
            set.push_back(0);
        for (DocumentSet &set : m_pairDocuments)
            set.push_back(0);
        for (DocumentSet &set : m_tripleDocuments)
            set.push_back(0);
    }
    const qsizetype start = m_text.size();
    m_text.append(folded.toUtf8());
    // Each distinct gram once: scattered writes into the bit slices are the expensive part of the build.
    const Grams grams(m_text.constData() + start, static_cast<size_t>(m_text.size() - start));
    forEachBit(grams.bytes.data(), grams.bytes.size(),
               [&](size_t byte) { m_byteDocuments[byte][word] |= bit; });
    forEachBit(grams.pairs.data(), grams.pairs.size(),
               [&](size_t bucket) { m_pairDocuments[bucket][word] |= bit; });
    forEachBit(grams.triples.data(), grams.triples.size(),
               [&](size_t bucket) { m_tripleDocuments[bucket][word] |= bit; });
    m_text.append('\0');
    m_starts.push_back(m_text.size());
}

void SearchIndex::match(QStringView foldedNeedle, std::vector<quint8> &matches,
                        const std::vector<quint8> *candidates) const
{
    const size_t count = static_cast<size_t>(documentCount());
    const size_t words = (count + 63) / 64;
    // Documents still possible, 64 per word; the bits past the last document stay 0.
    std::vector<quint64> possible(words, 0);
    for (size_t doc = 0; doc < count; ++doc) {
        if (!candidates || (*candidates)[doc])
            possible[doc / 64] |= quint64(1) << (doc % 64);
    }
    matches.assign(count, 0);
    const QByteArray needle = foldedNeedle.toUtf8();
    const Grams grams(needle.constData(), static_cast<size_t>(needle.size()));
    const auto intersect = [&possible, words](const DocumentSet &set) {
        for (size_t w = 0; w < words; ++w)
            possible[w] &= set[w];
    };
    forEachBit(grams.bytes.data(), grams.bytes.size(),
               [&](size_t byte) { intersect(m_byteDocuments[byte]); });
    forEachBit(grams.pairs.data(), grams.pairs.size(),
               [&](size_t bucket) { intersect(m_pairDocuments[bucket]); });
    forEachBit(grams.triples.data(), grams.triples.size(),
               [&](size_t bucket) { intersect(m_tripleDocuments[bucket]); });
    // The slices answer a needle of one byte, or of a pair with its own bucket, exactly; a longer one is
    // confirmed in the text.
    const bool exact = needle.size() <= 1 || (needle.size() == 2 && isExactPair(needle[0], needle[1]));
    const char *text = m_text.constData();
    forEachBit(possible.data(), possible.size(), [&](size_t doc) {
        if (exact || find(text + m_starts[doc], text + m_starts[doc + 1] - 1, needle))
            matches[doc] = 1;
    });
}

} // namespace Plenary
