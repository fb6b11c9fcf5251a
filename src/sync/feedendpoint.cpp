#include "feedendpoint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Plenary {

namespace {
const QLatin1StringView kApi("/api/");

QUrl withPath(const QUrl &base, const QString &route)
{
    QUrl url = FeedEndpoint::normalizedBase(base);
    url.setPath(url.path() + route);
    return url;
}
} // namespace

QUrl FeedEndpoint::baseOf(const QUrl &url)
{
    // Only the server's public routes count: ".../api/schedule.json" on some web site is just a file.
    static const QStringList kRoutes{QStringLiteral("conference"), QStringLiteral("seats"),
                                     QStringLiteral("seats/stream"), QStringLiteral("health")};
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    const qsizetype api = path.lastIndexOf(kApi);
    if (api < 0 || !url.isValid() || url.host().isEmpty() || !kRoutes.contains(path.mid(api + kApi.size())))
        return {};
    QUrl base = url;
    base.setPath(path.left(api));
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

QUrl FeedEndpoint::normalizedBase(const QUrl &url)
{
    QUrl base = baseOf(url);
    if (base.isEmpty()) {
        base = url;
        base.setQuery(QString());
        base.setFragment(QString());
    }
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path);
    return base;
}

QUrl FeedEndpoint::healthUrl(const QUrl &base)
{
    return withPath(base, QStringLiteral("/api/health"));
}

QUrl FeedEndpoint::conferenceUrl(const QUrl &base)
{
    return withPath(base, QStringLiteral("/api/conference"));
}

bool FeedEndpoint::isHealthDocument(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject object = document.object();
    return object.value(u"status").toString() == u"ok" && object.value(u"seatsVersion").isDouble() &&
           object.value(u"scheduleVersion").isString();
}

} // namespace Plenary
