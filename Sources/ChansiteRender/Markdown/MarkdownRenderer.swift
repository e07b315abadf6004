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
        paragraphs(lines, paragraphPerLine: paragraphPerLine) { markup, line in
            out += markup
            if let line { out += HTMLText.escape(String(line)) }
        }
        return out
    }

    /// The bytes `plainHTML` writes, counted by a dry run of the same walk.
    static func plainHTMLCapacity(_ lines: [Substring], paragraphPerLine: Bool) -> Int {
        var total = 0
        paragraphs(lines, paragraphPerLine: paragraphPerLine) { markup, line in
            total += markup.utf8.count + (line.map { HTMLText.escapedCount($0.utf8) } ?? 0)
        }
        return total
    }

    /// The paragraphs of `lines` in order, as markup each followed by the line it opens or
    /// continues (nil after closing markup): blank lines close a paragraph, a line break joins
    /// the lines inside one.
    private static func paragraphs(_ lines: [Substring], paragraphPerLine: Bool, _ emit: (String, Substring?) -> Void) {
        var open = false
        for line in lines {
            if line.isBlankLine {
                if open { emit("</p>\n", nil) }
                open = false
                continue
            }
            emit(open ? "<br>\n" : "<p dir=\"auto\">", line)
            open = !paragraphPerLine
            if paragraphPerLine { emit("</p>\n", nil) }
        }
        if open { emit("</p>\n", nil) }
    }
}
