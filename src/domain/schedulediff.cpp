#include "schedulediff.h"

#include "agendaitem.h"

#include <QHash>

#include <algorithm>

namespace Plenary {

namespace {

bool sameInstant(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid())
        return false;
    return !a.isValid() || a.toMSecsSinceEpoch() == b.toMSecsSinceEpoch();
}

qint64 durationMs(const SessionSnapshot &snapshot)
{
    if (!snapshot.start.isValid() || !snapshot.end.isValid())
        return -1;
    return snapshot.start.msecsTo(snapshot.end);
}

// Pairs old and new occurrences of one guid; unpaired entries are -1.
struct Pairing
{
    QList<qsizetype> newForOld;
    QList<qsizetype> oldForNew;
};

Pairing pairOccurrences(const QList<const Session *> &olds, const QList<const Session *> &news)
{
    Pairing pairing{QList<qsizetype>(olds.size(), -1), QList<qsizetype>(news.size(), -1)};
    const auto pairWhere = [&](auto &&matches) {
        for (qsizetype o = 0; o < olds.size(); ++o) {
            if (pairing.newForOld[o] >= 0)
                continue;
            for (qsizetype n = 0; n < news.size(); ++n) {
                if (pairing.oldForNew[n] < 0 && matches(*olds[o], *news[n])) {
                    pairing.newForOld[o] = n;
                    pairing.oldForNew[n] = o;
                    break;
                }
            }
        }
    };
    pairWhere([](const Session &a, const Session &b) {
        return sameInstant(a.start, b.start) && a.roomId == b.roomId;
    });
    pairWhere([](const Session &a, const Session &b) { return sameInstant(a.start, b.start); });
    pairWhere([](const Session &, const Session &) { return true; });
    return pairing;
}

QHash<QString, QList<const Session *>> byGuid(const Conference &conference)
{
    QHash<QString, QList<const Session *>> result;
    for (const Session &session : conference.sessions)
        result[session.guid].append(&session);
    for (auto &list : result) {
        std::stable_sort(list.begin(), list.end(),
                         [](const Session *a, const Session *b) { return a->start < b->start; });
    }
    return result;
}

const QStringList &cancelWords()
{
    static const QStringList kWords{QStringLiteral("cancelled"), QStringLiteral("canceled"),
                                    QStringLiteral("abgesagt"),  QStringLiteral("entfällt"),
                                    QStringLiteral("annulé"),    QStringLiteral("annule")};
    return kWords;
}

} // namespace

SessionSnapshot SessionSnapshot::of(const Conference &conference, const Session &session)
{
    return SessionSnapshot{session.id,  session.title,  session.start,
                           session.end, session.roomId, AgendaItem::placeOf(conference, session)};
}

bool AgendaChange::isNoteworthy() const
{
    return (changes & ~Changes(Renumbered)) != Changes();
}

QString AgendaChange::currentSessionId() const
{
    if (changes.testFlag(NewOccurrence) || !after.exists())
        return before.sessionId;
    return after.sessionId;
}

bool ScheduleDiff::looksCancelled(QStringView title)
{
    QStringView text = title.trimmed();
    while (!text.isEmpty() && !text.front().isLetter())
        text = text.sliced(1);
    for (const QString &word : cancelWords()) {
        if (text.startsWith(word, Qt::CaseInsensitive) &&
            (text.size() == word.size() || !text.at(word.size()).isLetter()))
            return true;
    }
    return false;
}

AgendaChange::Changes ScheduleDiff::changesBetween(const SessionSnapshot &before,
                                                   const SessionSnapshot &after)
{
    AgendaChange::Changes changes;
    if (!before.exists() && !after.exists())
        return changes;
    if (!after.exists())
        return AgendaChange::Vanished;
    if (!before.exists())
        return AgendaChange::Returned;
    if (!sameInstant(before.start, after.start))
        changes |= AgendaChange::Moved;
    if (durationMs(before) != durationMs(after))
        changes |= AgendaChange::EndChanged;
    if (before.roomId != after.roomId)
        changes |= AgendaChange::RoomChanged;
    if (looksCancelled(after.title) && !looksCancelled(before.title))
        changes |= AgendaChange::Cancelled;
    if (before.sessionId != after.sessionId)
        changes |= AgendaChange::Renumbered;
    return changes;
}

AgendaChange ScheduleDiff::merge(const AgendaChange &earlier, const AgendaChange &later)
{
    AgendaChange merged;
    merged.guid = later.guid.isEmpty() ? earlier.guid : later.guid;
    merged.before = earlier.before;
    merged.after = later.after;
    merged.changes = changesBetween(merged.before, merged.after);
    return merged;
}

QList<AgendaChange> ScheduleDiff::compare(const Conference &before, const Conference &after,
                                          const QSet<QString> &agendaSessionIds)
{
    const QHash<QString, QList<const Session *>> oldByGuid = byGuid(before);
    const QHash<QString, QList<const Session *>> newByGuid = byGuid(after);

    QList<AgendaChange> changes;
    QList<AgendaChange> added;
    QSet<QString> guids;
    QList<QString> returned;
    for (const QString &id : agendaSessionIds) {
        if (const Session *session = before.session(id))
            guids.insert(session->guid);
        else if (after.session(id))
            returned.append(id);
    }

    QList<QString> orderedGuids(guids.cbegin(), guids.cend());
    std::sort(orderedGuids.begin(), orderedGuids.end());
    for (const QString &guid : std::as_const(orderedGuids)) {
        const QList<const Session *> olds = oldByGuid.value(guid);
        const QList<const Session *> news = newByGuid.value(guid);
        const Pairing pairing = pairOccurrences(olds, news);
        const Session *starred = nullptr;
        for (qsizetype o = 0; o < olds.size(); ++o) {
            if (!agendaSessionIds.contains(olds[o]->id))
                continue;
            if (!starred)
                starred = olds[o];
            AgendaChange change;
            change.guid = guid;
            change.before = SessionSnapshot::of(before, *olds[o]);
            if (pairing.newForOld[o] >= 0)
                change.after = SessionSnapshot::of(after, *news[pairing.newForOld[o]]);
            change.changes = changesBetween(change.before, change.after);
            if (change.changes)
                changes.append(change);
        }
        for (qsizetype n = 0; n < news.size() && starred; ++n) {
            if (pairing.oldForNew[n] >= 0)
                continue;
            AgendaChange change;
            change.guid = guid;
            change.before = SessionSnapshot::of(before, *starred);
            change.after = SessionSnapshot::of(after, *news[n]);
            change.changes = AgendaChange::NewOccurrence;
            added.append(change);
        }
    }
    for (const QString &id : std::as_const(returned)) {
        const Session *session = after.session(id);
        AgendaChange change;
        change.guid = session->guid;
        change.after = SessionSnapshot::of(after, *session);
        change.changes = AgendaChange::Returned;
        changes.append(change);
    }

    const auto byStart = [](const AgendaChange &a, const AgendaChange &b) {
        const QDateTime &sa = a.before.exists() ? a.before.start : a.after.start;
        const QDateTime &sb = b.before.exists() ? b.before.start : b.after.start;
        if (sa != sb)
            return sa < sb;
        return a.currentSessionId() < b.currentSessionId();
    };
    std::stable_sort(changes.begin(), changes.end(), byStart);
    std::stable_sort(added.begin(), added.end(), [](const AgendaChange &a, const AgendaChange &b) {
        return a.after.start < b.after.start;
    });
    return changes + added;
}

} // namespace Plenary
