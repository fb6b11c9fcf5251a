#include "htmlsanitizer.h"

#include <string_view>

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cstring>

namespace Plenary {

namespace {

// ---------------------------------------------------------------------------------------------------------
// Character references

// HTML 4 names of U+00A0..U+00FF, in code point order.
constexpr std::array<const char *, 96> kLatin1EntityNames{
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
    "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",
    "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12",
    "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
    "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedEntity
{
    const char *name;
    char16_t code;
};

constexpr NamedEntity kOtherEntities[] = {
    {"amp", u'&'},      {"colon", u':'},    {"sol", u'/'},      {"Tab", u'\t'},     {"NewLine", u'\n'},
    {"lpar", u'('},     {"rpar", u')'},     {"excl", u'!'},     {"num", u'#'},      {"semi", u';'},
    {"equals", u'='},   {"quest", u'?'},    {"commat", u'@'},   {"period", u'.'},   {"comma", u','},
    {"lt", u'<'},       {"gt", u'>'},       {"quot", u'"'},     {"apos", u'\''},    {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"alpha", 0x3B1},   {"beta", 0x3B2},    {"gamma", 0x3B3},
    {"delta", 0x3B4},   {"lambda", 0x3BB},  {"mu", 0x3BC},      {"pi", 0x3C0},      {"sigma", 0x3C3},
    {"Omega", 0x3A9},   {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"zwnj", 0x200C},
    {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},    {"hyphen", 0x2010}, {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
    {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},   {"uarr", 0x2191},
    {"rarr", 0x2192},   {"darr", 0x2193},   {"harr", 0x2194},   {"lArr", 0x21D0},   {"rArr", 0x21D2},
    {"hArr", 0x21D4},   {"minus", 0x2212},  {"infin", 0x221E},  {"asymp", 0x2248},  {"ne", 0x2260},
    {"le", 0x2264},     {"ge", 0x2265},     {"check", 0x2713},
};

// What browsers make of the C1 range in numeric references (Windows-1252).
constexpr std::array<char16_t, 32> kWindows1252{
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

constexpr qsizetype kMaxEntityName = 8;

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return isAsciiLetter(c) || (u >= u'0' && u <= u'9');
}

bool isHtmlSpace(char32_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v';
}

int digitValue(QChar c, int base)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (base == 16 && u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (base == 16 && u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

char32_t sanitizeCodePoint(char32_t value)
{
    if (value >= 0x80 && value <= 0x9F)
        return kWindows1252[value - 0x80];
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0xFFFD;
    return value;
}

char32_t lookupEntity(const char *name)
{
    for (const NamedEntity &entity : kOtherEntities) {
        if (std::strcmp(entity.name, name) == 0)
            return entity.code;
    }
    for (std::size_t i = 0; i < kLatin1EntityNames.size(); ++i) {
        if (std::strcmp(kLatin1EntityNames[i], name) == 0)
            return static_cast<char32_t>(0xA0 + i);
    }
    return 0;
}

// Decodes the character reference starting at text[pos] (an '&'): returns how many QChars it spans and
// stores the character in `code`, or returns 0 when the '&' starts no reference and is literal text.
qsizetype decodeEntity(QStringView text, qsizetype pos, char32_t &code)
{
    const qsizetype n = text.size();
    qsizetype i = pos + 1;
    if (i < n && text[i] == u'#') {
        ++i;
        int base = 10;
        if (i < n && (text[i] == u'x' || text[i] == u'X')) {
            base = 16;
            ++i;
        }
        const qsizetype digitsStart = i;
        char32_t value = 0;
        while (i < n) {
            const int digit = digitValue(text[i], base);
            if (digit < 0)
                break;
            value = value > 0x10FFFF ? value : value * base + static_cast<char32_t>(digit);
            ++i;
        }
        if (i == digitsStart)
            return 0;
        if (i < n && text[i] == u';')
            ++i;
        code = sanitizeCodePoint(value);
        return i - pos;
    }
    const qsizetype nameStart = i;
    while (i < n && i - nameStart <= kMaxEntityName && isAsciiAlnum(text[i]))
        ++i;
    const qsizetype length = i - nameStart;
    if (length == 0 || length > kMaxEntityName || i >= n || text[i] != u';')
        return 0;
    char name[kMaxEntityName + 1];
    for (qsizetype k = 0; k < length; ++k)
        name[k] = static_cast<char>(text[nameStart + k].unicode());
    name[length] = '\0';
    const char32_t value = lookupEntity(name);
    if (value == 0)
        return 0;
    code = value;
    return i + 1 - pos;
}

void appendCodePoint(QString &out, char32_t code)
{
    if (code < 0x10000) {
        out.append(QChar(static_cast<char16_t>(code)));
    } else {
        out.append(QChar(QChar::highSurrogate(code)));
        out.append(QChar(QChar::lowSurrogate(code)));
    }
}

QString decodeEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype copied = 0;
    for (qsizetype i = text.indexOf(u'&'); i >= 0 && i < text.size(); i = text.indexOf(u'&', i)) {
        char32_t code = 0;
        const qsizetype length = decodeEntity(text, i, code);
        if (length == 0) {
            ++i;
            continue;
        }
        out.append(text.sliced(copied, i - copied));
        appendCodePoint(out, code);
        i += length;
        copied = i;
    }
    out.append(text.sliced(copied));
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// Tags

enum class TagKind : quint8 {
    Inline,      ///< kept as is (b, i, code, ...)
    Link,        ///< a: kept with a safe href only
    LineBreak,   ///< br
    Block,       ///< p, pre, blockquote: kept
    List,        ///< ul, ol: kept
    ListItem,    ///< li: kept
    Paragraph,   ///< div, section, tr, ...: becomes p
    Heading,     ///< h1..h6: becomes p + strong
    Rule,        ///< hr: a paragraph break
    Cell,        ///< td, th: a space
    Teletype,    ///< tt, kbd, samp, var: becomes code
    DropRaw,     ///< script, style, ...: the element and its raw text content up to the first end tag go
    DropNested,  ///< svg, form, object, ...: the element and everything inside it go
    DropVoid,    ///< img, input, embed, ...: the tag goes
    Transparent, ///< span, font, ...: the tag goes, its content stays
};

struct TagRule
{
    const char *name;
    TagKind kind;
};

// Sorted by name (binary search).
constexpr TagRule kTagRules[] = {
    {"a", TagKind::Link},
    {"abbr", TagKind::Transparent},
    {"address", TagKind::Paragraph},
    {"applet", TagKind::DropNested},
    {"area", TagKind::DropVoid},
    {"article", TagKind::Paragraph},
    {"aside", TagKind::Paragraph},
    {"audio", TagKind::DropNested},
    {"b", TagKind::Inline},
    {"base", TagKind::DropVoid},
    {"basefont", TagKind::DropVoid},
    {"bdi", TagKind::Transparent},
    {"bdo", TagKind::Transparent},
    {"big", TagKind::Transparent},
    {"blockquote", TagKind::Block},
    {"body", TagKind::Transparent},
    {"br", TagKind::LineBreak},
    {"button", TagKind::DropNested},
    {"canvas", TagKind::DropNested},
    {"caption", TagKind::Paragraph},
    {"center", TagKind::Paragraph},
    {"cite", TagKind::Transparent},
    {"code", TagKind::Inline},
    {"col", TagKind::DropVoid},
    {"colgroup", TagKind::Transparent},
    {"dd", TagKind::Paragraph},
    {"del", TagKind::Transparent},
    {"details", TagKind::Paragraph},
    {"dfn", TagKind::Transparent},
    {"dialog", TagKind::DropNested},
    {"div", TagKind::Paragraph},
    {"dl", TagKind::Transparent},
    {"dt", TagKind::Paragraph},
    {"em", TagKind::Inline},
    {"embed", TagKind::DropVoid},
    {"fieldset", TagKind::Paragraph},
    {"figcaption", TagKind::Paragraph},
    {"figure", TagKind::Paragraph},
    {"font", TagKind::Transparent},
    {"footer", TagKind::Paragraph},
    {"form", TagKind::DropNested},
    {"frame", TagKind::DropVoid},
    {"frameset", TagKind::DropNested},
    {"h1", TagKind::Heading},
    {"h2", TagKind::Heading},
    {"h3", TagKind::Heading},
    {"h4", TagKind::Heading},
    {"h5", TagKind::Heading},
    {"h6", TagKind::Heading},
    {"head", TagKind::DropNested},
    {"header", TagKind::Paragraph},
    {"hr", TagKind::Rule},
    {"html", TagKind::Transparent},
    {"i", TagKind::Inline},
    {"iframe", TagKind::DropRaw},
    {"img", TagKind::DropVoid},
    {"input", TagKind::DropVoid},
    {"ins", TagKind::Transparent},
    {"kbd", TagKind::Teletype},
    {"keygen", TagKind::DropVoid},
    {"label", TagKind::Transparent},
    {"li", TagKind::ListItem},
    {"link", TagKind::DropVoid},
    {"main", TagKind::Paragraph},
    {"map", TagKind::DropNested},
    {"mark", TagKind::Transparent},
    {"math", TagKind::DropNested},
    {"meta", TagKind::DropVoid},
    {"nav", TagKind::Paragraph},
    {"noembed", TagKind::DropRaw},
    {"noframes", TagKind::DropRaw},
    {"noscript", TagKind::DropRaw},
    {"object", TagKind::DropNested},
    {"ol", TagKind::List},
    {"p", TagKind::Block},
    {"param", TagKind::DropVoid},
    {"picture", TagKind::DropNested},
    {"plaintext", TagKind::DropRaw},
    {"pre", TagKind::Block},
    {"q", TagKind::Transparent},
    {"s", TagKind::Transparent},
    {"samp", TagKind::Teletype},
    {"script", TagKind::DropRaw},
    {"section", TagKind::Paragraph},
    {"select", TagKind::DropNested},
    {"small", TagKind::Transparent},
    {"source", TagKind::DropVoid},
    {"span", TagKind::Transparent},
    {"strike", TagKind::Transparent},
    {"strong", TagKind::Inline},
    {"style", TagKind::DropRaw},
    {"sub", TagKind::Transparent},
    {"summary", TagKind::Paragraph},
    {"sup", TagKind::Transparent},
    {"svg", TagKind::DropNested},
    {"table", TagKind::Transparent},
    {"tbody", TagKind::Transparent},
    {"td", TagKind::Cell},
    {"template", TagKind::DropNested},
    {"textarea", TagKind::DropRaw},
    {"tfoot", TagKind::Transparent},
    {"th", TagKind::Cell},
    {"thead", TagKind::Transparent},
    {"time", TagKind::Transparent},
    {"title", TagKind::DropRaw},
    {"tr", TagKind::Paragraph},
    {"track", TagKind::DropVoid},
    {"tt", TagKind::Teletype},
    {"u", TagKind::Inline},
    {"ul", TagKind::List},
    {"var", TagKind::Teletype},
    {"video", TagKind::DropNested},
    {"wbr", TagKind::Transparent},
    {"xmp", TagKind::DropRaw},
};

// The p that loose text at the top level goes into, so that the rich text is always a sequence of blocks.
constexpr TagRule kImplicitParagraph{"p", TagKind::Paragraph};

constexpr qsizetype kMaxTagName = 15;

// A tag name lowercased into a small buffer; empty when it is longer than any known tag.
struct TagName
{
    char text[kMaxTagName + 1] = {};
    qsizetype size = 0;
    bool tooLong = false;
};

// Reads a tag name starting at text[pos] (an ASCII letter); returns the position after it.
qsizetype readTagName(QStringView text, qsizetype pos, TagName &name)
{
    const qsizetype n = text.size();
    while (pos < n) {
        const QChar c = text[pos];
        if (!isAsciiAlnum(c) && c != u'-' && c != u':')
            break;
        if (name.size < kMaxTagName) {
            char16_t u = c.unicode();
            if (u >= u'A' && u <= u'Z')
                u = static_cast<char16_t>(u + (u'a' - u'A'));
            name.text[name.size++] = static_cast<char>(u);
        } else {
            name.tooLong = true;
        }
        ++pos;
    }
    name.text[name.size] = '\0';
    return pos;
}

const TagRule *findRule(const TagName &name)
{
    if (name.tooLong || name.size == 0)
        return nullptr;
    const auto end = std::end(kTagRules);
    const auto it =
        std::lower_bound(std::begin(kTagRules), end, name.text, [](const TagRule &rule, const char *key) {
            return std::strcmp(rule.name, key) < 0;
        });
    return it != end && std::strcmp(it->name, name.text) == 0 ? &*it : nullptr;
}

// True when `text` holds at least one complete known HTML tag or a comment ("a<b then" or "<stdio.h>" do not
// count).
bool looksLikeHtml(QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = text.indexOf(u'<'); i >= 0; i = text.indexOf(u'<', i + 1)) {
        qsizetype j = i + 1;
        if (j < n && text[j] == u'!' && text.sliced(i).startsWith(u"<!--"))
            return true;
        if (j < n && text[j] == u'/')
            ++j;
        if (j >= n || !isAsciiLetter(text[j]))
            continue;
        TagName name;
        j = readTagName(text, j, name);
        if (j >= n || !(isHtmlSpace(text[j].unicode()) || text[j] == u'>' || text[j] == u'/') ||
            !findRule(name))
            continue;
        const qsizetype close = text.indexOf(u'>', j);
        const qsizetype nextOpen = text.indexOf(u'<', j);
        if (close >= 0 && (nextOpen < 0 || close < nextOpen))
            return true;
    }
    return false;
}

bool isBlockKind(TagKind kind)
{
    return kind == TagKind::Block || kind == TagKind::List || kind == TagKind::ListItem ||
           kind == TagKind::Paragraph || kind == TagKind::Heading;
}

// ---------------------------------------------------------------------------------------------------------
// The HTML walker

/** Walks HTML once and writes the plain text and the safe rich text side by side. */
class Walker
{
public:
    Walker(QStringView input, const QUrl &baseUrl)
        : m_in(input)
        , m_baseUrl(baseUrl)
    {
        m_plain.reserve(input.size());
        m_html.reserve(input.size() + input.size() / 8);
    }

    HtmlSanitizer::Result run();

private:
    struct OpenElement
    {
        const TagRule *rule = nullptr;
        const char *out[2] = {nullptr, nullptr};
        bool paragraph = false; ///< its output is a p, which a new block closes
        bool container = false; ///< li, ul, ol, blockquote: a new block does not close a p outside it
    };
    struct OpenList
    {
        bool ordered = false;
        int count = 0;
    };

    static constexpr qsizetype kMaxOpen = 128;

    bool markup();
    void text(qsizetype from, qsizetype to);
    void putChar(char32_t c);
    void flushPending();
    void openTag(const TagRule *rule, QStringView href, bool selfClosing);
    void closeTag(const TagRule *rule);
    void push(const TagRule *rule, const char *out0, const char *out1 = nullptr);
    void closeTo(qsizetype index);
    void closeOpenParagraph();
    void blockBreak();
    void lineBreak();
    void ensureBlock();
    void skipRaw(const char *name);
    void skipNested(const char *name);
    bool matchesTag(qsizetype pos, const char *name) const;
    void emitTag(const char *name, bool closing);

    QStringView m_in;
    QUrl m_baseUrl;
    qsizetype m_pos = 0;
    QString m_plain;
    QString m_html;
    QString m_prefix;
    int m_pendingBreak = 0;
    bool m_pendingSpace = false;
    bool m_htmlSpace = false;
    bool m_htmlBlockStart = true;
    bool m_lastWasCr = false;
    int m_preDepth = 0;
    int m_openItems = 0;
    int m_openBlocks = 0;
    QVarLengthArray<OpenElement, 16> m_open;
    QVarLengthArray<OpenList, 4> m_lists;
};

HtmlSanitizer::Result Walker::run()
{
    const qsizetype n = m_in.size();
    while (m_pos < n) {
        const qsizetype lt = m_in.indexOf(u'<', m_pos);
        if (lt < 0) {
            text(m_pos, n);
            break;
        }
        text(m_pos, lt);
        m_pos = lt;
        if (!markup()) {
            putChar(u'<');
            m_pos = lt + 1;
        }
    }
    closeTo(0);
    return HtmlSanitizer::Result{m_plain, m_html};
}

// Consumes the markup at m_pos ('<'); returns false when the '<' starts no markup and is literal text.
bool Walker::markup()
{
    const qsizetype n = m_in.size();
    const qsizetype start = m_pos;
    const QChar next = start + 1 < n ? m_in[start + 1] : QChar();
    if (next == u'!' || next == u'?') {
        const QStringView rest = m_in.sliced(start);
        qsizetype end = -1;
        if (rest.startsWith(u"<!--")) {
            end = m_in.indexOf(u"-->", start + 4);
            m_pos = end < 0 ? n : end + 3;
        } else if (rest.startsWith(u"<![CDATA[")) {
            end = m_in.indexOf(u"]]>", start + 9);
            m_pos = end < 0 ? n : end + 3;
        } else {
            end = m_in.indexOf(u'>', start + 2);
            m_pos = end < 0 ? n : end + 1;
        }
        return true;
    }
    qsizetype i = start + 1;
    const bool closing = next == u'/';
    if (closing)
        ++i;
    if (i >= n || !isAsciiLetter(m_in[i]))
        return false;

    TagName name;
    i = readTagName(m_in, i, name);
    const TagRule *rule = findRule(name);
    const bool wantHref = rule && rule->kind == TagKind::Link && !closing;
    QStringView href;
    bool haveHref = false;
    bool selfClosing = false;
    bool terminated = false;
    while (i < n) {
        const QChar c = m_in[i];
        if (isHtmlSpace(c.unicode())) {
            ++i;
            continue;
        }
        if (c == u'>') {
            terminated = true;
            ++i;
            break;
        }
        if (c == u'/') {
            ++i;
            selfClosing = i < n && m_in[i] == u'>';
            continue;
        }
        const qsizetype nameStart = i;
        while (i < n && !isHtmlSpace(m_in[i].unicode()) && m_in[i] != u'=' && m_in[i] != u'>' &&
               m_in[i] != u'/')
            ++i;
        const QStringView attribute = m_in.sliced(nameStart, i - nameStart);
        while (i < n && isHtmlSpace(m_in[i].unicode()))
            ++i;
        QStringView value;
        if (i < n && m_in[i] == u'=') {
            ++i;
            while (i < n && isHtmlSpace(m_in[i].unicode()))
                ++i;
            if (i < n && (m_in[i] == u'"' || m_in[i] == u'\'')) {
                const qsizetype close = m_in.indexOf(m_in[i], i + 1);
                if (close < 0) {
                    i = n;
                    break;
                }
                value = m_in.sliced(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < n && !isHtmlSpace(m_in[i].unicode()) && m_in[i] != u'>')
                    ++i;
                value = m_in.sliced(valueStart, i - valueStart);
            }
        }
        if (wantHref && !haveHref && attribute.compare(u"href", Qt::CaseInsensitive) == 0) {
            href = value;
            haveHref = true;
        }
    }
    m_pos = i;
    if (!terminated || !rule)
        return true;
    if (closing)
        closeTag(rule);
    else
        openTag(rule, href, selfClosing);
    return true;
}

// Characters that go to both outputs unchanged (no reference, markup, whitespace or control character).
constexpr std::array<bool, 128> kOrdinaryAscii = [] {
    std::array<bool, 128> table{};
    for (int c = 0x21; c < 0x7F; ++c)
        table[c] = c != '&' && c != '<' && c != '>' && c != '"';
    return table;
}();

inline bool isOrdinary(char16_t c)
{
    if (c < 0x80)
        return kOrdinaryAscii[c];
    return c >= 0xA0 && c != 0xFEFF;
}

void Walker::text(qsizetype from, qsizetype to)
{
    qsizetype i = from;
    while (i < to) {
        // Runs of ordinary characters, single spaces between words included, are copied in one piece.
        qsizetype end = i;
        while (end < to) {
            const char16_t c = m_in[end].unicode();
            if (isOrdinary(c) ||
                (c == u' ' && end > i && end + 1 < to && isOrdinary(m_in[end + 1].unicode())))
                ++end;
            else
                break;
        }
        if (end > i) {
            ensureBlock();
            flushPending();
            m_htmlBlockStart = false;
            m_lastWasCr = false;
            const QStringView run = m_in.sliced(i, end - i);
            m_plain.append(run);
            m_html.append(run);
            i = end;
            if (i >= to)
                break;
        }
        const QChar c = m_in[i];
        char32_t code = c.unicode();
        qsizetype length = 1;
        if (c == u'&') {
            length = decodeEntity(m_in.first(to), i, code);
            if (length == 0) {
                length = 1;
                code = u'&';
            }
        } else if (c.isHighSurrogate() && i + 1 < to && m_in[i + 1].isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, m_in[i + 1]);
            length = 2;
        }
        i += length;
        putChar(code);
    }
}

void Walker::putChar(char32_t c)
{
    if (c == u'\n' && m_lastWasCr) {
        m_lastWasCr = false;
        return;
    }
    m_lastWasCr = c == u'\r';
    if (m_lastWasCr)
        c = u'\n';
    if (isHtmlSpace(c)) {
        if (m_preDepth == 0) {
            m_pendingSpace = true;
            m_htmlSpace = true;
        } else if (c == u'\n') {
            m_pendingBreak = std::min(m_pendingBreak + 1, 2);
            m_html.append(u'\n');
        } else {
            flushPending();
            m_plain.append(u' ');
            m_html.append(u' ');
        }
        return;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFEFF)
        return;
    ensureBlock();
    flushPending();
    m_htmlBlockStart = false;
    appendCodePoint(m_plain, c);
    switch (c) {
    case u'<':
        m_html.append(u"&lt;");
        break;
    case u'>':
        m_html.append(u"&gt;");
        break;
    case u'&':
        m_html.append(u"&amp;");
        break;
    case u'"':
        m_html.append(u"&quot;");
        break;
    default:
        appendCodePoint(m_html, c);
    }
}

void Walker::flushPending()
{
    if (!m_plain.isEmpty()) {
        if (m_pendingBreak > 0)
            m_plain.append(m_pendingBreak > 1 ? QStringView(u"\n\n") : QStringView(u"\n"));
        else if (m_pendingSpace)
            m_plain.append(u' ');
    }
    if (!m_prefix.isEmpty()) {
        m_plain.append(m_prefix);
        m_prefix.clear();
    }
    if (m_htmlSpace && !m_htmlBlockStart)
        m_html.append(u' ');
    m_pendingBreak = 0;
    m_pendingSpace = false;
    m_htmlSpace = false;
}

void Walker::blockBreak()
{
    m_htmlBlockStart = true;
    m_pendingBreak = std::max(m_pendingBreak, m_openItems > 0 ? 1 : 2);
    m_pendingSpace = false;
    m_htmlSpace = false;
}

void Walker::ensureBlock()
{
    if (m_openBlocks > 0 || m_open.size() >= kMaxOpen)
        return;
    blockBreak();
    push(&kImplicitParagraph, "p");
}

void Walker::lineBreak()
{
    m_htmlBlockStart = true;
    m_pendingBreak = std::max(m_pendingBreak, 1);
    m_pendingSpace = false;
    m_htmlSpace = false;
}

void Walker::emitTag(const char *name, bool closing)
{
    m_html.append(closing ? QStringView(u"</") : QStringView(u"<"));
    m_html.append(QLatin1StringView(name));
    m_html.append(u'>');
}

void Walker::push(const TagRule *rule, const char *out0, const char *out1)
{
    OpenElement element;
    element.rule = rule;
    element.out[0] = out0;
    element.out[1] = out1;
    element.paragraph = out0 && std::strcmp(out0, "p") == 0;
    element.container = rule->kind == TagKind::List || rule->kind == TagKind::ListItem ||
                        std::strcmp(rule->name, "blockquote") == 0;
    for (const char *out : element.out) {
        if (out)
            emitTag(out, false);
    }
    if (isBlockKind(rule->kind))
        ++m_openBlocks;
    if (rule->kind == TagKind::ListItem)
        ++m_openItems;
    else if (rule->kind == TagKind::List)
        m_lists.append(OpenList{std::strcmp(rule->name, "ol") == 0, 0});
    else if (std::strcmp(rule->name, "pre") == 0)
        ++m_preDepth;
    m_open.append(element);
}

void Walker::closeTo(qsizetype index)
{
    while (m_open.size() > index) {
        const OpenElement element = m_open.last();
        m_open.removeLast();
        for (int k = 1; k >= 0; --k) {
            if (element.out[k])
                emitTag(element.out[k], true);
        }
        const TagKind kind = element.rule->kind;
        if (isBlockKind(kind))
            --m_openBlocks;
        if (kind == TagKind::ListItem) {
            --m_openItems;
            lineBreak();
        } else if (kind == TagKind::List) {
            m_lists.removeLast();
            blockBreak();
        } else if (kind == TagKind::Block || kind == TagKind::Paragraph || kind == TagKind::Heading) {
            if (std::strcmp(element.rule->name, "pre") == 0)
                --m_preDepth;
            blockBreak();
        }
    }
}

void Walker::closeOpenParagraph()
{
    for (qsizetype k = m_open.size() - 1; k >= 0; --k) {
        if (m_open[k].container)
            return;
        if (m_open[k].paragraph) {
            closeTo(k);
            return;
        }
    }
}

void Walker::openTag(const TagRule *rule, QStringView href, bool selfClosing)
{
    const bool full = m_open.size() >= kMaxOpen;
    switch (rule->kind) {
    case TagKind::Transparent:
    case TagKind::DropVoid:
        return;
    case TagKind::DropRaw:
        if (!selfClosing)
            skipRaw(rule->name);
        return;
    case TagKind::DropNested:
        if (!selfClosing)
            skipNested(rule->name);
        return;
    case TagKind::LineBreak:
        ensureBlock();
        flushPending();
        m_html.append(u"<br>");
        m_htmlBlockStart = true;
        m_pendingBreak = std::min(m_pendingBreak + 1, 2);
        m_pendingSpace = false;
        return;
    case TagKind::Rule:
        closeOpenParagraph();
        blockBreak();
        return;
    case TagKind::Cell:
        m_pendingSpace = true;
        m_htmlSpace = true;
        return;
    case TagKind::Inline:
    case TagKind::Teletype:
        if (full)
            return;
        ensureBlock();
        flushPending();
        push(rule, rule->kind == TagKind::Teletype ? "code" : rule->name);
        return;
    case TagKind::Link: {
        for (qsizetype k = m_open.size() - 1; k >= 0; --k) {
            if (m_open[k].rule->kind == TagKind::Link) {
                closeTo(k);
                break;
            }
        }
        if (full)
            return;
        ensureBlock();
        const QString url = HtmlSanitizer::safeLinkUrl(decodeEntities(href), m_baseUrl);
        if (url.isEmpty()) {
            push(rule, nullptr);
            return;
        }
        flushPending();
        m_html.append(u"<a href=\"");
        m_html.append(url.toHtmlEscaped());
        m_html.append(u"\">");
        push(rule, nullptr);
        m_open.last().out[0] = "a";
        return;
    }
    case TagKind::ListItem: {
        closeOpenParagraph();
        for (qsizetype k = m_open.size() - 1; k >= 0; --k) {
            if (m_open[k].rule->kind == TagKind::List)
                break;
            if (m_open[k].rule->kind == TagKind::ListItem) {
                closeTo(k);
                break;
            }
        }
        if (full)
            return;
        lineBreak();
        m_prefix = QString(2 * std::max<qsizetype>(0, m_lists.size() - 1), u' ');
        if (!m_lists.isEmpty() && m_lists.last().ordered)
            m_prefix += QString::number(++m_lists.last().count) + QLatin1StringView(". ");
        else
            m_prefix += QStringView(u"\u2022 ");
        push(rule, rule->name);
        return;
    }
    case TagKind::Block:
    case TagKind::List:
    case TagKind::Paragraph:
    case TagKind::Heading:
        closeOpenParagraph();
        blockBreak();
        if (full)
            return;
        if (rule->kind == TagKind::Paragraph)
            push(rule, "p");
        else if (rule->kind == TagKind::Heading)
            push(rule, "p", "strong");
        else
            push(rule, rule->name);
        return;
    }
}

void Walker::closeTag(const TagRule *rule)
{
    if (rule->kind == TagKind::LineBreak) {
        openTag(rule, {}, false);
        return;
    }
    for (qsizetype k = m_open.size() - 1; k >= 0; --k) {
        if (m_open[k].rule == rule) {
            closeTo(k);
            return;
        }
    }
}

bool Walker::matchesTag(qsizetype pos, const char *name) const
{
    const qsizetype length = static_cast<qsizetype>(std::strlen(name));
    if (pos + length > m_in.size() ||
        m_in.sliced(pos, length).compare(QLatin1StringView(name, length), Qt::CaseInsensitive) != 0)
        return false;
    return pos + length == m_in.size() || !isAsciiAlnum(m_in[pos + length]);
}

void Walker::skipRaw(const char *name)
{
    const qsizetype n = m_in.size();
    for (qsizetype i = m_in.indexOf(u"</", m_pos); i >= 0; i = m_in.indexOf(u"</", i + 2)) {
        if (matchesTag(i + 2, name)) {
            const qsizetype end = m_in.indexOf(u'>', i + 2);
            m_pos = end < 0 ? n : end + 1;
            return;
        }
    }
    m_pos = n;
}

void Walker::skipNested(const char *name)
{
    const qsizetype n = m_in.size();
    int depth = 1;
    for (qsizetype i = m_in.indexOf(u'<', m_pos); i >= 0; i = m_in.indexOf(u'<', i + 1)) {
        const bool closing = i + 1 < n && m_in[i + 1] == u'/';
        if (!matchesTag(i + (closing ? 2 : 1), name))
            continue;
        const qsizetype end = m_in.indexOf(u'>', i + 1);
        if (end < 0)
            break;
        if (closing) {
            if (--depth == 0) {
                m_pos = end + 1;
                return;
            }
        } else if (m_in[end - 1] != u'/') {
            ++depth;
        }
        i = end;
    }
    m_pos = n;
}

// Plain text (no markup): line endings normalized, runs of spaces collapsed, at most one blank line.
QString normalizePlainText(QStringView text)
{
    // Writes through a raw buffer: QString::append(QChar) per character dominated profiles.
    const qsizetype n = text.size();
    QString out(n, Qt::Uninitialized);
    char16_t *const begin = reinterpret_cast<char16_t *>(out.data());
    char16_t *d = begin;
    const char16_t *src = reinterpret_cast<const char16_t *>(text.utf16());
    int newlines = 0;
    bool space = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = src[i];
        if (c == u'\r') {
            if (i + 1 < n && src[i + 1] == u'\n')
                continue;
            ++newlines;
            space = false;
            continue;
        }
        if (c == u'\n') {
            ++newlines;
            space = false;
            continue;
        }
        if (isHtmlSpace(c)) {
            space = true;
            continue;
        }
        if (c < 0x20 || c == 0x7F || c == 0xFEFF)
            continue;
        if (d != begin) {
            if (newlines > 0) {
                *d++ = u'\n';
                if (newlines > 1)
                    *d++ = u'\n';
            } else if (space) {
                *d++ = u' ';
            }
        }
        newlines = 0;
        space = false;
        *d++ = c;
    }
    out.truncate(d - begin);
    return out;
}

HtmlSanitizer::Result plainResult(QStringView text)
{
    HtmlSanitizer::Result result;
    result.plainText = normalizePlainText(text);
    result.safeHtml = HtmlSanitizer::htmlFromPlainText(result.plainText);
    return result;
}

// An absolute http(s) URL made only of characters that need no encoding, which can be used as it is.
bool isPlainHttpUrl(QStringView href)
{
    qsizetype hostStart = 0;
    if (href.startsWith(u"https://"))
        hostStart = 8;
    else if (href.startsWith(u"http://"))
        hostStart = 7;
    else
        return false;
    if (hostStart >= href.size() || href[hostStart] == u'/' || href[hostStart] == u'?' ||
        href[hostStart] == u'#')
        return false;
    for (const QChar c : href) {
        const char16_t u = c.unicode();
        if (isAsciiAlnum(c))
            continue;
        switch (u) {
        case u'-':
        case u'.':
        case u'_':
        case u'~':
        case u':':
        case u'/':
        case u'?':
        case u'#':
        case u'@':
        case u'!':
        case u'$':
        case u'&':
        case u'(':
        case u')':
        case u'*':
        case u'+':
        case u',':
        case u';':
        case u'=':
            continue;
        default:
            return false;
        }
    }
    return true;
}

} // namespace

HtmlSanitizer::Result HtmlSanitizer::sanitize(QStringView html, const QUrl &baseUrl)
{
    if (html.isEmpty())
        return {};
    const bool hasMarkup = html.contains(u'<');
    if (!hasMarkup && !html.contains(u'&'))
        return plainResult(html);
    if (hasMarkup && looksLikeHtml(html))
        return Walker(html, baseUrl).run();

    // Not HTML as it stands: plain text with character references, or HTML escaped once more than usual.
    QString text = decodeEntities(html);
    for (int round = 0; round < 2 && !looksLikeHtml(text) && text.contains(u"&lt;"); ++round) {
        QString again = decodeEntities(text);
        if (!looksLikeHtml(again))
            break;
        text = std::move(again);
    }
    if (looksLikeHtml(text))
        return Walker(text, baseUrl).run();
    return plainResult(text);
}

QString HtmlSanitizer::htmlFromPlainText(QStringView text)
{
    // Runs of spaces collapse and blank lines merge, as they would on screen; sanitize() keeps the result as
    // is.
    const QString plain = normalizePlainText(text);
    if (plain.isEmpty())
        return {};
    const qsizetype n = plain.size();
    // Every character becomes at most 7 ("\n\n" -> "</p><p>", '"' -> "&quot;"), plus "<p></p>".
    QString out(n * 7 + 8, Qt::Uninitialized);
    char16_t *const begin = reinterpret_cast<char16_t *>(out.data());
    char16_t *d = begin;
    const auto put = [&d](std::u16string_view s) {
        std::copy(s.begin(), s.end(), d);
        d += s.size();
    };
    const char16_t *src = reinterpret_cast<const char16_t *>(plain.utf16());
    put(u"<p>");
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = src[i];
        switch (c) {
        case u'\n':
            if (i + 1 < n && src[i + 1] == u'\n') {
                put(u"</p><p>");
                ++i;
            } else {
                put(u"<br>");
            }
            break;
        case u'<':
            put(u"&lt;");
            break;
        case u'>':
            put(u"&gt;");
            break;
        case u'&':
            put(u"&amp;");
            break;
        case u'"':
            put(u"&quot;");
            break;
        default:
            *d++ = c;
        }
    }
    put(u"</p>");
    out.truncate(d - begin);
    out.squeeze();
    return out;
}

QString HtmlSanitizer::safeLinkUrl(QStringView href, const QUrl &baseUrl)
{
    if (isPlainHttpUrl(href))
        return href.toString();
    QString cleaned;
    cleaned.reserve(href.size());
    for (const QChar c : href) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7F)
            cleaned.append(c);
        else if (c == u' ' && !cleaned.isEmpty())
            cleaned.append(c);
    }
    cleaned = cleaned.trimmed();
    if (cleaned.isEmpty() || cleaned.startsWith(u'#'))
        return {};
    QUrl url(cleaned);
    if (!url.isValid())
        return {};
    if (url.isRelative()) {
        if (!baseUrl.isValid() || baseUrl.isRelative())
            return {};
        url = baseUrl.resolved(url);
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"mailto")
        return url.path().isEmpty() ? QString() : url.toString(QUrl::FullyEncoded);
    if ((scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        return {};
    return url.toString(QUrl::FullyEncoded);
}

} // namespace Plenary
