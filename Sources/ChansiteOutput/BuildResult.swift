import ChansiteCore
import ChansiteIngest
import ChansiteModel

/// Everything a build produced, in memory: `build` writes the files, `serve` serves them.
package struct BuildResult: Sendable {
    /// Per-dump facts for the summary.
    package struct DumpSummary: Sendable, Codable {
        package var path: String
        package var format: String
        package var posts: Int
        package var droppedLines: [ParsedDump.DroppedLine]
        /// Posts started where no marker showed a seam (nil in a manifest from before they were).
        package var learnedSeams: [LearnedSeam]?

        package init(path: String, format: String, posts: Int, droppedLines: [ParsedDump.DroppedLine], learnedSeams: [LearnedSeam] = []) {
            self.path = path
            self.format = format
            self.posts = posts
            self.droppedLines = droppedLines
            self.learnedSeams = learnedSeams
        }
    }

    /// How many of each the site has.
    package struct Counts: Sendable, Codable, Equatable {
        package var channels: Int
        package var posts: Int
        package var tags: Int
        /// HTML pages.
        package var pages: Int
        /// What the privacy pass kept off the site (nil when nothing was).
        package var withheld: Withheld?

        package init(channels: Int, posts: Int, tags: Int, pages: Int, withheld: Withheld? = nil) {
            self.channels = channels
            self.posts = posts
            self.tags = tags
            self.pages = pages
            self.withheld = withheld.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The files, for an in-memory build (`Pipeline.build()`); empty when they went to disk.
    package var files: [RenderedFile]
    /// The site model; nil when nothing changed and the last build's account was replayed.
    package var site: Site?
    package var counts: Counts
    package var dumps: [DumpSummary]
    package var diagnostics: [Diagnostic]
    /// Seconds spent in each stage, in order.
    package var timings: [(stage: String, seconds: Double)]
    /// True when the inputs were those of the last build and the output was left as it was.
    package var replayed = false
    /// Every file of the site (path → hash of its bytes), where it is read (`serve`'s builds,
    /// builds in memory); a build to disk only counts them: 125,000 hashes as texts at 100k posts
    /// were a twentieth of a second at its end.
    package var outputFiles: [String: String] = [:] {
        didSet { outputFileCount = outputFiles.count }
    }
    /// How many files the site has.
    package var outputFileCount = 0
    /// Files written anew and files carried over from the last build (builds to disk).
    package var written = 0
    package var reused = 0

    package var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    package var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    package init(
        files: [RenderedFile], site: Site? = nil, counts: Counts, dumps: [DumpSummary], diagnostics: [Diagnostic],
        timings: [(stage: String, seconds: Double)], outputFiles: [String: String] = [:]
    ) {
        self.files = files
        self.site = site
        self.counts = counts
        self.dumps = dumps
        self.diagnostics = diagnostics
        self.timings = timings
        self.outputFiles = outputFiles
        outputFileCount = outputFiles.count
    }
}
