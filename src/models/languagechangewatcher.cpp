#include "languagechangewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace Plenary {

LanguageChangeWatcher::LanguageChangeWatcher(QObject *parent)
    : QObject(parent)
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

bool LanguageChangeWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance())
        Q_EMIT languageChanged();
    return QObject::eventFilter(watched, event);
}

} // namespace Plenary
