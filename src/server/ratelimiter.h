#pragma once

#include <QByteArray>
#include <QHash>

#include <functional>

namespace Plenary {

/** A token bucket per key (a bearer token's digest, a client address) on an injectable monotonic clock. */
class RateLimiter
{
public:
    /** `burst` requests at once, refilled at `perSecond`. */
    RateLimiter(double burst = 60, double perSecond = 10);

    /** Milliseconds from an arbitrary start; defaults to a steady clock. */
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void setLimits(double burst, double perSecond);

    /** Takes one request from the key's bucket; false when empty, with the wait until one is back. */
    bool allow(const QByteArray &key, qint64 *retryAfterMs = nullptr);

    /** Whether the key's bucket is empty now, without taking from it. */
    bool isLimited(const QByteArray &key, qint64 *retryAfterMs = nullptr) const;

    qsizetype trackedKeys() const { return m_buckets.size(); }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    void forgetFullBuckets(qint64 now);
    double tokensAt(const Bucket &bucket, qint64 now) const;

    double m_burst;
    double m_perSecond;
    std::function<qint64()> m_clock;
    QHash<QByteArray, Bucket> m_buckets;
};

} // namespace Plenary
