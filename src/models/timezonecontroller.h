#pragma once

#include "appsettings.h"

#include <QDateTime>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QTimeZone>
#include <QtQmlIntegration>

namespace Plenary {

/**
 * Decides the zone times are shown in (the venue's or the device's) and formats times and dates in it,
 * DST-correct and in the chosen language; everything that shows a time asks this controller.
 */
class TimeZoneController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool useVenueTime READ useVenueTime WRITE setUseVenueTime NOTIFY displayChanged)
    Q_PROPERTY(QString venueZoneId READ venueZoneId WRITE setVenueZoneId NOTIFY displayChanged)
    Q_PROPERTY(QString deviceZoneId READ deviceZoneId WRITE setDeviceZoneId NOTIFY displayChanged)
    Q_PROPERTY(QString localeName READ localeName WRITE setLocaleName NOTIFY displayChanged)
    Q_PROPERTY(AppSettings *settings READ settings WRITE setSettings NOTIFY settingsChanged)
    Q_PROPERTY(QString venueCity READ venueCity NOTIFY displayChanged)
    Q_PROPERTY(QString deviceCity READ deviceCity NOTIFY displayChanged)
    Q_PROPERTY(QString label READ label NOTIFY displayChanged)
    Q_PROPERTY(QString displayZoneId READ displayZoneId NOTIFY displayChanged)
    Q_PROPERTY(bool zonesDiffer READ zonesDiffer NOTIFY displayChanged)

public:
    explicit TimeZoneController(QObject *parent = nullptr);

    bool useVenueTime() const;
    void setUseVenueTime(bool useVenueTime);
    Q_INVOKABLE void toggle() { setUseVenueTime(!useVenueTime()); }

    QString venueZoneId() const { return QString::fromLatin1(m_venueZone.id()); }
    void setVenueZoneId(const QString &zoneId);
    void setVenueZone(const QTimeZone &zone);

    QString deviceZoneId() const { return QString::fromLatin1(m_deviceZone.id()); }
    /** The device's zone; the system's by default (tests pin it). An empty id goes back to the system's. */
    void setDeviceZoneId(const QString &zoneId);

    /** The locale used for formatting; empty means the system locale. Follows the settings' language when
     * set. */
    QString localeName() const { return m_localeName; }
    void setLocaleName(const QString &name);

    /** When set, the venue/device choice and the language are read from and stored in these settings. */
    AppSettings *settings() const { return m_settings; }
    void setSettings(AppSettings *settings);

    QString venueCity() const { return cityOf(m_venueZone); }
    QString deviceCity() const { return cityOf(m_deviceZone); }
    /** "Venue time · New York" or "Your time". */
    QString label() const;
    QString displayZoneId() const { return QString::fromLatin1(displayZone().id()); }
    /** Whether venue and device time differ right now (when they don't, the toggle changes nothing). */
    bool zonesDiffer() const;

    QTimeZone displayZone() const;
    QLocale locale() const;
    QDateTime toDisplay(const QDateTime &instant) const { return instant.toTimeZone(displayZone()); }

    Q_INVOKABLE QString formatTime(const QDateTime &instant) const;
    Q_INVOKABLE QString formatTimeRange(const QDateTime &start, const QDateTime &end) const;
    /** A calendar date as a short day label ("Tue 12 May"); conference days are dates, not instants. */
    Q_INVOKABLE QString formatDay(const QDate &date) const;
    /** The day (in the display zone) and time of an instant. */
    Q_INVOKABLE QString formatDayTime(const QDateTime &instant) const;
    /** The display zone's abbreviation at that instant in English ("EDT", "CET"), else its offset ("UTC+2").
     */
    Q_INVOKABLE QString zoneAbbreviation(const QDateTime &instant) const;

    /** The IANA id's last part, made readable ("America/New_York" -> "New York"). */
    static QString cityOf(const QTimeZone &zone);

Q_SIGNALS:
    /** The zone, the choice or the locale changed: every displayed time must be formatted again. */
    void displayChanged();
    void settingsChanged();

private:
    QTimeZone m_venueZone;
    QTimeZone m_deviceZone;
    QString m_localeName;
    bool m_useVenueTime = true;
    QPointer<AppSettings> m_settings;
};

} // namespace Plenary
