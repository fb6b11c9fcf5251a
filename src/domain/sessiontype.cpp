#include "sessiontype.h"

#include <array>
#include <utility>

namespace Plenary {

namespace {
constexpr std::array<std::pair<SessionType, const char *>, 9> kNames{{
    {SessionType::Talk, "talk"},
    {SessionType::Keynote, "keynote"},
    {SessionType::Workshop, "workshop"},
    {SessionType::HandsOnLab, "hands-on-lab"},
    {SessionType::CertificationExam, "certification-exam"},
    {SessionType::ExpoTheater, "expo-theater"},
    {SessionType::Social, "social"},
    {SessionType::Break, "break"},
    {SessionType::Other, "other"},
}};

bool containsAny(QStringView text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1StringView(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}
} // namespace

QString sessionTypeName(SessionType type)
{
    for (const auto &[value, name] : kNames) {
        if (value == type)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("other");
}

SessionType sessionTypeFromName(QStringView name)
{
    for (const auto &[value, text] : kNames) {
        if (name.compare(QLatin1StringView(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return SessionType::Other;
}

SessionType guessSessionType(QStringView typeText, QStringView title)
{
    const SessionType exact = sessionTypeFromName(typeText);
    if (exact != SessionType::Other || typeText.compare(u"other", Qt::CaseInsensitive) == 0)
        return exact;
    if (containsAny(typeText, {"keynote", "plenary"}))
        return SessionType::Keynote;
    if (containsAny(typeText, {"exam", "certif"}))
        return SessionType::CertificationExam;
    if (containsAny(typeText, {"hands-on", "hands on", "lab"}))
        return SessionType::HandsOnLab;
    if (containsAny(typeText, {"workshop", "tutorial", "training"}))
        return SessionType::Workshop;
    if (containsAny(typeText, {"expo", "theater", "theatre", "sponsor"}))
        return SessionType::ExpoTheater;
    if (containsAny(typeText, {"social", "party", "reception", "meetup", "dinner", "night"}))
        return SessionType::Social;
    if (containsAny(typeText, {"break", "lunch", "coffee", "pause"}))
        return SessionType::Break;
    if (typeText.isEmpty() && !title.isEmpty()) {
        if (containsAny(title, {"keynote"}))
            return SessionType::Keynote;
        if (containsAny(title, {"lunch", "coffee break", "break"}) && title.size() < 40)
            return SessionType::Break;
    }
    return SessionType::Talk;
}

bool isSeatLimitedType(SessionType type)
{
    return type == SessionType::Workshop || type == SessionType::HandsOnLab ||
           type == SessionType::CertificationExam;
}

} // namespace Plenary
