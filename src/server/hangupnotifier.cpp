#include "hangupnotifier.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Plenary {

namespace {
int s_pipe[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = static_cast<char>(number);
    [[maybe_unused]] const ssize_t written = ::write(s_pipe[1], &byte, 1);
}

constexpr int HandledSignals[] = {SIGHUP, SIGTERM, SIGINT};

void restoreDefaults()
{
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    for (const int number : HandledSignals)
        ::sigaction(number, &action, nullptr);
}
} // namespace

HangupNotifier::HangupNotifier(QObject *parent)
    : QObject(parent)
{
    if (s_pipe[0] != -1 || ::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    bool installed = true;
    for (const int number : HandledSignals)
        installed = installed && ::sigaction(number, &action, nullptr) == 0;
    if (!installed) {
        restoreDefaults();
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
        s_pipe[0] = s_pipe[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HangupNotifier::drain);
}

HangupNotifier::~HangupNotifier()
{
    if (!m_notifier)
        return;
    restoreDefaults();
    delete m_notifier;
    ::close(s_pipe[0]);
    ::close(s_pipe[1]);
    s_pipe[0] = s_pipe[1] = -1;
}

void HangupNotifier::drain()
{
    char buffer[64];
    bool hangups = false;
    bool stop = false;
    ssize_t count = 0;
    while ((count = ::read(s_pipe[0], buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < count; ++i) {
            hangups = hangups || buffer[i] == SIGHUP;
            stop = stop || buffer[i] == SIGTERM || buffer[i] == SIGINT;
        }
    }
    if (stop)
        Q_EMIT stopRequested();
    else if (hangups)
        Q_EMIT hangup();
}

} // namespace Plenary
