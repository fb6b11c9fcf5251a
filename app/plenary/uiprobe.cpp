#include "uiprobe.h"

#include <QGuiApplication>
#include <QImage>
#include <QMutex>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace Plenary {

namespace {
QMutex g_mutex;
QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;
constexpr int kTransitionMs = 600;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        QMutexLocker lock(&g_mutex);
        g_warnings.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

void UiProbe::captureWarnings()
{
    g_previousHandler = qInstallMessageHandler(recordMessage);
}

QStringList UiProbe::warnings()
{
    QMutexLocker lock(&g_mutex);
    return g_warnings;
}

UiProbe::UiProbe(QQuickWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

bool UiProbe::showPage(const QString &page)
{
    QVariant shown;
    const bool invoked =
        QMetaObject::invokeMethod(m_window, "showPage", Q_RETURN_ARG(QVariant, shown), Q_ARG(QVariant, page));
    if (!invoked || !shown.toBool()) {
        QTextStream(stderr) << "plenary: unknown page \"" << page << "\"" << Qt::endl;
        return false;
    }
    return true;
}

void UiProbe::afterFrames(int frames, std::function<void()> then)
{
    // Waits for real frames (not a fixed delay), with a timeout so a stuck scene graph cannot hang a test.
    auto remaining = std::make_shared<int>(frames);
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto done = std::make_shared<bool>(false);
    auto finish = [then, done, connection] {
        if (*done)
            return;
        *done = true;
        QObject::disconnect(*connection);
        QTimer::singleShot(50, then);
    };
    *connection = connect(m_window, &QQuickWindow::frameSwapped, this, [remaining, finish, this] {
        if (--*remaining <= 0)
            finish();
        else
            m_window->update();
    });
    QTimer::singleShot(3000, this, finish);
    m_window->update();
}

void UiProbe::runSelfTest(const QStringList &pages)
{
    auto queue = std::make_shared<QStringList>(pages);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, queue, step] {
        if (queue->isEmpty()) {
            *step = nullptr; // the closure holds itself: let go of it, or it and the queue leak
            const QStringList problems = warnings();
            for (const QString &problem : problems)
                QTextStream(stderr) << "plenary: self-test: " << problem << Qt::endl;
            Q_EMIT finished(problems.isEmpty());
            return;
        }
        const QString page = queue->takeFirst();
        if (!showPage(page)) {
            *step = nullptr;
            Q_EMIT finished(false);
            return;
        }
        afterFrames(2, *step);
    };
    afterFrames(1, *step);
}

void UiProbe::takeScreenshot(const QString &page, const QSize &size, const QString &path)
{
    if (size.isValid())
        m_window->resize(size);
    afterFrames(1, [this, page, path] {
        if (!showPage(page)) {
            Q_EMIT finished(false);
            return;
        }
        // Let page transitions (StackView pushes take about 250 ms) finish before grabbing.
        QTimer::singleShot(kTransitionMs, this, [this, path] {
            afterFrames(2, [this, path] {
                const QImage image = m_window->grabWindow();
                const bool saved = !image.isNull() && image.save(path, "PNG");
                if (!saved)
                    QTextStream(stderr) << "plenary: could not write the screenshot to " << path << Qt::endl;
                Q_EMIT finished(saved);
            });
        });
    });
}

} // namespace Plenary
