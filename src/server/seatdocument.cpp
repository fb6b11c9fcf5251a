#include "seatdocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Plenary {

namespace {
// An empty serverTime written by QJsonDocument: no string value can contain these bytes unescaped, and the
// only key sorted before "serverTime" is "scheduleVersion", so the first occurrence is the real one.
constexpr QByteArrayView EmptyServerTime = R"(,"serverTime":"")";
} // namespace

SeatDocument::SeatDocument(qint64 version, const QString &scheduleVersion,
                           const QList<SeatAvailability> &sessions)
    : m_version(version)
    , m_scheduleVersion(scheduleVersion)
    , m_etag(etagFor(version))
{
    QJsonArray array;
    for (const SeatAvailability &a : sessions) {
        array.append(QJsonObject{
            {QStringLiteral("id"), a.sessionId},
            {QStringLiteral("capacity"), a.capacity},
            {QStringLiteral("taken"), a.taken},
            {QStringLiteral("left"), a.seatsLeft()},
            {QStringLiteral("waitlist"), a.waitlist},
            {QStringLiteral("overCapacity"), a.overCapacity()},
            {QStringLiteral("version"), a.version},
        });
    }
    const QJsonObject document{
        {QStringLiteral("version"), version},
        {QStringLiteral("serverTime"), QString()},
        {QStringLiteral("scheduleVersion"), scheduleVersion},
        {QStringLiteral("sessions"), array},
    };
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Compact);
    const qsizetype at = bytes.indexOf(EmptyServerTime);
    Q_ASSERT(at > 0);
    const qsizetype split = at + EmptyServerTime.size() - 1;
    m_head = bytes.first(split);
    m_tail = bytes.sliced(split);

    m_headers = {{QByteArrayLiteral("ETag"), m_etag},
                 {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")}};
    m_bodyHeaders = m_headers;
    m_bodyHeaders.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
}

QByteArray SeatDocument::etagFor(qint64 version)
{
    return "W/\"seats-" + QByteArray::number(version) + '"';
}

QByteArray SeatDocument::json(QByteArrayView serverTime) const
{
    QByteArray bytes;
    bytes.reserve(m_head.size() + serverTime.size() + m_tail.size());
    bytes.append(m_head).append(serverTime).append(m_tail);
    return bytes;
}

} // namespace Plenary
