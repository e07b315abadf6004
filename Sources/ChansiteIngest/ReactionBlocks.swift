import ChansiteCore
import ChansiteModel

/// Shared reading of the formats whose posts end with a reaction line and whose text copy
/// prints the message body twice (see `DoubledCopy`). The two formats differ in what the head
/// line means (a heading or just the first paragraph), which the caller decides.
struct ReactionBlocks {
    /// One post's lines: 0-based indices into the dump, and the reaction line that closed it.
    struct Block {
        var lines: [Int]
        var reactionLine: Int?
    }

    /// `Name pinned «…»`: a service event quoting another post, never a post itself.
    static func pinNotice(_ line: String) -> String? {
        guard line.containsBytes("pinned") else { return nil }
        let flat = line.normalizedSpaces
        guard let range = flat.range(of: " pinned «"), flat.hasSuffix("»") else {
            if let range = flat.range(of: " pinned "), flat.hasSuffix(" pinned a message") || flat.hasSuffix(" pinned a photo") {
                return String(flat[..<range.lowerBound])
            }
            return nil
        }
        return String(flat[..<range.lowerBound])
    }

    static let footerReason = "post footer (views, edited, time)"
    static let durationReason = "media duration"

    /// The page parts at the start of a block (see `PageParts`).
    struct Lead {
        /// How many of the block's lines they take.
        var count = 0
        /// Offsets of dropped lines, each with its reason and the post it belongs to: a footer
        /// ends the post above it, a duration belongs to this post's media, service lines and
        /// day separators to no post.
        var dropped: [(offset: Int, reason: String, placement: LineRole.DropPlacement)] = []
        /// Offsets of marker lines (a forward line, a player's label and button, a reply quote),
        /// each with what it tells about the post.
        var markers: [(offset: Int, mark: PostMark)] = []
        var forwardedFrom: String?
        var hasMedia = false
        var hasReply = false
    }

    /// The page parts at the start of a block: the previous post's footer, service lines, a
    /// forward line, a reply quote (`reply` says whether the lines at an offset make one), a
    /// player's label.
    static func leadingParts(_ texts: [String], reply: (Int) -> ReplyQuote? = { _ in nil }) -> Lead {
        var lead = Lead()
        var i = 0
        while i < texts.count {
            if let end = TMePreviewFormat.footerEnd(texts, from: i) {
                lead.dropped += (i...end).map { ($0, footerReason, .previousPost) }
                i = end + 1
            } else if let reason = PageParts.serviceEvent(texts[i]) ?? (PageParts.isDaySeparator(texts[i]) ? "day separator" : nil) {
                lead.dropped.append((i, reason, .aside))
                i += 1
            } else if lead.forwardedFrom == nil, !lead.hasReply, !lead.hasMedia, let name = TMePreviewFormat.forwardedName(texts[i]) {
                lead.forwardedFrom = name
                lead.markers.append((i, .forward(name)))
                i += 1
            } else if !lead.hasMedia, PageParts.isMediaLabel(texts[i]) {
                lead.hasMedia = true
                lead.markers.append((i, .media))
                i += 1
                if i < texts.count, texts[i].normalizedSpaces == TMePreviewFormat.placeholderButton {
                    lead.markers.append((i, .none))
                    i += 1
                }
                if i < texts.count, PageParts.isClockTime(texts[i]) {
                    lead.dropped.append((i, durationReason, .inPost))
                    i += 1
                }
            } else if !lead.hasReply, !lead.hasMedia, i + 2 < texts.count, let quote = reply(i) {
                // A reply quote needs text after it: the post's own head line.
                lead.hasReply = true
                lead.markers += [(i, .reply(quote)), (i + 1, .none)]
                i += 2
            } else {
                break
            }
        }
        lead.count = i
        return lead
    }

    /// The offsets of the placeholder pair after a block's text (`Please open Telegram to view
    /// this post`, then `VIEW IN TELEGRAM` when the copy kept it), if any: it marks the post's
    /// media, and a link-preview card may follow it (the page puts it after the text and before
    /// the card).
    static func placeholderPair(_ texts: [String]) -> Range<Int>? {
        guard let at = texts.lastIndex(where: { $0.utf8.first == 0x50 && $0.normalizedSpaces == TMePreviewFormat.placeholder }) else { return nil }
        let buttonFollows = at + 1 < texts.count && texts[at + 1].normalizedSpaces == TMePreviewFormat.placeholderButton
        return at..<(at + (buttonFollows ? 2 : 1))
    }

    /// The block's text without the placeholder pair (what the doubled-copy rules read).
    static func withoutPlaceholder(_ texts: [String]) -> [String] {
        guard let pair = placeholderPair(texts) else { return texts }
        var rest = texts
        rest.removeSubrange(pair)
        return rest
    }

    /// How a dump cuts into blocks: the blocks, the pin notices between them (with the first
    /// pinner's name) and a warning when the last block has no reaction line.
    struct Cut {
        var blocks: [Block] = []
        var pins: Set<Int> = []
        var pinner: String?
        var warning: Diagnostic?
    }

    /// Cuts the dump into blocks at reaction lines, leaving out blank lines and pin notices.
    /// A post without reactions ends at the author's signature: when the signature line is not
    /// followed by a reaction line or by the start of the text's second copy, a new post begins.
    static func blocks(of dump: RawDump, limit: Int = .max, signature: String? = nil) -> Cut {
        var cut = Cut()
        var current = Block(lines: [])
        let lines = dump.lines
        for (index, line) in lines.enumerated() {
            if cut.blocks.count >= limit { return cut }
            if line.isBlankLine { continue }
            if let signature, line.utf8.first == 0x40, line.trimmingWhitespace() == signature, current.lines.count >= 1 {
                current.lines.append(index)
                let following = lines[(index + 1)...].lazy.filter { !$0.isBlankLine }.prefix(2)
                let next = following.first
                let startsCopy = current.lines.count > 2 && startsSecondCopy(Array(following), of: current.lines[1...].map { lines[$0] })
                if let next, ReactionLine.parse(next) == nil, !startsCopy, pinNotice(next) == nil {
                    cut.blocks.append(current)
                    current = Block(lines: [])
                }
            } else if ReactionLine.parse(line) != nil {
                current.reactionLine = index
                cut.blocks.append(current)
                current = Block(lines: [])
            } else if let name = pinNotice(line) {
                cut.pins.insert(index)
                if cut.pinner == nil { cut.pinner = name }
            } else {
                current.lines.append(index)
            }
        }
        if !current.lines.isEmpty {
            // Only the last post's footer after its reactions is no post of its own.
            let texts = current.lines.map { dump.lines[$0] }
            if leadingParts(texts).count < texts.count {
                cut.warning = .warning("the last post has no reaction line; kept as it is", at: dump.location(current.lines[0] + 1))
            }
            cut.blocks.append(current)
        }
        return cut
    }

    /// Whether the lines after a signature (`following`, the next two) begin the second copy of
    /// the post's text (`copy`: its lines after the head): the copy's first line and then its
    /// second, or a line one of them holds (the copies cut formatted spans differently). A next
    /// post that merely opens with the same line (a channel's recurring header) is no copy.
    static func startsSecondCopy(_ following: [String], of copy: [String]) -> Bool {
        guard let first = following.first, first == copy.first else { return false }
        guard following.count > 1, copy.count > 1 else { return true }
        let (line, expected) = (following[1], copy[1])
        return line == expected || (!line.isEmpty && expected.contains(line)) || (!expected.isEmpty && line.contains(expected))
    }

    /// Share of multi-line blocks that follow the exact doubled pattern (head, copy, same copy, [card]).
    static func exactShare(_ dump: RawDump) -> (share: Double, cards: Int) {
        // A sample of blocks is enough to tell the variants apart; a 50 MB dump is not read twice.
        let candidates = blocks(of: dump, limit: 200).blocks.filter { $0.lines.count >= 3 }
        guard !candidates.isEmpty else { return (0, 0) }
        var exact = 0
        var cards = 0
        for block in candidates {
            let texts = withoutPlaceholder(block.lines.map { dump.lines[$0] })
            let lead = leadingParts(texts).count
            // The pattern is looked for past a possible reply quote too (a name line and a quote,
            // maybe followed by a player's label); telling a real quote needs the whole dump.
            let possibleQuote = ReplyQuote(author: "", text: "")
            let pastQuote = leadingParts(texts) { ReplyQuotes.isName(texts[$0]) ? possibleQuote : nil }.count
            let split =
                DoubledCopy.exactSplit(Array(texts.dropFirst(lead)))
                ?? (pastQuote > lead ? DoubledCopy.exactSplit(Array(texts.dropFirst(pastQuote))) : nil)
            if let split {
                exact += 1
                if !split.card.isEmpty { cards += 1 }
            }
        }
        return (Double(exact) / Double(candidates.count), cards)
    }

    /// The author's `@handle` signature: a handle line directly before at least two reaction lines.
    static func signature(of dump: RawDump) -> String? {
        var counts: [String: Int] = [:]
        var previous: String?
        for line in dump.lines where !line.isBlankLine {
            if let handle = previous, ReactionLine.parse(line) != nil { counts[handle, default: 0] += 1 }
            let trimmed = line.utf8.first == 0x40 ? line.trimmingWhitespace() : ""
            previous = isHandle(trimmed) ? trimmed : nil
        }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2 else { return nil }
        return best.key
    }

    static func isHandle(_ line: String) -> Bool {
        guard line.hasPrefix("@"), line.count >= 4 else { return false }
        return line.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
