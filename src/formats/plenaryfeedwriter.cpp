#include "plenaryfeedwriter.h"

#include "htmlsanitizer.h"

#include <nlohmann/json.hpp>

namespace Plenary {

namespace {
using Json = nlohmann::ordered_json;

std::string str(const QString &s)
{
    return s.toStdString();
}

std::string isoTime(const QDateTime &t)
{
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODate).toStdString();
}

// Adds a string member only when it is non-empty, so feeds stay small and "missing" means "empty".
void putText(Json &object, const char *key, const QString &value)
{
    if (!value.isEmpty())
        object[key] = str(value);
}

void putList(Json &object, const char *key, const QStringList &values)
{
    if (values.isEmpty())
        return;
    Json array = Json::array();
    for (const QString &v : values)
        array.push_back(str(v));
    object[key] = std::move(array);
}

Json venueJson(const Venue &venue)
{
    Json v = Json::object();
    putText(v, "name", venue.name);
    putText(v, "address", venue.address);
    Json floors = Json::array();
    for (const Floor &f : venue.floors)
        floors.push_back(Json{{"id", str(f.id)}, {"name", str(f.name)}, {"level", f.level}});
    v["floors"] = std::move(floors);
    Json rooms = Json::array();
    for (const Room &r : venue.rooms) {
        Json room{{"id", str(r.id)}, {"name", str(r.name)}};
        putText(room, "floor", r.floorId);
        if (r.capacity)
            room["capacity"] = *r.capacity;
        putText(room, "description", r.description);
        putText(room, "address", r.address);
        rooms.push_back(std::move(room));
    }
    v["rooms"] = std::move(rooms);
    return v;
}

Json conferenceJson(const Conference &c)
{
    Json conf{{"id", str(c.id)}, {"title", str(c.title)}};
    putText(conf, "subtitle", c.subtitle);
    conf["timeZone"] = c.timeZone.isValid() ? c.timeZone.id().toStdString() : std::string("UTC");
    putText(conf, "version", c.version);
    putText(conf, "url", c.url);
    conf["venue"] = venueJson(c.venue);
    Json days = Json::array();
    for (const Day &d : c.days) {
        Json day{{"date", d.date.toString(Qt::ISODate).toStdString()}};
        if (d.start.isValid())
            day["start"] = isoTime(d.start);
        if (d.end.isValid())
            day["end"] = isoTime(d.end);
        days.push_back(std::move(day));
    }
    conf["days"] = std::move(days);
    Json tracks = Json::array();
    for (const Track &t : c.tracks)
        tracks.push_back(Json{{"id", str(t.id)}, {"name", str(t.name)}, {"color", str(t.color)}});
    conf["tracks"] = std::move(tracks);
    return conf;
}

Json sessionJson(const Session &s)
{
    Json j{{"id", str(s.id)}, {"guid", str(s.guid)}, {"title", str(s.title)}};
    putText(j, "subtitle", s.subtitle);
    j["type"] = str(sessionTypeName(s.type));
    putText(j, "typeLabel", s.typeLabel);
    putText(j, "track", s.trackId);
    putText(j, "room", s.roomId);
    j["start"] = isoTime(s.start);
    j["end"] = isoTime(s.end);
    // The abstract is written once (it is most of a feed's bytes): as plain text when its rich form is only
    // that text in paragraphs, otherwise as the safe HTML it can be derived from again.
    if (s.abstractHtml.isEmpty() || s.abstractHtml == HtmlSanitizer::htmlFromPlainText(s.abstractText))
        putText(j, "abstract", s.abstractText);
    else
        putText(j, "abstractHtml", s.abstractHtml);
    putList(j, "speakers", s.speakerIds);
    putText(j, "level", s.level);
    putList(j, "tags", s.tags);
    putList(j, "languages", s.languages);
    if (s.seatCapacity)
        j["seats"] = *s.seatCapacity;
    if (s.registrationRequired)
        j["registration"] = true;
    putText(j, "url", s.url);
    if (!s.links.isEmpty()) {
        Json links = Json::array();
        for (const Link &link : s.links)
            links.push_back(Json{{"title", str(link.title)}, {"url", str(link.url)}});
        j["links"] = std::move(links);
    }
    return j;
}
} // namespace

QByteArray PlenaryFeedWriter::write(const Conference &conference, int indent)
{
    Json root = Json::object();
    root["plenaryFeed"] = 1;
    root["conference"] = conferenceJson(conference);
    Json speakers = Json::array();
    for (const Speaker &sp : conference.speakers) {
        Json j{{"id", str(sp.id)}, {"name", str(sp.name)}};
        putText(j, "company", sp.company);
        putText(j, "bio", sp.bio);
        putText(j, "avatar", sp.avatarUrl);
        speakers.push_back(std::move(j));
    }
    root["speakers"] = std::move(speakers);
    Json sessions = Json::array();
    for (const Session &s : conference.sessions)
        sessions.push_back(sessionJson(s));
    root["sessions"] = std::move(sessions);
    // Replace invalid UTF-8 rather than throwing: QString never holds any, but be safe.
    const std::string text = root.dump(indent, ' ', false, Json::error_handler_t::replace);
    QByteArray out(text.data(), static_cast<qsizetype>(text.size()));
    out.append('\n');
    return out;
}

} // namespace Plenary
