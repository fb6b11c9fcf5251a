// The buffered request log: line format, time stamps in local time, flushing on a timer and when large.
#include "requestlog.h"

#include "serverlogging.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTest>

using namespace Plenary;

class TestRequestLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void writesOneLinePerRequest();
    void flushesOnTheTimer();
    void flushesWhenLarge();
    void flushesWhenDestroyed();
    void skipsLinesWhenInfoIsOff();

private:
    QList<QByteArray> m_writes;
    qint64 m_now = 0;
};

namespace {
void attach(RequestLog &log, QList<QByteArray> *writes, const qint64 *now)
{
    log.setSink([writes](QByteArrayView bytes) { writes->append(bytes.toByteArray()); });
    log.setClock([now] { return *now; });
}
} // namespace

void TestRequestLog::init()
{
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=true"));
    m_writes.clear();
    // 2027-05-11 09:00:01.123 in Berlin (the tests run with TZ=Europe/Berlin): 07:00:01.123 UTC.
    m_now = QDateTime(QDate(2027, 5, 11), QTime(7, 0, 1, 123), Qt::UTC).toMSecsSinceEpoch();
}

void TestRequestLog::writesOneLinePerRequest()
{
    RequestLog log;
    attach(log, &m_writes, &m_now);
    log.append("POST", u"/api/reservations", 201, 3);
    m_now += 7;
    log.append("GET", u"/api/seats", 304, 0);
    m_now += 1000 - 130 + 5; // 09:00:02.005, the next second
    log.append("GET", u"/api/reservations/r%C3%A9", 404, 12345);
    log.append("GET", u"/api/caf\u00e9", 499, 1);
    QVERIFY(m_writes.isEmpty());
    log.flush();
    QCOMPARE(m_writes.size(), 1);
    QCOMPARE(m_writes.first(),
             QByteArray("2027-05-11T09:00:01.123 POST /api/reservations 201 3 ms\n"
                        "2027-05-11T09:00:01.130 GET /api/seats 304 0 ms\n"
                        "2027-05-11T09:00:02.005 GET /api/reservations/r%C3%A9 404 12345 ms\n"
                        "2027-05-11T09:00:02.005 GET /api/caf\xc3\xa9 499 1 ms\n"));
    log.flush();
    QCOMPARE(m_writes.size(), 1);
}

void TestRequestLog::flushesOnTheTimer()
{
    RequestLog log;
    attach(log, &m_writes, &m_now);
    QVERIFY(log.flushIntervalMs() > 0 && log.flushIntervalMs() <= 200);
    log.setFlushIntervalMs(20);
    log.append("GET", u"/api/health", 200, 0);
    log.append("GET", u"/api/seats", 200, 1);
    QVERIFY(m_writes.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_writes.size(), 1, 2000);
    QCOMPARE(m_writes.first().count('\n'), 2);
    log.append("GET", u"/api/seats", 200, 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_writes.size(), 2, 2000);
    QVERIFY(m_writes.last().endsWith(" GET /api/seats 200 2 ms\n"));
}

void TestRequestLog::flushesWhenLarge()
{
    RequestLog log;
    attach(log, &m_writes, &m_now);
    log.setFlushIntervalMs(60'000);
    const QString path = QStringLiteral("/api/") + QString(200, u'x');
    int lines = 0;
    while (m_writes.isEmpty() && lines < 10'000) {
        log.append("GET", path, 404, 0);
        ++lines;
    }
    QCOMPARE(m_writes.size(), 1);
    QVERIFY(m_writes.first().size() >= 64 * 1024);
    QVERIFY(m_writes.first().size() < 64 * 1024 + 300);
    QCOMPARE(m_writes.first().count('\n'), lines);
}

void TestRequestLog::flushesWhenDestroyed()
{
    {
        RequestLog log;
        attach(log, &m_writes, &m_now);
        log.setFlushIntervalMs(60'000);
        log.append("DELETE", u"/api/session", 204, 0);
    }
    QCOMPARE(m_writes, QList<QByteArray>{"2027-05-11T09:00:01.123 DELETE /api/session 204 0 ms\n"});
}

void TestRequestLog::skipsLinesWhenInfoIsOff()
{
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=false"));
    RequestLog log;
    attach(log, &m_writes, &m_now);
    log.append("GET", u"/api/seats", 200, 0);
    log.flush();
    QVERIFY(m_writes.isEmpty());
    QLoggingCategory::setFilterRules(QStringLiteral("plenary.server.info=true"));
    log.append("GET", u"/api/seats", 200, 0);
    log.flush();
    QCOMPARE(m_writes.size(), 1);
}

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
