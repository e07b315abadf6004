import ChansiteCore
import ChansiteModel

/// Renders an export's formatted text (its spans) to HTML: a paragraph per blank-line-separated
/// block with `dir="auto"` (so right-to-left text reads right), line breaks kept, every entity
/// type as a reader expects. Text is always escaped; an href becomes a link only with a safe
/// scheme, so nothing in a message can run in the browser.
package struct FormattedText: Sendable {
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "tg"]

    /// Where a hashtag links to (its tag page), given its text with `#`.
    package var tagURL: @Sendable (String) -> String?
    /// A local page for a link to a post in the archive (`https://t.me/name/12`).
    package var localURL: @Sendable (String) -> String?

    /// The accessible name of a spoiler's toggle, in the site's language.
    package var spoilerLabel: String

    package init(
        tagURL: @escaping @Sendable (String) -> String?, localURL: @escaping @Sendable (String) -> String? = { _ in nil },
        spoilerLabel: String = "Show hidden text"
    ) {
        self.tagURL = tagURL
        self.localURL = localURL
        self.spoilerLabel = spoilerLabel
    }

    package func html(_ spans: [TextSpan]) -> String {
        var out = Output()
        for span in spans {
            switch span.kind {
            case "pre":
                out.block(
                    "<pre\(span.language.map { " data-language=\"\(HTMLText.escape($0))\"" } ?? "")><code>\(HTMLText.escape(span.text))</code></pre>")
            case "blockquote":
                let text = span.text.trimmingTrailingNewlines
                if span.collapsed {
                    // The summary shows the quote's start and the rest opens below it, so the
                    // words read on without a repeat.
                    let (start, rest) = Self.splitForSummary(text)
                    out.block(
                        "<details class=\"quote\" dir=\"auto\"><summary>\(Self.lines(start))</summary>\(rest.isEmpty ? "" : "<blockquote dir=\"auto\">\(Self.lines(rest))</blockquote>")</details>"
                    )
                } else {
                    out.block("<blockquote dir=\"auto\">\(Self.lines(text))</blockquote>")
                }
            default:
                out.inline(span.text) { inline($0, span) }
            }
        }
        return out.finish()
    }

    /// Escaped text with its line breaks kept.
    static func lines(_ text: Substring) -> String {
        HTMLText.escape(String(text)).replacingOccurrences(of: "\n", with: "<br>")
    }

    static func lines(_ text: String) -> String { lines(text[...]) }

    /// A collapsed quote's first line, or its first words when the line is long, and the rest.
    static func splitForSummary(_ text: String) -> (Substring, Substring) {
        let limit = text.index(text.startIndex, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
        if let newline = text[..<limit].firstIndex(of: "\n") {
            return (text[..<newline], text[text.index(after: newline)...])
        }
        guard limit < text.endIndex else { return (text[...], "") }
        let cut = text[..<limit].lastIndex(of: " ") ?? limit
        return (text[..<cut], text[cut...])
    }

    /// One line of an inline span, wrapped as its type asks.
    func inline(_ text: String, _ span: TextSpan) -> String {
        let escaped = HTMLText.escape(text)
        if let href = Self.href(text, span) { return link(href, escaped) }
        switch span.kind {
        case "bold": return "<strong>\(escaped)</strong>"
        case "italic": return "<em>\(escaped)</em>"
        case "underline": return "<u>\(escaped)</u>"
        case "strikethrough": return "<s>\(escaped)</s>"
        case "code", "bot_command": return "<code>\(escaped)</code>"
        case "spoiler":
            // A checkbox in a label: a click reveals the text with CSS alone, no script.
            return "<label class=\"spoiler\"><input type=\"checkbox\" aria-label=\"\(HTMLText.escape(spoilerLabel))\"><span>\(escaped)</span></label>"
        case "hashtag":
            guard let url = tagURL(text) else { return escaped }
            return "<a class=\"hashtag\" href=\"\(HTMLText.escape(url))\">\(escaped)</a>"
        case "cashtag", "phone", "bank_card", "mention_name":
            return "<span class=\"\(span.kind.replacingOccurrences(of: "_", with: "-"))\">\(escaped)</span>"
        default: return escaped
        }
    }

    /// The kinds of span `href` makes a link of.
    static let linkingKinds: Set<String> = ["text_link", "link", "email", "mention"]

    /// Where a line of a linking span points, before its scheme is checked; nil for a span
    /// that does not link.
    static func href(_ text: String, _ span: TextSpan) -> String? {
        switch span.kind {
        case "text_link": return span.href ?? ""
        case "link": return text.contains("://") || text.hasPrefix("mailto:") ? text : "https://" + text
        case "email": return "mailto:" + text
        case "mention": return "https://t.me/" + (text.hasPrefix("@") ? String(text.dropFirst()) : text)
        default: return nil
        }
    }

    /// `href` trimmed, when its scheme is one a link may have.
    static func safeTarget(_ href: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"), linkSchemes.contains(trimmed[..<colon].lowercased()) else { return nil }
        return trimmed
    }

    /// Every URL rendering these spans asks `localURL` about, in order: what a body depends on
    /// beyond its own text (another channel's post it links to).
    package static func localLinkQueries(_ spans: [TextSpan]) -> [String] {
        var queries: [String] = []
        // `href` names the kinds that link (all inline: no block span is one).
        for span in spans where href("", span) != nil {
            for line in span.text.lineSlices() where !line.isEmpty {
                if let target = href(String(line), span).flatMap(safeTarget) { queries.append(target) }
            }
        }
        return queries
    }

    /// A link when `href` has a safe scheme (to the archive's own page when it points at one),
    /// else the text alone.
    func link(_ href: String, _ escapedText: String) -> String {
        guard let trimmed = Self.safeTarget(href) else { return escapedText }
        if let local = localURL(trimmed) { return "<a href=\"\(HTMLText.escape(local))\">\(escapedText)</a>" }
        return "<a href=\"\(HTMLText.escape(trimmed))\" rel=\"nofollow noopener\">\(escapedText)</a>"
    }

    /// Paragraphs being built: inline text gathers into the open paragraph; one newline is a
    /// line break, a blank line closes the paragraph; a block closes it too.
    struct Output {
        var html = ""
        var paragraph = ""
        var pendingNewlines = 0

        mutating func inline(_ text: String, wrap: (String) -> String) {
            var first = true
            for line in text.lineSlices() {
                if !first { pendingNewlines += 1 }
                first = false
                guard !line.isEmpty else { continue }
                if pendingNewlines >= 2 {
                    closeParagraph()
                } else if pendingNewlines == 1, !paragraph.isEmpty {
                    paragraph += "<br>\n"
                }
                pendingNewlines = 0
                paragraph += wrap(String(line))
            }
        }

        mutating func block(_ html: String) {
            closeParagraph()
            pendingNewlines = 0
            self.html += html + "\n"
        }

        mutating func closeParagraph() {
            if !paragraph.isEmpty { html += "<p dir=\"auto\">\(paragraph)</p>\n" }
            paragraph = ""
        }

        mutating func finish() -> String {
            closeParagraph()
            return html
        }
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
