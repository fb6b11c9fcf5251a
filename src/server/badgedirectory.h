#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace Plenary {

/** Who a badge belongs to: the attendee identity a sign-in gets. */
struct Badge
{
    QString attendeeId;
    QString name;
    bool admin = false;
};

/** The badge codes that may sign in, kept only as SHA-256 digests of their normalized form. */
class BadgeDirectory
{
public:
    // Normalized: spaces, "-" and "_" dropped, upper case. A lookup hashes the typed code and finds the
    // digest, so no secret is ever compared byte by byte.

    /**
     * Reads a badges file: a JSON array of badges, or an object holding one under "badges" (and optionally
     * an "admin" badge or an "admins" array). A badge is {"code", "name", "id"?, "admin"? or "role":
     * "admin"}; without an id the attendee id is derived from the code. Returns false and sets `error` on bad
     * input.
     */
    bool load(const QByteArray &json, QString *error);
    bool loadFile(const QString &path, QString *error);

    /** Adds one badge (tests and demos). A later code replaces an earlier identical one. */
    void add(const QString &code, const Badge &badge);

    std::optional<Badge> find(QStringView code) const;

    qsizetype size() const { return m_badges.size(); }

    /** The lookup key of a code: SHA-256 of its normalized form. */
    static QByteArray digest(QStringView code);

private:
    QHash<QByteArray, Badge> m_badges;
};

} // namespace Plenary
