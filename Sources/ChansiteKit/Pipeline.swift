import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteMedia
import ChansiteModel
import ChansiteOutput
import ChansiteRender
import ChansiteSearch
import Foundation

/// The build, stage by stage: load → parse → model → render → index. Each stage is a separate
/// unit; data flows one way; the result stays in memory until `write` swaps it into place.
package struct Pipeline: Sendable {
    package var options: BuildOptions
    /// Called with a stage name as each stage starts (for a progress line).
    package var progress: @Sendable (String) -> Void
    /// Called with the diagnostics found so far, each once, as each stage starts: `build` prints
    /// them as they happen rather than after the render.
    package var report: @Sendable ([Diagnostic]) -> Void = { _ in }
    /// Work kept from the last build in this process (`serve`): parses, bodies, summaries and
    /// the index's words, reused where their inputs are unchanged.
    package var cache: BuildCache?
    /// Pages to render before all others and hand over at once (`serve`: the pages open in a
    /// browser reload as soon as they are made).
    package var firstPages: PageRenderer.FirstPages?
    /// Whether the result lists every file of the site with its hash (`BuildResult.outputFiles`,
    /// which `serve` serves from); else it only counts them.
    package var listsFiles = false

    package init(options: BuildOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Builds straight into the output folder: checked and locked before any work, each file
    /// staged as soon as it is made (unchanged ones carried over from the last build), and the
    /// staged site swapped in only when the build succeeded.
    /// - Throws: `DiagnosticError` tagged with the stage that failed; the previous site is then
    ///   untouched.
    package func buildAndWrite() throws -> BuildResult {
        try stage(deferringLinks: false).finish()
    }

    /// Builds into the staging folder, holding the output's lock until the returned build is
    /// finished (or let go: the next build then cleans up). With `deferringLinks`, the files
    /// carried over from the last build are linked only by `finish()`, and the new files are
    /// also kept in memory: `serve` serves the build (and reloads the pages) first.
    /// - Throws: `DiagnosticError` tagged with the stage that failed; the previous site is then
    ///   untouched.
    package func stage(deferringLinks: Bool) throws -> StagedBuild {
        let writer = OutputWriter(options: options)
        let begun = Date()
        let staged = try tagged(.write) { try writer.begin() }
        let started = Date()
        // try?: unreadable content only rules out the replay; the build reads it again and reports why.
        // The exports' digests the last build made (in this process, else in the manifest) are
        // used unless the build is to make everything again.
        let remembered = cache?.exportDigests.value ?? [:]
        let known = remembered.isEmpty && options.usesCache ? staged.sink.previous.stamps ?? [:] : remembered
        let content = try? ContentFiles.read(
            options.contentPath, excluding: excludedFromContent, known: known,
            keeping: cache == nil ? ContentFiles.keptBytesBuilding : ContentFiles.keptBytes)
        let stamps = content?.exportStamps ?? [:]
        cache?.exportDigests.mutate { $0 = stamps }
        let inputs = content.map { InputDigest.compute(options, content: $0) }
        let before: [(String, Double)] = [("begin", started.timeIntervalSince(begun)), ("inputs", Date().timeIntervalSince(started))]
        if let inputs, let replay = staged.sink.replayable(inputs: inputs) {
            // Nothing changed since the last build: its output stands as it is.
            writer.abandon(staged)
            var result = BuildResult(
                files: [], site: nil, counts: replay.counts, dumps: replay.dumps,
                diagnostics: replay.diagnostics
                    + staged.notes.map { $0.inStage(.write) },
                timings: [("unchanged", Date().timeIntervalSince(started))])
            result.replayed = true
            result.reused = staged.sink.previous.files.count
            if listsFiles { result.outputFiles = staged.sink.previous.files.mapValues(\.contentHash) }
            result.outputFileCount = staged.sink.previous.files.count
            return StagedBuild(replayed: result)
        }
        let deferred = deferringLinks ? DeferredLinkSink(staged.sink) : nil
        var result: BuildResult
        let index: IndexTask
        do {
            // Handed over, not copied: the dumps' bytes are freed once they are decoded.
            // `serve` keeps its cache in memory; a build reads and writes one in the work folder.
            let keep =
                cache == nil && options.usesCache
                ? staged.sink.scratchFolder.map { PersistentCache.Place(folder: $0, expected: !staged.sink.previous.files.isEmpty) } : nil
            (result, index) = try buildPages(into: deferred ?? staged.sink, content: consume content, keep: keep)
            // Served before its links, a rebuild is served before its search index too: until
            // `finish()` the last build's index is served, whole.
            if deferred == nil { try index.finish(into: &result) }
            if deferred == nil, options.failsWithoutPosts, result.counts.posts == 0 {
                throw Self.nothingToPublish(result, content: options.contentPath)
            }
        } catch {
            writer.abandon(staged)
            throw error
        }
        // A site too large for common hosts is said now, so an unchanged rebuild says it again.
        let files = staged.sink.manifest.files
        if deferred == nil, let warning = HostLimits.warning(files: files.count, bytes: files.values.reduce(0) { $0 + $1.size }) {
            result.diagnostics.append(warning.inStage(.write))
        }
        staged.sink.record(
            inputs: inputs, replay: BuildManifest.Replay(counts: result.counts, diagnostics: result.diagnostics, dumps: result.dumps), stamps: stamps)
        result.timings = before + result.timings
        return StagedBuild(
            result: result, pipeline: self, writer: writer, staged: staged, deferred: deferred, index: deferred == nil ? nil : index)
    }

    /// A build that read no post: what reading reported (the notes and warnings that say why
    /// each input was skipped), and one error that sums it up.
    static func nothingToPublish(_ result: BuildResult, content: String) -> DiagnosticError {
        let why = result.diagnostics.filter { $0.stage == .ingest }
        let reason =
            "nothing to publish: no post was read from the content folder '\(content)'" + (why.isEmpty ? "" : " (what reading found is above)")
        return DiagnosticError(result.diagnostics + [Diagnostic(.error, reason, at: SourceLocation(path: content), stage: .model)])
    }

    /// The output folder and its work folder, never read (or watched) as content when they lie
    /// inside it.
    /// The manifest of the site in the output folder: replaced by every build that puts a site
    /// there (`serve` notices another build's this way).
    package var manifestPath: String {
        FileSystem.join(WorkFolder.path(for: FileSystem.resolved(options.outputPath)), "manifest.json")
    }

    package var excludedFromContent: [String] {
        let output = FileSystem.resolved(options.outputPath)
        return [output, WorkFolder.path(for: output)]
    }

    /// Runs every stage in memory; the result holds every file (tests and tools).
    package func build() throws -> BuildResult {
        let sink = MemorySink()
        var result = try build(into: sink)
        result.files = sink.files
        result.outputFiles = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, Fingerprint.contentHash(of: $0.contents)) })
        return result
    }

    /// Runs every stage, handing each file to `sink` as it is made. Problems with single dumps
    /// become diagnostics and the build goes on; problems that make the whole site wrong
    /// (templates, configuration) throw.
    /// - Throws: `DiagnosticError` tagged with the stage that failed.
    package func build(into sink: any OutputSink) throws -> BuildResult {
        try build(into: sink, content: nil)
    }

    /// `build(into:)` from a content folder already read (nil: read it now).
    func build(into sink: any OutputSink, content: consuming ContentFiles?) throws -> BuildResult {
        var (result, index) = try buildPages(into: sink, content: content)
        try index.finish(into: &result)
        return result
    }

    /// Every stage but the end of the search index, which may still be being written beside
    /// (`IndexTask.finish` waits for it).
    /// `keep`: where the build cache lies, to read and write it.
    func buildPages(into sink: any OutputSink, content: consuming ContentFiles?, keep: PersistentCache.Place? = nil) throws -> (
        BuildResult, IndexTask
    ) {
        _ = CMark.registerExtensions
        var diagnostics: [Diagnostic] = []
        var reported = 0
        var timings: [(String, Double)] = []
        func stage<T>(_ stage: Diagnostic.Stage, _ body: () throws -> T) throws -> T {
            if diagnostics.count > reported {
                report(diagnostics[reported...].map { $0.inStage(.ingest) })
                reported = diagnostics.count
            }
            progress(stage.rawValue)
            let start = Date()
            defer { timings.append((stage.rawValue, Date().timeIntervalSince(start))) }
            return try tagged(stage, body)
        }

        let (config, configNotes) = try stage(.config) { try SiteConfig.load(path: options.configPath, required: options.configRequired) }
        diagnostics += configNotes.map { $0.inStage(.config) }
        // Templates come before the model (their strings name posts that have no text) and the
        // build cache before the parse (it keeps the dumps' parses): the cache is made by them.
        let (templates, strings) = try stage(.templates) { () -> (TemplateSet, (strings: SiteStrings, warnings: [Diagnostic])) in
            let templates = try TemplateSet(folder: options.templatesPath, required: options.templatesRequired)
            return (templates, try templates.strings(for: config.language))
        }
        diagnostics += (templates.warnings + strings.warnings).map { $0.inStage(.templates) }
        let persistent = keep.flatMap { place in
            let (opened, notes) = PersistentCache.open(
                place, identity: PersistentCache.identity(templates: templates.fingerprint, configPath: options.configPath))
            // Tagged with the stages the cache serves: `.write` is the output folder's (a failed
            // build says what became of the site only when that stage spoke).
            diagnostics += notes.map { $0.inStage(.render) }
            return opened
        }
        // A stage that fails before the render's own handling drops the next cache too.
        var cacheHandedOn = false
        defer { if !cacheHandedOn { persistent?.discard() } }
        // Each dump's bytes are let go as soon as it is parsed (bytes → lines → posts, a file at
        // a time on each core), so a large archive is never held as bytes, lines and posts at once.
        var loaded = try stage(.load) { try loadDumps(content) }
        content = nil
        // A build lets the posts' texts wait on disk from their parse to the end (`PostText`);
        // `serve` keeps them in memory, as it keeps the site.
        let texts = cache == nil ? sink.scratchFolder.flatMap { ScratchFile(in: $0, fault: "text-read") } : nil
        var parsed: [ParsedDump]
        let exportDiagnostics: [Diagnostic]
        (parsed, exportDiagnostics) = try stage(.parse) { () -> ([ParsedDump], [Diagnostic]) in
            let exports = readExports(loaded.exports, config: config, kept: persistent?.exports, texts: texts)
            loaded.exports = []
            return (parseDumps(&loaded.dumps, kept: persistent?.parses, texts: texts) + exports.dumps, exports.diagnostics)
        }
        diagnostics += loaded.diagnostics() + exportDiagnostics
        for dump in parsed {
            diagnostics += dump.diagnostics
            if !dump.droppedLines.isEmpty {
                diagnostics.append(
                    .note(
                        "\(Counted.of(dump.droppedLines.count, "line")) dropped (ads, UI text, duplicate copies); see --verbose",
                        at: SourceLocation(path: dump.path)))
            }
            if !dump.learnedSeams.isEmpty {
                diagnostics.append(
                    .note(
                        "\(Counted.of(dump.learnedSeams.count, "post")) started where no marker showed a seam, learned from this copy's marked seams; see --verbose",
                        at: SourceLocation(path: dump.path)))
            }
        }
        // Summarised now, so the parsed dumps are not kept alive beside the site model.
        let summaries = parsed.map {
            BuildResult.DumpSummary(
                path: $0.path, format: $0.format, posts: $0.posts.count, droppedLines: $0.droppedLines, learnedSeams: $0.learnedSeams)
        }
        let (site, modelDiagnostics) = try stage(.model) { () -> (Site, [Diagnostic]) in
            SiteAssembler(config: config, strings: strings.strings).assemble(parsed, cache: cache?.channels ?? persistent?.channels)
        }
        parsed = []
        diagnostics += modelDiagnostics
        if config.baseURL == nil {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "no 'baseURL' in the configuration: sitemap.xml is left out and feed links are relative to the site root; "
                        + "set it (\"baseURL\": \"https://example.org/archive/\") for absolute links",
                    at: options.configPath.map { SourceLocation(path: $0) }, stage: .config))
        }
        // The index is built beside the media and the pages: it needs only the site model, and
        // together they keep both cores busy through each other's serial parts. With pages
        // wanted first, it starts once they are handed over: until then they have the cores.
        let index = IndexTask(cache: cache, persistent: persistent, texts: texts, progress: progress)
        let indexStarted = LockedBox(false)
        let startIndex = { @Sendable [cache] in
            guard
                !indexStarted.mutate({ started in
                    defer { started = true }
                    return started
                })
            else { return }
            index.start(site: site, sink: sink, cache: cache, persistent: persistent)
        }
        var first = firstPages
        if let wanted = firstPages {
            first?.ready = { pages in
                wanted.ready(pages)
                startIndex()
            }
        } else {
            startIndex()
        }
        cacheHandedOn = true
        // A stage that fails waits for the index, which writes into the same sink.
        do {
            let (media, avatars) = try stage(.media) {
                () -> (
                    (media: [String: [PublishedMedia]], diagnostics: [Diagnostic]),
                    (avatars: [String: PublishedMedia.Variant], diagnostics: [Diagnostic])
                ) in
                var publisher = MediaPublisher(site: site)
                publisher.progress = { [progress] done, total in progress("media \(Self.grouped(done))/\(Self.grouped(total))") }
                return (publisher.publish(into: sink), publisher.publishAvatars(into: sink))
            }
            diagnostics += (media.diagnostics + avatars.diagnostics).map { $0.inStage(.media) }
            let pages = try stage(.render) { () -> Int in
                // Before the pages, while memory holds only the model: a large channel's file is
                // most of its text again. After them when pages are wanted first (`serve`, which
                // holds the site in memory anyway): the open pages do not wait for it.
                let postsJSON = ChannelPostsJSON(site: site, media: media.media)
                if firstPages == nil { try postsJSON.write(into: sink) }
                var renderer = PageRenderer(site: site, templates: templates, media: media.media, cache: cache?.render ?? persistent?.render)
                renderer.avatars = avatars.avatars
                renderer.progress = { [progress] done, total in progress("render \(Self.grouped(done))/\(Self.grouped(total))") }
                let pages = try renderer.render(into: sink, cache: cache?.render ?? persistent?.render, first: first)
                startIndex()
                if firstPages != nil { try postsJSON.write(into: sink) }
                // The sitemap protocol wants absolute URLs: without a base URL there is no valid one.
                let sitemap =
                    config.baseURL == nil
                    ? []
                    : SitemapRenderer(siteRoot: config.siteRoot).render(pages: Self.indexable(pages, of: site), modified: Self.lastModified(site))
                // The pages at URLs earlier builds published and the feeds at once, at the end
                // of the render, when the index may be done. Beside, not `both`: the feeds are
                // made on all cores, which a loop nested in `both`'s iteration would not be.
                let (renderCache, rendered) = (cache?.render ?? persistent?.render, renderer)
                let (history, feeds) = Parallel.beside(
                    { Result { try Self.keepPublishedURLs(site: site, pages: pages, into: sink, cache: renderCache) } },
                    {
                        Result {
                            let write = { @Sendable (file: RenderedFile) throws in
                                try sink.write(file.path, contents: file.contents, fingerprint: nil)
                            }
                            try Feeds(site: site, media: media.media, after: rendered, cache: renderCache).render(into: write)
                            for file in sitemap + [RobotsRenderer(siteRoot: config.siteRoot).render()] + templates.assets { try write(file) }
                        }
                    })
                diagnostics += try history.get().map { $0.inStage(.render) }
                try feeds.get()
                return pages.filter { $0.hasSuffix(".html") }.count
            }
            let counts = BuildResult.Counts(
                channels: site.channels.count, posts: site.allPosts.count, tags: site.tags.count, pages: pages, withheld: site.withheld)
            let result = BuildResult(
                files: [], site: site, counts: counts, dumps: summaries, diagnostics: diagnostics.map { $0.inStage(.ingest) },
                timings: timings)
            return (result, index)
        } catch {
            index.group.wait()
            persistent?.discard()
            throw error
        }
    }

    /// 12,345: a count in a progress line.
    static func grouped(_ count: Int) -> String {
        count.formatted(.number.locale(Locale(identifier: "en_US")))
    }

    /// The search index being written beside the other stages.
    final class IndexTask: Sendable {
        let group = DispatchGroup()
        let outcome = LockedBox<(failure: (any Error)?, seconds: Double)>((nil, 0))
        let cache: BuildCache?
        /// The build cache being written, ended once the index is.
        let persistent: PersistentCache?
        let progress: @Sendable (String) -> Void
        /// Index files made or carried over so far, for the progress line.
        let filesDone = LockedBox(0)

        /// The posts' texts' scratch file, checked once the index has read them (the last stage to).
        let texts: ScratchFile?

        init(cache: BuildCache?, persistent: PersistentCache? = nil, texts: ScratchFile? = nil, progress: @escaping @Sendable (String) -> Void) {
            self.cache = cache
            self.persistent = persistent
            self.texts = texts
            self.progress = progress
        }

        /// Writes the index of `site` into `sink` on another thread.
        func start(site: Site, sink: any OutputSink, cache: BuildCache?, persistent: PersistentCache?) {
            DispatchQueue.global().async(group: group) { [self] in
                let start = Date()
                do {
                    let counted = CountingSink(sink) { self.filesDone.mutate { $0 += 1 } }
                    // Only `serve` keeps every post's words in memory; a build lets them wait on disk.
                    try Pipeline.writeIndex(
                        SearchIndexBuilder(site: site), vocabulary: cache?.vocabulary ?? persistent?.vocabulary ?? IndexVocabulary(),
                        spills: cache == nil, into: counted)
                } catch {
                    outcome.mutate { $0.failure = error }
                }
                outcome.mutate { $0.seconds = Date().timeIntervalSince(start) }
            }
        }

        /// Waits for the index, adds its time to `result`, and ends the cache's build (the
        /// index reads the cache's vocabulary to the end).
        /// - Throws: what the index's writing threw.
        func finish(into result: inout BuildResult) throws {
            progress("index")
            // The index is often still being written when the pages are done: its count of
            // files shows it moving.
            while group.wait(timeout: .now() + 0.25) == .timedOut {
                progress("index \(Pipeline.grouped(filesDone.value)) files")
            }
            result.timings.append(("index", outcome.value.seconds))  // its own time, spent beside the render
            do {
                if let failure = outcome.value.failure { throw failure }
                // Texts that could not be read back were rendered and indexed empty: nothing stands.
                try texts?.check("the posts' texts")
            } catch {
                persistent?.discard()
                throw error
            }
            cache?.endBuild()
            result.diagnostics += (persistent?.finish() ?? []).map { $0.inStage(.index) }
        }
    }

    /// The pages search engines may index: all but those of `noindexChannels`.
    static func indexable(_ pages: [String], of site: Site) -> [String] {
        let hidden = site.channels.filter { site.config.isNoindex($0) }.map { SitePaths.channelFolder($0.slug) }
        guard !hidden.isEmpty else { return pages }
        return pages.filter { page in !hidden.contains { page.hasPrefix($0) } }
    }

    /// Each dated post page's `lastmod`: its last edit, else its date (UTC days).
    static func lastModified(_ site: Site) -> [String: String] {
        var modified: [String: String] = [:]
        for post in site.allPosts {
            guard let date = post.post.details?.edited ?? post.post.date else { continue }
            modified[post.path] = String(date.formatted(.iso8601).prefix(10))
        }
        return modified
    }

    /// The search index, carried over whole when its inputs are unchanged.
    static func writeIndex(_ builder: SearchIndexBuilder, vocabulary: IndexVocabulary, spills: Bool = true, into sink: any OutputSink) throws {
        let fingerprint = builder.inputFingerprint()
        guard !sink.reuseGroup(SearchIndexLayout.folder, fingerprint: fingerprint) else { return }
        // Each file goes to the sink as soon as it is made: the index is never held whole. The
        // posts' words wait in a scratch file between the passes over them, unless they are
        // kept in memory for the next build (`serve`).
        let scratch = spills ? sink.scratchFolder.flatMap { ScratchFile(in: $0) } : nil
        // Index files are carried over by their fingerprints alone (they have no page keys).
        let reuse: (String, String) -> Bool = { sink.reuse($0, fingerprint: $1) }
        try builder.write(vocabulary: vocabulary, scratch: scratch, reuse: reuse) { file, fingerprint in
            try sink.write(file.path, contents: file.contents, fingerprint: fingerprint)
        }
        // Words that could not be read back were left out of the index: it is wrong.
        try scratch?.check("the posts' words")
        sink.recordGroup(SearchIndexLayout.folder, fingerprint: fingerprint)
    }

    /// Writes an in-memory build's files to the output folder, atomically.
    /// - Returns: notes about the output folder (an interrupted build cleaned up, say).
    @discardableResult
    package func write(_ result: BuildResult) throws -> [Diagnostic] {
        progress("write")
        return try tagged(.write) { try OutputWriter(options: options).write(result.files) }.map { $0.inStage(.write) }
    }

    /// Runs `body`, tagging the diagnostics of a `DiagnosticError` it throws with `stage`.
    func tagged<T>(_ stage: Diagnostic.Stage, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as DiagnosticError {
            error.diagnostics = error.diagnostics.map { $0.inStage(stage) }
            throw error
        }
    }

    /// A dump file to parse: its bytes, or (kept from an earlier build in this process, by its
    /// path and bytes) its parse and what loading it reported; `key` names the file for the cache.
    struct LoadedDump {
        var path: String
        var data: Data?
        var known: BuildCache.LoadedFile?
        var key: String?
        /// What decoding and parsing reported, once parsed.
        var diagnostics: [Diagnostic] = []
    }

    /// The content folder's files, ready to parse, and what was found on the way.
    struct LoadedContent {
        var dumps: [LoadedDump]
        /// The export files that could be read when the content was hashed (read again, one
        /// export at a time on each core, when parsed).
        var exports: [LoadedExport]
        var walkDiagnostics: [Diagnostic]
        var exportFileDiagnostics: [Diagnostic]
        var isEmpty: Bool
        var contentPath: String

        /// Everything loading reported, in the content's order (walk, dumps, exports).
        func diagnostics() -> [Diagnostic] {
            var all = walkDiagnostics + dumps.flatMap(\.diagnostics) + exportFileDiagnostics
            if isEmpty {
                all.append(
                    .warning(
                        "nothing to read in the content folder: no Telegram Desktop export (messages*.html or result.json), no saved t.me/s page (*.html) and no text copy (*.txt)",
                        at: SourceLocation(path: contentPath)))
            }
            return all
        }
    }

    func loadDumps(_ given: ContentFiles?) throws -> LoadedContent {
        // The output (and its work folder) may lie inside the content folder: never read it back.
        var content = try given ?? ContentFiles.read(options.contentPath, excluding: excludedFromContent)
        var dumps: [LoadedDump] = []
        for ((path, file), key) in zip(zip(content.paths, content.files), content.keys) {
            guard let data = file.data else {
                dumps.append(LoadedDump(path: path, diagnostics: file.diagnostics))
                continue
            }
            dumps.append(LoadedDump(path: path, data: data, known: key.flatMap { cache?.dumps.known($0) }, key: key))
        }
        // Handed on: each dump's bytes are then held only by its `LoadedDump`, an export's by its `LoadedExport`.
        content.files = []
        var exports: [LoadedExport] = []
        var exportDiagnostics: [Diagnostic] = []
        for (export, (file, media)) in zip(content.exports, zip(content.exportFiles, content.exportMedia)) {
            exportDiagnostics += file.diagnostics
            if let digest = file.digest { exports.append(LoadedExport(file: export, digest: digest, media: media, data: file.data)) }
        }
        return LoadedContent(
            dumps: dumps, exports: exports, walkDiagnostics: content.walkDiagnostics, exportFileDiagnostics: exportDiagnostics,
            isEmpty: content.paths.isEmpty && content.exports.isEmpty, contentPath: options.contentPath)
    }

    /// Decodes and parses every loaded dump on all cores, letting each one's bytes go once it is
    /// parsed (a dump the cache knew is parsed already); what decoding reported goes into
    /// `dumps`, in their order.
    /// With `texts`, the texts of the posts parsed wait there (`Post.spillTexts`), before the
    /// caches keep them; a parse the build cache kept stays as it was decoded (written out
    /// again, its texts cost an export's rebuild a fifth more time).
    func parseDumps(
        _ dumps: inout [LoadedDump], kept: (any StageCache<BuildCache.LoadedFile>)? = nil, texts: ScratchFile? = nil
    ) -> [ParsedDump] {
        let loader = DumpLoader()
        let parser = DumpParser()
        let files = LockedBox(dumps)
        dumps = []
        let results = LockedBox<[Int: ParsedDump]>([:])
        Parallel.forEach(files.value.count) { index in
            let file = files.mutate { all -> LoadedDump in
                defer { all[index].data = nil }
                return all[index]
            }
            var known = file.known ?? file.key.flatMap { kept?.known($0) }
            if known == nil, let data = file.data {
                let (raw, found) = loader.decode(data, path: file.path)
                known = BuildCache.LoadedFile(parsed: raw.map { parser.parse($0) }, diagnostics: found)
                if let texts { known?.parsed?.spillTexts(into: texts) }
                if let key = file.key, let known {
                    cache?.dumps.store(key, known)
                    kept?.store(key, known)
                }
            }
            guard let known else { return }
            files.mutate { $0[index].diagnostics = known.diagnostics }
            guard var parsed = known.parsed else { return }
            parsed.sourceKey = file.key
            results.mutate { $0[index] = parsed }
        }
        dumps = files.value
        return dumps.indices.compactMap { results.value[$0] }
    }
}
