#include "textfolder.h"

namespace Plenary {

namespace {
bool isPlainAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool isDroppedMark(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing;
}
} // namespace

QString TextFolder::fold(QStringView text)
{
    QString out;
    appendFolded(out, text);
    return out;
}

void TextFolder::appendFolded(QString &out, QStringView text)
{
    if (text.isEmpty())
        return;
    if (isPlainAscii(text)) {
        const qsizetype start = out.size();
        out.append(text);
        for (qsizetype i = start; i < out.size(); ++i) {
            const char16_t u = out.at(i).unicode();
            if (u >= u'A' && u <= u'Z')
                out[i] = QChar(u + 32);
        }
        return;
    }
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString stripped;
    stripped.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!isDroppedMark(c))
            stripped.append(c);
    }
    out.append(stripped.toCaseFolded());
}

} // namespace Plenary
