// TransportPolicy: https always; plain http only to this device (127.0.0.0/8, ::1, localhost) unless allowed.
#include "transportpolicy.h"

#include <QTest>

using namespace Plenary;

class TestTransportPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allows_data();
    void allows();
    void refusalNamesTheRule();
};

void TestTransportPolicy::allows_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("loopback");
    QTest::addColumn<bool>("strict");  ///< allowed while unencrypted connections are not allowed
    QTest::addColumn<bool>("relaxed"); ///< allowed with --allow-http / the setting
    QTest::newRow("https remote") << "https://conf.example.org/api/conference" << false << true << true;
    QTest::newRow("http remote") << "http://conf.example.org/schedule.xml" << false << false << true;
    QTest::newRow("HTTP upper-case scheme") << "HTTP://conf.example.org/" << false << false << true;
    QTest::newRow("http LAN address") << "http://192.168.1.20:8080" << false << false << true;
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080" << true << true << true;
    QTest::newRow("http 127.8.9.10") << "http://127.8.9.10/" << true << true << true;
    QTest::newRow("http 128.0.0.1") << "http://128.0.0.1/" << false << false << true;
    QTest::newRow("http [::1]") << "http://[::1]:8080/api/conference" << true << true << true;
    QTest::newRow("http [::2]") << "http://[::2]:8080/" << false << false << true;
    QTest::newRow("http v4-mapped loopback") << "http://[::ffff:127.0.0.1]:8080/" << true << true << true;
    QTest::newRow("http localhost") << "http://localhost:8080" << true << true << true;
    QTest::newRow("http LOCALHOST") << "http://LOCALHOST/" << true << true << true;
    QTest::newRow("http app.localhost") << "http://app.localhost/" << true << true << true;
    QTest::newRow("http localhost.example.org") << "http://localhost.example.org/" << false << false << true;
    QTest::newRow("http 127.0.0.1.nip.io") << "http://127.0.0.1.nip.io/" << false << false << true;
    QTest::newRow("http userinfo trick") << "http://127.0.0.1@evil.example/" << false << false << true;
    QTest::newRow("file") << "file:///tmp/schedule.xml" << false << true << true;
}

void TestTransportPolicy::allows()
{
    QFETCH(QString, url);
    QFETCH(bool, loopback);
    QFETCH(bool, strict);
    QFETCH(bool, relaxed);
    const QUrl parsed(url);
    QVERIFY(parsed.isValid());
    QCOMPARE(TransportPolicy::isLoopback(parsed), loopback);
    QCOMPARE(TransportPolicy::allows(parsed, false), strict);
    QCOMPARE(TransportPolicy::allows(parsed, true), relaxed);
}

void TestTransportPolicy::refusalNamesTheRule()
{
    const QString text = TransportPolicy::refusalText(QUrl("http://conf.example.org/feed"));
    QVERIFY(text.contains("http://conf.example.org/feed"));
    QVERIFY(text.contains("Allow unencrypted connections"));
    QVERIFY(text.contains("--allow-http"));
    QVERIFY(text.contains("localhost"));
}

QTEST_APPLESS_MAIN(TestTransportPolicy)
#include "tst_transportpolicy.moc"
