#include "seatavailabilityparser.h"

#include <QSet>

#include <nlohmann/json.hpp>

#include <limits>

namespace Plenary {

namespace {

using Json = nlohmann::json;

/** The deepest nesting of arrays and objects, counted outside strings; stops counting past `limit`. */
int nestingDepth(QByteArrayView bytes, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

/** A whole number clamped to 0..INT_MAX, or nullopt when the value is not a whole number. */
std::optional<int> count(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        return n > std::uint64_t(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max() : int(n);
    }
    if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        if (n < 0)
            return 0;
        return n > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : int(n);
    }
    return std::nullopt;
}

std::optional<qint64> version(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        return n > std::uint64_t(std::numeric_limits<qint64>::max()) ? std::numeric_limits<qint64>::max()
                                                                     : qint64(n);
    }
    if (value.is_number_integer())
        return std::max<qint64>(0, value.get<std::int64_t>());
    return std::nullopt;
}

QString text(const Json &value)
{
    const auto &s = value.get_ref<const std::string &>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

SeatsParseResult failure(const QString &error)
{
    return {std::nullopt, error};
}

} // namespace

SeatsParseResult SeatAvailabilityParser::parse(QByteArrayView json)
{
    if (json.size() > kMaxBytes)
        return failure(QStringLiteral("the seats document is too large (%1 bytes)").arg(json.size()));
    if (json.trimmed().isEmpty())
        return failure(QStringLiteral("the seats document is empty"));
    if (nestingDepth(json, kMaxDepth) > kMaxDepth)
        return failure(QStringLiteral("the seats document is nested too deeply"));

    const Json root = Json::parse(json.begin(), json.end(), nullptr, false);
    if (root.is_discarded())
        return failure(QStringLiteral("the seats document is not valid JSON"));
    if (!root.is_object())
        return failure(QStringLiteral("the seats document is not a JSON object"));

    const auto sessions = root.find("sessions");
    if (sessions == root.end() || !sessions->is_array())
        return failure(QStringLiteral("the seats document has no \"sessions\" list"));
    if (qsizetype(sessions->size()) > kMaxSessions)
        return failure(QStringLiteral("the seats document lists too many sessions"));
    const auto versionField = root.find("version");
    const std::optional<qint64> documentVersion =
        versionField == root.end() ? std::nullopt : version(*versionField);
    if (!documentVersion)
        return failure(QStringLiteral("the seats document has no whole-number \"version\""));

    SeatsDocument document;
    document.version = *documentVersion;
    if (const auto time = root.find("serverTime"); time != root.end() && time->is_string())
        document.serverTime = QDateTime::fromString(text(*time), Qt::ISODateWithMs);
    if (const auto schedule = root.find("scheduleVersion"); schedule != root.end() && schedule->is_string())
        document.scheduleVersion = text(*schedule);

    QSet<QString> seen;
    for (const Json &entry : *sessions) {
        if (!entry.is_object()) {
            ++document.skippedEntries;
            continue;
        }
        const auto id = entry.find("id");
        const auto capacity = entry.find("capacity");
        const auto taken = entry.find("taken");
        if (id == entry.end() || !id->is_string() || id->get_ref<const std::string &>().empty() ||
            capacity == entry.end() || taken == entry.end()) {
            ++document.skippedEntries;
            continue;
        }
        const std::optional<int> capacityValue = count(*capacity);
        const std::optional<int> takenValue = count(*taken);
        if (!capacityValue || !takenValue) {
            ++document.skippedEntries;
            continue;
        }
        LiveSeats seats;
        seats.sessionId = text(*id);
        if (seen.contains(seats.sessionId)) {
            ++document.skippedEntries;
            continue;
        }
        seen.insert(seats.sessionId);
        seats.capacity = *capacityValue;
        seats.taken = std::min(*takenValue, seats.capacity);
        if (const auto waitlist = entry.find("waitlist"); waitlist != entry.end())
            seats.waitlist = count(*waitlist).value_or(0);
        if (const auto own = entry.find("version"); own != entry.end())
            seats.version = version(*own).value_or(0);
        seats.updatedAt = document.serverTime;
        document.sessions.append(seats);
    }
    return {std::move(document), {}};
}

} // namespace Plenary
