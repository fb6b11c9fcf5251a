#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>
#include <QVariantList>

namespace Plenary {

class ConferenceController;
struct Session;

Q_MOC_INCLUDE("conferencecontroller.h")
/** Everything the session page shows about one session of the open conference, kept current. */
class SessionDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Plenary::ConferenceController *controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY changed)
    Q_PROPERTY(int type READ type NOTIFY changed)
    Q_PROPERTY(QString typeText READ typeText NOTIFY changed)
    Q_PROPERTY(QString trackName READ trackName NOTIFY changed)
    Q_PROPERTY(QString trackColor READ trackColor NOTIFY changed)
    Q_PROPERTY(QString roomName READ roomName NOTIFY changed)
    Q_PROPERTY(QString floorName READ floorName NOTIFY changed)
    Q_PROPERTY(QString roomAddress READ roomAddress NOTIFY changed)
    Q_PROPERTY(QString roomDescription READ roomDescription NOTIFY changed)
    Q_PROPERTY(QDateTime start READ start NOTIFY changed)
    Q_PROPERTY(QDateTime end READ end NOTIFY changed)
    Q_PROPERTY(QString dayText READ dayText NOTIFY changed)
    Q_PROPERTY(QString timeText READ timeText NOTIFY changed)
    Q_PROPERTY(QString zoneText READ zoneText NOTIFY changed)
    Q_PROPERTY(int durationMinutes READ durationMinutes NOTIFY changed)
    Q_PROPERTY(QString abstractHtml READ abstractHtml NOTIFY changed)
    Q_PROPERTY(QString level READ level NOTIFY changed)
    Q_PROPERTY(QStringList tags READ tags NOTIFY changed)
    Q_PROPERTY(QStringList languageNames READ languageNames NOTIFY changed)
    Q_PROPERTY(QString languagesText READ languagesText NOTIFY changed)
    Q_PROPERTY(int seatCapacity READ seatCapacity NOTIFY changed)
    Q_PROPERTY(bool registrationRequired READ registrationRequired NOTIFY changed)
    Q_PROPERTY(bool inAgenda READ inAgenda NOTIFY changed)
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(QVariantList speakers READ speakers NOTIFY changed)
    Q_PROPERTY(QVariantList otherOccurrences READ otherOccurrences NOTIFY changed)

public:
    explicit SessionDetails(QObject *parent = nullptr);

    ConferenceController *controller() const { return m_controller; }
    void setController(ConferenceController *controller);
    QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &sessionId);

    bool isValid() const { return session() != nullptr; }
    QString title() const;
    QString subtitle() const;
    int type() const;
    QString typeText() const;
    QString trackName() const;
    QString trackColor() const;
    QString roomName() const;
    QString floorName() const;
    QString roomAddress() const;
    QString roomDescription() const;
    QDateTime start() const;
    QDateTime end() const;
    QString dayText() const;
    QString timeText() const;
    QString zoneText() const;
    int durationMinutes() const;
    /** Sanitized again on the way out: only the tags HtmlSanitizer allows reach Text.RichText. */
    QString abstractHtml() const;
    /** The session's level, translated when it is beginner, intermediate or advanced. */
    QString level() const;
    QStringList tags() const;
    QStringList languageNames() const;
    /** The language names as one line ("English, 한국어"). */
    QString languagesText() const;
    int seatCapacity() const;
    bool registrationRequired() const;
    bool inAgenda() const;
    QString url() const;
    /** [{id, name, company, initials}] in the session's order. */
    QVariantList speakers() const;
    /** Other occurrences of the same event: [{id, text}]. */
    QVariantList otherOccurrences() const;

    /** Stars or unstars the session; returns an AgendaController::Result. */
    Q_INVOKABLE int toggleAgenda();

Q_SIGNALS:
    void controllerChanged();
    void sessionIdChanged();
    void changed();

private:
    const Session *session() const;

    QPointer<ConferenceController> m_controller;
    QString m_sessionId;
};

} // namespace Plenary
