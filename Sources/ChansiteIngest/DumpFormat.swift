/// One dump format: how to recognise it from content and how to parse it.
package protocol DumpFormat: Sendable {
    /// A stable id, printed by `inspect` (`tme_s_text_placeholders`).
    var id: String { get }
    /// How sure this format is that a dump with these features is written in it, from 0 (not
    /// at all) to 1.
    func confidence(for features: DumpFeatures) -> Double
    /// Parses the dump. Every non-blank line must end up in a post, the header, or `droppedLines`.
    func parse(_ dump: RawDump) -> ParsedDump
}

extension DumpFormat {
    /// The confidence for one dump, its features gathered for this format alone (tests, tools).
    package func confidence(for dump: RawDump) -> Double {
        confidence(for: DumpFeatures(dump))
    }
}
