import ChansiteCore

/// Reads the lines of a t.me/s copy (`TMePreviewFormat`): markers start and end posts; blank
/// lines never separate them.
struct TMePreviewClassifier: LineClassifier {
    private var leading: LeadingParts
    /// The channel title, when the copy shows it as an owner line above posts (twice or more).
    private var ownerLine: String?
    /// The line a player's label or the placeholder took, for the button after it.
    private var lastPart: (index: Int, isPlaceholder: Bool)?

    init(_ dump: RawDump) {
        leading = LeadingParts(dump.lines)
    }

    /// A copy runs posts on without a blank line between them, so a lost seam lies between two
    /// adjacent lines, and lines a blank line apart are never one.
    var seamGaps: SeamModel.Gaps? { SeamModel.Gaps(candidate: 0...0, impossibleFrom: 1) }

    mutating func readHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        let start = TMePreviewFormat.parseHeader(dump, into: &result)
        // The first post starts after the header's button; with owner lines, each after one.
        let title = result.channel.title?.normalizedSpaces
        leading = LeadingParts(
            dump.lines,
            startsAfter: { line in
                let flat = line.normalizedSpaces
                return flat == TMePreviewFormat.headerEnd || flat == title
            })
        if let title, !title.isEmpty {
            let owners = dump.lines[start...].lazy.filter { $0.normalizedSpaces == title }.prefix(2).count
            ownerLine = owners >= 2 ? title : nil
        }
        return start
    }

    mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole {
        let line = lines[index]
        // Views, `edited` and the time close the post above them.
        if let footer = leading.footer(at: index, in: lines, open: open, closes: true) { return footer }
        if line.isBlankLine { return .blank }
        if let role = leading.continuation(at: index) { return role }
        if let reason = PageParts.serviceEvent(line) ?? (PageParts.isDaySeparator(line) ? "day separator" : nil) {
            // Service lines and day separators stand between posts: a seam.
            return .dropped(reason, closesBefore: true)
        }
        let hasText = open?.hasText ?? false
        if PageParts.isMediaLabel(line) {
            // A player's label comes before its caption: it starts the post it belongs to,
            // unless a forward line already did.
            lastPart = (index, false)
            return .marker(.media, closesBefore: hasText)
        }
        let flat = line.normalizedSpaces
        if let part = lastPart, part.index == index - 1 {
            lastPart = nil
            if flat == TMePreviewFormat.placeholderButton { return .marker(closesAfter: part.isPlaceholder) }
        }
        if open?.hasMediaPlaceholder == true, !hasText, PageParts.isClockTime(line) {
            return .dropped(ReactionBlocks.durationReason, .inPost)
        }
        // A forward line starts a post; only an owner line above it is part of that post.
        if let name = TMePreviewFormat.forwardedName(line) { return .marker(.forward(name), closesBefore: open?.hasContent ?? false) }
        if flat == TMePreviewFormat.placeholder {
            let buttonFollows = index + 1 < lines.count && lines[index + 1].normalizedSpaces == TMePreviewFormat.placeholderButton
            if buttonFollows { lastPart = (index, true) }
            return .marker(.media, closesAfter: !buttonFollows)
        }
        if flat == TMePreviewFormat.placeholderButton { return .marker(.media, closesAfter: true) }
        if Hashtags.isHashtagLine(line) {
            // The placeholder block sits between a post's text and its footer, so a placeholder
            // right after the hashtags still belongs to this post.
            let placeholderFollows = index + 1 < lines.count && lines[index + 1].normalizedSpaces == TMePreviewFormat.placeholder
            return LineRole(action: .tags, closesAfter: hasText && !placeholderFollows)
        }
        if let reply = replyQuote(at: index, in: lines, open: open) { return reply }
        // Checked after replies: a reply to the channel's own post names the channel too.
        if let owner = ownerLine, flat == owner { return .marker(closesBefore: open?.hasContent ?? false) }
        return .text
    }

    /// A reply quote before the post's text; inside running text (right after a line, as
    /// posts follow each other with no blank line) it is the seam before the reply.
    private mutating func replyQuote(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole? {
        let hasText = open?.hasText ?? false
        if hasText {
            guard !lines[index - 1].isBlankLine else { return nil }
        } else {
            // Before the text: after a forward line, never after the media.
            guard open?.replyQuote == nil, open?.hasMediaPlaceholder != true else { return nil }
        }
        guard var role = leading.reply(at: index) else { return nil }
        role.closesBefore = hasText
        return role
    }
}
