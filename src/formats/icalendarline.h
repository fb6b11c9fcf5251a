#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Plenary {

/**
 * One unfolded iCalendar content line (`NAME;PARAM=a,"b:c":value`) split into its parts as bytes, with the
 * value decoded on demand (vCal 1.0 QUOTED-PRINTABLE/BASE64 and CHARSET, then UTF-8, then TEXT escapes).
 */
class ICalendarLine
{
public:
    /** Splits `bytes` (already unfolded); returns nullopt and sets `error` when there is no name or no ':'.
     */
    static std::optional<ICalendarLine> parse(QByteArrayView bytes, qint64 lineNumber,
                                              QString *error = nullptr);

    /** Removes TEXT escapes (RFC 5545 §3.3.11): `\n` `\N` `\,` `\;` `\\` and the common non-standard `\:`. */
    static QString unescapeText(QStringView text);

    QByteArray name() const { return m_name; } ///< upper-case
    qint64 lineNumber() const { return m_lineNumber; }
    QByteArray rawValue() const { return m_value; }

    bool hasParameter(QByteArrayView name) const;
    /** The first value of a parameter (quotes removed, RFC 6868 `^` escapes decoded, UTF-8); empty if absent.
     */
    QString parameter(QByteArrayView name) const;

    /**
     * The value after transfer decoding and charset decoding, TEXT escapes still in place. Invalid UTF-8 is
     * replaced by U+FFFD and reported through `invalidEncoding`.
     */
    QString value(bool *invalidEncoding = nullptr) const;
    /** value() with TEXT escapes removed and line breaks as LF. */
    QString text(bool *invalidEncoding = nullptr) const;
    /** A TEXT list (CATEGORIES): split at unescaped commas, each item unescaped and trimmed, empty items
     * dropped. */
    QStringList textList(bool *invalidEncoding = nullptr) const;

private:
    struct Parameter
    {
        QByteArray name; ///< upper-case
        QList<QByteArray> values;
    };

    const Parameter *findParameter(QByteArrayView name) const;

    QByteArray m_name;
    QList<Parameter> m_parameters;
    QByteArray m_value;
    qint64 m_lineNumber = 0;
};

} // namespace Plenary
