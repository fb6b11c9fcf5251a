#include "icalendarline.h"

#include <QStringDecoder>

namespace Plenary {

namespace {

bool isNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeQuotedPrintable(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '=') {
            out.append(c);
            continue;
        }
        if (i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out.append(static_cast<char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 2;
        } else if (i + 1 < in.size() && (in[i + 1] == '\r' || in[i + 1] == '\n')) {
            // A soft line break that survived unfolding.
            ++i;
            if (in[i] == '\r' && i + 1 < in.size() && in[i + 1] == '\n')
                ++i;
        } else if (i + 1 == in.size()) {
            // A trailing soft line break at the very end of the value.
        } else {
            out.append(c);
        }
    }
    return out;
}

// RFC 6868: ^n is a line break, ^' a double quote and ^^ a caret inside parameter values.
QByteArray decodeCaretEscapes(const QByteArray &in)
{
    if (!in.contains('^'))
        return in;
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '^' && i + 1 < in.size()) {
            const char next = in[i + 1];
            if (next == 'n' || next == 'N') {
                out.append('\n');
                ++i;
                continue;
            }
            if (next == '\'') {
                out.append('"');
                ++i;
                continue;
            }
            if (next == '^') {
                out.append('^');
                ++i;
                continue;
            }
        }
        out.append(in[i]);
    }
    return out;
}

QString decodeUtf8(QByteArrayView bytes, bool *invalidEncoding)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError() && invalidEncoding)
        *invalidEncoding = true;
    return text;
}

bool isLatin1Charset(const QByteArray &charset)
{
    // Qt 6.4 converts only Unicode encodings and Latin-1; windows-1252 and ISO-8859-15 are read as Latin-1.
    static const QByteArrayView kLatin1Names[] = {"ISO-8859-1", "ISO8859-1",    "LATIN1",
                                                  "LATIN-1",    "US-ASCII",     "ASCII",
                                                  "CP1252",     "WINDOWS-1252", "ISO-8859-15"};
    for (const QByteArrayView name : kLatin1Names) {
        if (charset == name)
            return true;
    }
    return false;
}

// Decoded quoted-printable or base64 values can carry CRLF or CR; TEXT uses LF.
QString normalizedLineBreaks(QString text)
{
    if (text.contains(QLatin1Char('\r'))) {
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    }
    return text;
}

} // namespace

std::optional<ICalendarLine> ICalendarLine::parse(QByteArrayView bytes, qint64 lineNumber, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ICalendarLine> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size && isBlank(bytes[pos]))
        ++pos;
    const qsizetype nameStart = pos;
    while (pos < size && isNameChar(bytes[pos]))
        ++pos;
    ICalendarLine line;
    line.m_name = bytes.sliced(nameStart, pos - nameStart).toByteArray().toUpper();
    line.m_lineNumber = lineNumber;
    while (pos < size && isBlank(bytes[pos]))
        ++pos;
    if (line.m_name.isEmpty())
        return fail(QStringLiteral("content line has no property name"));
    if (pos >= size || (bytes[pos] != ';' && bytes[pos] != ':'))
        return fail(QStringLiteral("content line %1 has no ':' before its value")
                        .arg(QString::fromLatin1(line.m_name)));

    while (pos < size && bytes[pos] == ';') {
        ++pos;
        const qsizetype paramStart = pos;
        while (pos < size && bytes[pos] != '=' && bytes[pos] != ';' && bytes[pos] != ':' && bytes[pos] != '"')
            ++pos;
        const QByteArray paramName =
            bytes.sliced(paramStart, pos - paramStart).toByteArray().trimmed().toUpper();
        Parameter parameter;
        if (pos < size && bytes[pos] == '=') {
            ++pos;
            parameter.name = paramName;
            for (;;) {
                if (pos < size && bytes[pos] == '"') {
                    qsizetype close = pos + 1;
                    while (close < size && bytes[close] != '"')
                        ++close;
                    if (close >= size) {
                        return fail(QStringLiteral("the quoted value of parameter %1 is never closed")
                                        .arg(QString::fromLatin1(paramName)));
                    }
                    parameter.values.append(bytes.sliced(pos + 1, close - pos - 1).toByteArray());
                    pos = close + 1;
                } else {
                    const qsizetype valueStart = pos;
                    while (pos < size && bytes[pos] != ',' && bytes[pos] != ';' && bytes[pos] != ':')
                        ++pos;
                    parameter.values.append(
                        bytes.sliced(valueStart, pos - valueStart).toByteArray().trimmed());
                }
                if (pos < size && bytes[pos] == ',') {
                    ++pos;
                    continue;
                }
                break;
            }
        } else if (paramName == "QUOTED-PRINTABLE" || paramName == "BASE64" || paramName == "8BIT" ||
                   paramName == "7BIT") {
            // vCal 1.0 allows the value of ENCODING without its name.
            parameter.name = QByteArrayLiteral("ENCODING");
            parameter.values.append(paramName);
        } else {
            parameter.name = paramName;
        }
        // Anything between a closing quote and the next separator is junk; skip it.
        while (pos < size && bytes[pos] != ';' && bytes[pos] != ':')
            ++pos;
        if (!parameter.name.isEmpty())
            line.m_parameters.append(parameter);
    }
    if (pos >= size || bytes[pos] != ':')
        return fail(QStringLiteral("content line %1 has no ':' before its value")
                        .arg(QString::fromLatin1(line.m_name)));
    line.m_value = bytes.sliced(pos + 1).toByteArray();
    return line;
}

const ICalendarLine::Parameter *ICalendarLine::findParameter(QByteArrayView name) const
{
    for (const Parameter &parameter : m_parameters) {
        if (parameter.name.compare(name, Qt::CaseInsensitive) == 0)
            return &parameter;
    }
    return nullptr;
}

bool ICalendarLine::hasParameter(QByteArrayView name) const
{
    return findParameter(name) != nullptr;
}

QString ICalendarLine::parameter(QByteArrayView name) const
{
    const Parameter *parameter = findParameter(name);
    if (!parameter || parameter->values.isEmpty())
        return {};
    return QString::fromUtf8(decodeCaretEscapes(parameter->values.constFirst()));
}

QString ICalendarLine::value(bool *invalidEncoding) const
{
    QByteArray bytes = m_value;
    if (const Parameter *encoding = findParameter("ENCODING"); encoding && !encoding->values.isEmpty()) {
        const QByteArray name = encoding->values.constFirst().toUpper();
        if (name == "QUOTED-PRINTABLE" || name == "QP")
            bytes = decodeQuotedPrintable(bytes);
        else if (name == "BASE64" || name == "B")
            bytes = QByteArray::fromBase64(bytes);
    }
    const Parameter *charsetParameter = findParameter("CHARSET");
    const QByteArray charset = charsetParameter && !charsetParameter->values.isEmpty()
                                   ? charsetParameter->values.constFirst().toUpper()
                                   : QByteArray();
    if (charset.isEmpty() || charset == "UTF-8" || charset == "UTF8")
        return decodeUtf8(bytes, invalidEncoding);
    if (isLatin1Charset(charset))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(charset.constData());
    if (!decoder.isValid())
        return decodeUtf8(bytes, invalidEncoding);
    QString text = decoder(bytes);
    if (decoder.hasError() && invalidEncoding)
        *invalidEncoding = true;
    return text;
}

QString ICalendarLine::unescapeText(QStringView text)
{
    qsizetype backslash = text.indexOf(QLatin1Char('\\'));
    if (backslash < 0)
        return text.toString();
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    while (backslash >= 0 && backslash + 1 < text.size()) {
        out.append(text.sliced(from, backslash - from));
        const QChar next = text[backslash + 1];
        if (next == QLatin1Char('n') || next == QLatin1Char('N')) {
            out.append(QLatin1Char('\n'));
        } else if (next == QLatin1Char(',') || next == QLatin1Char(';') || next == QLatin1Char('\\') ||
                   next == QLatin1Char(':')) {
            out.append(next);
        } else {
            out.append(text.sliced(backslash, 2));
        }
        from = backslash + 2;
        backslash = text.indexOf(QLatin1Char('\\'), from);
    }
    out.append(text.sliced(from));
    return out;
}

QString ICalendarLine::text(bool *invalidEncoding) const
{
    return unescapeText(normalizedLineBreaks(value(invalidEncoding)));
}

QStringList ICalendarLine::textList(bool *invalidEncoding) const
{
    const QString raw = normalizedLineBreaks(value(invalidEncoding));
    QStringList items;
    qsizetype itemStart = 0;
    const auto take = [&](qsizetype end) {
        const QString item = unescapeText(QStringView(raw).sliced(itemStart, end - itemStart)).trimmed();
        if (!item.isEmpty())
            items.append(item);
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == QLatin1Char('\\')) {
            ++i;
        } else if (raw[i] == QLatin1Char(',')) {
            take(i);
            itemStart = i + 1;
        }
    }
    take(raw.size());
    return items;
}

} // namespace Plenary
