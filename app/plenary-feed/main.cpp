// plenary-feed: serves one conference and its seat ledger over HTTP (see src/server/PROTOCOL.md).
#include "feedserver.h"
#include "hangupnotifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <limits>
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

/** How a numeric flag's text is read. */
enum class Syntax {
    WholeNumber, ///< digits, optionally signed
    Number,      ///< a decimal number ("0.5")
    Duration,    ///< see parseDuration()
};

/** One numeric option of `serve`: its flag, how it is read, its range and where its value goes. */
struct NumericFlag
{
    QCommandLineOption option;
    Syntax syntax;
    double minimum;
    double maximum;
    const QString *usageError; ///< printed when the value is not in range
    std::function<void(double)> store;
};

/** The flag's value when it is in range; nullopt otherwise. */
std::optional<double> parseNumericFlag(const NumericFlag &flag, const QString &text)
{
    bool ok = false;
    double value = 0;
    switch (flag.syntax) {
    case Syntax::WholeNumber:
        value = double(text.toLongLong(&ok));
        break;
    case Syntax::Number:
        value = text.toDouble(&ok);
        break;
    case Syntax::Duration: {
        const qint64 seconds = parseDuration(text);
        ok = seconds >= 0;
        value = double(seconds);
        break;
    }
    }
    if (!ok || !(value >= flag.minimum && value <= flag.maximum))
        return std::nullopt;
    return value;
}

/**
 * Reads every flag of `flags` in order and stores its value (the default when it is not given); the usage
 * error of the first flag out of range otherwise.
 */
std::optional<QString> applyNumericFlags(const QCommandLineParser &parser, const QList<NumericFlag> &flags)
{
    for (const NumericFlag &flag : flags) {
        const std::optional<double> value = parseNumericFlag(flag, parser.value(flag.option));
        if (!value)
            return *flag.usageError;
        flag.store(*value);
    }
    return std::nullopt;
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
    const auto option = [](const char *name, const char *description, const char *valueName,
                           const char *defaultValue) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                                  QString::fromLatin1(valueName), QString::fromLatin1(defaultValue));
    };
    // The numeric flags, in the order their usage errors are reported; defaults as in PROTOCOL.md.
    const QString positive =
        QStringLiteral("--max-body, --rate-limit and --rate-burst want positive numbers");
    const QString inRange = QStringLiteral(
        "a limit is not a whole number in its range (see --help: --max-header-bytes from 1024, --max-headers "
        "from 8, --idle-timeout from 1, --token-lifetime like 7d or 12h)");
    constexpr double Million = 1'000'000;
    constexpr double AnyPositive = std::numeric_limits<double>::denorm_min();
    constexpr double Unbounded = double(qint64(1) << 53);
    FeedServerConfig config;
    int idleTimeoutMs = 0;
    const QList<NumericFlag> numericFlags{
        {option("max-body", "Largest request body in bytes.", "BYTES", "16384"), Syntax::WholeNumber, 256,
         Unbounded, &positive, [&](double v) { config.maxBodyBytes = qint64(v); }},
        {option("rate-limit", "Sustained requests per second per token.", "N", "10"), Syntax::Number,
         AnyPositive, std::numeric_limits<double>::max(), &positive,
         [&](double v) { config.ratePerSecond = v; }},
        {option("rate-burst", "Requests a token may make at once.", "N", "60"), Syntax::Number, 1,
         std::numeric_limits<double>::max(), &positive, [&](double v) { config.rateBurst = v; }},
        {option("rate-limit-per-address",
                "Sustained requests per second from one client address, on every route; 0 turns the "
                "per-address limits off. Default 20.",
                "N", "20"),
         Syntax::WholeNumber, 0, Million, &inRange, [&](double v) { config.addressRatePerSecond = v; }},
        {option("rate-burst-per-address", "Requests one client address may make at once. Default 200.", "N",
                "200"),
         Syntax::WholeNumber, 1, Million, &inRange, [&](double v) { config.addressRateBurst = v; }},
        {option(
             "sign-ins-per-minute",
             "Sign-in attempts per minute from one address (burst 20); 0 turns this limit off. Default 30.",
             "N", "30"),
         Syntax::WholeNumber, 0, Million, &inRange, [&](double v) { config.signInsPerMinute = v; }},
        {option("max-connections", "Open connections in total; 0 is unlimited. Default 2000.", "N", "2000"),
         Syntax::WholeNumber, 0, Million, &inRange, [&](double v) { config.maxConnections = int(v); }},
        {option("max-connections-per-address",
                "Open connections from one client address; 0 is unlimited. Default 256.", "N", "256"),
         Syntax::WholeNumber, 0, Million, &inRange,
         [&](double v) { config.maxConnectionsPerAddress = int(v); }},
        {option("request-timeout",
                "Seconds a request (line, headers and body) may take to arrive; 0 is unlimited. Default 10.",
                "SECONDS", "10"),
         Syntax::WholeNumber, 0, 3600, &inRange, [&](double v) { config.requestTimeoutMs = int(v * 1000); }},
        {option("idle-timeout", "Seconds an idle keep-alive connection stays open. Default 120.", "SECONDS",
                "120"),
         Syntax::WholeNumber, 1, 86400, &inRange, [&](double v) { idleTimeoutMs = int(v * 1000); }},
        {option("max-header-bytes", "Largest request line plus headers in bytes. Default 16384.", "BYTES",
                "16384"),
         Syntax::WholeNumber, 1024, 1024 * 1024, &inRange,
         [&](double v) { config.maxHeaderBytes = qsizetype(v); }},
        {option("max-headers", "Most header lines in one request. Default 100.", "N", "100"),
         Syntax::WholeNumber, 8, 10'000, &inRange, [&](double v) { config.maxHeaderCount = int(v); }},
        {option("token-lifetime",
                "How long a sign-in token stays valid (7d, 12h, 30m, seconds); 0 is forever. Default 7d.",
                "DURATION", "7d"),
         Syntax::Duration, 0, Unbounded, &inRange,
         [&](double v) { config.tokenLifetimeSeconds = qint64(v); }},
    };
    parser.addOptions({conference, db, listen, badges, seats, adminToken, forbidOverlaps});
    for (const NumericFlag &flag : numericFlags)
        parser.addOption(flag.option);
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

    config.conferencePath = parser.value(conference);
    config.databasePath = parser.value(db);
    config.badgesPath = parser.value(badges);
    config.seatsPath = parser.value(seats);
    config.adminToken =
        parser.isSet(adminToken) ? parser.value(adminToken).toUtf8() : qgetenv("PLENARY_ADMIN_TOKEN");
    config.forbidOverlaps = parser.isSet(forbidOverlaps);
    if (const std::optional<QString> error = applyNumericFlags(parser, numericFlags))
        return failWith(*error, Usage);

    FeedServer server(config);
    server.http().setIdleTimeoutMs(idleTimeoutMs);
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
