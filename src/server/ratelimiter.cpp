#include "ratelimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace Plenary {

namespace {
constexpr qsizetype PruneThreshold = 10000;

qint64 steadyMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

RateLimiter::RateLimiter(double burst, double perSecond)
    : m_burst(std::max(1.0, burst))
    , m_perSecond(std::max(0.001, perSecond))
    , m_clock(steadyMs)
{}

void RateLimiter::setLimits(double burst, double perSecond)
{
    m_burst = std::max(1.0, burst);
    m_perSecond = std::max(0.001, perSecond);
    m_buckets.clear();
}

bool RateLimiter::allow(const QByteArray &key, qint64 *retryAfterMs)
{
    const qint64 now = m_clock();
    if (m_buckets.size() > PruneThreshold)
        forgetFullBuckets(now);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, now});
    Bucket &bucket = *it;
    bucket.tokens = tokensAt(bucket, now);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        if (retryAfterMs)
            *retryAfterMs = 0;
        return true;
    }
    if (retryAfterMs)
        *retryAfterMs = qint64(std::ceil((1.0 - bucket.tokens) * 1000.0 / m_perSecond));
    return false;
}

bool RateLimiter::isLimited(const QByteArray &key, qint64 *retryAfterMs) const
{
    const auto it = m_buckets.constFind(key);
    const double tokens = it == m_buckets.constEnd() ? m_burst : tokensAt(*it, m_clock());
    if (retryAfterMs)
        *retryAfterMs = tokens >= 1.0 ? 0 : qint64(std::ceil((1.0 - tokens) * 1000.0 / m_perSecond));
    return tokens < 1.0;
}

double RateLimiter::tokensAt(const Bucket &bucket, qint64 now) const
{
    return std::min(m_burst, bucket.tokens +
                                 double(std::max<qint64>(0, now - bucket.updatedMs)) * m_perSecond / 1000.0);
}

void RateLimiter::forgetFullBuckets(qint64 now)
{
    m_buckets.removeIf(
        [this, now](const QHash<QByteArray, Bucket>::iterator &it) { return tokensAt(*it, now) >= m_burst; });
}

} // namespace Plenary
