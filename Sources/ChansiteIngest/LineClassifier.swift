import ChansiteCore
import ChansiteModel

/// A format's reading of its dump: the header, then a role for each line. The `Segmenter` owns
/// everything else (covering lines, appending, dropping with a reason, closing posts), so a
/// format is its detection score and one of these.
protocol LineClassifier {
    /// Reads the channel header (and any whole-dump facts) into `result`; returns the index of
    /// the first line after the header.
    mutating func readHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int
    /// The role of the line at `index`, given the post open so far (nil when none is).
    mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole
    /// The warning given when text opens a post outside any marked block; nil when text may
    /// start a post.
    var strayTextWarning: String? { get }
    /// Final touches on a finished post.
    func finish(_ post: inout Post)
    /// Whole-dump notes once every line has a role.
    func closingDiagnostics(_ dump: RawDump) -> [Diagnostic]
    /// Where a lost seam may lie between two text lines of a post, for formats whose copies
    /// lose markers between posts that otherwise run on (nil: no seam is learned).
    var seamGaps: SeamModel.Gaps? { get }
}

extension LineClassifier {
    var strayTextWarning: String? { nil }
    func finish(_ post: inout Post) {}
    func closingDiagnostics(_ dump: RawDump) -> [Diagnostic] { [] }
    var seamGaps: SeamModel.Gaps? { nil }
}

/// A format whose parsing is a classifier run by the shared `Segmenter`.
protocol SegmentedFormat: DumpFormat {
    associatedtype Classifier: LineClassifier
    /// A fresh classifier for one dump.
    func classifier(for dump: RawDump) -> Classifier
}

extension SegmentedFormat {
    package func parse(_ dump: RawDump) -> ParsedDump {
        Segmenter.parse(dump, format: id, classifier: classifier(for: dump))
    }
}
