#pragma once

#include "httpresponder.h"
#include "seatledger.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Plenary {

/** The seat availability document of one ledger version, serialized once and answered many times. */
class SeatDocument
{
public:
    // Everything but "serverTime" is fixed for a ledger version and schedule version, so the JSON is kept as
    // the bytes before and after that value; json() only splices the time in. The bytes are exactly what
    // QJsonDocument writes for the whole object (compact, keys in its order).

    SeatDocument() = default;
    SeatDocument(qint64 version, const QString &scheduleVersion, const QList<SeatAvailability> &sessions);

    bool isNull() const { return m_version < 0; }
    qint64 version() const { return m_version; }
    const QString &scheduleVersion() const { return m_scheduleVersion; }

    /** W/"seats-<version>" */
    const QByteArray &etag() const { return m_etag; }
    static QByteArray etagFor(qint64 version);

    /** ETag and Cache-Control, as sent with a 304 (and first with a 200). */
    const HttpResponder::Headers &headers() const { return m_headers; }
    /** headers() plus Content-Type, as sent with the document. */
    const HttpResponder::Headers &bodyHeaders() const { return m_bodyHeaders; }

    /** The compact JSON document with `serverTime` (ISO 8601 UTC, JSON-safe text) as its serverTime. */
    QByteArray json(QByteArrayView serverTime) const;

private:
    qint64 m_version = -1;
    QString m_scheduleVersion;
    QByteArray m_etag;
    QByteArray m_head; ///< up to and including the opening quote of the serverTime value
    QByteArray m_tail; ///< from the closing quote of the serverTime value to the end
    HttpResponder::Headers m_headers;
    HttpResponder::Headers m_bodyHeaders;
};

} // namespace Plenary
