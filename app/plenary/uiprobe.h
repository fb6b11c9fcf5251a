#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

class QQuickWindow;

namespace Plenary {

/**
 * Drives the loaded UI without a person: the self-test visits every page and fails on any QML warning,
 * the screenshot mode opens one page at a given size and saves the window as a PNG.
 */
class UiProbe : public QObject
{
    Q_OBJECT

public:
    /** Starts recording Qt warnings (install before the QML engine loads anything). */
    static void captureWarnings();
    static QStringList warnings();

    explicit UiProbe(QQuickWindow *window, QObject *parent = nullptr);

    /** Visits `pages` one after another (after a rendered frame each); finished(ok) when done. */
    void runSelfTest(const QStringList &pages);
    /** Resizes the window, opens `page`, saves a PNG once it is rendered; finished(ok) when done. */
    void takeScreenshot(const QString &page, const QSize &size, const QString &path);

Q_SIGNALS:
    void finished(bool ok);

private:
    bool showPage(const QString &page);
    void afterFrames(int frames, std::function<void()> then);

    QQuickWindow *m_window;
};

} // namespace Plenary
