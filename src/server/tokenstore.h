#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <algorithm>
#include <functional>
#include <optional>

namespace Plenary {

/** Who a bearer token speaks for. */
struct Identity
{
    QString attendeeId;
    QString name;
    bool admin = false;
};

/** Issues bearer tokens and checks them against stored SHA-256 digests, compared in constant time. */
class TokenStore
{
public:
    // Tokens are 32 random bytes, base64url. Only digests are kept, in memory and in the `auth_tokens` table
    // of an SQLite file (so sign-ins survive a restart), with the time they were issued: a token expires a
    // lifetime after that (the lifetime in force when it is checked counts). Use it from the thread that
    // opened it.

    /** What check() found: an identity for a valid token; `expired` for a known token past its lifetime. */
    struct Check
    {
        std::optional<Identity> identity;
        bool expired = false;
    };

    /** An empty `path` keeps tokens in memory only. */
    explicit TokenStore(const QString &path = {});
    ~TokenStore();
    Q_DISABLE_COPY_MOVE(TokenStore)

    bool open();
    QString errorString() const { return m_error; }

    /** A new token for `identity`; the only time the token itself exists on the server. Empty on failure. */
    QByteArray issue(const Identity &identity);

    /** The identity of a valid, unexpired token. */
    std::optional<Identity> verify(QByteArrayView token) const { return check(token).identity; }
    Check check(QByteArrayView token) const;

    /** Tokens older than this are refused as expired; 0 (the default) keeps them valid forever. */
    void setLifetimeSeconds(qint64 seconds) { m_lifetimeMs = std::max<qint64>(0, seconds) * 1000; }
    /** The clock that stamps and ages tokens; defaults to the system clock. */
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /**
     * Forgets every token that expired at least `graceMs` ago, in memory and in the file, and returns how
     * many. Until then an expired token is still recognised (check() says `expired`), so that its client
     * learns why it was refused; nothing expires while the lifetime is 0.
     */
    qsizetype purgeExpired(qint64 graceMs);

    /** Forgets a token; false when it was not known. */
    bool revoke(QByteArrayView token);

    /** A fixed administrator token (from the command line); empty disables it. */
    void setAdminToken(QByteArrayView token);

    qsizetype size() const { return m_count; }

    static QByteArray digest(QByteArrayView token);

    /** Compares equal-length byte strings without an early exit; different lengths compare unequal. */
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

private:
    struct Entry
    {
        QByteArray digest;
        Identity identity;
        qint64 issuedMs = 0; ///< milliseconds since the epoch
    };

    void remember(const QByteArray &digest, const Identity &identity, qint64 issuedMs);
    qint64 nowMs() const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_error;
    QHash<QByteArray, QList<Entry>> m_bySelector; ///< keyed by the first 8 digest bytes
    qsizetype m_count = 0;
    QByteArray m_adminDigest;
    qint64 m_lifetimeMs = 0;
    std::function<QDateTime()> m_clock;
};

} // namespace Plenary
