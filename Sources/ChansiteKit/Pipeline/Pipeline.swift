import Foundation

/// The build, stage by stage: load → parse → model → render → index. Each stage is a separate
/// unit; data flows one way; the result stays in memory until `write` swaps it into place.
public struct Pipeline: Sendable {
    public var options: BuildOptions
    /// Called with a stage name as each stage starts (for a progress line).
    public var progress: @Sendable (String) -> Void

    public init(options: BuildOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Runs every stage. Problems with single dumps become diagnostics and the build goes on;
    /// problems that make the whole site wrong (templates, configuration) throw.
    /// - Throws: `DiagnosticError` tagged with the stage that failed.
    public func build() throws -> BuildResult {
        _ = CMark.registerExtensions
        // Before any work: a wrong --output must be refused before it can cost anything.
        try OutputGuard(options: options).check()
        var diagnostics: [Diagnostic] = []
        var timings: [(String, Double)] = []
        func stage<T>(_ name: String, _ body: () throws -> T) throws -> T {
            progress(name)
            let start = Date()
            defer { timings.append((name, Date().timeIntervalSince(start))) }
            do {
                return try body()
            } catch var error as DiagnosticError {
                error.diagnostics = error.diagnostics.map { var d = $0; d.stage = d.stage ?? name; return d }
                throw error
            }
        }

        let config = try stage("config") { try SiteConfig.load(path: options.configPath) }
        let raw = try stage("load") { try loadDumps() }
        diagnostics += raw.diagnostics
        let parsed = try stage("parse") { parseDumps(raw.dumps) }
        for dump in parsed {
            diagnostics += dump.diagnostics
            if !dump.droppedLines.isEmpty {
                diagnostics.append(.note("\(dump.droppedLines.count) lines dropped (ads, UI text, duplicate copies); see --verbose",
                                         at: SourceLocation(path: dump.path)))
            }
        }
        let (site, modelDiagnostics) = try stage("model") { SiteAssembler(config: config).assemble(parsed) }
        diagnostics += modelDiagnostics
        let templates = try stage("templates") { try TemplateSet(folder: options.templatesPath) }
        // The index is built beside the pages: it needs only the site model, and the two
        // together keep both cores busy through the render's serial parts.
        let index = LockedBox<(files: [RenderedFile], seconds: Double)>(([], 0))
        let indexing = DispatchGroup()
        DispatchQueue.global().async(group: indexing) {
            let start = Date()
            let files = SearchIndexBuilder(site: site).build()
            index.mutate { $0 = (files, Date().timeIntervalSince(start)) }
        }
        var files = try stage("render") { () -> [RenderedFile] in
            var pages = PageRenderer(site: site, templates: templates).render()
            pages += FeedRenderer(site: site).render()
            pages.append(SitemapRenderer(baseURL: config.baseURL).render(pages: pages))
            return pages + templates.assets
        }
        progress("index")
        indexing.wait()
        timings.append(("index", index.value.seconds))  // its own time, spent beside the render
        files += index.value.files
        files.sort { $0.path < $1.path }
        let summaries = parsed.map {
            BuildResult.DumpSummary(path: $0.path, format: $0.format, posts: $0.posts.count, droppedLines: $0.droppedLines)
        }
        return BuildResult(files: files, site: site, dumps: summaries,
                           diagnostics: diagnostics.map { var d = $0; d.stage = d.stage ?? "ingest"; return d },
                           timings: timings)
    }

    /// Writes a build's files to the output folder, atomically.
    /// - Returns: notes about the output folder (an interrupted build cleaned up, say).
    @discardableResult
    public func write(_ result: BuildResult) throws -> [Diagnostic] {
        progress("write")
        do {
            return try OutputWriter(options: options).write(result.files).map { var d = $0; d.stage = "write"; return d }
        } catch var error as DiagnosticError {
            error.diagnostics = error.diagnostics.map { var d = $0; d.stage = "write"; return d }
            throw error
        }
    }

    func loadDumps() throws -> (dumps: [RawDump], diagnostics: [Diagnostic]) {
        let loader = DumpLoader()
        // The output (and its work folder) may lie inside the content folder: never read it back.
        let output = FileSystem.resolved(options.outputPath)
        let (paths, walkDiagnostics) = try loader.dumpPaths(in: options.contentPath, excluding: [output, WorkFolder.path(for: output)])
        let results = LockedBox<[Int: (RawDump?, [Diagnostic])]>([:])
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let loaded = loader.load(path: paths[index])
            results.mutate { $0[index] = loaded }
        }
        var dumps: [RawDump] = []
        var diagnostics = walkDiagnostics
        for index in paths.indices {
            guard let (dump, found) = results.value[index] else { continue }
            diagnostics += found
            if let dump { dumps.append(dump) }
        }
        if paths.isEmpty {
            diagnostics.append(.warning("no dump files (*.txt) in the content folder", at: SourceLocation(path: options.contentPath)))
        }
        return (dumps, diagnostics)
    }

    func parseDumps(_ dumps: [RawDump]) -> [ParsedDump] {
        let parser = DumpParser()
        let results = LockedBox<[Int: ParsedDump]>([:])
        DispatchQueue.concurrentPerform(iterations: dumps.count) { index in
            let parsed = parser.parse(dumps[index])
            results.mutate { $0[index] = parsed }
        }
        return dumps.indices.compactMap { results.value[$0] }
    }
}
