import ChansiteCore

/// Telegram's public web preview (`t.me/s/<channel>`) copied as text: a header with counters,
/// then posts oldest first. Posts are separated only by markers: a `Forwarded from` line starts
/// one; a media placeholder pair or a hashtag-only line ends one. Blank lines never separate
/// posts. Where the page showed no marker between two posts, nothing but a reply quote or an
/// owner line tells them apart, so they stay one post: a wrong split would cut a post in two,
/// a merge loses nothing (`docs/formats.md`, "Unmarked boundaries").
package struct TMePreviewFormat: SegmentedFormat {
    package let id = "tme_s_text_placeholders"

    static let placeholder = "Please open Telegram to view this post"
    static let placeholderButton = "VIEW IN TELEGRAM"
    static let headerEnd = "Download Telegram"
    static let counterNouns: Set<String> = [
        "photos", "photo", "videos", "video", "files", "file", "links", "link",
        "audios", "audio", "music", "voice", "gifs", "polls",
    ]

    package init() {}

    package func confidence(for features: DumpFeatures) -> Double {
        var score = 0.0
        if features.subscribersNearTop { score += 0.4 }
        if features.downloadButtonNearTop { score += 0.2 }
        if features.forwardOrPlaceholder { score += 0.5 }
        // Forward lines and player labels turn up in channel copies too; a copy with no blank
        // lines whose posts close with reaction lines is one of those, not a web preview.
        if features.reactionFamily > 0.4 { score *= 0.5 }
        // The same goes for the aggregators' own markers: a forward line is shared by every
        // format, a `read more` line or a dated post list is not.
        if features.readMore || features.aggregatorChannelLine || (features.relativeDateLine && features.descriptionLabelNearTop) { score *= 0.5 }
        return min(score, 1)
    }

    func classifier(for dump: RawDump) -> TMePreviewClassifier { TMePreviewClassifier(dump) }

    /// The last line of a footer starting at `index` (view count and `edited` lines, ending in a
    /// time), or nil when the lines there are not a footer.
    static func footerEnd(_ lines: [String], from index: Int) -> Int? {
        var i = index
        while i < lines.count, i < index + 3, PageParts.isFooterPart(lines[i]) { i += 1 }
        return i < lines.count && PageParts.isClockTime(lines[i]) ? i : nil
    }

    /// Reads title, subscribers, counters and description; returns the index of the first post line.
    static func parseHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        let lines = dump.lines
        guard let subscribersIndex = lines.prefix(6).firstIndex(where: isSubscribersLine) else { return 0 }
        let titleLines = lines[..<subscribersIndex].filter { !$0.isBlankLine }
        result.channel.title = titleLines.isEmpty ? nil : titleLines.map { $0.trimmingWhitespace() }.joined(separator: " ")
        result.channel.subscribers = lines[subscribersIndex].normalizedSpaces.split(separator: " ").first.map(String.init)
        var i = subscribersIndex + 1
        while i < lines.count, isCounterLine(lines[i]) { i += 1 }
        guard let end = lines[i...].prefix(80).firstIndex(where: { $0.normalizedSpaces == headerEnd }) else {
            return i
        }
        let description = Array(lines[i..<end]).trimmingBlankLines().map { $0.trimmingWhitespace() }
        result.channel.description = description.isEmpty ? nil : description.joined(separator: "\n")
        return end + 1
    }

    /// The longest counter line looked at: a number and a noun, with room for odd spacing.
    static let maxCounterLine = 200

    /// `9.25K subscribers`, `1 subscriber`, `120 members`.
    static func isSubscribersLine(_ line: String) -> Bool {
        // A count and a noun: never a long line (splitting one into words would cost its
        // length in memory many times over).
        guard line.utf8.count <= maxCounterLine else { return false }
        let words = line.normalizedSpaces.split(separator: " ")
        guard words.count == 2, isCount(words[0]) else { return false }
        return ["subscribers", "subscriber", "members", "member"].contains(words[1].lowercased())
    }

    static func isCounterLine(_ line: String) -> Bool {
        guard line.utf8.count <= maxCounterLine else { return false }
        let words = line.normalizedSpaces.split(separator: " ")
        return words.count == 2 && isCount(words[0]) && counterNouns.contains(words[1].lowercased())
    }

    static func isCount(_ word: Substring) -> Bool {
        var body = word
        if let last = body.last, "KkMm".contains(last) { body = body.dropLast() }
        return !body.isEmpty && body.first?.isNumber == true && body.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    /// The name in `Forwarded from<NBSP>Name`, with no-break spaces shown as spaces.
    static func forwardedName(_ line: String) -> String? {
        guard line.containsBytes("Forwarded") else { return nil }
        let flat = line.normalizedSpaces
        guard flat.hasPrefix("Forwarded from "), flat.count > "Forwarded from ".count else { return nil }
        return String(flat.dropFirst("Forwarded from ".count))
    }
}
