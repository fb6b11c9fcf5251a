#include "conferencesnapshot.h"

#include "timezones.h"

#include <QtEndian>

#include <cstring>
#include <limits>

namespace Plenary {

namespace {

constexpr char kMagic[4] = {'P', 'L', 'N', 'S'};

// How a time's zone is kept: most are in the conference's zone and need nothing more.
enum class ZoneKind : quint8 { Invalid, ConferenceZone, Utc, Offset, OtherZone };

class Writer
{
public:
    explicit Writer(QByteArray &out)
        : m_out(out)
    {}

    void u8(quint8 v) { m_out.append(char(v)); }
    void u32(quint32 v)
    {
        const quint32 le = qToLittleEndian(v);
        m_out.append(reinterpret_cast<const char *>(&le), sizeof le);
    }
    void i64(qint64 v)
    {
        const qint64 le = qToLittleEndian(v);
        m_out.append(reinterpret_cast<const char *>(&le), sizeof le);
    }
    void i32(qint32 v) { u32(quint32(v)); }
    void text(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        u32(quint32(utf8.size()));
        m_out.append(utf8);
    }
    /** A count, then each element as `element` writes it. */
    template<typename T, typename Element> void list(const QList<T> &items, Element element)
    {
        u32(quint32(items.size()));
        for (const T &item : items)
            element(item);
    }
    void texts(const QStringList &items)
    {
        list(items, [this](const QString &s) { text(s); });
    }
    void optionalInt(const std::optional<int> &v)
    {
        u8(v.has_value() ? 1 : 0);
        if (v)
            i32(*v);
    }
    void time(const QDateTime &t, const QTimeZone &conferenceZone)
    {
        if (!t.isValid()) {
            u8(quint8(ZoneKind::Invalid));
            return;
        }
        switch (t.timeSpec()) {
        case Qt::UTC:
            u8(quint8(ZoneKind::Utc));
            break;
        case Qt::OffsetFromUTC:
            u8(quint8(ZoneKind::Offset));
            i32(t.offsetFromUtc());
            break;
        case Qt::TimeZone:
            if (t.timeZone() == conferenceZone) {
                u8(quint8(ZoneKind::ConferenceZone));
            } else {
                u8(quint8(ZoneKind::OtherZone));
                text(QString::fromLatin1(t.timeZone().id()));
            }
            break;
        case Qt::LocalTime: // the domain keeps no device-local times; kept as the instant in UTC
            u8(quint8(ZoneKind::Utc));
            break;
        }
        i64(t.toMSecsSinceEpoch());
    }

private:
    QByteArray &m_out;
};

class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_pos(data.data())
        , m_end(data.data() + data.size())
    {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_end; }

    quint8 u8()
    {
        if (!need(1))
            return 0;
        return quint8(*m_pos++);
    }
    quint32 u32()
    {
        if (!need(4))
            return 0;
        const quint32 v = qFromLittleEndian<quint32>(m_pos);
        m_pos += 4;
        return v;
    }
    qint32 i32() { return qint32(u32()); }
    qint64 i64()
    {
        if (!need(8))
            return 0;
        const qint64 v = qFromLittleEndian<qint64>(m_pos);
        m_pos += 8;
        return v;
    }
    QString text()
    {
        const quint32 size = u32();
        if (!need(size))
            return {};
        const QString s = QString::fromUtf8(m_pos, qsizetype(size));
        m_pos += size;
        return s;
    }
    /** A list's element count, refused when even one byte per element would not fit in what is left. */
    quint32 count()
    {
        const quint32 n = u32();
        if (m_ok && n > quint32(m_end - m_pos))
            m_ok = false;
        return m_ok ? n : 0;
    }
    /** A count, then as many elements as `element` reads; stops at the first damage. */
    template<typename T, typename Element> QList<T> list(Element element)
    {
        const quint32 n = count();
        QList<T> items;
        items.reserve(n);
        for (quint32 i = 0; i < n && m_ok; ++i)
            items.append(element());
        return items;
    }
    QStringList texts()
    {
        return list<QString>([this] { return text(); });
    }
    std::optional<int> optionalInt()
    {
        const quint8 present = u8();
        if (present > 1)
            m_ok = false;
        if (present != 1)
            return std::nullopt;
        return i32();
    }
    bool flag()
    {
        const quint8 v = u8();
        if (v > 1)
            m_ok = false;
        return v == 1;
    }
    QDateTime time(const QTimeZone &conferenceZone)
    {
        const quint8 kind = u8();
        switch (ZoneKind(kind)) {
        case ZoneKind::Invalid:
            return {};
        case ZoneKind::ConferenceZone:
            return instant(conferenceZone);
        case ZoneKind::Utc: {
            const qint64 msecs = i64();
            return m_ok ? QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC) : QDateTime();
        }
        case ZoneKind::Offset: {
            const qint32 offset = i32();
            const qint64 msecs = i64();
            if (offset < -14 * 3600 || offset > 14 * 3600)
                m_ok = false;
            return m_ok ? QDateTime::fromMSecsSinceEpoch(msecs, Qt::OffsetFromUTC, offset) : QDateTime();
        }
        case ZoneKind::OtherZone:
            return instant(timeZoneFromId(text()));
        }
        m_ok = false;
        return {};
    }
    void fail() { m_ok = false; }

private:
    QDateTime instant(const QTimeZone &zone)
    {
        const qint64 msecs = i64();
        if (!zone.isValid())
            m_ok = false;
        return m_ok ? QDateTime::fromMSecsSinceEpoch(msecs, zone) : QDateTime();
    }
    bool need(quint64 bytes)
    {
        if (m_ok && bytes > quint64(m_end - m_pos))
            m_ok = false;
        return m_ok;
    }

    const char *m_pos;
    const char *m_end;
    bool m_ok = true;
};

} // namespace

QByteArray ConferenceSnapshot::write(const Conference &c)
{
    QByteArray out;
    out.reserve(64 * 1024);
    Writer w(out);
    out.append(kMagic, sizeof kMagic);
    w.u32(kFormatVersion);
    w.text(c.id);
    w.text(c.title);
    w.text(c.subtitle);
    w.text(QString::fromLatin1(c.timeZone.id()));
    w.text(c.version);
    w.text(c.url);
    w.text(c.sourceFormat);

    w.text(c.venue.name);
    w.text(c.venue.address);
    w.list(c.venue.floors, [&w](const Floor &f) {
        w.text(f.id);
        w.text(f.name);
        w.i32(f.level);
    });
    w.list(c.venue.rooms, [&w](const Room &r) {
        w.text(r.id);
        w.text(r.name);
        w.text(r.floorId);
        w.text(r.description);
        w.text(r.address);
        w.optionalInt(r.capacity);
    });
    w.list(c.days, [&w, &c](const Day &d) {
        w.i64(d.date.isValid() ? d.date.toJulianDay() : std::numeric_limits<qint64>::min());
        w.time(d.start, c.timeZone);
        w.time(d.end, c.timeZone);
    });
    w.list(c.tracks, [&w](const Track &t) {
        w.text(t.id);
        w.text(t.name);
        w.text(t.color);
    });
    w.list(c.speakers, [&w](const Speaker &s) {
        w.text(s.id);
        w.text(s.name);
        w.text(s.company);
        w.text(s.bio);
        w.text(s.avatarUrl);
    });
    w.list(c.sessions, [&w, &c](const Session &s) {
        w.text(s.id);
        w.text(s.guid);
        w.text(s.title);
        w.text(s.subtitle);
        w.u8(quint8(s.type));
        w.text(s.typeLabel);
        w.text(s.trackId);
        w.text(s.roomId);
        w.time(s.start, c.timeZone);
        w.time(s.end, c.timeZone);
        w.text(s.abstractText);
        w.text(s.abstractHtml);
        w.texts(s.speakerIds);
        w.text(s.level);
        w.texts(s.tags);
        w.texts(s.languages);
        w.optionalInt(s.seatCapacity);
        w.u8(s.registrationRequired ? 1 : 0);
        w.text(s.url);
        w.list(s.links, [&w](const Link &l) {
            w.text(l.title);
            w.text(l.url);
        });
    });
    return out;
}

std::optional<Conference> ConferenceSnapshot::read(QByteArrayView data)
{
    if (data.size() < qsizetype(sizeof kMagic) + 4 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    Reader r(data.sliced(sizeof kMagic));
    if (r.u32() != kFormatVersion)
        return std::nullopt;
    Conference c;
    c.id = r.text();
    c.title = r.text();
    c.subtitle = r.text();
    c.timeZone = timeZoneFromId(r.text());
    if (!c.timeZone.isValid())
        r.fail();
    c.version = r.text();
    c.url = r.text();
    c.sourceFormat = r.text();

    c.venue.name = r.text();
    c.venue.address = r.text();
    c.venue.floors = r.list<Floor>([&r] {
        Floor f;
        f.id = r.text();
        f.name = r.text();
        f.level = r.i32();
        return f;
    });
    c.venue.rooms = r.list<Room>([&r] {
        Room room;
        room.id = r.text();
        room.name = r.text();
        room.floorId = r.text();
        room.description = r.text();
        room.address = r.text();
        room.capacity = r.optionalInt();
        return room;
    });
    c.days = r.list<Day>([&r, &c] {
        Day d;
        const qint64 julianDay = r.i64();
        if (julianDay != std::numeric_limits<qint64>::min())
            d.date = QDate::fromJulianDay(julianDay);
        d.start = r.time(c.timeZone);
        d.end = r.time(c.timeZone);
        return d;
    });
    c.tracks = r.list<Track>([&r] {
        Track t;
        t.id = r.text();
        t.name = r.text();
        t.color = r.text();
        return t;
    });
    c.speakers = r.list<Speaker>([&r] {
        Speaker s;
        s.id = r.text();
        s.name = r.text();
        s.company = r.text();
        s.bio = r.text();
        s.avatarUrl = r.text();
        return s;
    });
    c.sessions = r.list<Session>([&r, &c] {
        Session s;
        s.id = r.text();
        s.guid = r.text();
        s.title = r.text();
        s.subtitle = r.text();
        const quint8 type = r.u8();
        if (type > quint8(SessionType::Other))
            r.fail();
        s.type = SessionType(type);
        s.typeLabel = r.text();
        s.trackId = r.text();
        s.roomId = r.text();
        s.start = r.time(c.timeZone);
        s.end = r.time(c.timeZone);
        s.abstractText = r.text();
        s.abstractHtml = r.text();
        s.speakerIds = r.texts();
        s.level = r.text();
        s.tags = r.texts();
        s.languages = r.texts();
        s.seatCapacity = r.optionalInt();
        s.registrationRequired = r.flag();
        s.url = r.text();
        s.links = r.list<Link>([&r] {
            Link l;
            l.title = r.text();
            l.url = r.text();
            return l;
        });
        return s;
    });
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    c.normalize();
    return c;
}

} // namespace Plenary
