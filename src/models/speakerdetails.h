#pragma once

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Plenary {

class ConferenceController;
struct Speaker;

Q_MOC_INCLUDE("conferencecontroller.h")
/** What the speaker page shows about one speaker of the open conference. */
class SpeakerDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Plenary::ConferenceController *controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    Q_PROPERTY(QString speakerId READ speakerId WRITE setSpeakerId NOTIFY speakerIdChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString company READ company NOTIFY changed)
    Q_PROPERTY(QString bio READ bio NOTIFY changed)
    Q_PROPERTY(QString avatarUrl READ avatarUrl NOTIFY changed)
    Q_PROPERTY(QString initials READ initials NOTIFY changed)
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY changed)

public:
    explicit SpeakerDetails(QObject *parent = nullptr);

    ConferenceController *controller() const { return m_controller; }
    void setController(ConferenceController *controller);
    QString speakerId() const { return m_speakerId; }
    void setSpeakerId(const QString &speakerId);

    bool isValid() const { return speaker() != nullptr; }
    QString name() const;
    QString company() const;
    QString bio() const;
    QString avatarUrl() const;
    QString initials() const;
    int sessionCount() const;

Q_SIGNALS:
    void controllerChanged();
    void speakerIdChanged();
    void changed();

private:
    const Speaker *speaker() const;

    QPointer<ConferenceController> m_controller;
    QString m_speakerId;
};

} // namespace Plenary
