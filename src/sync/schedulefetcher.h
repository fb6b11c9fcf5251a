#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(plenarySync)

class QNetworkAccessManager;
class QNetworkReply;

namespace Plenary {

/** The outcome of one download: the body, or an error sentence saying what went wrong. */
struct FetchResult
{
    QByteArray data;
    QString error;      ///< empty on success
    int httpStatus = 0; ///< 0 for local files and when no response arrived
    QString etag;       ///< the response's ETag (quotes kept); for a 304 without one, the ETag that was sent
    QUrl finalUrl;      ///< after redirects; a file:// URL for local files

    bool ok() const { return error.isEmpty(); }
    /** The server said the copy we have (named by the ETag we sent) is still current; `data` is empty. */
    bool notModified() const { return ok() && httpStatus == 304; }
};

/**
 * Downloads a schedule over http(s), or reads it from a local file, with a size limit, an inactivity timeout
 * and safe redirects (http(s) only, never from https to http). TLS errors are never ignored. One download at
 * a time; the QNetworkAccessManager is injected and must outlive the fetcher. Plain http is refused except on
 * loopback unless allowed (TransportPolicy), for the address given and every redirect.
 */
class ScheduleFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultMaxBytes = 64 * 1024 * 1024;
    static constexpr int kDefaultTimeoutMs = 30 * 1000;

    explicit ScheduleFetcher(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ScheduleFetcher() override;

    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 maxBytes);

    /** How long a download may go without receiving data before it is given up. */
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs);

    bool isRunning() const;

    /** Whether plain http:// may be used beyond loopback (off by default). */
    bool allowsInsecureHttp() const { return m_allowInsecureHttp; }
    void setAllowInsecureHttp(bool allow);

    /**
     * Starts a download of an http:// or https:// URL, or a read of a file:// URL or plain path; emits
     * finished() exactly once for it, never from inside this call. A running download is aborted first (see
     * abort()). With `etag` set, the request asks for the body only if it changed (If-None-Match), and a 304
     * answer is a success. An answer of 400 or above is given up as soon as its status line arrives.
     */
    void fetch(const QUrl &url, const QString &etag = {});

    /** Stops the running download; finished() is emitted (synchronously) with a "cancelled" error. */
    void abort();

    /** Whether a redirect may be followed: only to http(s), and never from https to plain http. */
    static bool isRedirectAllowed(const QUrl &from, const QUrl &to);

    /** "Plenary/<version>". */
    static QByteArray userAgent();

    /** Fetches with a local event loop, for command-line tools; needs a QCoreApplication. */
    static FetchResult fetchBlocking(const QUrl &url, int timeoutMs = kDefaultTimeoutMs,
                                     qint64 maxBytes = kDefaultMaxBytes, bool allowInsecureHttp = true);

Q_SIGNALS:
    /** `total` is -1 while the size is unknown. */
    void progress(qint64 received, qint64 total);
    void finished(const Plenary::FetchResult &result);

private:
    void startNetwork(const QUrl &url, const QString &etag);
    void finishLater(FetchResult result);
    void readLocalFile(const QString &path, quint64 generation);
    void stopReply(const QString &reason);
    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onReplyFinished();
    QString tooLargeMessage() const;

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QString m_requestEtag;
    QString m_stopReason;
    QUrl m_url;
    QUrl m_currentUrl; ///< the URL being requested now: m_url, then each redirect target
    qint64 m_maxBytes = kDefaultMaxBytes;
    int m_timeoutMs = kDefaultTimeoutMs;
    quint64 m_generation =
        0; ///< identifies the current request; queued local reads of older ones are dropped
    bool m_localPending = false;
    bool m_allowInsecureHttp = false;
};

} // namespace Plenary
