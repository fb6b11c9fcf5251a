#pragma once

#include <QObject>

class QSocketNotifier;

namespace Plenary {

/** Turns SIGHUP into the hangup() signal through a self-pipe watched by a QSocketNotifier. */
class HangupNotifier : public QObject
{
    Q_OBJECT
public:
    // The signal handler only writes one byte to the pipe; hangup() is emitted later, in the event loop. Only
    // the first instance in a process installs the handler.

    explicit HangupNotifier(QObject *parent = nullptr);
    ~HangupNotifier() override;

    /** False when the pipe or the handler could not be installed (then SIGHUP keeps its default action). */
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void hangup();

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Plenary
