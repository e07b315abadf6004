import ChansiteCore
import ChansiteModel

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
    var replyQuote: ReplyQuote?

    /// Marks a line as part of the post's span without adding it to the body (markers, drops).
    mutating func cover(_ line: Int) {
        firstLine = min(firstLine ?? line, line)
        lastLine = max(lastLine ?? line, line)
    }

    mutating func append(_ text: String, line: Int) {
        cover(line)
        body.append((line, text))
        if !hasText, !text.isBlankLine { hasText = true }
    }

    mutating func appendTagLine(_ text: String, line: Int) {
        cover(line)
        tagLines.append(text)
    }

    /// Records what a line told about the post.
    mutating func apply(_ mark: PostMark) {
        switch mark {
        case .none: break
        case .forward(let name): forwardedFrom = name
        case .media: hasMediaPlaceholder = true
        case .reactions(let found): reactions = found
        case .date(let text): dateText = text
        case .title(let text): title = text
        case .card(let card): linkPreviews = [card]
        case .reply(let quote): replyQuote = quote
        }
    }

    /// True once the post holds any non-blank body text.
    private(set) var hasText = false

    /// True once the post holds anything besides covered marker lines (an owner line, say).
    var hasContent: Bool {
        hasText || !tagLines.isEmpty || forwardedFrom != nil || hasMediaPlaceholder || replyQuote != nil || reactions != nil
    }

    /// True when nothing at all was collected.
    var isEmpty: Bool { firstLine == nil }

    /// The finished post, or nil when the builder holds nothing.
    func build(path: String) -> Post? {
        guard let firstLine, let lastLine else { return nil }
        let lines = body.map { Self.trimTrailing($0.text) }.trimmingBlankLines()
        let text = String.joined(lines, separator: "\n")
        let hashtags = Hashtags.find(in: (tagLines + [text]).joined(separator: "\n"))
        let cleanTitle = title?.trimmingWhitespace()
        var post = Post(
            title: cleanTitle?.isEmpty == false ? cleanTitle : nil,
            text: text,
            hashtags: hashtags,
            forwardedFrom: forwardedFrom,
            reactions: reactions,
            dateText: dateText,
            hasMediaPlaceholder: hasMediaPlaceholder,
            media: hasMediaPlaceholder ? [MediaFile(kind: .placeholder)] : [],
            linkPreviews: linkPreviews,
            source: SourceRange(path: path, firstLine: firstLine, lastLine: lastLine)
        )
        post.replyQuote = replyQuote
        return post
    }

    private static func trimTrailing(_ line: String) -> String {
        if let last = line.unicodeScalars.last, !last.isSpaceLike { return line }
        guard let last = line.unicodeScalars.lastIndex(where: { !$0.isSpaceLike }) else { return "" }
        return String(line[..<line.unicodeScalars.index(after: last)])
    }
}
