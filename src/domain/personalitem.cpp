#include "personalitem.h"

namespace Plenary {

PersonalItem::Problem PersonalItem::check(const PersonalItem &item)
{
    if (item.title.trimmed().isEmpty())
        return Problem::EmptyTitle;
    if (!item.start.isValid())
        return Problem::NoStart;
    if (item.end.isValid() && item.end < item.start)
        return Problem::EndBeforeStart;
    return Problem::None;
}

} // namespace Plenary
