import Testing

@testable import ChansiteModel
@testable import ChansiteRender

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer { tag in "../../tags/" + Tag.key(for: tag) + "/index.html" }

    @Test func untrustedTextStaysText() {
        let html = renderer.html(for: "<script>alert(1)</script>\n\"><img src=x onerror=alert(1)>\n[x](javascript:alert(1))")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("[x](javascript:alert(1))"))
    }

    @Test func markdownCharactersKeepTheirLiteralMeaning() {
        let html = renderer.html(for: "# not a heading\n1. not a list\n> not a quote\n*not emphasis* and _x_\n    not code\n| a | b |")
        #expect(!html.contains("<h1") && !html.contains("<ol") && !html.contains("<blockquote") && !html.contains("<em"))
        #expect(!html.contains("<pre") && !html.contains("<table"))
        #expect(html.contains("# not a heading<br />"))
    }

    @Test func linksHashtagsAndMentions() {
        let html = renderer.html(for: "See https://arxiv.org/abs/1909.08410). by @some_author #ML_тег")
        #expect(html.contains("<a href=\"https://arxiv.org/abs/1909.08410\">https://arxiv.org/abs/1909.08410</a>)."))
        #expect(html.contains("<a href=\"https://t.me/some_author\">@some_author</a>"))
        #expect(html.contains("<a href=\"../../tags/ml_%D1%82%D0%B5%D0%B3/index.html\">#ML_тег</a>"))
    }

    @Test func lineBreaksAndParagraphs() {
        #expect(renderer.html(for: "a\nb\n\nc") == "<p>a<br />\nb</p>\n<p>c</p>\n")
    }

    /// A body too large for links is escaped text in paragraphs, line breaks kept: every line
    /// once, in order, and the string is sized exactly the first time.
    @Test(arguments: [false, true])
    func aHugeBodyIsPlainParagraphs(paragraphPerLine: Bool) {
        let text = "> a <b> & 'c'\n\n\nline \"two\"\nthree\n\n"
        let expected =
            paragraphPerLine
            ? "<p dir=\"auto\">&gt; a &lt;b&gt; &amp; &#39;c&#39;</p>\n<p dir=\"auto\">line &quot;two&quot;</p>\n<p dir=\"auto\">three</p>\n"
            : "<p dir=\"auto\">&gt; a &lt;b&gt; &amp; &#39;c&#39;</p>\n<p dir=\"auto\">line &quot;two&quot;<br>\nthree</p>\n"
        let html = MarkdownRenderer.plainHTML(text, paragraphPerLine: paragraphPerLine)
        #expect(html == expected)
        #expect(html.utf8.count == MarkdownRenderer.plainHTMLCapacity(text.lineSlices(), paragraphPerLine: paragraphPerLine))
        let quotes = String(repeating: "> quoted <line> & more\n", count: 20_000)
        let big = renderer.html(for: quotes)
        #expect(quotes.utf8.count > MarkdownRenderer.largestLinkedBody && big.hasPrefix("<p dir=\"auto\">&gt; quoted &lt;line&gt;"))
        #expect(big.utf8.count == MarkdownRenderer.plainHTMLCapacity(quotes.lineSlices(), paragraphPerLine: false))
    }
}
