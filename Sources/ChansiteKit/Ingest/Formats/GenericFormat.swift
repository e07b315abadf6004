/// The fallback for text in no known format: posts are split at runs of two or more blank
/// lines (or at every blank line when the file has no such runs), and closed by the marker
/// lines every Telegram copy shares: reaction lines and hashtag-only lines.
public struct GenericFormat: DumpFormat {
    public let id = "generic"

    public init() {}

    public func confidence(for features: DumpFeatures) -> Double { 0.1 }

    public func parse(_ dump: RawDump) -> ParsedDump {
        var result = ParsedDump(path: dump.path, format: id)
        let lines = dump.lines
        let separatorRun = Self.hasBlankRuns(lines) ? 2 : 1
        var current = PostBuilder()
        var blanks = 0
        func close() {
            if let post = current.build(path: dump.path) { result.posts.append(post) }
            current = PostBuilder()
        }
        for (index, line) in lines.enumerated() {
            if line.isBlankLine {
                blanks += 1
                if blanks == separatorRun { close() } else if !current.isEmpty { current.append("", line: index + 1) }
                continue
            }
            blanks = 0
            if let reactions = ReactionLine.parse(line) {
                current.cover(index + 1)
                current.reactions = reactions
                close()
            } else if Hashtags.isHashtagLine(line) {
                let ends = current.hasText
                current.appendTagLine(line, line: index + 1)
                if ends { close() }
            } else {
                current.append(line, line: index + 1)
            }
        }
        close()
        return result
    }

    static func hasBlankRuns(_ lines: [String]) -> Bool {
        var run = 0
        for line in lines {
            run = line.isBlankLine ? run + 1 : 0
            if run >= 2 { return true }
        }
        return false
    }
}
