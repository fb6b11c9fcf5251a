// Benchmark: 2,000 reservation attempts from 200 concurrent connections on one 40-seat session, against the
// real plenary-feed binary (a child process on port 0). Checks that exactly 40 seats are confirmed and the
// rest wait in arrival order, and prints the latency of the reservation requests (target: p99 <= 100 ms).
// Usage: bench_seats [connections] [attempts-per-connection]
#include "../server/conferencefixture.h"
#include "../server/testclient.h"
#include "benchstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

#include <unistd.h>
#include <vector>

using namespace Plenary;

namespace {
constexpr int Seats = 40;

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_seats: " << message << Qt::endl;
    return 1;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

Conference benchConference()
{
    const QTimeZone zone("America/New_York");
    const QDateTime start(QDate(2027, 5, 11), QTime(9, 0), zone);
    Session lab =
        ConferenceFixture::seatSession(QStringLiteral("bench-lab"), Seats, start, start.addSecs(3 * 3600),
                                       QStringLiteral("The one lab everybody wants"));
    lab.type = SessionType::HandsOnLab;
    return ConferenceFixture::conference(QStringLiteral("bench"), QStringLiteral("Seat benchmark"), zone,
                                         QStringLiteral("bench-1"), {lab});
}

/** CPU time (user + system) a process has used so far, in milliseconds; -1 where /proc is not available. */
double cpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const long ticks = sysconf(_SC_CLK_TCK);
    return fields.size() > 12 ? (fields[11].toDouble() + fields[12].toDouble()) * 1000.0 / double(ticks) : -1;
}

/**
 * One keep-alive HTTP/1.1 connection driven from this thread with a minimal client (QNetworkAccessManager
 * would add a thread per manager and so measure itself): one request at a time, responses framed by
 * Content-Length.
 */
class RawConnection
{
public:
    using Done = std::function<void(int status, const QByteArray &body, double ms)>;

    explicit RawConnection(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    void send(const QByteArray &method, const QByteArray &path, const QByteArray &token,
              const QByteArray &body, Done done)
    {
        m_done = std::move(done);
        m_buffer.clear();
        QObject::disconnect(&m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                   "\r\n\r\n" + body;
        m_started = TestClient::clock().nsecsElapsed();
        m_socket.write(request);
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = m_buffer.left(end).toLower();
        const qsizetype at = head.indexOf("content-length: ");
        const int length = at < 0 ? 0 : head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toInt();
        if (m_buffer.size() < end + 4 + length)
            return;
        const double ms = double(TestClient::clock().nsecsElapsed() - m_started) / 1e6;
        const int status = m_buffer.mid(9, 3).toInt();
        Done done = std::move(m_done);
        done(status, m_buffer.mid(end + 4, length), ms);
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    qint64 m_started = 0;
    Done m_done;
};

struct Result
{
    int status = 0;
    QJsonObject json;
    double ms = 0;
};

/** Sends `count` requests over the connections, each connection sending its share one after another. */
QList<Result> runConcurrently(std::vector<std::unique_ptr<RawConnection>> &connections, int count,
                              const std::function<void(RawConnection &, int, RawConnection::Done)> &send)
{
    QList<Result> results(count);
    int done = 0;
    std::function<void(int, int)> next = [&](int connection, int index) {
        if (index >= count)
            return;
        send(*connections[connection], index,
             [&, connection, index](int status, const QByteArray &body, double ms) {
                 results[index] = Result{status, QJsonDocument::fromJson(body).object(), ms};
                 ++done;
                 next(connection, index + int(connections.size()));
             });
    };
    for (int c = 0; c < int(connections.size()); ++c)
        next(c, c);
    TestClient::waitFor([&] { return done == count; }, 600'000);
    return results;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    const int connections = argc > 1 ? QByteArray(argv[1]).toInt() : 200;
    const int perConnection = argc > 2 ? QByteArray(argv[2]).toInt() : 10;
    const int attempts = connections * perConnection;

    QTemporaryDir dir;
    QJsonArray badges;
    for (int i = 0; i < attempts; ++i)
        badges.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("BENCH-%1").arg(i)},
                                  {QStringLiteral("name"), QStringLiteral("Attendee %1").arg(i)}});
    if (!ConferenceFixture::writeConference(dir.filePath(QStringLiteral("conference.json")),
                                            benchConference()) ||
        !writeFile(dir.filePath(QStringLiteral("badges.json")),
                   QJsonDocument(QJsonObject{{QStringLiteral("badges"), badges}}).toJson()))
        return fail(QStringLiteral("cannot write the input files"));

    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.setStandardErrorFile(dir.filePath(QStringLiteral("server.log")));
    server.start(
        QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/plenary-feed"),
        {QStringLiteral("serve"), QStringLiteral("--conference"),
         dir.filePath(QStringLiteral("conference.json")), QStringLiteral("--db"),
         dir.filePath(QStringLiteral("ledger.sqlite")), QStringLiteral("--listen"),
         QStringLiteral("127.0.0.1:0"), QStringLiteral("--badges"),
         dir.filePath(QStringLiteral("badges.json")), QStringLiteral("--rate-limit"), QStringLiteral("1000"),
         QStringLiteral("--rate-burst"), QStringLiteral("1000"),
         // 200 connections and 2,000 sign-ins from one loopback address are the benchmark, not an attack.
         QStringLiteral("--rate-limit-per-address"), QStringLiteral("0"),
         QStringLiteral("--max-connections-per-address"), QStringLiteral("0"),
         QStringLiteral("--sign-ins-per-minute"), QStringLiteral("0")});
    if (!server.waitForStarted(10'000))
        return fail(QStringLiteral("cannot start plenary-feed: ") + server.errorString());
    QByteArray out;
    const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch match;
    TestClient::waitFor(
        [&] {
            out += server.readAllStandardOutput();
            match = listening.match(QString::fromUtf8(out));
            return match.hasMatch() || server.state() == QProcess::NotRunning;
        },
        20'000);
    if (!match.hasMatch())
        return fail(QStringLiteral("plenary-feed did not start"));
    const quint16 port = quint16(match.captured(1).toUInt());

    std::vector<std::unique_ptr<RawConnection>> connectionPool;
    for (int i = 0; i < connections; ++i)
        connectionPool.push_back(std::make_unique<RawConnection>(port));

    // Sign-ins are set-up, not measured.
    QList<QByteArray> tokens(attempts);
    const QList<Result> signIns =
        runConcurrently(connectionPool, attempts, [](RawConnection &c, int i, auto done) {
            c.send("POST", "/api/session", {}, "{\"badge\": \"BENCH-" + QByteArray::number(i) + "\"}",
                   std::move(done));
        });
    for (int i = 0; i < attempts; ++i) {
        tokens[i] = signIns[i].json.value(u"token").toString().toLatin1();
        if (tokens[i].isEmpty())
            return fail(QStringLiteral("sign-in %1 failed with HTTP %2").arg(i).arg(signIns[i].status));
    }

    const double cpuBefore = cpuMs(server.processId());
    QElapsedTimer wall;
    wall.start();
    const QList<Result> reservations =
        runConcurrently(connectionPool, attempts, [&tokens](RawConnection &c, int i, auto done) {
            c.send("POST", "/api/reservations", tokens[i], "{\"session\": \"bench-lab\", \"waitlist\": true}",
                   std::move(done));
        });
    const qint64 wallMs = wall.elapsed();
    const double serverCpuMs = cpuMs(server.processId()) - cpuBefore;

    int confirmed = 0;
    int waitlisted = 0;
    int errors = 0;
    QList<double> latencies;
    QList<std::pair<qint64, int>> queue; // (arrival, position)
    for (const Result &r : reservations) {
        latencies.append(r.ms);
        const QJsonObject reservation = r.json.value(u"reservation").toObject();
        if (r.status != 201) {
            ++errors;
        } else if (reservation.value(u"status").toString() == u"confirmed") {
            ++confirmed;
        } else {
            ++waitlisted;
            queue.append({reservation.value(u"queued").toInteger(), reservation.value(u"position").toInt()});
        }
    }
    std::sort(queue.begin(), queue.end());
    bool fcfs = true;
    for (int i = 0; i < queue.size(); ++i)
        fcfs = fcfs && queue[i].second == i + 1;

    TestClient probe(port);
    const QJsonObject seats = probe.call("GET", QStringLiteral("/api/seats"))
                                  .json()
                                  .value(u"sessions")
                                  .toArray()
                                  .first()
                                  .toObject();
    server.terminate();
    server.waitForFinished(10'000);

    std::sort(latencies.begin(), latencies.end());
    const auto at = [&latencies](double q) {
        return latencies[std::min<qsizetype>(latencies.size() - 1, qsizetype(q * latencies.size()))];
    };
    QTextStream(stdout) << attempts << " reservation attempts from " << connections
                        << " concurrent connections on a " << Seats << "-seat session: " << confirmed
                        << " confirmed, " << waitlisted << " waitlisted, " << errors
                        << " errors; server says taken " << seats.value(u"taken").toInt() << ", waitlist "
                        << seats.value(u"waitlist").toInt()
                        << "; waitlist in arrival order: " << (fcfs ? "yes" : "NO") << Qt::endl;
    QTextStream(stdout) << "latency: p50 " << Qt::fixed << qSetRealNumberPrecision(2) << at(0.5)
                        << " ms  p90 " << at(0.9) << " ms  p99 " << at(0.99) << " ms  max "
                        << latencies.back() << " ms  (" << qSetRealNumberPrecision(0)
                        << attempts * 1000.0 / std::max<qint64>(1, wallMs) << " requests/s over " << wallMs
                        << " ms)" << Qt::endl;
    if (cpuBefore >= 0) {
        QTextStream(stdout) << "server CPU: " << Qt::fixed << qSetRealNumberPrecision(0) << serverCpuMs
                            << " ms in total, " << qSetRealNumberPrecision(3) << serverCpuMs / attempts
                            << " ms per reservation" << Qt::endl;
    }
    printTimings("reserve", latencies);
    const bool ok = confirmed == Seats && errors == 0 && fcfs && seats.value(u"taken").toInt() == Seats &&
                    waitlisted == attempts - Seats;
    return ok ? 0 : 1;
}
