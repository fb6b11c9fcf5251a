// FeedEndpoint: a feed server's base from its route URLs, the routes from a base, and the discovery document.
#include "feedendpoint.h"

#include <QTest>

using namespace Plenary;

class TestFeedEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baseOf_data();
    void baseOf();
    void routes();
    void healthDocument_data();
    void healthDocument();
};

void TestFeedEndpoint::baseOf_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("base");       ///< baseOf()
    QTest::addColumn<QString>("normalized"); ///< normalizedBase()
    QTest::newRow("base") << "http://127.0.0.1:8080"
                          << ""
                          << "http://127.0.0.1:8080";
    QTest::newRow("base with slash") << "http://127.0.0.1:8080/"
                                     << ""
                                     << "http://127.0.0.1:8080";
    QTest::newRow("conference route") << "http://127.0.0.1:8080/api/conference"
                                      << "http://127.0.0.1:8080"
                                      << "http://127.0.0.1:8080";
    QTest::newRow("behind a proxy prefix") << "https://conf.example.org/plenary/api/conference?x=1"
                                           << "https://conf.example.org/plenary"
                                           << "https://conf.example.org/plenary";
    QTest::newRow("prefix without route") << "https://conf.example.org/plenary/"
                                          << ""
                                          << "https://conf.example.org/plenary";
    QTest::newRow("seats route") << "http://[::1]:9/api/seats"
                                 << "http://[::1]:9"
                                 << "http://[::1]:9";
    QTest::newRow("a schedule file") << "https://example.org/schedule.xml"
                                     << ""
                                     << "https://example.org/schedule.xml";
    QTest::newRow("a file under /api/") << "https://example.org/api/schedule.json"
                                        << ""
                                        << "https://example.org/api/schedule.json";
    QTest::newRow("stream route") << "http://127.0.0.1:8080/api/seats/stream"
                                  << "http://127.0.0.1:8080"
                                  << "http://127.0.0.1:8080";
}

void TestFeedEndpoint::baseOf()
{
    QFETCH(QString, url);
    QFETCH(QString, base);
    QFETCH(QString, normalized);
    QCOMPARE(FeedEndpoint::baseOf(QUrl(url)).toString(), base);
    QCOMPARE(FeedEndpoint::normalizedBase(QUrl(url)).toString(), normalized);
}

void TestFeedEndpoint::routes()
{
    QCOMPARE(FeedEndpoint::healthUrl(QUrl("http://127.0.0.1:8080/")).toString(),
             "http://127.0.0.1:8080/api/health");
    QCOMPARE(FeedEndpoint::conferenceUrl(QUrl("https://conf.example.org/plenary")).toString(),
             "https://conf.example.org/plenary/api/conference");
    QCOMPARE(FeedEndpoint::conferenceUrl(QUrl("http://127.0.0.1:8080/api/seats")).toString(),
             "http://127.0.0.1:8080/api/conference");
}

void TestFeedEndpoint::healthDocument_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isHealth");
    QTest::newRow("the server's") << QByteArray(R"({"status": "ok", "scheduleVersion": "2027.1",
        "seatsVersion": 30, "serverTime": "2027-05-11T13:02:11.384Z"})")
                                  << true;
    QTest::newRow("not ok") << QByteArray(
                                   R"({"status": "starting", "scheduleVersion": "1", "seatsVersion": 0})")
                            << false;
    QTest::newRow("no seats version") << QByteArray(R"({"status": "ok", "scheduleVersion": "1"})") << false;
    QTest::newRow("other health check") << QByteArray(R"({"status": "ok"})") << false;
    QTest::newRow("html") << QByteArray("<html><body>ok</body></html>") << false;
    QTest::newRow("array") << QByteArray("[1, 2]") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestFeedEndpoint::healthDocument()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, isHealth);
    QCOMPARE(FeedEndpoint::isHealthDocument(body), isHealth);
}

QTEST_APPLESS_MAIN(TestFeedEndpoint)
#include "tst_feedendpoint.moc"
