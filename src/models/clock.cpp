#include "clock.h"

namespace Plenary {

Clock::Clock(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(30 * 1000);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_frozen)
            Q_EMIT nowChanged();
    });
    m_timer.start();
}

QDateTime Clock::now() const
{
    if (m_frozen)
        return m_frozenAt;
    return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
}

void Clock::startFrom(const QDateTime &start)
{
    m_frozen = false;
    m_offsetMs = start.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(start) : 0;
    Q_EMIT nowChanged();
}

void Clock::freezeAt(const QDateTime &instant)
{
    if (m_frozen == instant.isValid() && m_frozenAt == instant)
        return;
    m_frozen = instant.isValid();
    m_frozenAt = instant.toUTC();
    m_offsetMs = 0;
    Q_EMIT nowChanged();
}

} // namespace Plenary
