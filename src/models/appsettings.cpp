#include "appsettings.h"

#include <QSettings>

namespace Plenary {

namespace {
const QString kThemeKey = QStringLiteral("display/theme");
const QString kLanguageKey = QStringLiteral("display/language");
const QString kVenueTimeKey = QStringLiteral("display/useVenueTime");
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{}

void AppSettings::load()
{
    const QSettings settings;
    const int theme = settings.value(kThemeKey, int(SystemTheme)).toInt();
    setTheme(theme >= SystemTheme && theme <= DarkTheme ? Theme(theme) : SystemTheme);
    setLanguage(settings.value(kLanguageKey).toString());
    setUseVenueTime(settings.value(kVenueTimeKey, true).toBool());
    m_persistent = true;
}

void AppSettings::store(const QString &key, const QVariant &value) const
{
    if (!m_persistent)
        return;
    QSettings settings;
    settings.setValue(key, value);
}

void AppSettings::setTheme(Theme theme)
{
    if (m_theme == theme)
        return;
    const bool wasDark = dark();
    m_theme = theme;
    store(kThemeKey, int(theme));
    Q_EMIT themeChanged();
    if (dark() != wasDark)
        Q_EMIT darkChanged();
}

void AppSettings::setLanguage(const QString &language)
{
    const QString normalized = language == u"system" ? QString() : language;
    if (m_language == normalized)
        return;
    m_language = normalized;
    store(kLanguageKey, m_language);
    Q_EMIT languageChanged();
}

void AppSettings::setUseVenueTime(bool useVenueTime)
{
    if (m_useVenueTime == useVenueTime)
        return;
    m_useVenueTime = useVenueTime;
    store(kVenueTimeKey, m_useVenueTime);
    Q_EMIT useVenueTimeChanged();
}

void AppSettings::setSystemDark(bool systemDark)
{
    if (m_systemDark == systemDark)
        return;
    const bool wasDark = dark();
    m_systemDark = systemDark;
    Q_EMIT systemDarkChanged();
    if (dark() != wasDark)
        Q_EMIT darkChanged();
}

bool AppSettings::dark() const
{
    switch (m_theme) {
    case LightTheme:
        return false;
    case DarkTheme:
        return true;
    case SystemTheme:
        break;
    }
    return m_systemDark;
}

} // namespace Plenary
