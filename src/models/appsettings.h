#pragma once

#include <QObject>
#include <QString>
#include <QtQmlIntegration>

namespace Plenary {

/** The user's display preferences (theme, language, venue or device time), kept in QSettings once loaded. */
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Theme theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool useVenueTime READ useVenueTime WRITE setUseVenueTime NOTIFY useVenueTimeChanged)
    Q_PROPERTY(bool systemDark READ systemDark WRITE setSystemDark NOTIFY systemDarkChanged)
    Q_PROPERTY(bool dark READ dark NOTIFY darkChanged)
    Q_PROPERTY(bool persistent READ isPersistent CONSTANT)

public:
    enum Theme { SystemTheme, LightTheme, DarkTheme };
    Q_ENUM(Theme)

    explicit AppSettings(QObject *parent = nullptr);

    /** Reads the stored preferences and writes every later change back (QSettings, organisation scope). */
    void load();
    bool isPersistent() const { return m_persistent; }

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);

    /** "" follows the system; otherwise an ISO 639-1 code ("en", "ko"). */
    QString language() const { return m_language; }
    void setLanguage(const QString &language);

    bool useVenueTime() const { return m_useVenueTime; }
    void setUseVenueTime(bool useVenueTime);

    /** Whether the desktop's palette is dark; set by the application from the platform. */
    bool systemDark() const { return m_systemDark; }
    void setSystemDark(bool systemDark);

    /** The effective choice: the theme, or the system's when the theme follows the system. */
    bool dark() const;

Q_SIGNALS:
    void themeChanged();
    void languageChanged();
    void useVenueTimeChanged();
    void systemDarkChanged();
    void darkChanged();

private:
    void store(const QString &key, const QVariant &value) const;

    Theme m_theme = SystemTheme;
    QString m_language;
    bool m_useVenueTime = true;
    bool m_systemDark = false;
    bool m_persistent = false;
};

} // namespace Plenary
