import ChansiteCore

/// Cuts a dump into posts from the roles a format's classifier gives its lines. Every line is
/// accounted for here: in a post's text or span, in the header, or dropped with a reason.
/// For a format whose copies can lose a seam's marker, a second pass also starts posts where
/// the dump's own marked seams teach it (`SeamModel`).
struct Segmenter<Classifier: LineClassifier> {
    private var classifier: Classifier
    private var result: ParsedDump
    private var open: PostBuilder?
    private let dump: RawDump
    /// Lines a learned seam starts a post at (second pass only).
    private let seams: [Int: LearnedSeam]
    /// Each post's text lines, for the seam model (first pass of a format that learns seams only:
    /// the others pay nothing for it).
    private var layouts: [PostLayout] = []
    private let recordsLayouts: Bool

    static func parse(_ dump: RawDump, format: String, classifier: Classifier) -> ParsedDump {
        var first = Segmenter(
            classifier: classifier, result: ParsedDump(path: dump.path, format: format), dump: dump, seams: [:],
            recordsLayouts: classifier.seamGaps != nil)
        let parsed = first.run()
        guard let gaps = classifier.seamGaps else { return parsed }
        let learned = SeamModel.seams(layouts: first.layouts, lines: dump.lines, gaps: gaps)
        guard !learned.isEmpty else { return parsed }
        // The classifier is a value: this copy has not read a line yet.
        var second = Segmenter(
            classifier: classifier, result: ParsedDump(path: dump.path, format: format), dump: dump,
            seams: Dictionary(learned.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first }), recordsLayouts: false)
        var split = second.run()
        split.learnedSeams = learned
        return split
    }

    private init(classifier: Classifier, result: ParsedDump, dump: RawDump, seams: [Int: LearnedSeam], recordsLayouts: Bool) {
        self.recordsLayouts = recordsLayouts
        self.classifier = classifier
        self.result = result
        self.dump = dump
        self.seams = seams
    }

    private mutating func run() -> ParsedDump {
        let start = classifier.readHeader(dump, into: &result)
        let lines = dump.lines
        for index in start..<lines.count {
            apply(classifier.role(at: index, in: lines, open: open), index: index)
        }
        close()
        result.diagnostics += classifier.closingDiagnostics(dump)
        return result
    }

    private mutating func apply(_ role: LineRole, index: Int) {
        let line = index + 1
        let text = dump.lines[index]
        if role.closesBefore { close() }
        switch role.action {
        case .text:
            if seams[line] != nil, open?.hasText == true { close() }
            openForText(at: line)
            open?.append(text, line: line)
        case .textWithExtras(let extras):
            openForText(at: line)
            open?.append(text, line: line)
            for extra in extras { open?.append(extra, line: line) }
        case .blank:
            open?.append("", line: line)
        case .tags:
            ensureOpen()
            open?.appendTagLine(text, line: line)
        case .marker:
            ensureOpen()
            open?.cover(line)
        case .dropped(let reason, let placement):
            result.drop(line, reason)
            place(line, placement)
        case .separator:
            close()
        case .ignored:
            break
        }
        if case .none = role.mark {
        } else {
            ensureOpen()
            open?.apply(role.mark)
        }
        if role.closesAfter { close() }
    }

    /// The open post, opened for a text line; text outside any block gets the format's warning.
    private mutating func openForText(at line: Int) {
        if open == nil, let warning = classifier.strayTextWarning {
            result.diagnostics.append(.warning(warning, at: dump.location(line)))
        }
        ensureOpen()
    }

    private mutating func ensureOpen() {
        if open == nil { open = PostBuilder() }
    }

    private mutating func place(_ line: Int, _ placement: LineRole.DropPlacement) {
        switch placement {
        case .aside:
            break
        case .inPost:
            open?.cover(line)
        case .previousPost:
            if open != nil {
                open?.cover(line)
            } else if let last = result.posts.indices.last {
                result.posts[last].source.lastLine = max(result.posts[last].source.lastLine, line)
            }
        }
    }

    private mutating func close() {
        if recordsLayouts, let open, !open.isEmpty {
            var layout = PostLayout(isOwn: open.forwardedFrom == nil)
            for (line, text) in open.body where !text.isBlankLine && layout.textLines.last != line { layout.textLines.append(line) }
            layouts.append(layout)
        }
        if var post = open?.build(path: dump.path) {
            classifier.finish(&post)
            result.posts.append(post)
        }
        open = nil
    }
}
