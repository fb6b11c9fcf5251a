#pragma once

#include <QString>
#include <QStringView>
#include <QUrl>

namespace Plenary {

/** Turns untrusted HTML from a schedule into plain text and into a safe rich-text subset. */
class HtmlSanitizer
{
public:
    struct Result
    {
        QString plainText; ///< paragraphs separated by blank lines, entities decoded, no tags
        QString safeHtml;  ///< only p, br, b, strong, i, em, u, ul, ol, li, code, pre, blockquote and
                           ///< a href (absolute http/https/mailto only); no scripts, styles, images or other
                           ///< remote loads
    };

    /** Sanitizes `html` (entity-escaped or double-escaped HTML, or plain text); relative links resolve
     * against `baseUrl`. */
    static Result sanitize(QStringView html, const QUrl &baseUrl = {});

    /** Safe rich text for text that is already plain: escaped, line breaks kept, bare URLs left as text. */
    static QString htmlFromPlainText(QStringView text);

    /**
     * The link target `href` as an absolute http, https or mailto URL (relative ones resolved against
     * `baseUrl`), or an empty string when it is unsafe (javascript:, data:, ...) or cannot be resolved.
     */
    static QString safeLinkUrl(QStringView href, const QUrl &baseUrl = {});
};

} // namespace Plenary
