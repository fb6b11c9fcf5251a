#pragma once

#include <QObject>

namespace Plenary {

/** Tells its owner when the application's translators change, so models can re-emit their text roles. */
class LanguageChangeWatcher : public QObject
{
    Q_OBJECT

public:
    /** Watches the QCoreApplication (if there is one yet) for QEvent::LanguageChange. */
    explicit LanguageChangeWatcher(QObject *parent = nullptr);

Q_SIGNALS:
    /** A translator was installed or removed: tr() now may return other text. */
    void languageChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Plenary
