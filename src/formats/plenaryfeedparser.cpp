#include "plenaryfeedparser.h"

#include "htmlsanitizer.h"
#include "timezones.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <optional>
#include <string_view>

namespace Plenary {

namespace {
using Json = nlohmann::json;

constexpr int kFeedVersion = 1;

QString text(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    const auto &s = it->get_ref<const std::string &>();
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QStringList textList(const Json &object, const char *key)
{
    QStringList list;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return list;
    list.reserve(static_cast<qsizetype>(it->size()));
    for (const Json &v : *it) {
        if (v.is_string()) {
            const auto &s = v.get_ref<const std::string &>();
            list.append(QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())));
        }
    }
    return list;
}

std::optional<int> integer(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    const auto value = it->get<std::int64_t>();
    if (value < 0 || value > 10'000'000)
        return std::nullopt;
    return static_cast<int>(value);
}

bool twoDigits(std::string_view s, size_t pos, int &out)
{
    if (pos + 2 > s.size() || s[pos] < '0' || s[pos] > '9' || s[pos + 1] < '0' || s[pos + 1] > '9')
        return false;
    out = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    return true;
}

/**
 * Parses "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM|+HHMM]" without allocating. Times without an offset are
 * local times in `zone`. Returns an invalid QDateTime for anything else.
 */
QDateTime parseTime(const Json &object, const char *key, const QTimeZone &zone)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    const std::string_view s = it->get_ref<const std::string &>();
    int year = 0;
    // Four digits: from_chars would also take a sign ("-026"), a year the writer spells differently.
    if (s.size() < 16 || s[0] < '0' || s[0] > '9' ||
        std::from_chars(s.data(), s.data() + 4, year).ptr != s.data() + 4 || s[4] != '-' || s[7] != '-' ||
        (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
        return {};
    int month, day, hour, minute, second = 0;
    if (!twoDigits(s, 5, month) || !twoDigits(s, 8, day) || !twoDigits(s, 11, hour) ||
        !twoDigits(s, 14, minute))
        return {};
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!twoDigits(s, pos + 1, second))
            return {};
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
                ++pos;
        }
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    if (pos == s.size())
        return QDateTime(date, time, zone);
    int offsetSeconds = 0;
    if (s[pos] == 'Z' && pos + 1 == s.size()) {
        offsetSeconds = 0;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh, om;
        if (!twoDigits(s, pos + 1, oh))
            return {};
        size_t mpos = pos + 3;
        if (mpos < s.size() && s[mpos] == ':')
            ++mpos;
        if (!twoDigits(s, mpos, om) || mpos + 2 != s.size() || oh > 18 || om > 59)
            return {};
        offsetSeconds = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    } else {
        return {};
    }
    const qint64 localMSecs = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(localMSecs - qint64(offsetSeconds) * 1000, zone);
}

/** Turns a byte offset into a 1-based line and column (columns count bytes). */
std::pair<qint64, qint64> lineColumn(const QByteArray &data, size_t byteOffset)
{
    qint64 line = 1, column = 1;
    const auto end = std::min<qsizetype>(data.size(), static_cast<qsizetype>(byteOffset));
    for (qsizetype i = 0; i < end; ++i) {
        if (data[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

QString describeParseError(const Json::parse_error &e)
{
    // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error while
    // parsing value - unexpected end of input; expected ...". Keep what comes after the location.
    std::string_view what = e.what();
    const auto colon = what.find(": ");
    if (colon != std::string_view::npos)
        what.remove_prefix(colon + 2);
    return QStringLiteral("invalid JSON: ") +
           QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size()));
}

void readVenue(const Json &object, Venue &venue)
{
    venue.name = text(object, "name");
    venue.address = text(object, "address");
    if (const auto floors = object.find("floors"); floors != object.end() && floors->is_array()) {
        for (const Json &f : *floors) {
            if (!f.is_object() || text(f, "id").isEmpty())
                continue;
            venue.floors.append(Floor{text(f, "id"), text(f, "name"), integer(f, "level").value_or(0)});
        }
    }
    if (const auto rooms = object.find("rooms"); rooms != object.end() && rooms->is_array()) {
        for (const Json &r : *rooms) {
            if (!r.is_object() || text(r, "id").isEmpty())
                continue;
            venue.rooms.append(Room{text(r, "id"), text(r, "name"), text(r, "floor"), text(r, "description"),
                                    text(r, "address"), integer(r, "capacity")});
        }
    }
}
} // namespace

ImportResult PlenaryFeedParser::parse(const QByteArray &data, const ImportOptions &options)
{
    const auto fail = [&options](const QString &message, qint64 line = 0, qint64 column = 0) {
        return ImportResult::failure(ParseError{options.sourceName, line, column, message});
    };
    if (data.size() > options.maxInputBytes)
        return fail(QStringLiteral("input is larger than the limit of %1 bytes").arg(options.maxInputBytes));

    Json root;
    try {
        root = Json::parse(data.cbegin(), data.cend());
    } catch (const Json::parse_error &e) {
        const auto [line, column] = lineColumn(data, e.byte > 0 ? e.byte - 1 : 0);
        return fail(describeParseError(e), line, column);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("invalid JSON: ") + QString::fromUtf8(e.what()));
    }

    if (!root.is_object())
        return fail(QStringLiteral("not a Plenary feed: the document is not a JSON object"));
    const auto version = root.find("plenaryFeed");
    if (version == root.end() || !version->is_number_integer())
        return fail(QStringLiteral("not a Plenary feed: \"plenaryFeed\" version number missing"));
    if (version->get<std::int64_t>() > kFeedVersion || version->get<std::int64_t>() < 1) {
        return fail(QStringLiteral("feed format version %1 is not supported (this Plenary reads version %2)")
                        .arg(version->get<std::int64_t>())
                        .arg(kFeedVersion));
    }
    const auto confIt = root.find("conference");
    if (confIt == root.end() || !confIt->is_object())
        return fail(QStringLiteral("not a Plenary feed: \"conference\" object missing"));
    const Json &conf = *confIt;

    ImportResult result;
    Conference c;
    c.id = text(conf, "id");
    c.title = text(conf, "title");
    c.subtitle = text(conf, "subtitle");
    c.version = text(conf, "version");
    c.url = text(conf, "url");
    c.sourceFormat = QStringLiteral("plenary");
    const QString zoneId = text(conf, "timeZone");
    c.timeZone = timeZoneFromId(zoneId);
    if (!c.timeZone.isValid()) {
        c.timeZone = options.fallbackTimeZone.isValid() ? options.fallbackTimeZone : QTimeZone::utc();
        result.warnings.append(QStringLiteral("unknown time zone \"%1\", using %2")
                                   .arg(zoneId, QString::fromUtf8(c.timeZone.id())));
    }
    if (c.title.isEmpty())
        c.title = c.id;
    if (const auto venue = conf.find("venue"); venue != conf.end() && venue->is_object())
        readVenue(*venue, c.venue);
    if (const auto days = conf.find("days"); days != conf.end() && days->is_array()) {
        for (const Json &d : *days) {
            if (!d.is_object())
                continue;
            const QDate date = QDate::fromString(text(d, "date"), Qt::ISODate);
            if (date.isValid())
                c.days.append(Day{date, parseTime(d, "start", c.timeZone), parseTime(d, "end", c.timeZone)});
        }
    }
    if (const auto tracks = conf.find("tracks"); tracks != conf.end() && tracks->is_array()) {
        for (const Json &t : *tracks) {
            if (!t.is_object() || text(t, "id").isEmpty())
                continue;
            QString color = text(t, "color");
            if (!color.startsWith(QLatin1Char('#')))
                color = Track::defaultColor(text(t, "name"));
            c.tracks.append(Track{text(t, "id"), text(t, "name"), color});
        }
    }

    if (const auto speakers = root.find("speakers"); speakers != root.end()) {
        if (!speakers->is_array())
            return fail(QStringLiteral("not a Plenary feed: \"speakers\" is not an array"));
        c.speakers.reserve(static_cast<qsizetype>(speakers->size()));
        for (const Json &sp : *speakers) {
            if (!sp.is_object() || text(sp, "id").isEmpty()) {
                result.warnings.append(QStringLiteral("skipped a speaker without an id"));
                continue;
            }
            QString avatar = text(sp, "avatar");
            if (!avatar.startsWith(QLatin1String("https://")) && !avatar.startsWith(QLatin1String("http://")))
                avatar.clear();
            c.speakers.append(
                Speaker{text(sp, "id"), text(sp, "name"), text(sp, "company"), text(sp, "bio"), avatar});
        }
    }

    const auto sessions = root.find("sessions");
    if (sessions == root.end() || !sessions->is_array())
        return fail(QStringLiteral("not a Plenary feed: \"sessions\" array missing"));
    c.sessions.reserve(static_cast<qsizetype>(sessions->size()));
    for (const Json &j : *sessions) {
        if (!j.is_object()) {
            result.warnings.append(QStringLiteral("skipped a session that is not an object"));
            continue;
        }
        Session s;
        s.guid = text(j, "guid");
        s.title = text(j, "title");
        s.start = parseTime(j, "start", c.timeZone);
        s.end = parseTime(j, "end", c.timeZone);
        if (!s.start.isValid() || !s.end.isValid() || s.end < s.start) {
            result.warnings.append(
                QStringLiteral("skipped session \"%1\": no valid start and end").arg(s.title));
            continue;
        }
        s.id = text(j, "id");
        s.subtitle = text(j, "subtitle");
        s.type = sessionTypeFromName(text(j, "type"));
        s.typeLabel = text(j, "typeLabel");
        s.trackId = text(j, "track");
        s.roomId = text(j, "room");
        // Feeds carry the abstract once (see feed-format.md); the other form is derived, and HTML is
        // sanitized again because a feed is untrusted.
        if (const QString html = text(j, "abstractHtml"); !html.isEmpty()) {
            HtmlSanitizer::Result safe = HtmlSanitizer::sanitize(html);
            s.abstractText = std::move(safe.plainText);
            s.abstractHtml = std::move(safe.safeHtml);
        } else {
            s.abstractText = text(j, "abstract");
            s.abstractHtml = HtmlSanitizer::htmlFromPlainText(s.abstractText);
        }
        s.speakerIds = textList(j, "speakers");
        s.level = text(j, "level");
        s.tags = textList(j, "tags");
        s.languages = textList(j, "languages");
        s.seatCapacity = integer(j, "seats");
        if (const auto reg = j.find("registration"); reg != j.end() && reg->is_boolean())
            s.registrationRequired = reg->get<bool>();
        s.url = text(j, "url");
        if (const auto links = j.find("links"); links != j.end() && links->is_array()) {
            for (const Json &link : *links) {
                if (!link.is_object())
                    continue;
                const QString url = HtmlSanitizer::safeLinkUrl(text(link, "url"));
                if (!url.isEmpty())
                    s.links.append(Link{text(link, "title"), url});
            }
        }
        c.sessions.append(std::move(s));
    }

    c.normalize();
    result.conference = std::move(c);
    return result;
}

} // namespace Plenary
