// Badge codes: the sample file, lenient matching of how people type codes, admin entries, bad files.
#include "badgedirectory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Plenary;

class TestBadgeDirectory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsSampleBadges();
    void matchesHowPeopleTypeCodes_data();
    void matchesHowPeopleTypeCodes();
    void acceptedShapes_data();
    void acceptedShapes();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
};

void TestBadgeDirectory::readsSampleBadges()
{
    const QString path = QStringLiteral(PLENARY_SOURCE_DIR "/data/sample/badges.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).object().value(u"badges").toArray();
    QVERIFY(entries.size() >= 2);

    BadgeDirectory directory;
    QString error;
    QVERIFY2(directory.loadFile(path, &error), qPrintable(error));
    QCOMPARE(directory.size(), entries.size());
    int admins = 0;
    QSet<QString> ids;
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        const auto badge = directory.find(object.value(u"code").toString());
        QVERIFY(badge);
        QCOMPARE(badge->name, object.value(u"name").toString());
        QCOMPARE(badge->admin, object.value(u"admin").toBool());
        admins += badge->admin ? 1 : 0;
        QVERIFY(badge->attendeeId.startsWith(QStringLiteral("a-")));
        ids.insert(badge->attendeeId);
    }
    QCOMPARE(admins, 1);
    QCOMPARE(ids.size(), entries.size());
    QVERIFY(!directory.find(u"BCN-0000-0000"));
}

void TestBadgeDirectory::matchesHowPeopleTypeCodes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("found");
    QTest::newRow("exact") << "BCN-7Q4K-2H9D" << true;
    QTest::newRow("lower case") << "bcn-7q4k-2h9d" << true;
    QTest::newRow("no dashes") << "BCN7Q4K2H9D" << true;
    QTest::newRow("spaces") << "  BCN 7Q4K 2H9D " << true;
    QTest::newRow("one character off") << "BCN-7Q4K-2H9E" << false;
    QTest::newRow("prefix") << "BCN-7Q4K" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("dashes only") << "---" << false;
}

void TestBadgeDirectory::matchesHowPeopleTypeCodes()
{
    QFETCH(QString, typed);
    QFETCH(bool, found);
    BadgeDirectory directory;
    directory.add(QStringLiteral("BCN-7Q4K-2H9D"), Badge{{}, QStringLiteral("Kang"), false});
    QCOMPARE(directory.find(typed).has_value(), found);
}

void TestBadgeDirectory::acceptedShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("firstIsAdmin");
    QTest::addColumn<QString>("firstId");
    QTest::newRow("object") << QByteArray(R"({"badges":[{"code":"A1","name":"A"}]})") << 1 << false << "";
    QTest::newRow("array") << QByteArray(R"([{"code":"A1","name":"A","id":"ada"},{"code":"B2"}])") << 2
                           << false << "ada";
    QTest::newRow("role admin") << QByteArray(R"([{"code":"A1","role":"admin"}])") << 1 << true << "";
    QTest::newRow("admin object") << QByteArray(R"({"badges":[],"admin":{"code":"A1"}})") << 1 << true << "";
    QTest::newRow("seed-looking id") << QByteArray(R"([{"code":"A1","id":"seed:1"}])") << 1 << false
                                     << "badge-seed:1";
}

void TestBadgeDirectory::acceptedShapes()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);
    QFETCH(bool, firstIsAdmin);
    QFETCH(QString, firstId);
    BadgeDirectory directory;
    QString error;
    QVERIFY2(directory.load(json, &error), qPrintable(error));
    QCOMPARE(directory.size(), count);
    const auto first = directory.find(u"A1");
    QVERIFY(first);
    QCOMPARE(first->admin, firstIsAdmin);
    if (!firstId.isEmpty())
        QCOMPARE(first->attendeeId, firstId);
}

void TestBadgeDirectory::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("{badges:");
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("badge without code") << QByteArray(R"([{"code":"A1"},{"name":"nobody"}])");
}

void TestBadgeDirectory::rejectsBadFiles()
{
    QFETCH(QByteArray, json);
    BadgeDirectory directory;
    directory.add(QStringLiteral("KEEP"), Badge{});
    QString error;
    QVERIFY(!directory.load(json, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(directory.size(), 1); // a bad file changes nothing
    QVERIFY(directory.find(u"KEEP"));
}

QTEST_GUILESS_MAIN(TestBadgeDirectory)
#include "tst_badgedirectory.moc"
