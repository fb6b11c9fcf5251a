#pragma once

#include "conference.h"
#include "seatledger.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Plenary {

/** One loaded version of the served conference: its feed JSON bytes, strong ETag and schedule version. */
class FeedSnapshot
{
public:
    /**
     * Reads any schedule ScheduleImporter understands; nullopt with `error` set when it cannot. A schedule
     * without a version of its own gets "sha256-…" derived from its content, also written into the feed.
     */
    static std::optional<FeedSnapshot> load(const QString &path, QString *error);

    static FeedSnapshot fromConference(Conference conference);

    const Conference &conference() const { return m_conference; }
    const QByteArray &json() const { return m_json; }
    const QByteArray &etag() const { return m_etag; } ///< quoted, e.g. "\"3f2a…\""
    const QString &version() const { return m_version; }

    /** The sessions as the seat ledger needs them (every session, seat-limited or not). */
    QList<LedgerSession> ledgerSessions() const;

private:
    Conference m_conference;
    QByteArray m_json;
    QByteArray m_etag;
    QString m_version;
};

} // namespace Plenary
