#include "htmlsanitizer.h"

namespace Plenary {

HtmlSanitizer::Result HtmlSanitizer::sanitize(QStringView html, const QUrl &baseUrl)
{
    Q_UNUSED(baseUrl);
    return Result{html.toString(), htmlFromPlainText(html)};
}

QString HtmlSanitizer::htmlFromPlainText(QStringView text)
{
    return text.toString().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace Plenary
