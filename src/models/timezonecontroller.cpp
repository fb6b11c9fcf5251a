#include "timezonecontroller.h"

#include "appsettings.h"

#include <cstdlib>

namespace Plenary {

TimeZoneController::TimeZoneController(QObject *parent)
    : QObject(parent)
    , m_venueZone(QTimeZone::utc())
    , m_deviceZone(QTimeZone::systemTimeZone())
{}

bool TimeZoneController::useVenueTime() const
{
    return m_settings ? m_settings->useVenueTime() : m_useVenueTime;
}

void TimeZoneController::setUseVenueTime(bool useVenueTime)
{
    if (m_settings) {
        m_settings->setUseVenueTime(useVenueTime);
        return;
    }
    if (m_useVenueTime == useVenueTime)
        return;
    m_useVenueTime = useVenueTime;
    Q_EMIT displayChanged();
}

void TimeZoneController::setVenueZoneId(const QString &zoneId)
{
    setVenueZone(QTimeZone(zoneId.toLatin1()));
}

void TimeZoneController::setVenueZone(const QTimeZone &zone)
{
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    if (valid == m_venueZone)
        return;
    m_venueZone = valid;
    Q_EMIT displayChanged();
}

void TimeZoneController::setDeviceZoneId(const QString &zoneId)
{
    const QTimeZone zone = zoneId.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(zoneId.toLatin1());
    if (!zone.isValid() || zone == m_deviceZone)
        return;
    m_deviceZone = zone;
    Q_EMIT displayChanged();
}

void TimeZoneController::setLocaleName(const QString &name)
{
    if (m_localeName == name)
        return;
    m_localeName = name;
    Q_EMIT displayChanged();
}

void TimeZoneController::setSettings(AppSettings *settings)
{
    if (m_settings == settings)
        return;
    if (m_settings)
        disconnect(m_settings, nullptr, this, nullptr);
    m_settings = settings;
    if (m_settings) {
        connect(m_settings, &AppSettings::useVenueTimeChanged, this, &TimeZoneController::displayChanged);
        connect(m_settings, &AppSettings::languageChanged, this,
                [this] { setLocaleName(m_settings->language()); });
        m_localeName = m_settings->language();
    }
    Q_EMIT settingsChanged();
    Q_EMIT displayChanged();
}

QString TimeZoneController::label() const
{
    if (useVenueTime())
        return tr("Venue time · %1").arg(venueCity());
    return tr("Your time");
}

bool TimeZoneController::zonesDiffer() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_venueZone.offsetFromUtc(now) != m_deviceZone.offsetFromUtc(now);
}

QTimeZone TimeZoneController::displayZone() const
{
    return useVenueTime() ? m_venueZone : m_deviceZone;
}

QLocale TimeZoneController::locale() const
{
    return m_localeName.isEmpty() ? QLocale::system() : QLocale(m_localeName);
}

QString TimeZoneController::formatTime(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    // Some locales' short format (C, POSIX) still carries seconds; a schedule never needs them.
    QString format = locale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale().toString(toDisplay(instant).time(), format);
}

QString TimeZoneController::formatTimeRange(const QDateTime &start, const QDateTime &end) const
{
    if (!end.isValid() || end <= start)
        return formatTime(start);
    return tr("%1 – %2", "time range").arg(formatTime(start), formatTime(end));
}

QString TimeZoneController::formatDay(const QDate &date) const
{
    //: QLocale date format of a day label such as "Tue 12 May"
    return locale().toString(date, tr("ddd d MMM"));
}

QString TimeZoneController::formatDayTime(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    return tr("%1 · %2", "day and time").arg(formatDay(toDisplay(instant).date()), formatTime(instant));
}

QString TimeZoneController::zoneAbbreviation(const QDateTime &instant) const
{
    const QDateTime when = instant.isValid() ? instant : QDateTime::currentDateTimeUtc();
    const QTimeZone zone = displayZone();
    const QLocale::Language language = locale().language();
    if (language == QLocale::English || language == QLocale::C)
        return zone.abbreviation(when);
    // "CEST" means nothing outside English: the offset reads the same in every language.
    const int offset = zone.offsetFromUtc(when);
    const int minutes = std::abs(offset) / 60;
    QString text =
        QStringLiteral("UTC") + (offset < 0 ? QChar(u'\u2212') : QChar(u'+')) + QString::number(minutes / 60);
    if (minutes % 60)
        text += QStringLiteral(":%1").arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return text;
}

QString TimeZoneController::cityOf(const QTimeZone &zone)
{
    const QString id = QString::fromLatin1(zone.id());
    const qsizetype slash = id.lastIndexOf(QLatin1Char('/'));
    QString city = slash >= 0 ? id.mid(slash + 1) : id;
    city.replace(QLatin1Char('_'), QLatin1Char(' '));
    return city;
}

} // namespace Plenary
