import ChansiteCore

/// A channel page of an aggregator with an English UI: the title, a `Description` block,
/// advertising blocks of recommended channels (each entry ends with `Last updated … ago`),
/// and posts that each start with a relative date line. A post with a photo repeats the
/// start of its first line as a truncated preview line; a photo without a caption shows
/// only the channel title as its alt text.
package struct AggregatorRelativeDateFormat: SegmentedFormat {
    package let id = "tg_aggregator_reldate_recommend"

    static let descriptionLabel = "Description"
    static let adStarts: Set<String> = ["Advertising", "We recommend to visit"]
    /// Asked of every line while a dump's format is detected: a line far longer than any ad
    /// start is not hashed (3× the longest, as canonically equal text may take three times
    /// the bytes in UTF-8, and a set compares canonically).
    static func isAdStart(_ flat: String) -> Bool {
        flat.utf8.count <= 3 * longestAdStart && adStarts.contains(flat)
    }
    private static let longestAdStart = adStarts.map(\.utf8.count).max() ?? 0
    static let lastUpdatedPrefix = "Last updated "

    package init() {}

    package func confidence(for features: DumpFeatures) -> Double {
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

    func classifier(for dump: RawDump) -> AggregatorRelativeDateClassifier { AggregatorRelativeDateClassifier(dump) }

    /// Title on line 1, then an optional `Description` block; returns the first line after the header.
    static func parseHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        result.newestFirst = true
        let lines = dump.lines
        guard let first = lines.firstIndex(where: { !$0.isBlankLine }) else { return 0 }
        let flat = lines[first].normalizedSpaces
        guard flat != descriptionLabel, !isAdStart(flat), !isPostDate(lines[first]) else { return first }
        result.channel.title = lines[first].trimmingWhitespace()
        var i = first + 1
        while i < lines.count, lines[i].isBlankLine { i += 1 }
        guard i < lines.count, lines[i].normalizedSpaces == descriptionLabel else { return first + 1 }
        let start = i + 1
        var end = start
        while end < lines.count, !adStarts.contains(lines[end].normalizedSpaces), !isPostDate(lines[end]) { end += 1 }
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
