/// Collects the lines of one post while a format walks its dump, then makes the `Post`.
struct PostBuilder {
    private(set) var firstLine: Int?
    private(set) var lastLine: Int?
    /// Body lines with their 1-based line numbers.
    private(set) var body: [(line: Int, text: String)] = []
    /// Hashtag-only lines at the edges of a post: shown as tags, not as body text.
    private(set) var tagLines: [String] = []
    var title: String?
    var forwardedFrom: String?
    var reactions: [Reaction]?
    var dateText: String?
    var hasMediaPlaceholder = false
    var linkPreviews: [LinkPreview] = []

    /// Marks a line as part of the post's span without adding it to the body (markers, drops).
    mutating func cover(_ line: Int) {
        firstLine = min(firstLine ?? line, line)
        lastLine = max(lastLine ?? line, line)
    }

    mutating func append(_ text: String, line: Int) {
        cover(line)
        body.append((line, text))
    }

    mutating func appendTagLine(_ text: String, line: Int) {
        cover(line)
        tagLines.append(text)
    }

    /// Reads a page part that can come before a post's text (`PageParts`): a `Forwarded from`
    /// line, a player's label with its `VIEW IN TELEGRAM`, the duration after it. True when the
    /// line was one (covered, or dropped through `drop`); false for text.
    mutating func takeLeadingPart(_ line: String, number: Int, drop: (Int, String) -> Void) -> Bool {
        guard !hasText else { return false }
        if forwardedFrom == nil, !hasMediaPlaceholder, let name = TMePreviewFormat.forwardedName(line) {
            forwardedFrom = name
        } else if PageParts.isMediaLabel(line) {
            hasMediaPlaceholder = true
        } else if hasMediaPlaceholder, line.normalizedSpaces == TMePreviewFormat.placeholderButton {
            // The label's button.
        } else if hasMediaPlaceholder, PageParts.isClockTime(line) {
            drop(number, ReactionBlocks.durationReason)
        } else {
            return false
        }
        cover(number)
        return true
    }

    /// True once the post holds any non-blank body text.
    var hasText: Bool { body.contains { !$0.text.isBlankLine } }

    /// True when nothing at all was collected.
    var isEmpty: Bool { firstLine == nil }

    /// The finished post, or nil when the builder holds nothing.
    func build(path: String) -> Post? {
        guard let firstLine, let lastLine else { return nil }
        let lines = body.map { Self.trimTrailing($0.text) }.trimmingBlankLines()
        let text = lines.joined(separator: "\n")
        let hashtags = Hashtags.find(in: (tagLines + [text]).joined(separator: "\n"))
        let cleanTitle = title?.trimmingWhitespace()
        return Post(
            title: cleanTitle?.isEmpty == false ? cleanTitle : nil,
            text: text,
            hashtags: hashtags,
            forwardedFrom: forwardedFrom,
            reactions: reactions,
            dateText: dateText,
            hasMediaPlaceholder: hasMediaPlaceholder,
            media: hasMediaPlaceholder ? [MediaFile(kind: "unknown")] : [],
            linkPreviews: linkPreviews,
            source: SourceRange(path: path, firstLine: firstLine, lastLine: lastLine)
        )
    }

    private static func trimTrailing(_ line: String) -> String {
        if let last = line.unicodeScalars.last, !last.isSpaceLike { return line }
        guard let last = line.unicodeScalars.lastIndex(where: { !$0.isSpaceLike }) else { return "" }
        return String(String.UnicodeScalarView(line.unicodeScalars[...last]))
    }
}
