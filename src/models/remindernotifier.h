#pragma once

#include <QString>

namespace Plenary {

/** Delivers a due reminder outside the app window (a desktop notification, or a test's fake). */
class ReminderNotifier
{
public:
    virtual ~ReminderNotifier() = default;

    /** Shows one reminder; false when it could not, and the in-app banner shows it instead. */
    virtual bool notify(const QString &title, const QString &body) = 0;
};

} // namespace Plenary
