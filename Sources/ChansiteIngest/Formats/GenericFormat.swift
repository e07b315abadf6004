import ChansiteCore

/// The fallback for text in no known format: posts are split at runs of two or more blank
/// lines (or at every blank line when the file has no such runs), and closed by the marker
/// lines every Telegram copy shares: reaction lines and hashtag-only lines.
package struct GenericFormat: SegmentedFormat {
    package let id = "generic"

    package init() {}

    package func confidence(for features: DumpFeatures) -> Double { 0.1 }

    func classifier(for dump: RawDump) -> Classifier { Classifier(separatorRun: Self.hasBlankRuns(dump.lines) ? 2 : 1) }

    static func hasBlankRuns(_ lines: [String]) -> Bool {
        var run = 0
        for line in lines {
            run = line.isBlankLine ? run + 1 : 0
            if run >= 2 { return true }
        }
        return false
    }

    /// Blank-line runs separate posts; reaction and hashtag lines end them.
    struct Classifier: LineClassifier {
        let separatorRun: Int
        private var blanks = 0

        init(separatorRun: Int) {
            self.separatorRun = separatorRun
        }

        /// A lost seam is a separator run the copy lost: fewer blank lines than separate posts.
        var seamGaps: SeamModel.Gaps? { SeamModel.Gaps(candidate: 0...(separatorRun - 1), impossibleFrom: nil) }

        mutating func readHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int { 0 }

        mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole {
            let line = lines[index]
            if line.isBlankLine {
                blanks += 1
                return blanks == separatorRun ? LineRole(action: .separator) : .blank
            }
            blanks = 0
            if let reactions = ReactionLine.parse(line) { return .marker(.reactions(reactions), closesAfter: true) }
            if Hashtags.isHashtagLine(line) { return LineRole(action: .tags, closesAfter: open?.hasText ?? false) }
            return .text
        }
    }
}
