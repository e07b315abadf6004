import Foundation

extension Post {
    /// The text a page shows as the post's heading: its title, else its first line, shortened.
    public var heading: String {
        if let title, !title.isEmpty { return title }
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        if firstLine.isEmpty { return hasMediaPlaceholder ? "Media" : "Untitled post" }
        return firstLine.shortened(to: 90)
    }

    /// The body a page shows under the heading: the text without its first line when the
    /// heading already shows that whole line, so nothing appears twice and nothing is lost.
    public var bodyBelowHeading: String {
        let shown = heading
        if text == shown { return "" }
        if text.hasPrefix(shown + "\n") {
            return String(text.dropFirst(shown.count + 1)).trimmingCharacters(in: .newlines)
        }
        return text
    }

    /// A one-paragraph summary for listings, feeds and meta descriptions.
    public func excerpt(maxLength: Int = 220) -> String {
        // Only the start of a long post can end up in the excerpt.
        let flat = text.prefix(maxLength * 2 + 16).split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.shortened(to: maxLength)
    }
}

extension StringProtocol {
    /// Cuts at a word boundary before `limit` characters and adds an ellipsis.
    func shortened(to limit: Int) -> String {
        let collapsed = String(self.prefix(limit * 2 + 16)).trimmingWhitespace()
        guard collapsed.count > limit else { return collapsed }
        var cut = String(collapsed.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut.trimmingWhitespace() + "…"
    }
}
