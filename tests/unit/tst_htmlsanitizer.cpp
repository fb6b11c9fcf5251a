#include "htmlsanitizer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Plenary;

class TestHtmlSanitizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sanitize_data();
    void sanitize();
    void neverLeaksActiveContent_data();
    void neverLeaksActiveContent();
    void safeLinkUrl_data();
    void safeLinkUrl();
    void htmlFromPlainText();
    void hostileInputStaysLinear();
};

void TestHtmlSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("html");

    const QString base = "https://fosdem.org/2025/schedule/";
    QTest::newRow("empty") << "" << base << ""
                           << "";
    QTest::newRow("plain fast path") << "Just words." << base << "Just words."
                                     << "<p>Just words.</p>";
    QTest::newRow("plain paragraphs, CRLF") << "First  line\r\nsecond line\r\n\r\n\r\nNew paragraph  " << base
                                            << "First line\nsecond line\n\nNew paragraph"
                                            << "<p>First line<br>second line</p><p>New paragraph</p>";
    QTest::newRow("plain text with a literal <") << "if a<b then" << base << "if a<b then"
                                                 << "<p>if a&lt;b then</p>";
    QTest::newRow("paragraphs") << "<p>One\ntwo</p>\n<p>Three</p>" << base << "One two\n\nThree"
                                << "<p>One two</p><p>Three</p>";
    QTest::newRow("script removed") << "<p>Hi<script>alert('x')</script> there</p>" << base << "Hi there"
                                    << "<p>Hi there</p>";
    QTest::newRow("script with markup inside")
        << "<script>document.write('<p>x</p>')</script><p>Safe</p>" << base << "Safe"
        << "<p>Safe</p>";
    QTest::newRow("style removed") << "<style>p{color:red}</style><p>Text</p>" << base << "Text"
                                   << "<p>Text</p>";
    QTest::newRow("iframe, object, svg, form removed")
        << "<p>a</p><iframe src=\"https://evil\">x</iframe><object><param name=x>y</object>"
           "<svg><svg><text>z</text></svg></svg><form><input value=q>w</form><p>b</p>"
        << base << "a\n\nb"
        << "<p>a</p><p>b</p>";
    QTest::newRow("onclick dropped") << "<p onclick=\"steal()\">Click <b onmouseover='x()'>me</b></p>" << base
                                     << "Click me"
                                     << "<p>Click <b>me</b></p>";
    QTest::newRow("javascript link dropped") << "<a href=\"javascript:alert(1)\">link</a>" << base << "link"
                                             << "<p>link</p>";
    QTest::newRow("obfuscated javascript link")
        << "<a href=\"  jav&#x09;ascript&colon;alert(1)\">a</a> <a href=\"JaVaScRiPt:x\">b</a>" << base
        << "a b"
        << "<p>a b</p>";
    QTest::newRow("data link dropped") << "<a href=\"data:text/html;base64,AAAA\">d</a>" << base << "d"
                                       << "<p>d</p>";
    QTest::newRow("img dropped") << "<p>Logo: <img src=\"https://x/y.png\" onerror=\"x()\"> end</p>" << base
                                 << "Logo: end"
                                 << "<p>Logo: end</p>";
    QTest::newRow("absolute link kept")
        << "<a href=\"https://example.org/a?b=1&amp;c=2\" target=_blank>x</a>" << base << "x"
        << "<p><a href=\"https://example.org/a?b=1&amp;c=2\">x</a></p>";
    QTest::newRow("relative link resolved")
        << "See <a href=\"/2021/stands.fosdem.org/stands/ntop/\">the stand</a>." << base << "See the stand."
        << "<p>See <a href=\"https://fosdem.org/2021/stands.fosdem.org/stands/ntop/\">the stand</a>.</p>";
    QTest::newRow("relative link without base") << "<a href=\"event/x/\">x</a>" << QString() << "x"
                                                << "<p>x</p>";
    QTest::newRow("mailto kept") << "<a href='mailto:info@example.org'>mail</a>" << base << "mail"
                                 << "<p><a href=\"mailto:info@example.org\">mail</a></p>";
    QTest::newRow("double escaped html")
        << "&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;" << base << "Tom & Jerry\n\nTwo"
        << "<p>Tom &amp; Jerry</p><p>Two</p>";
    QTest::newRow("triple escaped html") << "&amp;lt;p&amp;gt;Deep&amp;lt;/p&amp;gt;" << base << "Deep"
                                         << "<p>Deep</p>";
    QTest::newRow("escaped text in html")
        << "<p>R&amp;D, 5 &lt; 6 and &lt;b&gt; as text</p>" << base << "R&D, 5 < 6 and <b> as text"
        << "<p>R&amp;D, 5 &lt; 6 and &lt;b&gt; as text</p>";
    QTest::newRow("plain text with entities")
        << "Caf&eacute; &amp; Bar &#8211; &#x1F600;" << base << QString::fromUtf8("Café & Bar – 😀")
        << QString::fromUtf8("<p>Café &amp; Bar – 😀</p>");
    QTest::newRow("carriage returns &#13;")
        << "<p>Line one&#13;\nline two</p>&#13;\n<p>Next</p>" << base << "Line one line two\n\nNext"
        << "<p>Line one line two</p><p>Next</p>";
    QTest::newRow("plain &#13;") << "Line one&#13;\nline two&#13;\n&#13;\nNext" << base
                                 << "Line one\nline two\n\nNext"
                                 << "<p>Line one<br>line two</p><p>Next</p>";
    QTest::newRow("unordered list")
        << "<p>Topics:</p><ul><li>One</li><li>Two <em>too</em></li></ul><p>End</p>" << base
        << QString::fromUtf8("Topics:\n\n• One\n• Two too\n\nEnd")
        << "<p>Topics:</p><ul><li>One</li><li>Two <em>too</em></li></ul><p>End</p>";
    QTest::newRow("ordered list, unclosed items")
        << "<ol><li>First<li>Second</ol>" << base << "1. First\n2. Second"
        << "<ol><li>First</li><li>Second</li></ol>";
    QTest::newRow("nested list") << "<ul><li>A<ul><li>A1</li></ul></li><li>B</li></ul>" << base
                                 << QString::fromUtf8("• A\n  • A1\n• B")
                                 << "<ul><li>A<ul><li>A1</li></ul></li><li>B</li></ul>";
    QTest::newRow("line breaks") << "one<br>two<br/><br />three" << base << "one\ntwo\n\nthree"
                                 << "<p>one<br>two<br><br>three</p>";
    QTest::newRow("headings and divs")
        << "<h2>Title</h2><div>Body <span>text</span></div>" << base << "Title\n\nBody text"
        << "<p><strong>Title</strong></p><p>Body text</p>";
    QTest::newRow("unclosed inline closed") << "<p><b>bold <i>both" << base << "bold both"
                                            << "<p><b>bold <i>both</i></b></p>";
    QTest::newRow("stray end tags ignored") << "</b></p>text</a>" << base << "text"
                                            << "<p>text</p>";
    QTest::newRow("comments dropped") << "a<!-- <script>x</script> -->b" << base << "ab"
                                      << "<p>ab</p>";
    QTest::newRow("unknown tags dropped, content kept")
        << "<p><blink>hi</blink> <custom-tag>there</custom-tag></p>" << base << "hi there"
        << "<p>hi there</p>";
    QTest::newRow("korean passthrough")
        << QString::fromUtf8("<p>안녕하세요, 여러분!</p>") << base << QString::fromUtf8("안녕하세요, 여러분!")
        << QString::fromUtf8("<p>안녕하세요, 여러분!</p>");
    QTest::newRow("korean plain") << QString::fromUtf8("한국어 발표") << base
                                  << QString::fromUtf8("한국어 발표")
                                  << QString::fromUtf8("<p>한국어 발표</p>");
    QTest::newRow("pre keeps lines") << "<pre>a  b\n  c</pre>" << base << "a  b\n  c"
                                     << "<pre>a  b\n  c</pre>";
    QTest::newRow("table cells") << "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>" << base
                                 << "a b\n\nc"
                                 << "<p>a b</p><p>c</p>";
    QTest::newRow("loose text between blocks") << "intro<ul><li>x</li></ul>outro <b>bold</b>" << base
                                               << QString::fromUtf8("intro\n\n• x\n\noutro bold")
                                               << "<p>intro</p><ul><li>x</li></ul><p>outro <b>bold</b></p>";
    QTest::newRow("unterminated tag swallowed") << "<p>ok</p><a href=\"x" << base << "ok"
                                                << "<p>ok</p>";
}

void TestHtmlSanitizer::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QString, baseUrl);
    QFETCH(QString, plain);
    QFETCH(QString, html);
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(input, QUrl(baseUrl));
    QCOMPARE(result.plainText, plain);
    QCOMPARE(result.safeHtml, html);

    // Idempotent: what comes out goes through again unchanged (the feed parser sanitizes stored HTML again).
    const HtmlSanitizer::Result again = HtmlSanitizer::sanitize(result.safeHtml);
    QCOMPARE(again.safeHtml, result.safeHtml);
    QCOMPARE(again.plainText, result.plainText);
}

void TestHtmlSanitizer::neverLeaksActiveContent_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("script") << "<SCRIPT SRC=//x.js></SCRIPT><p>x</p>";
    QTest::newRow("unclosed script") << "<p>x</p><script>alert(1)";
    QTest::newRow("split tag") << "<scr<script>ipt>alert(1)</script>";
    QTest::newRow("event handler") << "<div onmouseover=alert(1)>x</div>";
    QTest::newRow("style attribute") << "<p style=\"background:url(https://tracker/x.png)\">x</p>";
    QTest::newRow("escaped script") << "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;x&lt;/p&gt;";
    QTest::newRow("svg onload") << "<svg onload=alert(1)><circle/></svg>";
    QTest::newRow("img in link") << "<a href=\"https://ok.example\"><img src=x onerror=alert(1)></a>";
    QTest::newRow("vbscript") << "<a href=\"vbscript:msgbox\">x</a>";
    QTest::newRow("attribute breaking quotes") << "<a href='https://a.example/\"onclick=\"x()'>x</a>";
}

void TestHtmlSanitizer::neverLeaksActiveContent()
{
    QFETCH(QString, input);
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(input, QUrl("https://example.org/"));
    const QString html = result.safeHtml.toLower();
    QVERIFY2(!html.contains("<script"), qPrintable(result.safeHtml));
    QVERIFY2(!html.contains("<img"), qPrintable(result.safeHtml));
    QVERIFY2(!html.contains("<svg"), qPrintable(result.safeHtml));
    QVERIFY2(!html.contains("style="), qPrintable(result.safeHtml));
    QVERIFY2(!html.contains("javascript:") && !html.contains("vbscript:"), qPrintable(result.safeHtml));
    QVERIFY2(!html.contains(" on") || !html.contains("=\"x()"), qPrintable(result.safeHtml));
    // Every tag left is one of the allowed ones, and an attribute can only be a href.
    static const QStringList allowed{"p",  "br", "b",  "strong", "i",   "em",         "u",
                                     "ul", "ol", "li", "code",   "pre", "blockquote", "a"};
    for (qsizetype i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
        const qsizetype end = html.indexOf('>', i);
        QVERIFY(end > i);
        QString tag = html.mid(i + 1, end - i - 1);
        if (tag.startsWith('/'))
            tag.remove(0, 1);
        const QString name = tag.section(' ', 0, 0);
        QVERIFY2(allowed.contains(name), qPrintable(result.safeHtml));
        if (tag.contains(' ')) {
            QCOMPARE(name, QString("a"));
            QVERIFY2(tag.startsWith("a href=\"https://") || tag.startsWith("a href=\"mailto:"),
                     qPrintable(result.safeHtml));
            QCOMPARE(tag.count('"'), 2);
        }
    }
}

void TestHtmlSanitizer::safeLinkUrl_data()
{
    QTest::addColumn<QString>("href");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    const QString base = "https://fosdem.org/2025/schedule/";
    QTest::newRow("absolute") << "https://example.org/x" << base << "https://example.org/x";
    QTest::newRow("http") << "http://example.org" << base << "http://example.org";
    QTest::newRow("root-relative") << "/2021/stands/" << base << "https://fosdem.org/2021/stands/";
    QTest::newRow("path-relative") << "event/x/" << base << "https://fosdem.org/2025/schedule/event/x/";
    QTest::newRow("protocol-relative") << "//cdn.example.org/a" << base << "https://cdn.example.org/a";
    QTest::newRow("relative, no base") << "event/x/" << QString() << "";
    QTest::newRow("fragment only") << "#top" << base << "";
    QTest::newRow("javascript") << "javascript:alert(1)" << base << "";
    QTest::newRow("javascript with tab") << "java\tscript:alert(1)" << base << "";
    QTest::newRow("leading space") << "  https://example.org/" << base << "https://example.org/";
    QTest::newRow("ftp") << "ftp://example.org/file" << base << "";
    QTest::newRow("file") << "file:///etc/passwd" << base << "";
    QTest::newRow("mailto") << "mailto:a@b.example" << base << "mailto:a@b.example";
    QTest::newRow("empty mailto") << "mailto:" << base << "";
    QTest::newRow("host-less http") << "http:///x" << base << "";
}

void TestHtmlSanitizer::safeLinkUrl()
{
    QFETCH(QString, href);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(HtmlSanitizer::safeLinkUrl(href, QUrl(base)), expected);
}

void TestHtmlSanitizer::htmlFromPlainText()
{
    QCOMPARE(HtmlSanitizer::htmlFromPlainText(u"a < b & \"c\"\nnext\n\npara"),
             QString("<p>a &lt; b &amp; \"c\"<br>next</p><p>para</p>").replace("\"c\"", "&quot;c&quot;"));
    QCOMPARE(HtmlSanitizer::htmlFromPlainText(u"  \n "), QString());
    // Spaces around line breaks and runs of spaces go, so that sanitize() keeps the result as it is.
    const QString html =
        HtmlSanitizer::htmlFromPlainText(u"Ende des Satzes. \r\n\r\n  Neuer   Absatz \nZeile");
    QCOMPARE(html, QString("<p>Ende des Satzes.</p><p>Neuer Absatz<br>Zeile</p>"));
    QCOMPARE(HtmlSanitizer::sanitize(html).safeHtml, html);
    QCOMPARE(HtmlSanitizer::htmlFromPlainText(u"see https://example.org"),
             QString("<p>see https://example.org</p>"));
}

void TestHtmlSanitizer::hostileInputStaysLinear()
{
    // Many unclosed tags, many unterminated comments and drop elements: must finish fast and stay bounded.
    QString nested;
    for (int i = 0; i < 50000; ++i)
        nested += "<b><i><li><ul>x";
    QElapsedTimer timer;
    timer.start();
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(nested);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.plainText.count('x'), 50000);
    QVERIFY(result.safeHtml.size() < nested.size() * 2);

    QString svgs = QString("<svg>").repeated(20000) + "tail";
    timer.restart();
    QCOMPARE(HtmlSanitizer::sanitize(svgs).plainText, QString());
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "tst_htmlsanitizer.moc"
