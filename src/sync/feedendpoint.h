#pragma once

#include <QByteArray>
#include <QUrl>

namespace Plenary {

/**
 * Names the routes of a plenary-feed server (src/server/PROTOCOL.md) from its base URL, and recognises a
 * feed server by its discovery route `GET /api/health`.
 */
class FeedEndpoint
{
public:
    /** The server's base when `url` names one of its public routes (".../api/conference", ".../api/seats",
     * ".../api/seats/stream", ".../api/health"), else an empty URL. Query and fragment are dropped. */
    static QUrl baseOf(const QUrl &url);

    /** `url` when it names no route, else its base; no trailing slash, no query. */
    static QUrl normalizedBase(const QUrl &url);

    static QUrl healthUrl(const QUrl &base);
    static QUrl conferenceUrl(const QUrl &base);

    /** Whether a /api/health body comes from a plenary-feed server: a JSON object with "status": "ok", a
     * numeric "seatsVersion" and a string "scheduleVersion". */
    static bool isHealthDocument(const QByteArray &body);
};

} // namespace Plenary
