/// How a post keeps its formatting: each run's entity type and length in UTF-8 bytes of the
/// post's `text`, not a copy of its words. Exports format nearly every post (a dozen runs a
/// post in real channels), and runs holding their own text kept every formatted post's words
/// twice: some 240 MB at 100k exported posts. `Post.spans` makes the `TextSpan`s from these
/// and the text when asked.
package struct TextRun: Sendable, Hashable {
    /// The kind's place in `kinds`, or `otherKind` for a kind not there (kept in `payload`).
    /// A run is 24 bytes, not the 48 of a string kind beside its attribute: exports have a
    /// dozen runs a post, 62 MB of runs at 100k exported posts before.
    private let code: UInt8
    private let flags: UInt8
    package let length: UInt32
    /// The attribute; for a kind not in `kinds`: the kind's UTF-8 length, a space, the kind and
    /// the attribute (`flags` tells a missing attribute from an empty one).
    private let payload: String?

    /// The kinds a run names by its code: `TextSpan.knownKinds`, in a fixed order.
    static let kinds = TextSpan.knownKinds.sorted()
    private static let codes = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, UInt8($0)) })
    private static let otherKind = UInt8.max
    private static let isCollapsed: UInt8 = 1
    private static let hasNoAttribute: UInt8 = 2

    package var kind: String {
        guard code == Self.otherKind, let payload else { return Self.kinds[Int(code)] }
        return String(payload[Self.split(payload).kind])
    }

    /// A `text_link`'s target or a `pre` block's language (an entity has at most one).
    package var attribute: String? {
        guard code == Self.otherKind, let payload else { return payload }
        return flags & Self.hasNoAttribute != 0 ? nil : String(payload[Self.split(payload).attribute])
    }

    package var collapsed: Bool { flags & Self.isCollapsed != 0 }

    /// A run as the build cache reads it back (`ParseCodec`).
    package init(kind: String, length: UInt32, attribute: String?, collapsed: Bool) {
        self.length = length
        let collapsedFlag = collapsed ? Self.isCollapsed : 0
        if let code = Self.codes[kind] {
            self.code = code
            flags = collapsedFlag
            payload = attribute
        } else {
            code = Self.otherKind
            flags = collapsedFlag | (attribute == nil ? Self.hasNoAttribute : 0)
            payload = "\(kind.utf8.count) \(kind)\(attribute ?? "")"
        }
    }

    init(_ span: TextSpan) {
        self.init(
            kind: span.kind, length: UInt32(truncatingIfNeeded: span.text.utf8.count), attribute: span.kind == "pre" ? span.language : span.href,
            collapsed: span.collapsed)
    }

    /// Where the kind and the attribute lie in an other kind's payload.
    private static func split(_ payload: String) -> (kind: Range<String.Index>, attribute: Range<String.Index>) {
        let utf8 = payload.utf8
        let space = utf8.firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
        let count = Int(String(payload[..<space])) ?? 0
        let start = space == utf8.endIndex ? space : utf8.index(after: space)
        let end = utf8.index(start, offsetBy: count, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return (start..<end, end..<utf8.endIndex)
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
