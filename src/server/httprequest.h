#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace Plenary {

/** One parsed HTTP request as the feed server's routes see it, free of any HTTP-server library type. */
struct HttpRequest
{
    QByteArray method;    ///< "GET", "POST", ...
    QString path;         ///< percent-encoded, as sent (never logged with its query)
    QStringList segments; ///< the path split at "/", each segment percent-decoded
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;

    /** The first header with this name (case-insensitive), or an empty array. */
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace Plenary
