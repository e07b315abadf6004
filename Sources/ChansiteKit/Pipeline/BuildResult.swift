/// Everything a build produced, in memory: `build` writes the files, `serve` serves them.
public struct BuildResult: Sendable {
    /// Per-dump facts for the summary.
    public struct DumpSummary: Sendable {
        public var path: String
        public var format: String
        public var posts: Int
        public var droppedLines: [ParsedDump.DroppedLine]
    }

    public var files: [RenderedFile]
    public var site: Site
    public var dumps: [DumpSummary]
    public var diagnostics: [Diagnostic]
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
