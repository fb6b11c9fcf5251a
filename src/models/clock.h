#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQmlIntegration>

namespace Plenary {

/**
 * The application's notion of "now": the system time, or a simulated time that keeps running from a given
 * instant (`--now`), or a frozen instant (tests). It ticks every 30 seconds so "now" views stay current.
 */
class Clock : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QDateTime now READ now WRITE freezeAt NOTIFY nowChanged)
    Q_PROPERTY(bool simulated READ isSimulated NOTIFY nowChanged)

public:
    explicit Clock(QObject *parent = nullptr);

    QDateTime now() const;
    bool isSimulated() const { return m_frozen || m_offsetMs != 0; }

    /** Makes the clock run from `start` onwards, at the normal pace. */
    void startFrom(const QDateTime &start);
    /** Stops the clock at `instant` (invalid: back to the system time). */
    void freezeAt(const QDateTime &instant);

Q_SIGNALS:
    void nowChanged();

private:
    QTimer m_timer;
    QDateTime m_frozenAt;
    qint64 m_offsetMs = 0;
    bool m_frozen = false;
};

} // namespace Plenary
