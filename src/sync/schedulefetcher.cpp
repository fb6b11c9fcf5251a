#include "schedulefetcher.h"

#include "transportpolicy.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(plenarySync, "plenary.sync")

namespace Plenary {

namespace {

constexpr int kMaxRedirects = 10;

bool isHttp(const QUrl &url)
{
    return url.scheme() == u"http" || url.scheme() == u"https";
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// What a plain path or file:/qrc: URL names on disk (or in resources); empty for other URLs.
QString localPathOf(const QUrl &url)
{
    if (url.isLocalFile())
        return url.toLocalFile();
    if (url.scheme() == u"qrc")
        return QLatin1Char(':') + url.path();
    if (url.scheme().isEmpty())
        return url.path(QUrl::FullyDecoded);
#ifdef Q_OS_WIN
    if (url.scheme().size() == 1) // "C:/schedule.xml" parses as scheme "c"
        return url.toString();
#endif
    return {};
}

QString statusError(const QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return QStringLiteral("The server answered HTTP %1%2 for %3")
        .arg(QString::number(status), phrase.isEmpty() ? QString() : QLatin1Char(' ') + phrase,
             reply->url().toDisplayString());
}

} // namespace

ScheduleFetcher::ScheduleFetcher(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    Q_ASSERT(network);
}

ScheduleFetcher::~ScheduleFetcher()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ScheduleFetcher::setMaxBytes(qint64 maxBytes)
{
    m_maxBytes = maxBytes;
}

void ScheduleFetcher::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
}

void ScheduleFetcher::setAllowInsecureHttp(bool allow)
{
    m_allowInsecureHttp = allow;
}

bool ScheduleFetcher::isRunning() const
{
    return m_reply || m_localPending;
}

QByteArray ScheduleFetcher::userAgent()
{
    return QByteArrayLiteral("Plenary/" PLENARY_VERSION);
}

bool ScheduleFetcher::isRedirectAllowed(const QUrl &from, const QUrl &to)
{
    if (!to.isValid() || !isHttp(to) || to.host().isEmpty())
        return false;
    return !(from.scheme() == u"https" && to.scheme() == u"http");
}

void ScheduleFetcher::fetch(const QUrl &url, const QString &etag)
{
    if (isRunning())
        abort();
    ++m_generation;
    m_url = url;
    m_buffer.clear();
    m_stopReason.clear();
    m_requestEtag = etag;

    if (isHttp(url)) {
        if (!TransportPolicy::allows(url, m_allowInsecureHttp)) {
            FetchResult result;
            result.finalUrl = url;
            result.error = TransportPolicy::refusalText(url);
            finishLater(result);
            return;
        }
        startNetwork(url, etag);
        return;
    }
    const QString path = localPathOf(url);
    if (path.isEmpty()) {
        FetchResult result;
        result.finalUrl = url;
        result.error = url.isEmpty()
                           ? QStringLiteral("No URL or path was given")
                           : QStringLiteral("Cannot fetch %1: only http, https and file URLs are supported")
                                 .arg(url.toDisplayString());
        finishLater(result);
        return;
    }
    m_localPending = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, path, generation] { readLocalFile(path, generation); }, Qt::QueuedConnection);
}

void ScheduleFetcher::finishLater(FetchResult result)
{
    m_localPending = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, result, generation] {
            if (generation != m_generation || !m_localPending)
                return;
            m_localPending = false;
            Q_EMIT finished(result);
        },
        Qt::QueuedConnection);
}

void ScheduleFetcher::readLocalFile(const QString &path, quint64 generation)
{
    if (generation != m_generation || !m_localPending)
        return;
    m_localPending = false;

    FetchResult result;
    result.finalUrl =
        path.startsWith(QLatin1Char(':')) ? m_url : QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    QFile file(path);
    if (!file.exists()) {
        result.error = QStringLiteral("Cannot read %1: the file does not exist").arg(path);
    } else if (QFileInfo(path).isDir()) {
        result.error = QStringLiteral("Cannot read %1: it is a folder").arg(path);
    } else if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
    } else if (file.size() > m_maxBytes) {
        result.error = QStringLiteral("%1 is %2, more than the %3 limit")
                           .arg(path, sizeText(file.size()), sizeText(m_maxBytes));
    } else {
        // Read one byte past the limit: special files report size 0 but may still be endless.
        result.data = file.read(m_maxBytes + 1);
        if (result.data.size() > m_maxBytes) {
            result.data.clear();
            result.error = QStringLiteral("%1 is larger than the %2 limit").arg(path, sizeText(m_maxBytes));
        } else if (file.error() != QFileDevice::NoError) {
            result.data.clear();
            result.error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        } else {
            Q_EMIT progress(result.data.size(), result.data.size());
        }
    }
    Q_EMIT finished(result);
}

void ScheduleFetcher::startNetwork(const QUrl &url, const QString &etag)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader(
        QByteArrayLiteral("Accept"),
        QByteArrayLiteral("application/json, application/xml, text/xml, text/calendar, */*;q=0.5"));
    if (!etag.isEmpty())
        request.setRawHeader(QByteArrayLiteral("If-None-Match"), etag.toLatin1());
    request.setTransferTimeout(m_timeoutMs);
    // Qt refuses https -> http itself under this policy; onRedirected() adds our own checks on every hop.
    // (UserVerifiedRedirectPolicy is not used: in Qt 6.4 it breaks off after the second hop of a chain.)
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);

    m_currentUrl = url;
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ScheduleFetcher::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &ScheduleFetcher::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &ScheduleFetcher::onRedirected);
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [this](qint64 received, qint64 total) { Q_EMIT progress(received, total); });
    connect(m_reply, &QNetworkReply::finished, this, &ScheduleFetcher::onReplyFinished);
    qCDebug(plenarySync).noquote() << "GET" << url.toDisplayString() << etag;
}

QString ScheduleFetcher::tooLargeMessage() const
{
    return QStringLiteral("The download from %1 is larger than the %2 limit")
        .arg(m_url.toDisplayString(), sizeText(m_maxBytes));
}

void ScheduleFetcher::stopReply(const QString &reason)
{
    if (!m_reply)
        return;
    m_stopReason = reason;
    m_reply->abort(); // emits finished() synchronously
}

void ScheduleFetcher::onMetaDataChanged()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        stopReply(statusError(m_reply)); // an error page's body is of no use
        return;
    }
    if (status >= 300)
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_maxBytes)
        stopReply(tooLargeMessage());
}

void ScheduleFetcher::onReadyRead()
{
    m_buffer += m_reply->readAll();
    if (m_buffer.size() > m_maxBytes)
        stopReply(tooLargeMessage());
}

void ScheduleFetcher::onRedirected(const QUrl &target)
{
    const QUrl to = m_currentUrl.resolved(target);
    if (!isRedirectAllowed(m_currentUrl, to)) {
        stopReply(QStringLiteral("Refused to follow a redirect from %1 to %2")
                      .arg(m_currentUrl.toDisplayString(), to.toDisplayString()));
        return;
    }
    if (!TransportPolicy::allows(to, m_allowInsecureHttp)) {
        stopReply(TransportPolicy::refusalText(to));
        return;
    }
    qCDebug(plenarySync).noquote() << "redirected from" << m_currentUrl.toDisplayString() << "to"
                                   << to.toDisplayString();
    m_currentUrl = to;
    m_buffer.clear();
}

void ScheduleFetcher::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    FetchResult result;
    result.finalUrl = reply->url();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.etag = QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("ETag")));
    const QNetworkReply::NetworkError error = reply->error();
    const QString where = result.finalUrl.toDisplayString();

    if (!m_stopReason.isEmpty()) {
        result.error = m_stopReason;
    } else if (result.httpStatus == 304) {
        if (result.etag.isEmpty())
            result.etag = m_requestEtag;
    } else if (result.httpStatus >= 200 && result.httpStatus < 300 && error == QNetworkReply::NoError) {
        m_buffer += reply->readAll();
        if (m_buffer.size() > m_maxBytes)
            result.error = tooLargeMessage();
        else
            result.data = m_buffer;
    } else if (error == QNetworkReply::TooManyRedirectsError) {
        result.error = QStringLiteral("Gave up on %1 after %2 redirects")
                           .arg(m_url.toDisplayString())
                           .arg(kMaxRedirects);
    } else if (error == QNetworkReply::InsecureRedirectError ||
               (result.httpStatus >= 300 && result.httpStatus < 400)) {
        // Qt itself does not follow redirects to other schemes (file:, ftp:) or from https to http.
        const QUrl target =
            m_currentUrl.resolved(QUrl::fromEncoded(reply->rawHeader(QByteArrayLiteral("Location"))));
        result.error = QStringLiteral("Refused to follow a redirect (HTTP %1) from %2 to %3")
                           .arg(QString::number(result.httpStatus), m_currentUrl.toDisplayString(),
                                target.toDisplayString());
    } else if (result.httpStatus != 0 && (result.httpStatus < 200 || result.httpStatus >= 300)) {
        result.error = statusError(reply);
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        result.error = QStringLiteral("The download from %1 timed out: no data for %2 s")
                           .arg(where, QString::number(m_timeoutMs / 1000.0, 'g', 3));
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        result.error = QStringLiteral("A secure connection to %1 could not be made: %2")
                           .arg(where, reply->errorString());
    } else if (error == QNetworkReply::UnknownContentError && result.httpStatus >= 200 &&
               result.httpStatus < 300) {
        // Qt stops a compressed body that expands far beyond its size (a compression bomb) before our limit.
        result.error = QStringLiteral("The download from %1 could not be decompressed safely (it expands far "
                                      "beyond its size or is corrupt)")
                           .arg(where);
    } else {
        result.error = QStringLiteral("Could not download %1: %2").arg(where, reply->errorString());
    }
    m_buffer.clear();
    m_stopReason.clear();

    if (result.ok())
        qCDebug(plenarySync) << "fetched" << where << result.httpStatus << result.data.size() << "bytes";
    else
        qCInfo(plenarySync).noquote() << result.error;
    Q_EMIT finished(result);
}

void ScheduleFetcher::abort()
{
    if (m_reply) {
        stopReply(QStringLiteral("The download of %1 was cancelled").arg(m_url.toDisplayString()));
        return;
    }
    if (!m_localPending)
        return;
    m_localPending = false;
    FetchResult result;
    result.finalUrl = m_url;
    result.error = QStringLiteral("Reading %1 was cancelled").arg(m_url.toDisplayString());
    Q_EMIT finished(result);
}

FetchResult ScheduleFetcher::fetchBlocking(const QUrl &url, int timeoutMs, qint64 maxBytes,
                                           bool allowInsecureHttp)
{
    FetchResult result;
    if (!QCoreApplication::instance()) {
        result.finalUrl = url;
        result.error = QStringLiteral("Fetching needs a QCoreApplication");
        return result;
    }
    QNetworkAccessManager network;
    ScheduleFetcher fetcher(&network);
    fetcher.setTimeoutMs(timeoutMs);
    fetcher.setMaxBytes(maxBytes);
    fetcher.setAllowInsecureHttp(allowInsecureHttp);
    QEventLoop loop;
    bool done = false;
    connect(&fetcher, &ScheduleFetcher::finished, &loop, [&](const FetchResult &fetched) {
        result = fetched;
        done = true;
        loop.quit();
    });
    fetcher.fetch(url);
    if (!done)
        loop.exec();
    return result;
}

} // namespace Plenary
