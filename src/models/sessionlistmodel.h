#pragma once

#include "conference.h"
#include "searchindex.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QtQmlIntegration>

#include <memory>
#include <vector>

namespace Plenary {

class AgendaController;
class TimeZoneController;

/** Every session of the current conference as a list row with typed roles, in time order. */
class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SessionListModel comes from ConferenceController.sessions")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /** Mirrors Plenary::SessionType for QML. */
    enum Type {
        Talk = int(SessionType::Talk),
        Keynote = int(SessionType::Keynote),
        Workshop = int(SessionType::Workshop),
        HandsOnLab = int(SessionType::HandsOnLab),
        CertificationExam = int(SessionType::CertificationExam),
        ExpoTheater = int(SessionType::ExpoTheater),
        Social = int(SessionType::Social),
        Break = int(SessionType::Break),
        Other = int(SessionType::Other),
    };
    Q_ENUM(Type)

    enum Roles {
        IdRole = Qt::UserRole + 1,
        GuidRole,
        TitleRole,
        SubtitleRole,
        TypeRole,
        TypeNameRole,
        TypeLabelRole,
        TypeTextRole,
        TrackIdRole,
        TrackNameRole,
        TrackColorRole,
        RoomIdRole,
        RoomNameRole,
        FloorIdRole,
        FloorNameRole,
        StartRole,
        EndRole,
        DurationMinutesRole,
        TimeTextRole,
        TimeSlotRole,
        DaySlotRole,
        DayRole,
        SpeakerIdsRole,
        SpeakerNamesRole,
        AbstractTextRole,
        AbstractHtmlRole,
        LevelRole,
        LevelTextRole,
        TagsRole,
        LanguagesRole,
        SeatCapacityRole,
        RegistrationRequiredRole,
        InAgendaRole,
        UrlRole,
    };
    Q_ENUM(Roles)

    /** What a row knows beyond the Session itself, resolved once when the conference is set. */
    struct Entry
    {
        const Session *session = nullptr;
        int day = -1;
        QString trackName;
        QString trackColor;
        QString roomName;
        QString floorId;
        QString floorName;
        QStringList speakerNames;
    };

    explicit SessionListModel(QObject *parent = nullptr);
    ~SessionListModel() override;

    void setConference(std::shared_ptr<const Conference> conference);
    std::shared_ptr<const Conference> conference() const { return m_conference; }

    /** Where inAgenda comes from; the model follows its changes. */
    void setAgenda(AgendaController *agenda);
    /** Who formats timeText, timeSlot and daySlot; the model re-formats when the display zone changes. */
    void setTimeZone(TimeZoneController *timeZone);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_entries.size()); }
    const Entry &entry(int row) const { return m_entries[static_cast<size_t>(row)]; }
    /** The row of a session id, or -1. */
    int rowOf(const QString &sessionId) const { return m_rowById.value(sessionId, -1); }
    bool isInAgenda(int row) const;

    /** Folded title, subtitle, abstract, speakers and their companies, room, floor, track and tags per row;
     * built on first use unless buildSearchIndex() ran already. */
    const SearchIndex &searchIndex() const;
    /** Builds the search index now unless it is built (start-up calls it once the first frame is shown). */
    void buildSearchIndex() const;

    /** The translated name of a session type ("Hands-on lab"). */
    static QString typeText(SessionType type);
    /** The translated name of a known level ("beginner", "intermediate", "advanced"); others as published. */
    static QString levelText(const QString &level);
    /** The floor's name for a line that already names the room: "Floor 3 · Expo Hall" in "Expo Hall" is
     * "Floor 3". */
    static QString floorText(const QString &floorName, const QString &roomName);

Q_SIGNALS:
    void countChanged();
    /** The agenda changed for some rows (proxies that filter on it listen). */
    void agendaChanged();

private:
    void rebuild();
    void onAgendaChanged(const QString &sessionId);
    void onDisplayChanged();
    void onLanguageChanged();

    std::shared_ptr<const Conference> m_conference;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_rowById;
    mutable SearchIndex m_searchIndex;
    mutable bool m_searchIndexBuilt = false;
    QPointer<AgendaController> m_agenda;
    QPointer<TimeZoneController> m_timeZone;
    mutable std::vector<QString> m_timeTextCache;
    mutable std::vector<QString> m_timeSlotCache;
    mutable std::vector<QString> m_daySlotCache;
};

} // namespace Plenary
