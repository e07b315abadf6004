/// Everything a build produced, in memory: `build` writes the files, `serve` serves them.
public struct BuildResult: Sendable {
    /// Per-dump facts for the summary.
    public struct DumpSummary: Sendable, Codable {
        public var path: String
        public var format: String
        public var posts: Int
        public var droppedLines: [ParsedDump.DroppedLine]
    }

    /// How many of each the site has.
    public struct Counts: Sendable, Codable, Equatable {
        public var channels: Int
        public var posts: Int
        public var tags: Int
        /// HTML pages.
        public var pages: Int
    }

    /// The files, for an in-memory build (`Pipeline.build()`); empty when they went to disk.
    public var files: [RenderedFile]
    /// The site model; nil when nothing changed and the last build's account was replayed.
    public var site: Site?
    public var counts: Counts
    public var dumps: [DumpSummary]
    public var diagnostics: [Diagnostic]
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)]
    /// True when the inputs were those of the last build and the output was left as it was.
    public var replayed = false
    /// Every file of the site (path → hash of its bytes).
    public var outputFiles: [String: String] = [:]
    /// Files written anew and files carried over from the last build (builds to disk).
    public var written = 0
    public var reused = 0

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
