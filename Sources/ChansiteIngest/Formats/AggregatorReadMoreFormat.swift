import ChansiteCore

/// A channel page of an aggregator site: `handle | category`, `Telegram-канал handle - Name`,
/// the subscriber count, the description and a subscribe button; then blocks that each start
/// with a line equal to the channel's name and end with a "read more" button line. Markers are
/// matched as whole lines only: the name also occurs inside header and body text.
package struct AggregatorReadMoreFormat: SegmentedFormat {
    package let id = "tg_aggregator_name_readmore"

    static let readMoreLines: Set<String> = [
        "Читать полностью…", "Читать полностью...", "Читати повністю…",
        "Read more…", "Read more...",
    ]
    static let subscribeLines: Set<String> = ["Подписаться на канал", "Підписатися на канал", "Subscribe to channel"]

    package init() {}

    package func confidence(for features: DumpFeatures) -> Double {
        var score = 0.0
        if features.aggregatorPageTitle { score += 0.2 }
        if features.aggregatorChannelLine { score += 0.4 }
        if features.readMore { score += 0.3 }
        if features.subscribeNearTop { score += 0.1 }
        return min(score, 1)
    }

    func classifier(for dump: RawDump) -> AggregatorReadMoreClassifier { AggregatorReadMoreClassifier(dump) }

    /// Reads the header into `result`; returns the channel's name (spaces normalised) and the
    /// index of the first line after the header.
    static func parseHeader(_ dump: RawDump, into result: inout ParsedDump) -> (name: String?, start: Int) {
        result.newestFirst = true
        let lines = dump.lines
        let header = channelLine(in: dump)
        if let first = lines.first, let page = pageTitle(first) { result.channel.handle = page.handle }
        result.channel.handle = header?.handle ?? result.channel.handle
        result.channel.title = header?.name
        let name = header?.name.normalizedSpaces
        guard let header else { return (name, 0) }
        let afterName = header.index + 1
        let buttonIndex = lines[afterName...].prefix(60).firstIndex { subscribeLines.contains($0.normalizedSpaces) }
        let headerEnd = buttonIndex ?? (lines[afterName...].firstIndex { $0.normalizedSpaces == name } ?? afterName)
        var descriptionStart = afterName
        if let count = lines[afterName..<headerEnd].firstIndex(where: isCountLine) {
            result.channel.subscribers = lines[count].normalizedSpaces.replacingOccurrences(of: " ", with: "")
            descriptionStart = count + 1
        }
        let description = Array(lines[descriptionStart..<headerEnd]).trimmingBlankLines().map { $0.trimmingWhitespace() }
        result.channel.description = description.isEmpty ? nil : description.joined(separator: "\n")
        return (name, buttonIndex.map { $0 + 1 } ?? headerEnd)
    }

    /// `handle | category` on the first line.
    static func pageTitle(_ line: String) -> (handle: String, category: String)? {
        let parts = line.normalizedSpaces.components(separatedBy: " | ")
        guard parts.count == 2, !parts[0].contains(" "), !parts[0].isEmpty else { return nil }
        return (parts[0], parts[1])
    }

    /// `Telegram-канал handle - Name` near the top: the channel's handle and display name.
    static func channelLine(in dump: RawDump) -> (index: Int, handle: String, name: String)? {
        for (index, line) in dump.lines.prefix(12).enumerated() {
            if let found = channelLine(line.normalizedSpaces) { return (index, found.handle, found.name) }
        }
        return nil
    }

    /// One line (spaces normalised) read as `Telegram-канал handle - Name`.
    static func channelLine(_ flat: String) -> (handle: String, name: String)? {
        for prefix in ["Telegram-канал ", "Telegram-канал ", "Telegram channel ", "Telegram-channel "] where flat.hasPrefix(prefix) {
            let rest = flat.dropFirst(prefix.count)
            guard let space = rest.firstIndex(of: " ") else { continue }
            let handle = String(rest[..<space])
            let tail = rest[space...]
            guard tail.hasPrefix(" - ") else { continue }
            let name = String(tail.dropFirst(3)).trimmingWhitespace()
            if !name.isEmpty { return (handle, name) }
        }
        return nil
    }

    static func isCountLine(_ line: String) -> Bool {
        let flat = line.normalizedSpaces
        return !flat.isEmpty && flat.allSatisfy { $0.isNumber || $0 == " " }
    }
}
