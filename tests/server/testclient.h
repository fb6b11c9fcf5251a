#pragma once

// A small HTTP client for driving the feed server from tests and benchmarks: one QNetworkAccessManager (and
// so its own connections) per client, calls that keep the event loop turning while they wait.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <functional>
#include <memory>

struct TestResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    double elapsedMs = 0; ///< from sending to the finished() signal

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error").toObject().value(u"code").toString(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

/** The entry for session `id` in a /api/seats answer; empty when it has none. */
inline QJsonObject sessionSeats(const TestResponse &seats, const QString &id)
{
    for (const QJsonValue &s : seats.json().value(u"sessions").toArray()) {
        if (s.toObject().value(u"id").toString() == id)
            return s.toObject();
    }
    return {};
}

class TestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit TestClient(quint16 port)
        : m_port(port)
        , m_nam(std::make_unique<QNetworkAccessManager>())
    {}

    QByteArray token;

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const Headers &headers = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        request.setTransferTimeout(60'000);
        const qint64 started = clock().nsecsElapsed();
        QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, started] {
            reply->setProperty("elapsedMs", double(clock().nsecsElapsed() - started) / 1e6);
        });
        return reply;
    }

    /** Collects a finished reply and deletes it. */
    static TestResponse collect(QNetworkReply *reply)
    {
        TestResponse response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
        response.error = reply->error();
        response.elapsedMs = reply->property("elapsedMs").toDouble();
        reply->deleteLater();
        return response;
    }

    TestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const Headers &headers = {}, int timeoutMs = 30'000)
    {
        QNetworkReply *reply = start(method, path, body, headers);
        waitFor([reply] { return reply->isFinished(); }, timeoutMs);
        if (!reply->isFinished()) {
            reply->abort();
            delete reply;
            return {};
        }
        return collect(reply);
    }

    TestResponse postJson(const QString &path, const QJsonObject &object, const Headers &headers = {})
    {
        return call("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact), headers);
    }

    /** Signs in and keeps the token; true on 201. */
    bool signIn(const QString &badge)
    {
        const TestResponse r =
            postJson(QStringLiteral("/api/session"), QJsonObject{{QStringLiteral("badge"), badge}});
        token = r.json().value(u"token").toString().toLatin1();
        return r.status == 201 && !token.isEmpty();
    }

    /** Runs the event loop until `done` or the timeout; checks at least every 2 ms. */
    static bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done() && timer.elapsed() < timeoutMs) {
            QEventLoop loop;
            QTimer::singleShot(2, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return done();
    }

    static QElapsedTimer &clock()
    {
        static QElapsedTimer timer = [] {
            QElapsedTimer t;
            t.start();
            return t;
        }();
        return timer;
    }

private:
    quint16 m_port;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};
