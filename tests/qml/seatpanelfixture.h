// The live-seat world tst_seatpanel.qml drives: the real feed server on 127.0.0.1 (port 0) in this process,
// a SeatSyncClient and the SeatsController singleton on an injected clock. Available to QML as SeatFixture.
#pragma once

#include "conferencecontroller.h"
#include "feedserver.h"
#include "plenaryfeedwriter.h"
#include "seatscontroller.h"
#include "seatsyncclient.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

class SeatPanelFixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString badge READ badge CONSTANT)
public:
    QString badge() const { return QStringLiteral("PANEL-0001"); }

    /** Serves open (0 of 40 taken), filling (30 of 40), full (2 of 2, 2 waiting), last (1 of 1). */
    Q_INVOKABLE bool start()
    {
        using namespace Plenary;
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        m_dir = std::make_unique<QTemporaryDir>();
        const QTimeZone zone("Europe/Berlin");
        Conference c;
        c.id = QStringLiteral("panel-2027");
        c.title = QStringLiteral("Panel Conf");
        c.timeZone = zone;
        c.version = QStringLiteral("v1");
        const QList<QPair<QString, int>> limited{{"open", 40}, {"filling", 40}, {"full", 2}, {"last", 1}};
        int hour = 9;
        for (const auto &[id, seats] : limited) {
            Session s;
            s.id = s.guid = id;
            s.title = QStringLiteral("Workshop ") + id;
            s.type = SessionType::Workshop;
            s.start = QDateTime(QDate(2027, 5, 11), QTime(hour++, 0), zone);
            s.end = s.start.addSecs(3600);
            s.seatCapacity = seats;
            s.registrationRequired = true;
            c.sessions.append(s);
        }
        c.normalize();
        if (!write("conference.json", PlenaryFeedWriter::write(c)) ||
            !write("seats.json", R"({"sessions": {"filling": {"taken": 30, "waitlist": 0},
                "full": {"taken": 2, "waitlist": 2}, "last": {"taken": 1, "waitlist": 0}}})"))
            return false;
        FeedServerConfig config;
        config.conferencePath = m_dir->filePath("conference.json");
        config.databasePath = m_dir->filePath("ledger.sqlite");
        config.seatsPath = m_dir->filePath("seats.json");
        m_server = std::make_unique<FeedServer>(config);
        QString error;
        if (!m_server->start(&error))
            return false;
        m_server->badges().add(badge(), Badge{{}, QStringLiteral("Panel Tester"), false});
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0, &error);
        if (port == 0)
            return false;

        m_now = QDateTime(QDate(2027, 5, 11), QTime(6, 0), Qt::UTC);
        m_conferences = std::make_unique<ConferenceController>();
        m_conferences->setConference(c);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<SeatSyncClient>(m_network.get(), nullptr, [this] { return m_now; });
        SeatSyncClient::Settings settings;
        settings.backoffInitialMs = 100;
        settings.backoffMaxMs = 500;
        m_client->setSettings(settings);
        m_controller = std::make_unique<SeatsController>(nullptr);
        m_controller->setClient(m_client.get());
        m_controller->setConferenceController(m_conferences.get());
        m_controller->setClock([this] { return m_now; });
        SeatsController::setInstance(m_controller.get());
        m_controller->setFeedUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        return true;
    }

    Q_INVOKABLE bool seatsArrived() const
    {
        return m_controller && m_controller->seatInfo(QStringLiteral("last")).value("live").toBool();
    }

    /** Moves the injected clock on (the controller re-evaluates ages at once). */
    Q_INVOKABLE void advanceClock(int seconds)
    {
        m_now = m_now.addSecs(seconds);
        m_controller->setClock([this] { return m_now; });
    }

    /** The server goes away: the client turns offline, actions wait in the outbox. */
    Q_INVOKABLE void stopServer() { m_server.reset(); }

    Q_INVOKABLE void stop()
    {
        Plenary::SeatsController::setInstance(nullptr);
        m_controller.reset();
        m_client.reset();
        m_network.reset();
        m_server.reset();
        m_conferences.reset();
        m_dir.reset();
    }

private:
    bool write(const char *name, const QByteArray &data)
    {
        QSaveFile file(m_dir->filePath(QString::fromLatin1(name)));
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Plenary::FeedServer> m_server;
    std::unique_ptr<Plenary::ConferenceController> m_conferences;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Plenary::SeatSyncClient> m_client;
    std::unique_ptr<Plenary::SeatsController> m_controller;
    QDateTime m_now;
};
