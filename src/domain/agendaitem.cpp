#include "agendaitem.h"

namespace Plenary {

QString AgendaItem::key() const
{
    return kind == Kind::Personal ? personalKey(personalId) : sessionKey(sessionId);
}

QString AgendaItem::sessionKey(const QString &sessionId)
{
    return QStringLiteral("session:") + sessionId;
}

QString AgendaItem::personalKey(const QString &personalId)
{
    return QStringLiteral("personal:") + personalId;
}

QString AgendaItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Favourite:
        return QStringLiteral("favourite");
    case Kind::Seat:
        return QStringLiteral("seat");
    case Kind::Personal:
        return QStringLiteral("personal");
    }
    return {};
}

std::optional<AgendaItem::Kind> AgendaItem::kindFromName(QStringView name)
{
    for (const Kind kind : {Kind::Favourite, Kind::Seat, Kind::Personal}) {
        if (name.trimmed().compare(kindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

AgendaItem AgendaItem::fromSession(const Conference &conference, const Session &session, Kind kind)
{
    AgendaItem item;
    item.kind = kind == Kind::Personal ? Kind::Favourite : kind;
    item.sessionId = session.id;
    item.guid = session.guid;
    item.title = session.title;
    item.start = session.start;
    item.end = session.end;
    item.place = placeOf(conference, session);
    return item;
}

AgendaItem AgendaItem::fromPersonal(const PersonalItem &personal)
{
    AgendaItem item;
    item.kind = Kind::Personal;
    item.personalId = personal.id;
    item.title = personal.title;
    item.start = personal.start;
    item.end = personal.end;
    item.place = personal.place;
    item.notes = personal.notes;
    return item;
}

QString AgendaItem::placeOf(const Conference &conference, const Session &session)
{
    const Room *room = conference.room(session.roomId);
    if (!room)
        return session.roomId;
    QString place = room->name.isEmpty() ? room->id : room->name;
    if (const Floor *floor = conference.floor(room->floorId); floor && !floor->name.isEmpty())
        place += QStringLiteral(" · ") + floor->name;
    if (!room->address.isEmpty())
        place += QStringLiteral(", ") + room->address;
    return place;
}

} // namespace Plenary
