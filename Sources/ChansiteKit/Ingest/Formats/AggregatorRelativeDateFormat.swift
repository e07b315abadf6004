/// A channel page of an aggregator with an English UI: the title, a `Description` block,
/// advertising blocks of recommended channels (each entry ends with `Last updated … ago`),
/// and posts that each start with a relative date line. A post with a photo repeats the
/// start of its first line as a truncated preview line; a photo without a caption shows
/// only the channel title as its alt text.
public struct AggregatorRelativeDateFormat: DumpFormat {
    public let id = "tg_aggregator_reldate_recommend"

    static let descriptionLabel = "Description"
    static let adStarts: Set<String> = ["Advertising", "We recommend to visit"]
    static let lastUpdatedPrefix = "Last updated "

    public init() {}

    public func confidence(for features: DumpFeatures) -> Double {
        var score = 0.0
        if features.descriptionLabelNearTop { score += 0.2 }
        if features.advertisingBlock { score += 0.2 }
        if features.lastUpdatedLine { score += 0.2 }
        if features.relativeDateLine { score += 0.4 }
        return min(score, 1)
    }

    static func isLastUpdated(_ line: String) -> Bool {
        let flat = line.normalizedSpaces
        return flat.hasPrefix(lastUpdatedPrefix) && RelativeDate.isDateLine(String(flat.dropFirst(lastUpdatedPrefix.count)))
    }

    static func isPostDate(_ line: String) -> Bool { RelativeDate.isDateLine(line) }

    public func parse(_ dump: RawDump) -> ParsedDump {
        var result = ParsedDump(path: dump.path, format: id)
        result.newestFirst = true
        let lines = dump.lines
        var i = parseHeader(dump, into: &result)
        let title = result.channel.title?.normalizedSpaces
        var current: PostBuilder?
        var inAds = false
        func close() {
            if let post = current?.build(path: dump.path) { result.posts.append(post) }
            current = nil
        }
        while i < lines.count {
            let line = lines[i]
            let flat = line.normalizedSpaces
            if Self.adStarts.contains(flat) {
                close()
                inAds = true
                result.drop(i + 1, "advertising block")
            } else if Self.isPostDate(line) {
                close()
                inAds = false
                var post = PostBuilder()
                post.cover(i + 1)
                post.dateText = line.trimmingWhitespace()
                if i + 1 < lines.count, !lines[i + 1].isBlankLine {
                    if let title, lines[i + 1].normalizedSpaces == title {
                        // A caption-less photo: the page shows the channel title as its alt text.
                        post.hasMediaPlaceholder = true
                        post.cover(i + 2)
                        i += 1
                    } else if Self.isPreviewLine(at: i + 1, in: lines) {
                        post.cover(i + 2)
                        result.drop(i + 2, "preview line (truncated copy of the post's first line)")
                        i += 1
                    }
                }
                current = post
            } else if inAds {
                if !line.isBlankLine { result.drop(i + 1, "advertising block") }
            } else if line.isBlankLine {
                current?.append("", line: i + 1)
            } else if let reason = PageParts.serviceEvent(line) {
                result.drop(i + 1, reason)
            } else if current?.takeLeadingPart(line, number: i + 1, drop: { result.drop($0, $1) }) == true {
                // A forward line or a player's label before the post's text.
            } else {
                if current == nil {
                    current = PostBuilder()
                    result.diagnostics.append(.warning("text before the first dated post; kept as its own post", at: dump.location(i + 1)))
                }
                current?.append(line, line: i + 1)
            }
            i += 1
        }
        close()
        return result
    }

    /// Title on line 1, then an optional `Description` block; returns the first line after the header.
    private func parseHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        let lines = dump.lines
        guard let first = lines.firstIndex(where: { !$0.isBlankLine }) else { return 0 }
        let flat = lines[first].normalizedSpaces
        guard flat != Self.descriptionLabel, !Self.adStarts.contains(flat), !Self.isPostDate(lines[first]) else { return first }
        result.channel.title = lines[first].trimmingWhitespace()
        var i = first + 1
        while i < lines.count, lines[i].isBlankLine { i += 1 }
        guard i < lines.count, lines[i].normalizedSpaces == Self.descriptionLabel else { return first + 1 }
        let start = i + 1
        var end = start
        while end < lines.count, !Self.adStarts.contains(lines[end].normalizedSpaces), !Self.isPostDate(lines[end]) { end += 1 }
        let description = Array(lines[start..<end]).trimmingBlankLines().map { $0.trimmingWhitespace() }
        result.channel.description = description.isEmpty ? nil : description.joined(separator: "\n")
        return end
    }

    /// A photo post's preview: directly after the date, ends with `…`, followed by a blank line,
    /// and — once `**` and a leading `[` are removed — the start of the first body line.
    static func isPreviewLine(at index: Int, in lines: [String]) -> Bool {
        let line = lines[index].trimmingWhitespace()
        guard line.hasSuffix("…"), index + 1 < lines.count, lines[index + 1].isBlankLine else { return false }
        guard let bodyLine = lines[(index + 1)...].first(where: { !$0.isBlankLine }) else { return false }
        var stripped = line.replacingOccurrences(of: "**", with: "")
        stripped.removeLast()
        if stripped.hasPrefix("[") { stripped.removeFirst() }
        let preview = stripped.normalizedSpaces
        let body = bodyLine.replacingOccurrences(of: "**", with: "").normalizedSpaces
        return preview.count >= 8 && body.hasPrefix(preview)
    }
}
