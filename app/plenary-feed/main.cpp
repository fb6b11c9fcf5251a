// plenary-feed: serves one conference and its seat ledger over HTTP (see src/server/PROTOCOL.md).
#include "feedserver.h"
#include "hangupnotifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

using namespace Plenary;

namespace {
enum ExitCode { Ok = 0, CannotStart = 1, Usage = 2 };

int failWith(const QString &message, int code)
{
    QTextStream(stderr) << "plenary-feed: " << message << Qt::endl;
    return code;
}

/** "127.0.0.1:8080", "localhost:8080", "[::1]:8080", ":8080" (all interfaces); port 0 picks a free one. */
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    *port = quint16(number);
    if (host.isEmpty())
        *address = QHostAddress(QHostAddress::Any);
    else if (host == u"localhost")
        *address = QHostAddress(QHostAddress::LocalHost);
    else
        *address = QHostAddress(host);
    return !address->isNull();
}

/** "7d", "12h", "30m", "45s" or plain seconds; -1 when it is none of these. */
qint64 parseDuration(const QString &text)
{
    static const QList<std::pair<QChar, qint64>> units{{u'd', 86400}, {u'h', 3600}, {u'm', 60}, {u's', 1}};
    qint64 factor = 1;
    QString number = text.trimmed();
    for (const auto &[unit, seconds] : units) {
        if (number.endsWith(unit)) {
            factor = seconds;
            number.chop(1);
            break;
        }
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    return ok && value >= 0 && value <= 100LL * 365 * 86400 / factor ? value * factor : -1;
}

/** A whole number in [minimum, maximum]; nullopt otherwise. */
std::optional<qint64> parseNumber(const QString &text, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plenary-feed"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLENARY_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}warning: %{endif}"
                                      "%{if-critical}error: %{endif}%{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves a conference schedule and its live seat ledger over HTTP.\n"
        "Usage: plenary-feed serve --conference FILE --db FILE.sqlite [--listen HOST:PORT] ...\n"
        "SIGHUP (or POST /api/admin/reload) reloads the conference file. The admin token may also be given "
        "in\n"
        "the PLENARY_ADMIN_TOKEN environment variable, which keeps it out of the process list."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve"));
    const QCommandLineOption conference(
        QStringLiteral("conference"),
        QStringLiteral("The schedule to serve (any format plenary-convert reads)."), QStringLiteral("FILE"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The SQLite seat ledger (created if missing)."),
                                QStringLiteral("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port; port 0 picks a free one."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption badges(QStringLiteral("badges"), QStringLiteral("Badge codes that may sign in."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption seats(QStringLiteral("seats"),
                                   QStringLiteral("Initial taken/waitlist counts per session id."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption adminToken(QStringLiteral("admin-token"),
                                        QStringLiteral("A bearer token with administrator rights."),
                                        QStringLiteral("TOKEN"));
    const QCommandLineOption forbidOverlaps(QStringLiteral("forbid-overlaps"),
                                            QStringLiteral("Refuse places in two overlapping sessions."));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
                                     QStringLiteral("Largest request body in bytes."),
                                     QStringLiteral("BYTES"), QStringLiteral("16384"));
    const QCommandLineOption rate(QStringLiteral("rate-limit"),
                                  QStringLiteral("Sustained requests per second per token."),
                                  QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption burst(QStringLiteral("rate-burst"),
                                   QStringLiteral("Requests a token may make at once."), QStringLiteral("N"),
                                   QStringLiteral("60"));
    const QCommandLineOption addressRate(
        QStringLiteral("rate-limit-per-address"),
        QStringLiteral("Sustained requests per second from one client address, on every route; 0 turns the "
                       "per-address limits off. Default 20."),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption addressBurst(
        QStringLiteral("rate-burst-per-address"),
        QStringLiteral("Requests one client address may make at once. Default 200."), QStringLiteral("N"),
        QStringLiteral("200"));
    const QCommandLineOption signIns(
        QStringLiteral("sign-ins-per-minute"),
        QStringLiteral("Sign-in attempts per minute from one address (burst 20); 0 "
                       "turns this limit off. Default 30."),
        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("Open connections in total; 0 is unlimited. Default 2000."), QStringLiteral("N"),
        QStringLiteral("2000"));
    const QCommandLineOption maxPerAddress(
        QStringLiteral("max-connections-per-address"),
        QStringLiteral("Open connections from one client address; 0 is unlimited. Default 256."),
        QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption requestTimeout(
        QStringLiteral("request-timeout"),
        QStringLiteral(
            "Seconds a request (line, headers and body) may take to arrive; 0 is unlimited. Default 10."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Seconds an idle keep-alive connection stays open. Default 120."),
        QStringLiteral("SECONDS"), QStringLiteral("120"));
    const QCommandLineOption maxHeaderBytes(
        QStringLiteral("max-header-bytes"),
        QStringLiteral("Largest request line plus headers in bytes. Default 16384."), QStringLiteral("BYTES"),
        QStringLiteral("16384"));
    const QCommandLineOption maxHeaders(QStringLiteral("max-headers"),
                                        QStringLiteral("Most header lines in one request. Default 100."),
                                        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption tokenLifetime(
        QStringLiteral("token-lifetime"),
        QStringLiteral(
            "How long a sign-in token stays valid (7d, 12h, 30m, seconds); 0 is forever. Default 7d."),
        QStringLiteral("DURATION"), QStringLiteral("7d"));
    parser.addOptions({conference,     db,
                       listen,         badges,
                       seats,          adminToken,
                       forbidOverlaps, maxBody,
                       rate,           burst,
                       addressRate,    addressBurst,
                       signIns,        maxConnections,
                       maxPerAddress,  requestTimeout,
                       idleTimeout,    maxHeaderBytes,
                       maxHeaders,     tokenLifetime});
    parser.process(app);

    if (parser.positionalArguments() != QStringList{QStringLiteral("serve")})
        return failWith(QStringLiteral("expected the command \"serve\" (see --help)"), Usage);
    if (!parser.isSet(conference) || !parser.isSet(db))
        return failWith(QStringLiteral("--conference and --db are required"), Usage);
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listen), &address, &port))
        return failWith(QStringLiteral("--listen wants HOST:PORT, not \"%1\"").arg(parser.value(listen)),
                        Usage);

    FeedServerConfig config;
    config.conferencePath = parser.value(conference);
    config.databasePath = parser.value(db);
    config.badgesPath = parser.value(badges);
    config.seatsPath = parser.value(seats);
    config.adminToken =
        parser.isSet(adminToken) ? parser.value(adminToken).toUtf8() : qgetenv("PLENARY_ADMIN_TOKEN");
    config.forbidOverlaps = parser.isSet(forbidOverlaps);
    bool okBody = false;
    bool okRate = false;
    bool okBurst = false;
    config.maxBodyBytes = parser.value(maxBody).toLongLong(&okBody);
    config.ratePerSecond = parser.value(rate).toDouble(&okRate);
    config.rateBurst = parser.value(burst).toDouble(&okBurst);
    if (!okBody || config.maxBodyBytes < 256 || !okRate || config.ratePerSecond <= 0 || !okBurst ||
        config.rateBurst < 1)
        return failWith(QStringLiteral("--max-body, --rate-limit and --rate-burst want positive numbers"),
                        Usage);

    const std::optional<qint64> perAddress = parseNumber(parser.value(addressRate), 0, 1'000'000);
    const std::optional<qint64> perAddressBurst = parseNumber(parser.value(addressBurst), 1, 1'000'000);
    const std::optional<qint64> signInRate = parseNumber(parser.value(signIns), 0, 1'000'000);
    const std::optional<qint64> connections = parseNumber(parser.value(maxConnections), 0, 1'000'000);
    const std::optional<qint64> connectionsPerAddress =
        parseNumber(parser.value(maxPerAddress), 0, 1'000'000);
    const std::optional<qint64> timeout = parseNumber(parser.value(requestTimeout), 0, 3600);
    const std::optional<qint64> idle = parseNumber(parser.value(idleTimeout), 1, 86400);
    const std::optional<qint64> headerBytes = parseNumber(parser.value(maxHeaderBytes), 1024, 1024 * 1024);
    const std::optional<qint64> headerCount = parseNumber(parser.value(maxHeaders), 8, 10'000);
    const qint64 lifetime = parseDuration(parser.value(tokenLifetime));
    if (!perAddress || !perAddressBurst || !signInRate || !connections || !connectionsPerAddress ||
        !timeout || !idle || !headerBytes || !headerCount || lifetime < 0)
        return failWith(QStringLiteral("a limit is not a whole number in its range (see --help: "
                                       "--max-header-bytes from 1024, --max-headers from 8, --idle-timeout "
                                       "from 1, --token-lifetime like 7d or 12h)"),
                        Usage);
    config.addressRatePerSecond = double(*perAddress);
    config.addressRateBurst = double(*perAddressBurst);
    config.signInsPerMinute = double(*signInRate);
    config.maxConnections = int(*connections);
    config.maxConnectionsPerAddress = int(*connectionsPerAddress);
    config.requestTimeoutMs = int(*timeout * 1000);
    config.maxHeaderBytes = *headerBytes;
    config.maxHeaderCount = int(*headerCount);
    config.tokenLifetimeSeconds = lifetime;

    FeedServer server(config);
    server.http().setIdleTimeoutMs(int(*idle * 1000));
    QString error;
    if (!server.start(&error))
        return failWith(error, CannotStart);
    const quint16 bound = server.listen(address, port, &error);
    if (bound == 0)
        return failWith(QStringLiteral("cannot listen on %1: %2").arg(parser.value(listen), error),
                        CannotStart);

    HangupNotifier hangup;
    QObject::connect(&hangup, &HangupNotifier::hangup, &server, [&server] { server.reload(); });
    // SIGTERM/SIGINT: leave the event loop, so that the server answers its waiting clients and the request
    // log is written out before the process ends (exit code 0).
    QObject::connect(&hangup, &HangupNotifier::stopRequested, &app, &QCoreApplication::quit);

    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    QTextStream(stdout) << "listening on " << host << ':' << bound << Qt::endl;
    return app.exec();
}
