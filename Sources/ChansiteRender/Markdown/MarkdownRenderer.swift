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
    static func plainHTML(_ text: String, paragraphPerLine: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var paragraph: [Substring] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            out += "<p dir=\"auto\">" + paragraph.map { HTMLText.escape(String($0)) }.joined(separator: "<br>\n") + "</p>\n"
            paragraph.removeAll(keepingCapacity: true)
        }
        for line in text.lineSlices() {
            if line.isBlankLine {
                flush()
            } else {
                paragraph.append(line)
                if paragraphPerLine { flush() }
            }
        }
        flush()
        return out
    }
}
