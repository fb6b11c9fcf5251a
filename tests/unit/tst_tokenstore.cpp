// Bearer tokens: random, base64url, stored only as digests (in memory and in SQLite), revocable, expiring.
#include "tokenstore.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Plenary;

class TestTokenStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void issuesRandomBase64UrlTokens();
    void verifiesOnlyIssuedTokens_data();
    void verifiesOnlyIssuedTokens();
    void storesDigestsOnlyAndSurvivesRestart();
    void revoke();
    void adminToken();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void expiry_data();
    void expiry();
    void expiryAgesFromTheStoredIssueTime();
};

void TestTokenStore::issuesRandomBase64UrlTokens()
{
    TokenStore store;
    QVERIFY(store.open());
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const QByteArray token = store.issue(Identity{QStringLiteral("a"), QStringLiteral("A"), false});
        QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
        for (const char c : token)
            QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_', token.constData());
        QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), 32);
        seen.insert(token);
    }
    QCOMPARE(seen.size(), 200);
    QCOMPARE(store.size(), 200);
}

void TestTokenStore::verifiesOnlyIssuedTokens_data()
{
    QTest::addColumn<QByteArray>("presented");
    QTest::addColumn<bool>("valid");
    QTest::newRow("issued") << QByteArray() << true;
    QTest::newRow("empty") << QByteArray("") << false;
    QTest::newRow("garbage") << QByteArray("not-a-token") << false;
    QTest::newRow("almost") << QByteArray("X") << false;
}

void TestTokenStore::verifiesOnlyIssuedTokens()
{
    QFETCH(QByteArray, presented);
    QFETCH(bool, valid);
    TokenStore store;
    QVERIFY(store.open());
    const QByteArray token = store.issue(Identity{QStringLiteral("a-1"), QStringLiteral("Ada"), false});
    QByteArray probe = presented;
    if (presented.isNull())
        probe = token;
    else if (presented == "X")
        probe = token.left(42) + (token.endsWith('A') ? 'B' : 'A'); // one character off
    const std::optional<Identity> identity = store.verify(probe);
    QCOMPARE(identity.has_value(), valid);
    if (valid) {
        QCOMPARE(identity->attendeeId, QStringLiteral("a-1"));
        QCOMPARE(identity->name, QStringLiteral("Ada"));
        QVERIFY(!identity->admin);
    }
}

void TestTokenStore::storesDigestsOnlyAndSurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    QByteArray token;
    {
        TokenStore store(path);
        QVERIFY(store.open());
        token = store.issue(Identity{QStringLiteral("a-2"), QStringLiteral("Bo"), true});
        QVERIFY(!token.isEmpty());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT digest FROM auth_tokens")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toByteArray(), TokenStore::digest(token));
        QVERIFY(!q.next());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(token));

    TokenStore reopened(path);
    QVERIFY(reopened.open());
    const auto identity = reopened.verify(token);
    QVERIFY(identity);
    QCOMPARE(identity->attendeeId, QStringLiteral("a-2"));
    QVERIFY(identity->admin);
}

void TestTokenStore::revoke()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    TokenStore store(path);
    QVERIFY(store.open());
    const QByteArray a = store.issue(Identity{QStringLiteral("a"), {}, false});
    const QByteArray b = store.issue(Identity{QStringLiteral("b"), {}, false});
    QVERIFY(store.revoke(a));
    QVERIFY(!store.revoke(a));
    QVERIFY(!store.verify(a));
    QCOMPARE(store.verify(b)->attendeeId, QStringLiteral("b"));
    TokenStore reopened(path);
    QVERIFY(reopened.open());
    QVERIFY(!reopened.verify(a));
    QVERIFY(reopened.verify(b));
}

void TestTokenStore::adminToken()
{
    TokenStore store;
    QVERIFY(store.open());
    QVERIFY(!store.verify("s3cret-admin"));
    store.setAdminToken("s3cret-admin");
    const auto admin = store.verify("s3cret-admin");
    QVERIFY(admin);
    QVERIFY(admin->admin);
    QVERIFY(!store.verify("s3cret-admiN"));
    store.setAdminToken({});
    QVERIFY(!store.verify("s3cret-admin"));
}

void TestTokenStore::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
    QTest::newRow("first differs") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
    QTest::newRow("last differs") << QByteArray("abcdex") << QByteArray("abcdef") << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
}

void TestTokenStore::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(TokenStore::constantTimeEquals(a, b), equal);
    QCOMPARE(TokenStore::constantTimeEquals(b, a), equal);
}

void TestTokenStore::expiry_data()
{
    QTest::addColumn<qint64>("lifetimeSeconds");
    QTest::addColumn<qint64>("ageSeconds");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("expired");
    const qint64 week = 7 * 24 * 3600;
    QTest::newRow("fresh") << week << qint64(0) << true << false;
    QTest::newRow("a second before the end") << week << week - 1 << true << false;
    QTest::newRow("at the end") << week << week << false << true;
    QTest::newRow("long past") << week << 400 * week << false << true;
    QTest::newRow("no lifetime") << qint64(0) << 400 * week << true << false;
    QTest::newRow("clock went back") << week << qint64(-3600) << true << false;
}

void TestTokenStore::expiry()
{
    QFETCH(qint64, lifetimeSeconds);
    QFETCH(qint64, ageSeconds);
    QFETCH(bool, valid);
    QFETCH(bool, expired);
    const QDateTime issued(QDate(2027, 5, 10), QTime(8, 0), Qt::UTC);
    QDateTime now = issued;
    TokenStore store;
    store.setClock([&now] { return now; });
    store.setLifetimeSeconds(lifetimeSeconds);
    QVERIFY(store.open());
    const QByteArray token = store.issue(Identity{QStringLiteral("a"), QStringLiteral("A"), false});
    now = issued.addSecs(ageSeconds);
    const TokenStore::Check check = store.check(token);
    QCOMPARE(check.identity.has_value(), valid);
    QCOMPARE(check.expired, expired);
    QCOMPARE(store.verify(token).has_value(), valid);
    // Unknown tokens are never "expired", and the administrator token does not age.
    QVERIFY(!store.check(QByteArray(43, 'x')).expired);
    store.setAdminToken("admin-secret");
    QVERIFY(store.check("admin-secret").identity.has_value());
}

void TestTokenStore::expiryAgesFromTheStoredIssueTime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tokens.sqlite"));
    const QDateTime issued(QDate(2027, 5, 10), QTime(8, 0), Qt::UTC);
    QByteArray token;
    {
        TokenStore store(path);
        store.setClock([issued] { return issued; });
        QVERIFY(store.open());
        token = store.issue(Identity{QStringLiteral("a"), QStringLiteral("A"), false});
    }
    TokenStore reopened(path);
    reopened.setLifetimeSeconds(3600);
    reopened.setClock([issued] { return issued.addSecs(1800); });
    QVERIFY(reopened.open());
    QVERIFY(reopened.verify(token).has_value());
    reopened.setClock([issued] { return issued.addSecs(3601); });
    QVERIFY(reopened.check(token).expired);
    // Revoking an expired token still works (sign-out after a week).
    QVERIFY(reopened.revoke(token));
    QVERIFY(!reopened.check(token).expired);
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
