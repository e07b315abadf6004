/// How a post keeps its formatting: each run's entity type and length in UTF-8 bytes of the
/// post's `text`, not a copy of its words. Exports format nearly every post (a dozen runs a
/// post in real channels), and runs holding their own text kept every formatted post's words
/// twice: some 240 MB at 100k exported posts. `Post.spans` makes the `TextSpan`s from these
/// and the text when asked.
package struct TextRun: Sendable, Hashable {
    package var kind: String
    package var length: UInt32
    /// A `text_link`'s target or a `pre` block's language (an entity has at most one).
    package var attribute: String?
    package var collapsed: Bool

    /// A run as the build cache reads it back (`ParseCodec`).
    package init(kind: String, length: UInt32, attribute: String?, collapsed: Bool) {
        self.kind = kind
        self.length = length
        self.attribute = attribute
        self.collapsed = collapsed
    }

    init(_ span: TextSpan) {
        kind = span.kind
        length = UInt32(truncatingIfNeeded: span.text.utf8.count)
        attribute = span.kind == "pre" ? span.language : span.href
        collapsed = span.collapsed
    }

    /// The runs of `spans`; nil when a span is longer than a run can say (4 GB: no post is).
    static func runs(of spans: [TextSpan]) -> [TextRun]? {
        guard spans.allSatisfy({ $0.text.utf8.count <= Int(UInt32.max) }) else { return nil }
        return spans.map(TextRun.init)
    }

    /// The spans these runs make of `text`; nil when the runs do not cover the text exactly
    /// (then the text shows unformatted rather than cut in the wrong places).
    static func spans(of runs: [TextRun], in text: String) -> [TextSpan]? {
        let utf8 = text.utf8
        guard runs.reduce(0, { $0 + Int($1.length) }) == utf8.count else { return nil }
        var spans: [TextSpan] = []
        spans.reserveCapacity(runs.count)
        var start = utf8.startIndex
        for run in runs {
            let end = utf8.index(start, offsetBy: Int(run.length))
            spans.append(
                TextSpan(
                    kind: run.kind, text: String(Substring(utf8[start..<end])), href: run.kind == "pre" ? nil : run.attribute,
                    language: run.kind == "pre" ? run.attribute : nil, collapsed: run.collapsed))
            start = end
        }
        return spans
    }
}
