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

    /// The page parts at the start of a block (see `PageParts`): how many lines they take, which
    /// are dropped (with why) and which are markers of the post (a forward line, a player's label).
    static func leadingParts(_ texts: [String]) -> (count: Int, dropped: [(Int, String)], markers: [Int], forwardedFrom: String?, hasMedia: Bool) {
        var i = 0
        var dropped: [(Int, String)] = []
        var markers: [Int] = []
        var forwardedFrom: String?
        var hasMedia = false
        while i < texts.count {
            if let end = TMePreviewFormat.footerEnd(texts, from: i) {
                dropped += (i...end).map { ($0, footerReason) }
                i = end + 1
            } else if let reason = PageParts.serviceEvent(texts[i]) ?? (PageParts.isDaySeparator(texts[i]) ? "day separator" : nil) {
                dropped.append((i, reason))
                i += 1
            } else if forwardedFrom == nil, !hasMedia, let name = TMePreviewFormat.forwardedName(texts[i]) {
                forwardedFrom = name
                markers.append(i)
                i += 1
            } else if !hasMedia, PageParts.isMediaLabel(texts[i]) {
                hasMedia = true
                markers.append(i)
                i += 1
                if i < texts.count, texts[i].normalizedSpaces == TMePreviewFormat.placeholderButton {
                    markers.append(i)
                    i += 1
                }
                if i < texts.count, PageParts.isClockTime(texts[i]) {
                    dropped.append((i, durationReason))
                    i += 1
                }
            } else {
                break
            }
        }
        return (i, dropped, markers, forwardedFrom, hasMedia)
    }

    /// Cuts the dump into blocks at reaction lines, dropping blank lines and pin notices.
    /// A post without reactions ends at the author's signature: when the signature line is not
    /// followed by a reaction line or by the start of the text's second copy, a new post begins.
    static func blocks(of dump: RawDump, into result: inout ParsedDump, limit: Int = .max, signature: String? = nil) -> [Block] {
        var blocks: [Block] = []
        var current = Block(lines: [])
        let lines = dump.lines
        for (index, line) in lines.enumerated() {
            if blocks.count >= limit { return blocks }
            if line.isBlankLine { continue }
            if let signature, line.utf8.first == 0x40, line.trimmingWhitespace() == signature, current.lines.count >= 1 {
                current.lines.append(index)
                let next = lines[(index + 1)...].first { !$0.isBlankLine }
                let startsCopy = current.lines.count > 2 && next == lines[current.lines[1]]
                if let next, ReactionLine.parse(next) == nil, !startsCopy, pinNotice(next) == nil {
                    blocks.append(current)
                    current = Block(lines: [])
                }
            } else if ReactionLine.parse(line) != nil {
                current.reactionLine = index
                blocks.append(current)
                current = Block(lines: [])
            } else if let name = pinNotice(line) {
                result.drop(index + 1, "pin notice")
                if result.channel.title == nil { result.channel.title = name }
            } else {
                current.lines.append(index)
            }
        }
        if !current.lines.isEmpty {
            // Only the last post's footer after its reactions is no post of its own.
            let texts = current.lines.map { dump.lines[$0] }
            if leadingParts(texts).count < texts.count {
                result.diagnostics.append(.warning("the last post has no reaction line; kept as it is", at: dump.location(current.lines[0] + 1)))
            }
            blocks.append(current)
        }
        return blocks
    }

    /// Share of multi-line blocks that follow the exact doubled pattern (head, copy, same copy, [card]).
    static func exactShare(_ dump: RawDump) -> (share: Double, cards: Int) {
        var scratch = ParsedDump(path: dump.path, format: "")
        // A sample of blocks is enough to tell the variants apart; a 50 MB dump is not read twice.
        let candidates = blocks(of: dump, into: &scratch, limit: 200).filter { $0.lines.count >= 3 }
        guard !candidates.isEmpty else { return (0, 0) }
        var exact = 0
        var cards = 0
        for block in candidates {
            let texts = block.lines.map { dump.lines[$0] }
            if let split = DoubledCopy.exactSplit(Array(texts.dropFirst(leadingParts(texts).count))) {
                exact += 1
                if !split.card.isEmpty { cards += 1 }
            }
        }
        return (Double(exact) / Double(candidates.count), cards)
    }

    /// Parses every block into a post.
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

    static func parse(_ dump: RawDump, format: String, headIsTitle: Bool) -> ParsedDump {
        var result = ParsedDump(path: dump.path, format: format)
        let signature = signature(of: dump)
        var undoubled: [Int] = []
        for whole in blocks(of: dump, into: &result, signature: signature) {
            var post = PostBuilder()
            // Page parts before the text: the last post's footer, service lines, a forward
            // line, a player's label. The doubled copy starts after them.
            let lead = leadingParts(whole.lines.map { dump.lines[$0] })
            for (offset, reason) in lead.dropped {
                let line = whole.lines[offset] + 1
                result.drop(line, reason)
                // A footer ends the post above it; a duration belongs to this post's media;
                // service lines and day separators belong to no post.
                if reason == Self.footerReason, let last = result.posts.indices.last {
                    result.posts[last].source.lastLine = max(result.posts[last].source.lastLine, line)
                } else if reason == Self.durationReason {
                    post.cover(line)
                }
            }
            for offset in lead.markers { post.cover(whole.lines[offset] + 1) }
            post.forwardedFrom = lead.forwardedFrom
            post.hasMediaPlaceholder = lead.hasMedia
            let block = Block(lines: Array(whole.lines.dropFirst(lead.count)), reactionLine: whole.reactionLine)
            if block.lines.isEmpty, block.reactionLine == nil {
                // Page parts alone (the last post's footer): dropped above, no post.
                if lead.forwardedFrom == nil, !lead.hasMedia { continue }
            }
            let texts = block.lines.map { dump.lines[$0] }
            let split = DoubledCopy.split(texts)
            for index in split.kept {
                post.append(texts[index], line: block.lines[index] + 1)
                for extra in split.extraLines where extra.after == index { post.append(extra.text, line: block.lines[index] + 1) }
            }
            for index in split.dropped {
                post.cover(block.lines[index] + 1)
                result.drop(block.lines[index] + 1, "duplicate copy of the post's text")
            }
            if split.card.count == DoubledCopy.cardLength {
                let card = split.card.map { texts[$0].trimmingWhitespace() }
                for index in split.card { post.cover(block.lines[index] + 1) }
                post.linkPreviews = [LinkPreview(site: card[0], title: card[1], description: card[2])]
            }
            if let reactionLine = block.reactionLine {
                post.cover(reactionLine + 1)
                post.reactions = ReactionLine.parse(dump.lines[reactionLine])
            }
            if headIsTitle, block.lines.count > 1 { post.title = texts[0] }
            if !split.exact, texts.count >= 3, split.dropped.isEmpty { undoubled.append(block.lines[0] + 1) }
            if var built = post.build(path: dump.path) {
                built.paragraphPerLine = true
                if let card = built.linkPreviews.first {
                    built.linkPreviews = [
                        LinkPreview(
                            site: card.site, title: card.title, description: card.description,
                            url: Links.find(in: built.text).first?.url)
                    ]
                }
                result.posts.append(built)
            }
        }
        if let first = undoubled.first {
            result.diagnostics.append(
                .note(
                    "\(undoubled.count) posts show their text only once (no second copy); kept every line",
                    at: dump.location(first)))
        }
        // The author's signature is the channel's handle.
        if let signature { result.channel.handle = String(signature.dropFirst()) }
        return result
    }

    static func isHandle(_ line: String) -> Bool {
        guard line.hasPrefix("@"), line.count >= 4 else { return false }
        return line.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
