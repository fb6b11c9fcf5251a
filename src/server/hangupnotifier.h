#pragma once

#include <QObject>

class QSocketNotifier;

namespace Plenary {

/** Turns SIGHUP into hangup() and SIGTERM/SIGINT into stopRequested() through a self-pipe. */
class HangupNotifier : public QObject
{
    Q_OBJECT
public:
    // The signal handler only writes the signal's number to the pipe, watched by a QSocketNotifier; the Qt
    // signals are emitted later, in the event loop (so a stop can flush logs and close the ledger). Only the
    // first instance in a process installs the handlers.

    explicit HangupNotifier(QObject *parent = nullptr);
    ~HangupNotifier() override;

    /** False when the pipe or the handlers could not be installed (then the signals keep their default
     * action). */
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void hangup();
    /** SIGTERM or SIGINT arrived: the process should stop cleanly. */
    void stopRequested();

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Plenary
