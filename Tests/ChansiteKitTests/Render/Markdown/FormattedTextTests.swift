import Testing

@testable import ChansiteCore
@testable import ChansiteModel
@testable import ChansiteRender

@Suite struct FormattedTextTests {
    let renderer = FormattedText(
        tagURL: { $0 == "#known" ? "../../tags/known/index.html" : nil },
        localURL: { $0 == "https://t.me/chan/5" ? "../../channels/chan/5.html" : nil })

    func html(_ spans: [TextSpan]) -> String { renderer.html(spans) }

    @Test(arguments: [
        ("bold", "<strong>x</strong>"), ("italic", "<em>x</em>"), ("underline", "<u>x</u>"), ("strikethrough", "<s>x</s>"),
        ("code", "<code>x</code>"), ("bot_command", "<code>x</code>"), ("cashtag", "<span class=\"cashtag\">x</span>"),
        ("phone", "<span class=\"phone\">x</span>"), ("bank_card", "<span class=\"bank-card\">x</span>"),
        ("mention_name", "<span class=\"mention-name\">x</span>"), ("custom_emoji", "x"), ("plain", "x"), ("no_such_kind", "x"),
    ])
    func inlineKinds(kind: String, expected: String) {
        #expect(html([TextSpan(kind: kind, text: "x")]) == "<p dir=\"auto\">\(expected)</p>\n")
    }

    @Test func linksOnlyWithSafeSchemes() {
        #expect(
            html([TextSpan(kind: "text_link", text: "a", href: "https://e.org/?a=1&b=\"2\"")]).contains(
                #"<a href="https://e.org/?a=1&amp;b=&quot;2&quot;" rel="nofollow noopener">a</a>"#))
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "no-scheme"] {
            #expect(html([TextSpan(kind: "text_link", text: "a", href: bad)]) == "<p dir=\"auto\">a</p>\n", "\(bad)")
        }
        #expect(html([TextSpan(kind: "text_link", text: "a", href: "tg://resolve?domain=x")]).contains("href=\"tg://resolve?domain=x\""))
        #expect(html([TextSpan(kind: "link", text: "example.com/x")]).contains("href=\"https://example.com/x\""))
        #expect(html([TextSpan(kind: "email", text: "a@b.org")]).contains("href=\"mailto:a@b.org\""))
        #expect(html([TextSpan(kind: "mention", text: "@durov")]).contains("href=\"https://t.me/durov\""))
    }

    @Test func hashtagsAndArchiveLinksGoToLocalPages() {
        #expect(html([TextSpan(kind: "hashtag", text: "#known")]).contains(#"<a class="hashtag" href="../../tags/known/index.html">#known</a>"#))
        #expect(html([TextSpan(kind: "hashtag", text: "#other")]) == "<p dir=\"auto\">#other</p>\n")
        #expect(html([TextSpan(kind: "link", text: "https://t.me/chan/5")]).contains(#"<a href="../../channels/chan/5.html">"#))
    }

    @Test func textIsAlwaysEscaped() {
        let out = html([
            TextSpan(kind: "bold", text: "<img src=x onerror=alert(1)>"), TextSpan(kind: "pre", text: "</code><script>", language: "\"><script>"),
        ])
        #expect(!out.contains("<img") && !out.contains("<script>"))
        #expect(out.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(out.contains("data-language=\"&quot;&gt;&lt;script&gt;\""))
    }

    @Test func lineBreaksParagraphsAndBlocks() {
        let out = html([
            TextSpan(kind: "plain", text: "one\ntwo "), TextSpan(kind: "bold", text: "bold\n\nnext"), TextSpan(kind: "plain", text: "\n"),
            TextSpan(kind: "pre", text: "a\n  b", language: "swift"), TextSpan(kind: "blockquote", text: "q1\nq2\n"),
            TextSpan(kind: "blockquote", text: "hidden", collapsed: true), TextSpan(kind: "plain", text: "\nend"),
        ])
        #expect(
            out == """
                <p dir="auto">one<br>
                two <strong>bold</strong></p>
                <p dir="auto"><strong>next</strong></p>
                <pre data-language="swift"><code>a
                  b</code></pre>
                <blockquote dir="auto">q1<br>q2</blockquote>
                <details class="quote" dir="auto"><summary>hidden</summary></details>
                <p dir="auto">end</p>

                """)
    }

    @Test func aCollapsedQuoteShowsItsStartAndOpensToTheRest() {
        let long = String(repeating: "word ", count: 30) + "end"
        let out = html([
            TextSpan(kind: "blockquote", text: "first line\nsecond <line>", collapsed: true),
            TextSpan(kind: "blockquote", text: long, collapsed: true),
        ])
        #expect(out.contains(#"<summary>first line</summary><blockquote dir="auto">second &lt;line&gt;</blockquote>"#))
        let (start, rest) = FormattedText.splitForSummary(long)
        #expect(start + rest == long)
        #expect(start.count <= 80)
    }

    @Test func aSpoilerIsACheckboxRevealNeedingNoScript() {
        let out = html([TextSpan(kind: "spoiler", text: "secret")])
        #expect(out.contains(#"<label class="spoiler"><input type="checkbox" aria-label="Show hidden text"><span>secret</span></label>"#))
        var post = Post(text: "The secret is here", source: SourceRange(path: "", firstLine: 0, lastLine: 0))
        post.spans = [TextSpan(kind: "plain", text: "The "), TextSpan(kind: "spoiler", text: "secret"), TextSpan(kind: "plain", text: " is here")]
        #expect(post.heading == "The ░░░░░░ is here")
        #expect(!post.excerpt().contains("secret"))
    }

    /// `OutsideQueries` passes over posts without a span of these kinds: they must be every
    /// kind that makes a link.
    @Test func theLinkingKindsAreTheKindsThatLink() {
        for kind in TextSpan.knownKinds.union(["new_kind"]) {
            let links = FormattedText.href("example.org", TextSpan(kind: kind, text: "example.org", href: "https://example.org")) != nil
            #expect(links == FormattedText.linkingKinds.contains(kind), "\(kind)")
        }
    }
}
