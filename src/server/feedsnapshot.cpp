#include "feedsnapshot.h"

#include "plenaryfeedwriter.h"
#include "scheduleimporter.h"

#include <QCryptographicHash>

namespace Plenary {

namespace {
QByteArray hexDigest(const QByteArray &bytes, int length)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(length);
}
} // namespace

std::optional<FeedSnapshot> FeedSnapshot::load(const QString &path, QString *error)
{
    ImportResult result = ScheduleImporter::importFile(path);
    if (!result.ok()) {
        *error = result.error.toString();
        return std::nullopt;
    }
    return fromConference(std::move(*result.conference));
}

FeedSnapshot FeedSnapshot::fromConference(Conference conference)
{
    FeedSnapshot snapshot;
    if (conference.version.isEmpty())
        conference.version = QStringLiteral("sha256-") +
                             QString::fromLatin1(hexDigest(PlenaryFeedWriter::write(conference), 16));
    snapshot.m_json = PlenaryFeedWriter::write(conference);
    snapshot.m_etag = '"' + hexDigest(snapshot.m_json, 32) + '"';
    snapshot.m_version = conference.version;
    snapshot.m_conference = std::move(conference);
    return snapshot;
}

QList<LedgerSession> FeedSnapshot::ledgerSessions() const
{
    QList<LedgerSession> sessions;
    sessions.reserve(m_conference.sessions.size());
    for (const Session &session : m_conference.sessions)
        sessions.append(
            LedgerSession{session.id, session.title, session.start, session.end, session.seatCapacity});
    return sessions;
}

} // namespace Plenary
