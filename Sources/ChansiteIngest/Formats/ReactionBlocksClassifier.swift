import ChansiteCore
import ChansiteModel

/// Reads the lines of the two channel-copy formats (`ReactionBlocks`): the dump is cut into
/// blocks at reaction lines, and each block's lines get their roles when the walk reaches it
/// (page parts, the kept copy of the text, the dropped second copy, a link-preview card).
struct ReactionBlocksClassifier: LineClassifier {
    static let duplicateReason = "duplicate copy of the post's text"

    /// True when a block's first line is the post's title (the heading format).
    let headIsTitle: Bool
    private var leading: LeadingParts
    private var cut = ReactionBlocks.Cut()
    private var nextBlock = 0
    /// Roles of the lines of the block being read.
    private var roles: [Int: LineRole] = [:]
    /// First lines of blocks whose text shows no second copy.
    private var undoubled: [Int] = []

    init(_ dump: RawDump, headIsTitle: Bool) {
        self.headIsTitle = headIsTitle
        // A post without reactions ends at the author's `@handle` signature.
        leading = LeadingParts(dump.lines, startsAfter: { ReactionBlocks.isHandle($0.trimmingWhitespace()) })
    }

    mutating func readHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        let signature = ReactionBlocks.signature(of: dump)
        cut = ReactionBlocks.blocks(of: dump, signature: signature)
        if let warning = cut.warning { result.diagnostics.append(warning) }
        result.channel.title = cut.pinner
        // The author's signature is the channel's handle.
        result.channel.handle = signature.map { String($0.dropFirst()) }
        return 0
    }

    mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole {
        if cut.pins.contains(index) { return .dropped("pin notice") }
        if nextBlock < cut.blocks.count, index >= Self.start(of: cut.blocks[nextBlock]) {
            roles = blockRoles(cut.blocks[nextBlock], in: lines)
            nextBlock += 1
        }
        // Every non-blank line of a block has its role; should one not, it stays text rather
        // than vanish.
        return roles[index] ?? (lines[index].isBlankLine ? .ignored : .text)
    }

    func finish(_ post: inout Post) {
        post.paragraphPerLine = true
        if let card = post.linkPreviews.first {
            post.linkPreviews = [
                LinkPreview(site: card.site, title: card.title, description: card.description, url: Links.find(in: post.text).first?.url)
            ]
        }
    }

    func closingDiagnostics(_ dump: RawDump) -> [Diagnostic] {
        guard let first = undoubled.first else { return [] }
        return [
            .note(
                "\(Counted.of(undoubled.count, "post")) \(undoubled.count == 1 ? "shows its" : "show their") text only once (no second copy); kept every line",
                at: dump.location(first))
        ]
    }

    private static func start(of block: ReactionBlocks.Block) -> Int {
        block.lines.first ?? block.reactionLine ?? .max
    }

    private mutating func blockRoles(_ whole: ReactionBlocks.Block, in lines: [String]) -> [Int: LineRole] {
        var roles: [Int: LineRole] = [:]
        let span = Self.start(of: whole)..<((whole.reactionLine ?? whole.lines.last ?? 0) + 1)
        let lead = ReactionBlocks.leadingParts(whole.lines.map { lines[$0] }) { offset in
            // Name and quote on consecutive lines; the quote's source is outside this block.
            guard offset + 1 < whole.lines.count, whole.lines[offset + 1] == whole.lines[offset] + 1 else { return nil }
            // A quote is printed once; a line that comes again in the block is the first line
            // of the text's second copy, so the pair is a heading and its text.
            let quote = lines[whole.lines[offset + 1]]
            guard !whole.lines[(offset + 2)...].contains(where: { lines[$0] == quote }) else { return nil }
            // And the text after the pair must show the doubled copy these formats print: a
            // block whose text is shown once gives no proof that its first lines are a quote.
            let after = whole.lines[(offset + 2)...].map { lines[$0] }
            let rest = Array(after.dropFirst(ReactionBlocks.leadingParts(after).count))
            guard rest.count >= 3, !DoubledCopy.split(rest).dropped.isEmpty else { return nil }
            return leading.replies.quote(at: whole.lines[offset], excluding: span)
        }
        leadRoles(lead, whole, into: &roles)
        var block = ReactionBlocks.Block(lines: Array(whole.lines.dropFirst(lead.count)), reactionLine: whole.reactionLine)
        // The placeholder pair after the text marks the media; what follows it is the card.
        if let pair = ReactionBlocks.placeholderPair(block.lines.map { lines[$0] }) {
            for index in block.lines[pair] { roles[index] = .marker() }
            roles[block.lines[pair.lowerBound]]?.mark = .media
            block.lines.removeSubrange(pair)
        }
        textRoles(block, in: lines, into: &roles)
        if let reactionLine = block.reactionLine {
            roles[reactionLine] = .marker(.reactions(ReactionLine.parse(lines[reactionLine]) ?? []), closesAfter: true)
        } else if let last = whole.lines.last {
            roles[last]?.closesAfter = true
        }
        return roles
    }

    /// Page parts before the text: the last post's footer, service lines, a forward line, a
    /// reply quote, a player's label. The doubled copy starts after them.
    private func leadRoles(_ lead: ReactionBlocks.Lead, _ whole: ReactionBlocks.Block, into roles: inout [Int: LineRole]) {
        for (offset, reason, placement) in lead.dropped {
            roles[whole.lines[offset]] = .dropped(reason, placement)
        }
        for (offset, mark) in lead.markers { roles[whole.lines[offset]] = .marker(mark) }
    }

    /// The kept copy of the text, the dropped second copy and a link-preview card.
    private mutating func textRoles(_ block: ReactionBlocks.Block, in lines: [String], into roles: inout [Int: LineRole]) {
        let texts = block.lines.map { lines[$0] }
        let split = DoubledCopy.split(texts)
        let extrasByLine = Dictionary(grouping: split.extraLines, by: \.after)
        for index in split.kept {
            let extras = extrasByLine[index, default: []].map(\.text)
            roles[block.lines[index]] = LineRole(action: extras.isEmpty ? .text : .textWithExtras(extras))
        }
        for index in split.dropped { roles[block.lines[index]] = .dropped(Self.duplicateReason, .inPost) }
        if split.card.count == DoubledCopy.cardLength {
            let card = split.card.map { texts[$0].trimmingWhitespace() }
            for index in split.card { roles[block.lines[index]] = .marker() }
            roles[block.lines[split.card[2]]]?.mark = .card(LinkPreview(site: card[0], title: card[1], description: card[2]))
        }
        if headIsTitle, block.lines.count > 1 { roles[block.lines[0]]?.mark = .title(texts[0]) }
        if !split.exact, texts.count >= 3, split.dropped.isEmpty { undoubled.append(block.lines[0] + 1) }
    }
}
