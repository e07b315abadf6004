import ChansiteCore

/// What format detection looks at, gathered in one pass over a dump's lines: each format scores
/// its confidence from these shared features, so detecting among n formats reads the dump once,
/// not n times.
package struct DumpFeatures: Sendable {
    /// `9.25K subscribers` among the first 6 lines (t.me/s header).
    var subscribersNearTop = false
    /// `Download Telegram` among the first 60 lines.
    var downloadButtonNearTop = false
    /// A `Forwarded from` line or the `Please open Telegram to view this post` placeholder.
    var forwardOrPlaceholder = false
    /// `handle | category` as the first line (aggregator page title).
    var aggregatorPageTitle = false
    /// `Telegram-канал handle - Name` among the first 12 lines.
    var aggregatorChannelLine = false
    /// A `Читать полностью…` line.
    var readMore = false
    /// `Подписаться на канал` among the first 20 lines.
    var subscribeNearTop = false
    /// `Description` among the first 5 lines.
    var descriptionLabelNearTop = false
    var advertisingBlock = false
    var lastUpdatedLine = false
    var relativeDateLine = false
    var pinNotice = false
    /// Of the first 5,000 lines: how many are blank, how many are reaction lines.
    var sampledLines = 0
    var blankSampled = 0
    var reactionLines = 0
    var lastNonBlankIsReaction = false
    /// The share of reaction-closed blocks that follow the exact doubled pattern, and how many
    /// carry a link-preview card (a bounded sample of blocks; only when there are reactions).
    var exactShare: (share: Double, cards: Int) = (0, 0)

    package init(_ dump: RawDump) {
        for (index, line) in dump.lines.enumerated() {
            let blank = line.isBlankLine
            if index < 5000 { sampledLines += 1 }
            if blank {
                if index < 5000 { blankSampled += 1 }
                continue
            }
            let isReaction = ReactionLine.parse(line) != nil
            if index < 5000, isReaction { reactionLines += 1 }
            lastNonBlankIsReaction = isReaction
            observe(line, index: index)
        }
        if reactionLines > 0 { exactShare = ReactionBlocks.exactShare(dump) }
    }

    private mutating func observe(_ line: String, index: Int) {
        let flat = line.normalizedSpaces
        if index < 6, TMePreviewFormat.isSubscribersLine(line) { subscribersNearTop = true }
        if index < 60, flat == TMePreviewFormat.headerEnd { downloadButtonNearTop = true }
        if TMePreviewFormat.forwardedName(line) != nil || flat == TMePreviewFormat.placeholder { forwardOrPlaceholder = true }
        if index == 0, AggregatorReadMoreFormat.pageTitle(line) != nil { aggregatorPageTitle = true }
        if index < 12, AggregatorReadMoreFormat.channelLine(flat) != nil { aggregatorChannelLine = true }
        if line.utf8.count < 40, AggregatorReadMoreFormat.readMoreLines.contains(flat) { readMore = true }
        if index < 20, AggregatorReadMoreFormat.subscribeLines.contains(flat) { subscribeNearTop = true }
        if index < 5, flat == AggregatorRelativeDateFormat.descriptionLabel { descriptionLabelNearTop = true }
        if AggregatorRelativeDateFormat.isAdStart(flat) { advertisingBlock = true }
        if AggregatorRelativeDateFormat.isLastUpdated(line) { lastUpdatedLine = true }
        if AggregatorRelativeDateFormat.isPostDate(line) { relativeDateLine = true }
        if ReactionBlocks.pinNotice(line) != nil { pinNotice = true }
    }

    /// How strongly the dump looks like the reaction-block family: few blank lines and posts
    /// closed by reaction lines.
    var reactionFamily: Double {
        guard reactionLines >= 1 else { return 0 }
        var score = 0.3
        if reactionLines >= 2 { score += 0.2 }
        if lastNonBlankIsReaction { score += 0.2 }
        let blankShare = Double(blankSampled) / Double(max(sampledLines, 1))
        // These copies have no blank lines at all; text with paragraphs is something else.
        return blankShare < 0.05 ? score + 0.2 : min(score, 0.4)
    }
}
