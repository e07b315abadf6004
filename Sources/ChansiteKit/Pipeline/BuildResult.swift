/// Everything a build produced, in memory: `build` writes the files, `serve` serves them.
public struct BuildResult: Sendable {
    /// Per-dump facts for the summary.
    public struct DumpSummary: Sendable {
        public var path: String
        public var format: String
        public var posts: Int
        public var droppedLines: [ParsedDump.DroppedLine]
    }

    /// The files, for an in-memory build (`Pipeline.build()`); empty when they went to disk.
    public var files: [RenderedFile]
    public var site: Site
    public var dumps: [DumpSummary]
    public var diagnostics: [Diagnostic]
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)]
    /// HTML pages in the site.
    public var pageCount: Int
    /// Every file of the site (path → hash of its bytes).
    public var outputFiles: [String: String] = [:]
    /// Files written anew and files carried over from the last build (builds to disk).
    public var written = 0
    public var reused = 0

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
