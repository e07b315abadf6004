import ChansiteCore

/// Reads the lines of an aggregator page with relative dates (`AggregatorRelativeDateFormat`):
/// a post starts at its date line; advertising blocks are dropped whole.
struct AggregatorRelativeDateClassifier: LineClassifier {
    static let previewReason = "preview line (truncated copy of the post's first line)"

    private var leading: LeadingParts
    private var title: String?
    private var inAds = false
    /// The index of the last date line: the line after it may be a photo's alt text or preview.
    private var dateLine: Int?

    init(_ dump: RawDump) {
        leading = LeadingParts(dump.lines) { line in
            let flat = line.normalizedSpaces
            return AggregatorRelativeDateFormat.isAdStart(flat) || flat == AggregatorRelativeDateFormat.descriptionLabel
                || AggregatorRelativeDateFormat.isLastUpdated(line)
        }
    }

    let strayTextWarning: String? = "text before the first dated post; kept as its own post"

    mutating func readHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        let start = AggregatorRelativeDateFormat.parseHeader(dump, into: &result)
        title = result.channel.title?.normalizedSpaces
        return start
    }

    mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole {
        if let role = leading.continuation(at: index) { return role }
        let line = lines[index]
        let flat = line.normalizedSpaces
        if AggregatorRelativeDateFormat.isAdStart(flat) {
            inAds = true
            return .dropped("advertising block", closesBefore: true)
        }
        if AggregatorRelativeDateFormat.isPostDate(line) {
            inAds = false
            dateLine = index
            return .marker(.date(line.trimmingWhitespace()), closesBefore: true)
        }
        if let date = dateLine, date == index - 1, !line.isBlankLine {
            dateLine = nil
            // A caption-less photo: the page shows the channel title as its alt text.
            if let title, flat == title { return .marker(.media) }
            if AggregatorRelativeDateFormat.isPreviewLine(at: index, in: lines) { return .dropped(Self.previewReason, .inPost) }
        }
        if inAds { return line.isBlankLine ? .ignored : .dropped("advertising block") }
        if line.isBlankLine { return .blank }
        if let reason = PageParts.serviceEvent(line) { return .dropped(reason) }
        // A footer under the text (views, `edited`, time); the post goes on to its own end marker.
        if let footer = leading.footer(at: index, in: lines, open: open, closes: false) { return footer }
        return leading.role(at: index, in: lines, open: open) ?? .text
    }
}
