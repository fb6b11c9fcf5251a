#include "summarywriter.h"

#include <nlohmann/json.hpp>

#include <QSet>

#include <algorithm>

namespace Plenary {

QByteArray SummaryWriter::write(const Conference &c)
{
    QSet<QString> usedRooms, usedTracks, guids;
    QDateTime first, last;
    for (const Session &s : c.sessions) {
        if (!s.roomId.isEmpty())
            usedRooms.insert(s.roomId);
        if (!s.trackId.isEmpty())
            usedTracks.insert(s.trackId);
        guids.insert(s.guid);
        if (!first.isValid() || s.start < first)
            first = s.start;
        if (!last.isValid() || s.end > last)
            last = s.end;
    }
    const int seatLimited = static_cast<int>(std::count_if(
        c.sessions.cbegin(), c.sessions.cend(), [](const Session &s) { return s.isSeatLimited(); }));
    const auto iso = [&c](const QDateTime &t) {
        return t.isValid() ? t.toTimeZone(c.timeZone).toString(Qt::ISODate).toStdString() : std::string();
    };

    nlohmann::ordered_json j;
    j["format"] = c.sourceFormat.toStdString();
    j["title"] = c.title.toStdString();
    j["id"] = c.id.toStdString();
    j["timeZone"] = c.timeZone.id().toStdString();
    j["days"] = c.days.size();
    j["rooms"] = usedRooms.size();
    j["tracks"] = usedTracks.size();
    j["sessions"] = c.sessions.size();
    j["events"] = guids.size();
    j["speakers"] = c.speakers.size();
    j["seatLimitedSessions"] = seatLimited;
    j["firstStart"] = iso(first);
    j["lastEnd"] = iso(last);
    j["version"] = c.version.toStdString();
    const std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size())) + '\n';
}

} // namespace Plenary
