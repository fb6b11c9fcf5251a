// HttpRequestFramer on byte streams: request boundaries (keep-alive, pipelining, bodies), and each refusal
// with its status, whether the bytes come at once or one by one.
#include "httprequestframer.h"

#include <QTest>

using namespace Plenary;

class TestHttpRequestFramer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stream_data();
    void stream();
    void refusesAsSoonAsItShows();
    void inRequestTracksPartialRequests();
    void methodAndPathForTheLog();
};

void TestHttpRequestFramer::stream_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("completed");

    const QByteArray get = "GET /api/seats HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray post = "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
    QTest::newRow("one get") << get << 0 << QString() << 1;
    QTest::newRow("pipelined") << get + post + get << 0 << QString() << 3;
    QTest::newRow("bare newlines") << QByteArray("GET / HTTP/1.0\n\n") << 0 << QString() << 1;
    QTest::newRow("blank lines between") << get + "\r\n\r\n" + get << 0 << QString() << 2;
    QTest::newRow("body not complete") << post.chopped(1) << 0 << QString() << 0;
    QTest::newRow("same content length twice")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nok") << 0 << QString()
        << 1;
    QTest::newRow("at the head limit") << "GET / HTTP/1.1\r\nX: " + QByteArray(1024 - 23, 'a') + "\r\n\r\n"
                                       << 0 << QString() << 1;
    QTest::newRow("one over the head limit")
        << "GET / HTTP/1.1\r\nX: " + QByteArray(1024 - 22, 'a') + "\r\n\r\n"
        << 431 << "head-too-large" << 0;
    QTest::newRow("head without end")
        << "GET / HTTP/1.1\r\n" + QByteArray(4096, 'a') << 431 << "head-too-large" << 0;
    QByteArray twenty;
    for (int i = 0; i < 21; ++i)
        twenty += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("21 headers") << "GET / HTTP/1.1\r\n" + twenty + "\r\n" << 431 << "head-too-large" << 0;
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("absolute uri") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400 << "bad-http"
                                    << 0;
    QTest::newRow("tab in the target") << QByteArray("GET /a\tb HTTP/1.1\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("second request bad") << get + "BREW /pot HTCPCP/1.0\r\n\r\n" << 400 << "bad-http" << 1;
    QTest::newRow("conflicting content length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok") << 400
        << "duplicate-header" << 0;
    QTest::newRow("two authorizations")
        << QByteArray("GET / HTTP/1.1\r\nAuthorization: Bearer a\r\nauthorization: Bearer b\r\n\r\n") << 400
        << "duplicate-header" << 0;
    QTest::newRow("two content types")
        << QByteArray("GET / HTTP/1.1\r\nContent-Type: a/b\r\nContent-Type: c/d\r\n\r\n") << 400
        << "duplicate-header" << 0;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                             << 400 << "bad-http" << 0;
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400
                                     << "bad-http" << 0;
    QTest::newRow("list as length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\nx") << 400
                                    << "bad-http" << 0;
    QTest::newRow("body over the limit")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2049\r\n\r\n") << 413 << "too-large" << 0;
    QTest::newRow("length past 64 bits")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 184467440737095516160\r\n\r\n") << 413
        << "too-large" << 0;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n: x\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n\tb\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("control character in a value")
        << QByteArray("GET / HTTP/1.1\r\nX: a\x01z\r\n\r\n") << 400 << "bad-http" << 0;
    QTest::newRow("request line of 8193 bytes") << "GET /" + QByteArray(8200, 'a') << 400 << "bad-http" << 0;
}

void TestHttpRequestFramer::stream()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, completed);
    const HttpRequestFramer::Limits limits{1024, 20, 2048};
    const bool longLine = bytes.size() > 8000 && !bytes.contains('\n');

    // All at once, and one byte at a time: the same verdict and the same boundaries.
    HttpRequestFramer whole(longLine ? HttpRequestFramer::Limits{16 * 1024, 20, 2048} : limits);
    const HttpRequestFramer::Refusal atOnce = whole.feed(bytes);
    QCOMPARE(atOnce.status, status);
    QCOMPARE(atOnce.code, code);
    QCOMPARE(whole.completedRequests(), completed);
    if (status != 0)
        QVERIFY(!atOnce.message.isEmpty());

    HttpRequestFramer trickled(longLine ? HttpRequestFramer::Limits{16 * 1024, 20, 2048} : limits);
    HttpRequestFramer::Refusal last;
    for (qsizetype i = 0; i < bytes.size() && last.status == 0; ++i)
        last = trickled.feed(bytes.sliced(i, 1));
    QCOMPARE(last.status, status);
    QCOMPARE(trickled.completedRequests(), completed);
}

void TestHttpRequestFramer::refusesAsSoonAsItShows()
{
    HttpRequestFramer framer(HttpRequestFramer::Limits{1024, 20, 2048});
    // A bad request line is refused before its headers arrive...
    QCOMPARE(framer.feed("NOT HTTP\r\n").status, 400);
    // ...and after a refusal nothing more is taken in.
    QCOMPARE(framer.feed("GET / HTTP/1.1\r\n\r\n").status, 400);
    QCOMPARE(framer.completedRequests(), 0);

    // A declared body over the limit is refused from its head alone.
    HttpRequestFramer big(HttpRequestFramer::Limits{1024, 20, 2048});
    QCOMPARE(big.feed("POST /x HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n").status, 413);
}

void TestHttpRequestFramer::inRequestTracksPartialRequests()
{
    HttpRequestFramer framer;
    QVERIFY(!framer.inRequest());
    QCOMPARE(framer.feed("\r\n").status, 0);
    QVERIFY(!framer.inRequest());
    framer.feed("POST /a HTTP/1.1\r\nContent-Len");
    QVERIFY(framer.inRequest());
    framer.feed("gth: 3\r\n\r\nab");
    QVERIFY(framer.inRequest());
    framer.feed("c");
    QVERIFY(!framer.inRequest());
    QCOMPARE(framer.completedRequests(), 1);
    framer.feed("G");
    QVERIFY(framer.inRequest());
}

void TestHttpRequestFramer::methodAndPathForTheLog()
{
    HttpRequestFramer framer;
    framer.feed("DELETE /api/reservations/7?token=secret HTTP/1.1\r\n");
    QCOMPARE(framer.method(), QByteArray("DELETE"));
    QCOMPARE(framer.path(), QStringLiteral("/api/reservations/7"));
    HttpRequestFramer longOne;
    longOne.feed(QByteArray("GET /" + QByteArray(1000, 'a') + " HTTP/1.1\r\n"));
    QCOMPARE(longOne.path().size(), 256);
}

QTEST_GUILESS_MAIN(TestHttpRequestFramer)
#include "tst_httprequestframer.moc"
