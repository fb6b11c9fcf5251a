#include "frabjsonparser.h"

#include "timezones.h"

#include "htmlsanitizer.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace Plenary {

namespace {

// Insertion-ordered, so that rooms keep the order the schedule lists them in.
using Json = nlohmann::ordered_json;

// Real schedules nest about ten levels deep; anything far deeper is hostile or broken.
constexpr std::size_t kMaxDepth = 256;
constexpr qsizetype kMaxWarnings = 100;
constexpr std::size_t kMaxMessageBytes = 160;

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
// parsing value - <reason>; last read: '<token>'"; keeps <reason>, which is short, and drops the token, which
// can be as long as the input.
std::string reasonOf(std::string_view what)
{
    if (what.starts_with('[')) {
        const auto end = what.find("] ");
        if (end != std::string_view::npos)
            what.remove_prefix(end + 2);
    }
    if (what.starts_with("parse error")) {
        const auto colon = what.find(": ");
        if (colon != std::string_view::npos)
            what.remove_prefix(colon + 2);
    }
    const auto dash = what.find(" - ");
    if (dash != std::string_view::npos)
        what.remove_prefix(dash + 3);
    const auto lastRead = what.find("; last read");
    if (lastRead != std::string_view::npos)
        what = what.substr(0, lastRead);
    if (what.size() > kMaxMessageBytes) {
        std::string cut(what.substr(0, kMaxMessageBytes));
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80)
            cut.pop_back();
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xc0)
            cut.pop_back();
        return cut + "...";
    }
    return std::string(what);
}

/** A SAX handler that builds an insertion-ordered document without recursion and refuses excessive nesting.
 */
class DomBuilder
{
public:
    bool null() { return add(Json(nullptr)); }
    bool boolean(bool value) { return add(Json(value)); }
    bool number_integer(Json::number_integer_t value) { return add(Json(value)); }
    bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)); }
    bool number_float(Json::number_float_t value, const Json::string_t &) { return add(Json(value)); }
    bool string(Json::string_t &value) { return add(Json(std::move(value))); }
    bool binary(Json::binary_t &) { return true; }
    bool start_object(std::size_t) { return open(Json::object()); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_array() { return close(); }

    bool key(Json::string_t &key)
    {
        m_key = std::move(key);
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const Json::exception &error)
    {
        m_errorPosition = position;
        m_errorReason = reasonOf(error.what());
        return false;
    }

    Json &root() { return m_root; }
    bool tooDeep() const { return m_tooDeep; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string &errorReason() const { return m_errorReason; }

private:
    Json *insert(Json &&value)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        Json &parent = *m_stack.back();
        if (parent.is_array()) {
            auto &array = parent.get_ref<Json::array_t &>();
            array.push_back(std::move(value));
            return &array.back();
        }
        // Appends without the linear duplicate-key search of ordered_map::emplace (quadratic on huge
        // objects).
        auto &object = parent.get_ref<Json::object_t &>();
        object.emplace_back(std::move(m_key), std::move(value));
        return &object.back().second;
    }

    bool add(Json &&value)
    {
        insert(std::move(value));
        return true;
    }

    bool open(Json &&container)
    {
        if (m_stack.size() >= kMaxDepth) {
            m_tooDeep = true;
            return false;
        }
        // A parent is never appended to while a child is open, so the pointer stays valid.
        m_stack.push_back(insert(std::move(container)));
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    Json m_root;
    std::vector<Json *> m_stack;
    Json::string_t m_key;
    bool m_tooDeep = false;
    std::size_t m_errorPosition = 0;
    std::string m_errorReason;
};

/** 1-based line and column (in characters) of a byte offset. */
std::pair<qint64, qint64> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    qint64 line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    qint64 column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(data.at(i)) & 0xc0) != 0x80)
            ++column;
    }
    return {line, column};
}

/** Moves an offset back to the lead byte when it sits just after an incomplete UTF-8 sequence. */
qsizetype leadByteOffset(const QByteArray &data, qsizetype offset)
{
    const auto byteAt = [&data](qsizetype i) { return static_cast<unsigned char>(data.at(i)); };
    qsizetype lead = std::min(offset, data.size()) - 1;
    while (lead > 0 && (byteAt(lead) & 0xc0) == 0x80)
        --lead;
    if (lead < 0 || byteAt(lead) < 0xc0)
        return offset;
    const qsizetype expected = byteAt(lead) >= 0xf0 ? 4 : byteAt(lead) >= 0xe0 ? 3 : 2;
    return offset - lead < expected ? lead : offset;
}

/** Byte offset of the bracket that opens nesting level `limit + 1`, in a prefix already known to be valid
 * JSON. */
qsizetype offsetOfExcessiveNesting(const QByteArray &data, std::size_t limit)
{
    std::size_t depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return data.size();
}

QString describe(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return QStringLiteral("null");
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::array:
        return QStringLiteral("an array");
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::boolean:
        return QStringLiteral("a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return QStringLiteral("a number");
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return QStringLiteral("an unknown value");
}

/** The member `key` of an object (the last one when a key repeats), or nullptr. */
const Json *member(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const Json *found = nullptr;
    for (const auto &[name, value] : object.get_ref<const Json::object_t &>()) {
        if (name == key)
            found = &value;
    }
    return found;
}

QString childPath(const QString &path, std::string_view key)
{
    return path.isEmpty() ? fromStd(key) : path + QLatin1Char('.') + fromStd(key);
}

QString indexPath(const QString &path, std::size_t index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

/** Seconds in "H:MM", "HH:MM" or "HH:MM:SS" (hours may exceed 23), or nullopt. */
std::optional<qint64> clockSeconds(QStringView text)
{
    const auto parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    qint64 values[3] = {0, 0, 0};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts[i];
        if (part.isEmpty() || part.size() > 4)
            return std::nullopt;
        for (const QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
        }
        values[i] = part.toLongLong();
        if (i > 0 && (values[i] >= 60 || part.size() != 2))
            return std::nullopt;
    }
    return values[0] * 3600 + values[1] * 60 + values[2];
}

/** "#rrggbb" in lowercase from "#rgb", "#rrggbb" or "#rrggbbaa"; empty when not a colour. */
QString normalizedColor(QStringView text)
{
    const QStringView color = text.trimmed();
    if (!color.startsWith(QLatin1Char('#')))
        return {};
    const QStringView hex = color.mid(1);
    for (const QChar c : hex) {
        const QChar lower = c.toLower();
        if ((lower < u'0' || lower > u'9') && (lower < u'a' || lower > u'f'))
            return {};
    }
    if (hex.size() == 3) {
        QString expanded = QStringLiteral("#");
        for (const QChar c : hex)
            expanded += QString(2, c.toLower());
        return expanded;
    }
    if (hex.size() == 6 || hex.size() == 8)
        return QLatin1Char('#') + hex.left(6).toString().toLower();
    return {};
}

/** Where an event sits in the classic layout: its day and the room it is listed under. */
struct EventContext
{
    QDate dayDate;
    QDateTime dayStart;
    QString roomId;
};

/** Maps a parsed frab/C3VOC document onto the domain, collecting warnings for what it skips. */
class ScheduleReader
{
public:
    explicit ScheduleReader(const ImportOptions &options)
        : m_options(options)
    {}

    ImportResult read(const Json &root);

private:
    ImportResult fail(const QString &why) const;
    void warn(const QString &path, const QString &problem);
    void warnType(const QString &path, const Json &value, const QString &expected);

    QString text(const Json &object, std::string_view key, const QString &path);
    QString identifier(const Json &object, std::string_view key, const QString &path);
    const Json *typed(const Json &object, std::string_view key, const QString &path, Json::value_t type);
    QString localizedText(const Json &value, const QString &path);

    QDateTime dateTime(const QString &text) const;
    std::optional<int> offsetOf(const Json &object, std::string_view key) const;
    void chooseTimeZone(const Json *conference, const QString &conferencePath, const Json *days,
                        const Json *events);

    QString ensureTrack(const QString &name, const QString &color = {});
    QString ensureRoom(const QString &name);
    void readTracks(const Json &conference, const QString &path);
    void readRooms(const Json &conference, const QString &path);
    QString trackOf(const Json &value, const QString &path);
    QString roomOf(const Json &value, const QString &path);
    QString readPerson(const Json &person, const QString &path);
    QStringList languagesOf(const Json &value, const QString &path);
    QString absoluteUrl(const QString &url) const;

    void readDays(const Json &days, const QString &path, bool withEvents);
    void readEvent(const Json &event, const QString &path, const EventContext &context);

    const ImportOptions &m_options;
    Conference m_conference;
    QStringList m_warnings;
    qsizetype m_suppressedWarnings = 0;
    QTimeZone m_zone;
    QUrl m_baseUrl;
    QString m_language;
    QHash<QString, QString> m_trackIdByKey; ///< by guid and by slug
    QHash<QString, QString> m_roomIdByKey;  ///< by guid and by slug
    QHash<QString, qsizetype> m_trackIndex;
    QHash<QString, qsizetype> m_roomIndex;
    QHash<QString, qsizetype> m_speakerIndex;
    QHash<QDate, qsizetype> m_dayIndex;
};

ImportResult ScheduleReader::fail(const QString &why) const
{
    return ImportResult::failure(
        ParseError{m_options.sourceName, 0, 0, QStringLiteral("not a frab/C3VOC schedule: ") + why});
}

void ScheduleReader::warn(const QString &path, const QString &problem)
{
    if (m_warnings.size() >= kMaxWarnings) {
        ++m_suppressedWarnings;
        return;
    }
    m_warnings.append((path.isEmpty() ? QStringLiteral("document") : path) + QStringLiteral(": ") + problem);
}

void ScheduleReader::warnType(const QString &path, const Json &value, const QString &expected)
{
    warn(path, QStringLiteral("expected %1, found %2; ignored").arg(expected, describe(value)));
}

QString ScheduleReader::text(const Json &object, std::string_view key, const QString &path)
{
    const Json *value = member(object, key);
    if (!value || value->is_null())
        return {};
    if (value->is_string())
        return fromStd(value->get_ref<const Json::string_t &>());
    warnType(childPath(path, key), *value, QStringLiteral("text"));
    return {};
}

QString ScheduleReader::identifier(const Json &object, std::string_view key, const QString &path)
{
    const Json *value = member(object, key);
    if (!value || value->is_null())
        return {};
    if (value->is_string())
        return fromStd(value->get_ref<const Json::string_t &>()).trimmed();
    if (value->is_number_unsigned())
        return QString::number(value->get<Json::number_unsigned_t>());
    if (value->is_number_integer())
        return QString::number(value->get<Json::number_integer_t>());
    warnType(childPath(path, key), *value, QStringLiteral("a string or a whole number"));
    return {};
}

const Json *ScheduleReader::typed(const Json &object, std::string_view key, const QString &path,
                                  Json::value_t type)
{
    const Json *value = member(object, key);
    if (!value || value->is_null())
        return nullptr;
    if (value->type() == type)
        return value;
    warnType(childPath(path, key), *value, describe(Json(type)));
    return nullptr;
}

QString ScheduleReader::localizedText(const Json &value, const QString &path)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return fromStd(value.get_ref<const Json::string_t &>());
    if (!value.is_object()) {
        warnType(path, value, QStringLiteral("text or {language: text}"));
        return {};
    }
    QString first;
    QString english;
    for (const auto &[language, translation] : value.get_ref<const Json::object_t &>()) {
        if (!translation.is_string())
            continue;
        const QString candidate = fromStd(translation.get_ref<const Json::string_t &>());
        const QString code = fromStd(language);
        if (code.compare(m_language, Qt::CaseInsensitive) == 0)
            return candidate;
        if (first.isEmpty())
            first = candidate;
        if (english.isEmpty() && code.compare(u"en", Qt::CaseInsensitive) == 0)
            english = candidate;
    }
    return english.isEmpty() ? first : english;
}

QDateTime ScheduleReader::dateTime(const QString &text) const
{
    QString iso = text.trimmed();
    if (iso.size() <= 10)
        return {};
    if (iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    if (iso.at(10) != QLatin1Char('T'))
        return {};
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() == Qt::LocalTime)
        return QDateTime(parsed.date(), parsed.time(), m_zone);
    return parsed.toTimeZone(m_zone);
}

std::optional<int> ScheduleReader::offsetOf(const Json &object, std::string_view key) const
{
    const Json *value = member(object, key);
    if (!value || !value->is_string())
        return std::nullopt;
    QString iso = fromStd(value->get_ref<const Json::string_t &>()).trimmed();
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return parsed.offsetFromUtc();
}

void ScheduleReader::chooseTimeZone(const Json *conference, const QString &conferencePath, const Json *days,
                                    const Json *events)
{
    if (conference) {
        const QString name = text(*conference, "time_zone_name", conferencePath).trimmed();
        if (!name.isEmpty()) {
            const QTimeZone zone = timeZoneFromId(name);
            if (zone.isValid()) {
                m_zone = zone;
                return;
            }
            warn(childPath(conferencePath, "time_zone_name"),
                 QStringLiteral("unknown time zone \"%1\"; using the offsets in the dates").arg(name));
        }
    }

    std::optional<int> offset;
    const auto scan = [&offset, this](const Json &object, std::initializer_list<std::string_view> keys) {
        for (const std::string_view key : keys) {
            if (!offset)
                offset = offsetOf(object, key);
        }
    };
    if (days && days->is_array()) {
        for (const Json &day : *days) {
            scan(day, {"day_start", "start", "day_end", "end"});
            const Json *rooms = member(day, "rooms");
            if (offset || !rooms || !rooms->is_object())
                continue;
            for (const auto &[room, list] : rooms->get_ref<const Json::object_t &>()) {
                if (!list.is_array())
                    continue;
                for (const Json &event : list) {
                    scan(event, {"date", "start"});
                    if (offset)
                        break;
                }
                if (offset)
                    break;
            }
        }
    }
    if (events && events->is_array()) {
        for (const Json &event : *events) {
            scan(event, {"start", "date", "end"});
            if (offset)
                break;
        }
    }
    if (offset) {
        m_zone = *offset == 0 ? QTimeZone::utc() : QTimeZone(*offset);
        return;
    }
    m_zone = m_options.fallbackTimeZone.isValid() ? m_options.fallbackTimeZone : QTimeZone::utc();
}

QString ScheduleReader::ensureTrack(const QString &name, const QString &color)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QString id = Conference::keyFromName(trimmed);
    if (!m_trackIndex.contains(id)) {
        m_trackIndex.insert(id, m_conference.tracks.size());
        m_conference.tracks.append(
            Track{id, trimmed, color.isEmpty() ? Track::defaultColor(trimmed) : color});
    }
    return id;
}

QString ScheduleReader::ensureRoom(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QString id = Conference::keyFromName(trimmed);
    if (!m_roomIndex.contains(id)) {
        m_roomIndex.insert(id, m_conference.venue.rooms.size());
        m_conference.venue.rooms.append(Room{id, trimmed, {}, {}, {}, std::nullopt});
    }
    return id;
}

void ScheduleReader::readTracks(const Json &conference, const QString &path)
{
    const Json *tracks = typed(conference, "tracks", path, Json::value_t::array);
    if (!tracks)
        return;
    const QString tracksPath = childPath(path, "tracks");
    std::size_t index = 0;
    for (const Json &track : *tracks) {
        const QString trackPath = indexPath(tracksPath, index++);
        if (track.is_string()) {
            ensureTrack(fromStd(track.get_ref<const Json::string_t &>()));
            continue;
        }
        if (!track.is_object()) {
            warnType(trackPath, track, QStringLiteral("a track object"));
            continue;
        }
        const QString name = text(track, "name", trackPath);
        if (name.trimmed().isEmpty()) {
            warn(trackPath, QStringLiteral("track without a name; ignored"));
            continue;
        }
        QString colorText = text(track, "color", trackPath);
        if (colorText.isEmpty()) {
            if (const Json *colors = typed(track, "colors", trackPath, Json::value_t::object)) {
                colorText = text(*colors, "light", childPath(trackPath, "colors"));
                if (colorText.isEmpty())
                    colorText = text(*colors, "dark", childPath(trackPath, "colors"));
            }
        }
        const QString color = normalizedColor(colorText);
        if (!colorText.isEmpty() && color.isEmpty())
            warn(trackPath, QStringLiteral("\"%1\" is not a #rrggbb colour; using a default").arg(colorText));
        const QString id = ensureTrack(name, color);
        if (!color.isEmpty())
            m_conference.tracks[m_trackIndex.value(id)].color = color;
        for (const std::string_view key : {"guid", "slug"}) {
            const QString alias = identifier(track, key, trackPath);
            if (!alias.isEmpty())
                m_trackIdByKey.insert(alias, id);
        }
    }
}

void ScheduleReader::readRooms(const Json &conference, const QString &path)
{
    const Json *rooms = typed(conference, "rooms", path, Json::value_t::array);
    if (!rooms)
        return;
    const QString roomsPath = childPath(path, "rooms");
    std::size_t index = 0;
    for (const Json &room : *rooms) {
        const QString roomPath = indexPath(roomsPath, index++);
        if (room.is_string()) {
            ensureRoom(fromStd(room.get_ref<const Json::string_t &>()));
            continue;
        }
        if (!room.is_object()) {
            warnType(roomPath, room, QStringLiteral("a room object"));
            continue;
        }
        const QString name = text(room, "name", roomPath);
        if (name.trimmed().isEmpty()) {
            warn(roomPath, QStringLiteral("room without a name; ignored"));
            continue;
        }
        const QString id = ensureRoom(name);
        Room &target = m_conference.venue.rooms[m_roomIndex.value(id)];
        if (const Json *capacity = member(room, "capacity"); capacity && !capacity->is_null()) {
            const QString capacityPath = childPath(roomPath, "capacity");
            if (capacity->is_number_unsigned() || capacity->is_number_integer()) {
                const auto value = capacity->is_number_unsigned()
                                       ? static_cast<long double>(capacity->get<Json::number_unsigned_t>())
                                       : static_cast<long double>(capacity->get<Json::number_integer_t>());
                if (value >= 0 && value <= std::numeric_limits<int>::max())
                    target.capacity = static_cast<int>(value);
                else
                    warn(capacityPath, QStringLiteral("capacity out of range; ignored"));
            } else {
                warnType(capacityPath, *capacity, QStringLiteral("a whole number or null"));
            }
        }
        if (const Json *description = member(room, "description")) {
            const QString html = localizedText(*description, childPath(roomPath, "description"));
            if (!html.isEmpty())
                target.description = HtmlSanitizer::sanitize(html, m_baseUrl).plainText.trimmed();
        }
        for (const std::string_view key : {"guid", "slug"}) {
            const QString alias = identifier(room, key, roomPath);
            if (!alias.isEmpty())
                m_roomIdByKey.insert(alias, id);
        }
    }
}

QString ScheduleReader::trackOf(const Json &value, const QString &path)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return ensureTrack(fromStd(value.get_ref<const Json::string_t &>()));
    if (!value.is_object()) {
        warnType(path, value, QStringLiteral("a track name or object"));
        return {};
    }
    const QString name = text(value, "name", path);
    if (!name.trimmed().isEmpty())
        return ensureTrack(name);
    for (const std::string_view key : {"guid", "slug"}) {
        const QString alias = identifier(value, key, path);
        if (m_trackIdByKey.contains(alias))
            return m_trackIdByKey.value(alias);
    }
    const QString slug = identifier(value, "slug", path);
    if (!slug.isEmpty())
        return ensureTrack(slug);
    warn(path, QStringLiteral("track without a name, slug or known guid; ignored"));
    return {};
}

QString ScheduleReader::roomOf(const Json &value, const QString &path)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return ensureRoom(fromStd(value.get_ref<const Json::string_t &>()));
    if (!value.is_object()) {
        warnType(path, value, QStringLiteral("a room name or object"));
        return {};
    }
    const QString name = text(value, "name", path);
    if (!name.trimmed().isEmpty())
        return ensureRoom(name);
    for (const std::string_view key : {"guid", "slug"}) {
        const QString alias = identifier(value, key, path);
        if (m_roomIdByKey.contains(alias))
            return m_roomIdByKey.value(alias);
    }
    const QString slug = identifier(value, "slug", path);
    if (!slug.isEmpty())
        return ensureRoom(slug);
    warn(path, QStringLiteral("room without a name, slug or known guid; ignored"));
    return {};
}

QString ScheduleReader::absoluteUrl(const QString &url) const
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl parsed(trimmed);
    if (parsed.isRelative() && m_baseUrl.isValid())
        parsed = m_baseUrl.resolved(parsed);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != u"http" && scheme != u"https"))
        return {};
    return parsed.toString();
}

QString ScheduleReader::readPerson(const Json &person, const QString &path)
{
    Speaker speaker;
    if (person.is_string()) {
        speaker.name = fromStd(person.get_ref<const Json::string_t &>()).trimmed();
    } else if (person.is_object()) {
        for (const std::string_view key : {"guid", "id", "code"}) {
            if (speaker.id.isEmpty())
                speaker.id = identifier(person, key, path);
        }
        for (const std::string_view key : {"public_name", "name", "full_name"}) {
            if (speaker.name.isEmpty())
                speaker.name = text(person, key, path).trimmed();
        }
        const QString biography = text(person, "biography", path);
        if (!biography.isEmpty())
            speaker.bio = HtmlSanitizer::sanitize(biography, m_baseUrl).plainText.trimmed();
        if (const Json *avatar = member(person, "avatar")) {
            if (avatar->is_object())
                speaker.avatarUrl = absoluteUrl(text(*avatar, "url", childPath(path, "avatar")));
            else if (avatar->is_string())
                speaker.avatarUrl = absoluteUrl(fromStd(avatar->get_ref<const Json::string_t &>()));
            else if (!avatar->is_null())
                warnType(childPath(path, "avatar"), *avatar, QStringLiteral("a URL or {url}"));
        }
    } else {
        warnType(path, person, QStringLiteral("a person object"));
        return {};
    }
    if (speaker.id.isEmpty())
        speaker.id = Conference::keyFromName(speaker.name);
    if (speaker.id.isEmpty()) {
        warn(path, QStringLiteral("person without an id or a name; ignored"));
        return {};
    }
    if (speaker.name.isEmpty())
        speaker.name = speaker.id;

    const auto it = m_speakerIndex.constFind(speaker.id);
    if (it == m_speakerIndex.cend()) {
        m_speakerIndex.insert(speaker.id, m_conference.speakers.size());
        m_conference.speakers.append(speaker);
    } else {
        Speaker &known = m_conference.speakers[*it];
        if (known.bio.isEmpty())
            known.bio = speaker.bio;
        if (known.avatarUrl.isEmpty())
            known.avatarUrl = speaker.avatarUrl;
    }
    return speaker.id;
}

QStringList ScheduleReader::languagesOf(const Json &value, const QString &path)
{
    QStringList texts;
    if (value.is_string()) {
        static const QRegularExpression separators(QStringLiteral("[,;/\\s]+"));
        texts = fromStd(value.get_ref<const Json::string_t &>()).split(separators, Qt::SkipEmptyParts);
    } else if (value.is_array()) {
        for (const Json &item : value) {
            if (item.is_string())
                texts.append(fromStd(item.get_ref<const Json::string_t &>()));
        }
    } else if (!value.is_null()) {
        warnType(path, value, QStringLiteral("a language code or a list of them"));
    }
    QStringList codes;
    QSet<QString> seen;
    for (const QString &item : std::as_const(texts)) {
        const QString code = item.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (!code.isEmpty() && !seen.contains(code)) {
            seen.insert(code);
            codes.append(code);
        }
    }
    return codes;
}

void ScheduleReader::readEvent(const Json &event, const QString &path, const EventContext &context)
{
    if (!event.is_object()) {
        warnType(path, event, QStringLiteral("an event object"));
        return;
    }
    Session session;
    session.title = text(event, "title", path).trimmed();
    const QString label =
        session.title.isEmpty() ? path : QStringLiteral("\"%1\"").arg(session.title.left(80));

    QDate dayDate = context.dayDate;
    const QString dateText = text(event, "date", path).trimmed();
    QDateTime start = dateTime(dateText);
    if (!start.isValid() && QDate::fromString(dateText.left(10), Qt::ISODate).isValid())
        dayDate = QDate::fromString(dateText.left(10), Qt::ISODate);
    const QString startText = text(event, "start", path).trimmed();
    if (!start.isValid())
        start = dateTime(startText);
    if (!start.isValid() && dayDate.isValid()) {
        if (const auto seconds = clockSeconds(startText)) {
            QDate date = dayDate.addDays(*seconds / 86400);
            const QTime time = QTime::fromMSecsSinceStartOfDay(static_cast<int>(*seconds % 86400) * 1000);
            // Days run past midnight: a clock time before the day's start is on the next calendar date.
            if (context.dayStart.isValid() && context.dayStart.date() == date &&
                time < context.dayStart.time())
                date = date.addDays(1);
            start = QDateTime(date, time, m_zone);
        }
    }
    if (!start.isValid()) {
        warn(path, QStringLiteral("event %1 has no usable start time; skipped").arg(label));
        return;
    }
    session.start = start;

    QDateTime end = dateTime(text(event, "end", path));
    if (!end.isValid()) {
        const QString durationText = text(event, "duration", path);
        if (const auto seconds = clockSeconds(durationText)) {
            end = start.addSecs(*seconds);
        } else if (!durationText.isEmpty()) {
            warn(childPath(path, "duration"),
                 QStringLiteral("\"%1\" is not a duration (HH:MM); the event ends when it starts")
                     .arg(durationText.left(40)));
        }
    }
    if (end.isValid() && end < start)
        warn(path, QStringLiteral("event %1 ends before it starts; using its start as its end").arg(label));
    session.end = end.isValid() && end >= start ? end : start;

    session.guid = identifier(event, "guid", path);
    if (session.guid.isEmpty()) {
        QString sourceId = identifier(event, "id", path);
        if (sourceId.isEmpty())
            sourceId = identifier(event, "code", path);
        const QString material = sourceId + QLatin1Char('@') + start.toString(Qt::ISODate);
        session.guid = Conference::deriveGuid(m_conference.id, material, session.title);
    }
    session.subtitle = text(event, "subtitle", path).trimmed();
    session.typeLabel = text(event, "type", path).trimmed();
    session.type = guessSessionType(session.typeLabel, session.title);
    session.url = absoluteUrl(text(event, "url", path));
    for (const char *key : {"links", "attachments"}) {
        const Json *list = member(event, key);
        if (!list || !list->is_array())
            continue;
        for (const Json &item : *list) {
            if (!item.is_object())
                continue;
            const QString url = HtmlSanitizer::safeLinkUrl(absoluteUrl(text(item, "url", path)));
            if (!url.isEmpty())
                session.links.append(Link{text(item, "title", path).trimmed(), url});
        }
    }

    if (const Json *track = member(event, "track"))
        session.trackId = trackOf(*track, childPath(path, "track"));
    session.roomId = context.roomId;
    if (const Json *room = member(event, "room"); room && session.roomId.isEmpty())
        session.roomId = roomOf(*room, childPath(path, "room"));
    if (const Json *language = member(event, "language"))
        session.languages = languagesOf(*language, childPath(path, "language"));

    const QString abstractSource = text(event, "abstract", path).trimmed();
    const QString descriptionSource = text(event, "description", path).trimmed();
    const auto asBlock = [](const QString &html) {
        static const QRegularExpression blockStart(QStringLiteral("^<(p|ul|ol|pre|blockquote)[\\s>]"),
                                                   QRegularExpression::CaseInsensitiveOption);
        return blockStart.match(html).hasMatch() ? html
                                                 : QStringLiteral("<p>") + html + QStringLiteral("</p>");
    };
    QStringList sources{abstractSource};
    if (descriptionSource != abstractSource)
        sources.append(descriptionSource);
    QStringList plain;
    QString html;
    for (const QString &source : std::as_const(sources)) {
        if (source.isEmpty())
            continue;
        const HtmlSanitizer::Result sanitized = HtmlSanitizer::sanitize(source, m_baseUrl);
        const QString part = sanitized.plainText.trimmed();
        if (part.isEmpty())
            continue;
        plain.append(part);
        html += asBlock(sanitized.safeHtml.trimmed());
    }
    session.abstractText = plain.join(QStringLiteral("\n\n"));
    session.abstractHtml = html;

    // Classic events list "persons", v2 events "participants".
    QSet<QString> speakerIds;
    for (const std::string_view key : {"persons", "participants"}) {
        const Json *persons = typed(event, key, path, Json::value_t::array);
        if (!persons)
            continue;
        std::size_t index = 0;
        for (const Json &person : *persons) {
            const QString id = readPerson(person, indexPath(childPath(path, key), index++));
            if (!id.isEmpty() && !speakerIds.contains(id)) {
                speakerIds.insert(id);
                session.speakerIds.append(id);
            }
        }
    }
    m_conference.sessions.append(std::move(session));
}

void ScheduleReader::readDays(const Json &days, const QString &path, bool withEvents)
{
    std::size_t index = 0;
    for (const Json &day : days) {
        const QString dayPath = indexPath(path, index++);
        if (!day.is_object()) {
            warnType(dayPath, day, QStringLiteral("a day object"));
            continue;
        }
        Day parsed;
        const QString dateText = text(day, "date", dayPath).trimmed();
        parsed.date = QDate::fromString(dateText.left(10), Qt::ISODate);
        for (const std::string_view key : {"day_start", "start"}) {
            if (!parsed.start.isValid())
                parsed.start = dateTime(text(day, key, dayPath));
        }
        for (const std::string_view key : {"day_end", "end"}) {
            if (!parsed.end.isValid())
                parsed.end = dateTime(text(day, key, dayPath));
        }
        if (!parsed.date.isValid() && parsed.start.isValid())
            parsed.date = parsed.start.date();
        if (!parsed.date.isValid()) {
            warn(dayPath, QStringLiteral("day without a usable date; its events are skipped"));
            continue;
        }

        const qsizetype firstSession = m_conference.sessions.size();
        if (withEvents) {
            if (const Json *rooms = typed(day, "rooms", dayPath, Json::value_t::object)) {
                const QString roomsPath = childPath(dayPath, "rooms");
                for (const auto &[roomName, events] : rooms->get_ref<const Json::object_t &>()) {
                    const QString roomPath =
                        roomsPath + QStringLiteral("[\"") + fromStd(roomName) + QStringLiteral("\"]");
                    const EventContext context{parsed.date, parsed.start, ensureRoom(fromStd(roomName))};
                    if (!events.is_array()) {
                        warnType(roomPath, events, QStringLiteral("a list of events"));
                        continue;
                    }
                    std::size_t eventIndex = 0;
                    for (const Json &event : events)
                        readEvent(event, indexPath(roomPath, eventIndex++), context);
                }
            }
        }
        if (!parsed.start.isValid() || !parsed.end.isValid()) {
            for (qsizetype i = firstSession; i < m_conference.sessions.size(); ++i) {
                const Session &s = m_conference.sessions[i];
                if (!parsed.start.isValid() || s.start < parsed.start)
                    parsed.start = s.start;
                if (!parsed.end.isValid() || s.end > parsed.end)
                    parsed.end = s.end;
            }
        }
        const auto same = m_dayIndex.constFind(parsed.date);
        if (same == m_dayIndex.cend()) {
            m_dayIndex.insert(parsed.date, m_conference.days.size());
            m_conference.days.append(parsed);
        } else {
            Day &known = m_conference.days[*same];
            if (parsed.start.isValid() && (!known.start.isValid() || parsed.start < known.start))
                known.start = parsed.start;
            if (parsed.end.isValid() && (!known.end.isValid() || parsed.end > known.end))
                known.end = parsed.end;
        }
    }
    m_dayIndex.clear();
    std::stable_sort(m_conference.days.begin(), m_conference.days.end(),
                     [](const Day &a, const Day &b) { return a.date < b.date; });
}

ImportResult ScheduleReader::read(const Json &root)
{
    if (!root.is_object())
        return fail(QStringLiteral("the document is %1, not an object").arg(describe(root)));

    const Json *schedule = member(root, "schedule");
    QString schedulePath = QStringLiteral("schedule");
    if (schedule && !schedule->is_object())
        return fail(QStringLiteral("\"schedule\" is %1, not an object").arg(describe(*schedule)));
    if (!schedule) {
        if (!member(root, "conference") && !member(root, "events"))
            return fail(QStringLiteral("no \"schedule\" object"));
        schedule = &root;
        schedulePath.clear();
    }

    const Json *conference = member(*schedule, "conference");
    const QString conferencePath = childPath(schedulePath, "conference");
    const Json *events = member(*schedule, "events");
    const QString eventsPath = childPath(schedulePath, "events");
    if (events && !events->is_array()) {
        if (!events->is_null())
            warnType(eventsPath, *events, QStringLiteral("a list of events"));
        events = nullptr;
    }
    if (conference && !conference->is_object()) {
        if (!events)
            return fail(QStringLiteral("\"conference\" is %1, not an object").arg(describe(*conference)));
        warnType(conferencePath, *conference, QStringLiteral("an object"));
        conference = nullptr;
    }
    if (!conference && !events)
        return fail(QStringLiteral("no \"conference\" object"));

    const Json *days = conference ? member(*conference, "days") : nullptr;
    QString daysPath = childPath(conferencePath, "days");
    if (!days) {
        days = member(*schedule, "days");
        daysPath = childPath(schedulePath, "days");
    }
    if (days && !days->is_array()) {
        if (!events)
            return fail(QStringLiteral("\"days\" is %1, not a list").arg(describe(*days)));
        warnType(daysPath, *days, QStringLiteral("a list of days"));
        days = nullptr;
    }
    if (!days && !events)
        return fail(QStringLiteral("no \"days\" or \"events\" list"));

    m_conference.sourceFormat = events ? QStringLiteral("schedule-v2-json") : QStringLiteral("frab-json");
    const Json emptyObject = Json::object();
    const Json &conf = conference ? *conference : emptyObject;
    m_conference.title = text(conf, "title", conferencePath).trimmed();
    m_conference.subtitle = text(conf, "subtitle", conferencePath).trimmed();
    m_conference.id = identifier(conf, "acronym", conferencePath);
    if (m_conference.id.isEmpty())
        m_conference.id = Conference::keyFromName(m_conference.title);
    m_conference.version = identifier(*schedule, "version", schedulePath);
    const QString conferenceUrl = text(conf, "url", conferencePath).trimmed();
    const QString baseUrl = text(*schedule, "base_url", schedulePath).trimmed();
    m_conference.url = conferenceUrl.isEmpty() ? baseUrl : conferenceUrl;
    m_baseUrl = QUrl(m_conference.url);
    if (m_baseUrl.isRelative())
        m_baseUrl = QUrl(m_options.sourceName);
    if (m_baseUrl.isRelative() || m_baseUrl.isLocalFile())
        m_baseUrl.clear();

    m_language = QStringLiteral("en");
    if (const Json *defaults = member(conf, "defaults"); defaults && defaults->is_object()) {
        const QString language = text(*defaults, "language", childPath(conferencePath, "defaults"));
        if (!language.isEmpty())
            m_language = language;
    } else if (const Json *languages = member(conf, "languages");
               languages && languages->is_array() && !languages->empty() && languages->front().is_string()) {
        m_language = fromStd(languages->front().get_ref<const Json::string_t &>());
    }

    chooseTimeZone(conference, conferencePath, days, events);
    m_conference.timeZone = m_zone;

    readTracks(conf, conferencePath);
    readRooms(conf, conferencePath);
    if (days)
        readDays(*days, daysPath, !events);
    if (events) {
        std::size_t index = 0;
        for (const Json &event : *events)
            readEvent(event, indexPath(eventsPath, index++), EventContext{});
    }
    if (const Json *persons = typed(*schedule, "persons", schedulePath, Json::value_t::array)) {
        std::size_t index = 0;
        for (const Json &person : *persons)
            readPerson(person, indexPath(childPath(schedulePath, "persons"), index++));
    }

    m_conference.normalize();
    if (m_suppressedWarnings > 0)
        m_warnings.append(QStringLiteral("%1 more warnings not shown").arg(m_suppressedWarnings));

    ImportResult result;
    result.conference = std::move(m_conference);
    result.warnings = std::move(m_warnings);
    return result;
}

ImportResult parseDocument(const QByteArray &data, const ImportOptions &options)
{
    const auto fail = [&data, &options](const QString &message, qsizetype offset = -1) {
        ParseError error{options.sourceName, 0, 0, message};
        if (offset >= 0)
            std::tie(error.line, error.column) = lineAndColumn(data, offset);
        return ImportResult::failure(error);
    };
    if (data.size() > options.maxInputBytes) {
        return fail(QStringLiteral("input is %1 bytes, more than the limit of %2 bytes")
                        .arg(data.size())
                        .arg(options.maxInputBytes));
    }
    const bool blank = std::all_of(data.cbegin(), data.cend(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
    if (blank)
        return fail(QStringLiteral("the file is empty"));

    DomBuilder builder;
    const bool parsed = Json::sax_parse(data.constData(), data.constData() + data.size(), &builder);
    if (builder.tooDeep()) {
        return fail(QStringLiteral("invalid JSON: nested deeper than %1 levels").arg(kMaxDepth),
                    offsetOfExcessiveNesting(data, kMaxDepth));
    }
    if (!parsed) {
        const std::string &reason = builder.errorReason();
        const qsizetype offset = static_cast<qsizetype>(builder.errorPosition()) - 1;
        if (reason.find("ill-formed UTF-8") != std::string::npos) {
            return fail(QStringLiteral("invalid UTF-8 in a string (the file must be UTF-8 encoded)"),
                        leadByteOffset(data, offset));
        }
        return fail(QStringLiteral("invalid JSON: ") + fromStd(reason), offset);
    }
    return ScheduleReader(options).read(builder.root());
}

} // namespace

ImportResult FrabJsonParser::parse(const QByteArray &data, const ImportOptions &options)
{
    try {
        return parseDocument(data, options);
    } catch (const std::bad_alloc &) {
        return ImportResult::failure(ParseError{options.sourceName, 0, 0, QStringLiteral("out of memory")});
    } catch (const std::exception &e) {
        return ImportResult::failure(ParseError{
            options.sourceName, 0, 0, QStringLiteral("internal error: ") + QString::fromUtf8(e.what())});
    }
}

} // namespace Plenary
