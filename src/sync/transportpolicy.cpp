#include "transportpolicy.h"

#include <QHostAddress>

namespace Plenary {

bool TransportPolicy::isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host.isEmpty())
        return false;
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    if (address.isLoopback())
        return true;
    bool isV4 = false;
    const quint32 mapped = address.toIPv4Address(&isV4); // ::ffff:127.0.0.1
    return isV4 && (mapped >> 24) == 127;
}

bool TransportPolicy::allows(const QUrl &url, bool allowHttp)
{
    if (url.scheme().compare(u"http", Qt::CaseInsensitive) != 0)
        return true;
    return allowHttp || isLoopback(url);
}

QString TransportPolicy::refusalText(const QUrl &url)
{
    return QStringLiteral("Refused the unencrypted address %1: plain http:// is only used on this device "
                          "(localhost, 127.0.0.0/8, ::1) unless unencrypted connections are allowed "
                          "(the setting \"Allow unencrypted connections\" or --allow-http); use https://")
        .arg(url.toDisplayString());
}

} // namespace Plenary
