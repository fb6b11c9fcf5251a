#pragma once

#include "filteredrowmap.h"

#include <QAbstractProxyModel>
#include <QDateTime>
#include <QPointer>
#include <QtQmlIntegration>

#include <vector>

namespace Plenary {

class SessionListModel;

/**
 * Filters a SessionListModel by day, free-text query (case- and accent-insensitive, over title, abstract,
 * speakers, companies, room, floor, track and tags), track, type, floor, room, level, seat limit, agenda
 * and speaker. A query that extends the previous one only searches the sessions that matched before.
 *
 * Views are told exactly what changed, as row removals and insertions (FilteredRowMap), so a list keeps the
 * delegates of the rows that stay; nothing is announced when a keystroke changes nothing. Even thousands of
 * stretches cost a ListView less than a reset, which rebuilds every visible delegate (bench_sessionsearch).
 * (QSortFilterProxyModel rebuilds its whole mapping for every stretch it announces.)
 */
class SessionFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int day READ day WRITE setDay NOTIFY dayChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString track READ track WRITE setTrack NOTIFY trackChanged)
    Q_PROPERTY(int type READ type WRITE setType NOTIFY typeChanged)
    Q_PROPERTY(QString floor READ floor WRITE setFloor NOTIFY floorChanged)
    Q_PROPERTY(QString room READ room WRITE setRoom NOTIFY roomChanged)
    Q_PROPERTY(QString level READ level WRITE setLevel NOTIFY levelChanged)
    Q_PROPERTY(bool onlyWithSeats READ onlyWithSeats WRITE setOnlyWithSeats NOTIFY onlyWithSeatsChanged)
    Q_PROPERTY(bool onlyAgenda READ onlyAgenda WRITE setOnlyAgenda NOTIFY onlyAgendaChanged)
    Q_PROPERTY(QString speakerId READ speakerId WRITE setSpeakerId NOTIFY speakerIdChanged)
    Q_PROPERTY(int activeFilterCount READ activeFilterCount NOTIFY activeFilterCountChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit SessionFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    /** Index of a conference day; -1 shows every day. */
    int day() const { return m_day; }
    void setDay(int day);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QString track() const { return m_track; }
    void setTrack(const QString &trackId);
    /** A SessionListModel::Type; -1 shows every type. */
    int type() const { return m_type; }
    void setType(int type);
    QString floor() const { return m_floor; }
    void setFloor(const QString &floorId);
    QString room() const { return m_room; }
    void setRoom(const QString &roomId);
    QString level() const { return m_level; }
    void setLevel(const QString &level);
    /** Only sessions with reservable seats (until live counts exist, "seats left" means seat-limited). */
    bool onlyWithSeats() const { return m_onlyWithSeats; }
    void setOnlyWithSeats(bool onlyWithSeats);
    bool onlyAgenda() const { return m_onlyAgenda; }
    void setOnlyAgenda(bool onlyAgenda);
    QString speakerId() const { return m_speakerId; }
    void setSpeakerId(const QString &speakerId);

    /** How many of track, type, floor, room, level, seats and agenda are set (day and query not counted). */
    int activeFilterCount() const;
    int count() const { return rowCount(); }

    /** Resets track, type, floor, room, level, seats and agenda (day and query stay). */
    Q_INVOKABLE void clearFilters();
    /** The first row that has not ended at `now` (the "Now" button), or the last row; -1 when empty. */
    Q_INVOKABLE int rowForTime(const QDateTime &now) const;
    /** The row of a session id, or -1. */
    Q_INVOKABLE int rowOfSession(const QString &sessionId) const;
    /** The session id at a row, or "" (keyboard navigation). */
    Q_INVOKABLE QString sessionIdAt(int row) const;

Q_SIGNALS:
    void dayChanged();
    void queryChanged();
    void trackChanged();
    void typeChanged();
    void floorChanged();
    void roomChanged();
    void levelChanged();
    void onlyWithSeatsChanged();
    void onlyAgendaChanged();
    void speakerIdChanged();
    void activeFilterCountChanged();
    void countChanged();

private:
    /** Re-evaluates the filters other than the query, then applies. */
    void refilter();
    /** Combines the query matches with the other filters and tells views exactly what changed. */
    void applyFilter();
    /** The source model is about to change its rows: the proxy resets with it. */
    void beginSourceReset();
    void endSourceReset();
    void forwardDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                            const QList<int> &roles);
    void evaluateOtherFilters();
    /** Per source row, whether it passes the query and the other filters. */
    std::vector<quint8> acceptedRows() const;
    void updateQueryMatches();
    void computeMatches();
    void emitCountIfChanged();
    /** Whether a source row passes every filter except the query. */
    bool acceptsIgnoringQuery(int sourceRow) const;

    QPointer<SessionListModel> m_sessions;
    int m_day = -1;
    QString m_query;
    QString m_needle; ///< folded m_query
    QString m_track;
    int m_type = -1;
    QString m_floor;
    QString m_room;
    QString m_level;
    bool m_onlyWithSeats = false;
    bool m_onlyAgenda = false;
    QString m_speakerId;
    std::vector<quint8> m_queryMatches;
    std::vector<quint8> m_otherFiltersPass; ///< per source row: acceptsIgnoringQuery()
    FilteredRowMap m_rows;                  ///< the source rows shown
    /** Results of recent needles, newest last: backspacing and retyping cost nothing. */
    std::vector<std::pair<QString, std::vector<quint8>>> m_recent;
    int m_lastCount = 0;
    bool m_applying = false;  ///< inside applyFilter(): countChanged waits for its end
    bool m_resetting = false; ///< between the source's about-to and done signals
};

} // namespace Plenary
