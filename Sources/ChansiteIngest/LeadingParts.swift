import ChansiteCore

/// The page parts that can come before a post's text, in any format (`PageParts`): a
/// `Forwarded from` line, a reply quote (two lines), a player's label with its
/// `VIEW IN TELEGRAM` and the duration after it.
struct LeadingParts {
    var replies: ReplyQuotes
    /// The quote line of a reply whose name line was just read.
    private var quoteLine: Int?
    /// The last line of the footer being read, when one is.
    private var footerEnd: Int?

    /// `isMarker` tells the format's own marker lines, which are never part of a reply quote;
    /// `startsAfter` the lines after which a message starts although they may be text.
    init(_ lines: [String], isMarker: @escaping (String) -> Bool = { _ in false }, startsAfter: @escaping (String) -> Bool = { _ in false }) {
        replies = ReplyQuotes(lines, isMarker: isMarker, startsAfter: startsAfter)
    }

    /// The role of the line when it is such a part of the open post (which has no text yet).
    mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole? {
        if let role = continuation(at: index) { return role }
        guard let open, !open.hasText else { return nil }
        let line = lines[index]
        if open.forwardedFrom == nil, !open.hasMediaPlaceholder, open.replyQuote == nil, let name = TMePreviewFormat.forwardedName(line) {
            return .marker(.forward(name))
        }
        if PageParts.isMediaLabel(line) { return .marker(.media) }
        if open.hasMediaPlaceholder, line.normalizedSpaces == TMePreviewFormat.placeholderButton { return .marker() }
        if open.hasMediaPlaceholder, PageParts.isClockTime(line) { return .dropped(ReactionBlocks.durationReason, .inPost) }
        if open.replyQuote == nil, !open.hasMediaPlaceholder { return reply(at: index) }
        return nil
    }

    /// A footer under a post's text (view counts and `edited` lines ending in a time): dropped
    /// inside the post; the footer's last line closes the post when `closes`.
    mutating func footer(at index: Int, in lines: [String], open: PostBuilder?, closes: Bool) -> LineRole? {
        if let end = footerEnd {
            if index == end { footerEnd = nil }
            return LineRole(action: .dropped(ReactionBlocks.footerReason, .inPost), closesAfter: closes && index == end)
        }
        guard open?.hasText == true, let end = TMePreviewFormat.footerEnd(lines, from: index) else { return nil }
        if end > index { footerEnd = end }
        return LineRole(action: .dropped(ReactionBlocks.footerReason, .inPost), closesAfter: closes && end == index)
    }

    /// The quote line of the reply whose name line came just before, as a marker.
    mutating func continuation(at index: Int) -> LineRole? {
        guard index == quoteLine else { return nil }
        quoteLine = nil
        return .marker()
    }

    /// The name line of a reply quote at `index` (its quote line is then a marker too), or nil.
    mutating func reply(at index: Int, excluding excluded: Range<Int>? = nil) -> LineRole? {
        guard let quote = replies.quote(at: index, excluding: excluded) else { return nil }
        quoteLine = index + 1
        return .marker(.reply(quote))
    }
}
