import ChansiteCore

/// One run of formatted text, as a Telegram export writes it: the text and the one entity type
/// that covers it (`plain`, `bold`, `text_link`, `pre`, …). A post's spans, joined, are its text.
package struct TextSpan: Sendable, Hashable, Codable {
    /// The export's entity type; unknown types are kept and shown as plain text.
    package var kind: String
    package var text: String
    /// The target of a `text_link`.
    package var href: String?
    /// The language of a `pre` block.
    package var language: String?
    /// True for a blockquote the author collapsed.
    package var collapsed: Bool

    /// Entity types the site renders; others are shown as plain text (with a note at ingest).
    package static let knownKinds: Set<String> = [
        "plain", "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link", "link",
        "mention", "mention_name", "hashtag", "cashtag", "bot_command", "email", "phone", "bank_card", "blockquote",
        "custom_emoji", "unknown",
    ]

    /// Kinds asked about for every post (`Post.hasSpan(of:)`), made once: a set literal at
    /// each call was made and hashed again for every post (a tenth of assembling an export).
    package static let linkKinds: Set<String> = ["link", "text_link"]
    package static let spoilerKinds: Set<String> = ["spoiler"]
    package static let privateNumberKinds: Set<String> = ["phone", "bank_card"]

    package init(kind: String, text: String, href: String? = nil, language: String? = nil, collapsed: Bool = false) {
        self.kind = kind
        self.text = text
        self.href = href
        self.language = language
        self.collapsed = collapsed
    }
}

extension Post {
    /// The text as a listing may show it: spoilers masked, so a heading, an excerpt or a feed
    /// never gives away what the author hid.
    package var shownText: String {
        guard hasSpan(of: TextSpan.spoilerKinds), let spans else { return text }
        return spans.map { $0.kind == "spoiler" ? String(repeating: "░", count: min(8, max(3, $0.text.count))) : $0.text }.joined()
    }
}
