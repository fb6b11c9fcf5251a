// plenary-feed: serves one conference and its seat ledger over HTTP (see src/server/PROTOCOL.md).
#include "feedserver.h"
#include "hangupnotifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

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
    parser.addOptions(
        {conference, db, listen, badges, seats, adminToken, forbidOverlaps, maxBody, rate, burst});
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

    FeedServer server(config);
    QString error;
    if (!server.start(&error))
        return failWith(error, CannotStart);
    const quint16 bound = server.listen(address, port, &error);
    if (bound == 0)
        return failWith(QStringLiteral("cannot listen on %1: %2").arg(parser.value(listen), error),
                        CannotStart);

    HangupNotifier hangup;
    QObject::connect(&hangup, &HangupNotifier::hangup, &server, [&server] { server.reload(); });

    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    QTextStream(stdout) << "listening on " << host << ':' << bound << Qt::endl;
    return app.exec();
}
