#pragma once

#include <QString>
#include <QUrl>

namespace Plenary {

/**
 * Decides whether the app may talk to an address: https always, plain http only to this device (loopback)
 * unless the user allowed unencrypted connections; TLS errors are never ignored either way.
 */
class TransportPolicy
{
public:
    /** 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and "localhost" / "*.localhost". */
    static bool isLoopback(const QUrl &url);

    /** Whether `url` may be used: https, or http to a loopback host, or any http when `allowHttp`. Other
     * schemes are not this policy's business and are allowed. */
    static bool allows(const QUrl &url, bool allowHttp);

    /** The English sentence naming the rule, for logs and command-line tools. */
    static QString refusalText(const QUrl &url);
};

} // namespace Plenary
