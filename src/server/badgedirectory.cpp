#include "badgedirectory.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Plenary {

namespace {

QString normalized(QStringView code)
{
    QString out;
    out.reserve(code.size());
    for (const QChar c : code) {
        if (c.isSpace() || c == u'-' || c == u'_')
            continue;
        out.append(c.toUpper());
    }
    return out;
}

bool isAdmin(const QJsonObject &object)
{
    return object.value(u"admin").toBool() || object.value(u"role").toString() == u"admin";
}

} // namespace

QByteArray BadgeDirectory::digest(QStringView code)
{
    return QCryptographicHash::hash(normalized(code).toUtf8(), QCryptographicHash::Sha256);
}

void BadgeDirectory::add(const QString &code, const Badge &badge)
{
    if (normalized(code).isEmpty())
        return;
    Badge stored = badge;
    if (stored.attendeeId.isEmpty()) {
        const QByteArray id = QCryptographicHash::hash(
            QByteArray("plenary-attendee:" + normalized(code).toUtf8()), QCryptographicHash::Sha256);
        stored.attendeeId = QStringLiteral("a-") + QString::fromLatin1(id.toHex().left(16));
    } else if (stored.attendeeId.startsWith(u"seed:")) {
        stored.attendeeId.prepend(u"badge-");
    }
    m_badges.insert(digest(code), stored);
}

std::optional<Badge> BadgeDirectory::find(QStringView code) const
{
    if (normalized(code).isEmpty())
        return std::nullopt;
    const auto it = m_badges.constFind(digest(code));
    if (it == m_badges.constEnd())
        return std::nullopt;
    return *it;
}

bool BadgeDirectory::load(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return false;
    }
    QJsonArray entries;
    if (document.isArray()) {
        entries = document.array();
    } else if (document.isObject()) {
        const QJsonObject root = document.object();
        entries = root.value(u"badges").toArray();
        if (root.value(u"admin").isObject()) {
            QJsonObject admin = root.value(u"admin").toObject();
            admin.insert(QStringLiteral("admin"), true);
            entries.append(admin);
        }
        for (const QJsonValue &admin : root.value(u"admins").toArray()) {
            QJsonObject object = admin.toObject();
            object.insert(QStringLiteral("admin"), true);
            entries.append(object);
        }
    } else {
        *error = QStringLiteral("expected an array of badges or an object with \"badges\"");
        return false;
    }
    QHash<QByteArray, Badge> previous = m_badges;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject object = entries.at(i).toObject();
        const QString code = object.value(u"code").toString();
        if (normalized(code).isEmpty()) {
            *error = QStringLiteral("badge %1 has no code").arg(i + 1);
            m_badges = previous;
            return false;
        }
        Badge badge;
        badge.attendeeId = object.value(u"id").toString(object.value(u"attendeeId").toString());
        badge.name = object.value(u"name").toString();
        badge.admin = isAdmin(object);
        add(code, badge);
    }
    return true;
}

bool BadgeDirectory::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QString reason;
    if (!load(file.readAll(), &reason)) {
        *error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    }
    return true;
}

} // namespace Plenary
