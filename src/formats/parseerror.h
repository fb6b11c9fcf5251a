#pragma once

#include <QString>

namespace Plenary {

/** Why an input could not be read: which file, where in it (when known), and what was wrong. */
struct ParseError
{
    QString source;    ///< file path or URL as the user gave it
    qint64 line = 0;   ///< 1-based; 0 when unknown
    qint64 column = 0; ///< 1-based; 0 when unknown
    QString message;   ///< one sentence, no trailing period

    bool isError() const { return !message.isEmpty(); }

    /** "schedule.xml:12:5: unexpected end of file" (line/column left out when unknown). */
    QString toString() const
    {
        QString text = source.isEmpty() ? QStringLiteral("<input>") : source;
        if (line > 0) {
            text += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                text += QLatin1Char(':') + QString::number(column);
        }
        return text + QStringLiteral(": ") + message;
    }
};

} // namespace Plenary
