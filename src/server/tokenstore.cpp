#include "tokenstore.h"

#include "serverlogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <array>

namespace Plenary {

namespace {
constexpr qsizetype SelectorBytes = 8;
constexpr int TokenBytes = 32;
} // namespace

TokenStore::TokenStore(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("plenary-tokens-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

TokenStore::~TokenStore()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QByteArray TokenStore::digest(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool TokenStore::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

bool TokenStore::open()
{
    m_error.clear();
    if (m_path.isEmpty())
        return true;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        m_error = QStringLiteral("cannot open %1: %2").arg(m_path, m_db.lastError().text());
        return false;
    }
    QSqlQuery query(m_db);
    query.exec(
        QStringLiteral("PRAGMA synchronous=NORMAL")); // the ledger file is in WAL mode (see SeatLedger)
    if (!query.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS auth_tokens (digest BLOB PRIMARY KEY, attendee_id "
                           "TEXT NOT NULL, name TEXT NOT NULL, admin INTEGER NOT NULL, created_at INTEGER "
                           "NOT NULL)")) ||
        !query.exec(QStringLiteral("SELECT digest, attendee_id, name, admin, created_at FROM auth_tokens"))) {
        m_error = QStringLiteral("cannot read tokens from %1: %2").arg(m_path, query.lastError().text());
        return false;
    }
    while (query.next())
        remember(query.value(0).toByteArray(),
                 Identity{query.value(1).toString(), query.value(2).toString(), query.value(3).toBool()},
                 query.value(4).toLongLong());
    return true;
}

qint64 TokenStore::nowMs() const
{
    return m_clock ? m_clock().toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

void TokenStore::remember(const QByteArray &digest, const Identity &identity, qint64 issuedMs)
{
    m_bySelector[digest.left(SelectorBytes)].append(Entry{digest, identity, issuedMs});
    ++m_count;
}

QByteArray TokenStore::issue(const Identity &identity)
{
    std::array<quint32, TokenBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->generate(words.begin(), words.end());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), TokenBytes);
    const QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray hashed = digest(token);
    const qint64 issued = nowMs();
    if (m_db.isOpen()) {
        QSqlQuery insert(m_db);
        insert.prepare(
            QStringLiteral("INSERT INTO auth_tokens (digest, attendee_id, name, admin, created_at) "
                           "VALUES (?, ?, ?, ?, ?)"));
        insert.addBindValue(hashed);
        insert.addBindValue(identity.attendeeId);
        insert.addBindValue(identity.name.isNull() ? QStringLiteral("") : identity.name);
        insert.addBindValue(identity.admin ? 1 : 0);
        insert.addBindValue(issued);
        if (!insert.exec()) {
            qCWarning(plenaryServer).noquote() << "cannot store a token:" << insert.lastError().text();
            return {};
        }
    }
    remember(hashed, identity, issued);
    return token;
}

TokenStore::Check TokenStore::check(QByteArrayView token) const
{
    if (token.isEmpty())
        return {};
    const QByteArray hashed = digest(token);
    if (!m_adminDigest.isEmpty() && constantTimeEquals(hashed, m_adminDigest))
        return {Identity{QStringLiteral("admin"), QStringLiteral("Administrator"), true}, false};
    const auto it = m_bySelector.constFind(hashed.left(SelectorBytes));
    if (it == m_bySelector.constEnd())
        return {};
    const Entry *found = nullptr;
    for (const Entry &entry : *it) {
        if (constantTimeEquals(hashed, entry.digest))
            found = &entry;
    }
    if (!found)
        return {};
    if (m_lifetimeMs > 0 && nowMs() - found->issuedMs >= m_lifetimeMs)
        return {std::nullopt, true};
    return {found->identity, false};
}

bool TokenStore::revoke(QByteArrayView token)
{
    const QByteArray hashed = digest(token);
    const auto it = m_bySelector.find(hashed.left(SelectorBytes));
    if (it == m_bySelector.end())
        return false;
    const qsizetype removed =
        it->removeIf([&hashed](const Entry &entry) { return constantTimeEquals(hashed, entry.digest); });
    if (it->isEmpty())
        m_bySelector.erase(it);
    if (removed == 0)
        return false;
    m_count -= removed;
    if (m_db.isOpen()) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("DELETE FROM auth_tokens WHERE digest = ?"));
        query.addBindValue(hashed);
        if (!query.exec())
            qCWarning(plenaryServer).noquote() << "cannot delete a token:" << query.lastError().text();
    }
    return true;
}

qsizetype TokenStore::purgeExpired(qint64 graceMs)
{
    if (m_lifetimeMs <= 0)
        return 0;
    // A token issued at or before this instant expired at least graceMs ago.
    const qint64 cutoff = nowMs() - m_lifetimeMs - std::max<qint64>(0, graceMs);
    if (m_db.isOpen()) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("DELETE FROM auth_tokens WHERE created_at <= ?"));
        query.addBindValue(cutoff);
        if (!query.exec()) {
            qCWarning(plenaryServer).noquote() << "cannot purge expired tokens:" << query.lastError().text();
            return 0;
        }
    }
    qsizetype removed = 0;
    for (auto it = m_bySelector.begin(); it != m_bySelector.end();) {
        removed += it->removeIf([cutoff](const Entry &entry) { return entry.issuedMs <= cutoff; });
        it = it->isEmpty() ? m_bySelector.erase(it) : std::next(it);
    }
    m_count -= removed;
    return removed;
}

void TokenStore::setAdminToken(QByteArrayView token)
{
    m_adminDigest = token.isEmpty() ? QByteArray() : digest(token);
}

} // namespace Plenary
