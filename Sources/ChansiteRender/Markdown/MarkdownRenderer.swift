import ChansiteCore

/// Renders post bodies to HTML: plain text → literal Markdown (`PostMarkdown`) → cmark-gfm.
package struct MarkdownRenderer: Sendable {
    package var markdown: PostMarkdown

    package init(tagURL: @escaping @Sendable (String) -> String?) {
        self.markdown = PostMarkdown(tagURL: tagURL)
    }

    /// Bodies larger than this are shown as plain paragraphs, without links: no Telegram
    /// message comes near it (4,096 characters), and cmark's tree of a body of megabytes (a
    /// line of a million mentions) would take a hundred times its size in memory.
    package static let largestLinkedBody = 256 << 10

    /// The HTML of a post body; with `paragraphPerLine` every line is its own paragraph.
    package func html(for text: String, paragraphPerLine: Bool = false) -> String {
        if text.utf8.count > Self.largestLinkedBody { return Self.plainHTML(text, paragraphPerLine: paragraphPerLine) }
        let source = paragraphPerLine ? text.lineSlices().joined(separator: "\n\n") : text
        return CMark.renderHTML(markdown.markdown(for: source))
    }

    /// Escaped text in paragraphs (blank lines between them, or every line with
    /// `paragraphPerLine`), line breaks kept: linear in time and memory, every character shown.
    /// Written straight into one string sized beforehand, each line escaped and let go of in
    /// turn: a body of a million lines (a hostile copy) is never held as a million strings, nor
    /// grown by doubling to twice its size.
    static func plainHTML(_ text: String, paragraphPerLine: Bool) -> String {
        let lines = text.lineSlices()
        var out = ""
        out.reserveCapacity(plainHTMLCapacity(lines, paragraphPerLine: paragraphPerLine))
        var open = false
        for line in lines {
            if line.isBlankLine {
                if open { out += "</p>\n" }
                open = false
                continue
            }
            out += open ? "<br>\n" : "<p dir=\"auto\">"
            out += HTMLText.escape(String(line))
            open = !paragraphPerLine
            if paragraphPerLine { out += "</p>\n" }
        }
        if open { out += "</p>\n" }
        return out
    }

    /// The bytes `plainHTML` writes, counted by a dry run of its loop: the text, what escaping
    /// adds, and each paragraph's and line break's markup.
    static func plainHTMLCapacity(_ lines: [Substring], paragraphPerLine: Bool) -> Int {
        let (open, close, lineBreak) = ("<p dir=\"auto\">".utf8.count, "</p>\n".utf8.count, "<br>\n".utf8.count)
        var total = 0
        var inParagraph = false
        for line in lines {
            if line.isBlankLine {
                if inParagraph { total += close }
                inParagraph = false
                continue
            }
            total += inParagraph ? lineBreak : open
            for byte in line.utf8 {
                switch byte {
                case 0x3C, 0x3E: total += 4  // &lt; &gt;
                case 0x26, 0x27: total += 5  // &amp; &#39;
                case 0x22: total += 6  // &quot;
                default: total += 1
                }
            }
            inParagraph = !paragraphPerLine
            if paragraphPerLine { total += close }
        }
        return total + (inParagraph ? close : 0)
    }
}
