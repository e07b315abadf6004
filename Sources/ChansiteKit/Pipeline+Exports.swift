import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

extension Pipeline {
    /// An export file that could be read when the content was hashed, with the digest of its
    /// bytes and the fingerprint of its folder's files: together with the reader's settings,
    /// everything reading it depends on.
    struct LoadedExport {
        var file: ExportFile
        var digest: String
        var media: String
        /// The bytes `digest` was made from, when they were kept for the parse (`ContentFiles.read`).
        var data: Data?
    }

    /// What one export job read: its channels and what reading them reported.
    struct ExportRead: Sendable {
        var dumps: [ParsedDump]
        var diagnostics: [Diagnostic]
    }

    /// A job a core takes: one `result.json`, every page of one HTML export's folder, or every
    /// saved web-preview page (read together: one channel per handle).
    enum ExportJob: Sendable {
        case json(LoadedExport)
        case html(folder: String, pages: [LoadedExport])
        case previews([LoadedExport])

        var files: [LoadedExport] {
            switch self {
            case .json(let file): [file]
            case .html(_, let pages): pages
            case .previews(let pages): pages
            }
        }

        /// Groups the exports into jobs: `result.json` files one by one, an HTML export's
        /// pages by folder, saved web-preview pages all together.
        static func jobs(_ exports: [LoadedExport]) -> [ExportJob] {
            var jsons: [ExportJob] = []
            var folders: [String] = []
            var pagesByFolder: [String: [LoadedExport]] = [:]
            var previews: [LoadedExport] = []
            for export in exports {
                switch export.file.kind {
                case .json: jsons.append(.json(export))
                case .previewPage: previews.append(export)
                case .desktopPage:
                    let folder = PathName.parent(export.file.path)
                    if pagesByFolder[folder] == nil { folders.append(folder) }
                    pagesByFolder[folder, default: []].append(export)
                }
            }
            let html = folders.map { ExportJob.html(folder: $0, pages: pagesByFolder[$0] ?? []) }
            return jsons + html + (previews.isEmpty ? [] : [.previews(previews)])
        }
    }

    /// Reads every export, in parallel; each export may hold several channels. With a cache
    /// (`serve`'s in memory, `kept` on disk for `build`), a job whose files, media folders and
    /// reader settings are those of an earlier build is taken from it. Every channel read gets
    /// a source key, so the model can key it.
    /// With `texts`, the texts of the posts read wait there from when they are read
    /// (`ExportChatReader.texts`), before the caches keep them.
    func readExports(_ exports: [LoadedExport], config: SiteConfig, kept: (any StageCache<ExportRead>)? = nil, texts: ScratchFile? = nil) -> (
        dumps: [ParsedDump], diagnostics: [Diagnostic]
    ) {
        let settings = ExportSettings(config: config)
        let jobs = ExportJob.jobs(exports)
        let cache = cache?.exports ?? kept
        let keys = jobs.map { settings.key($0.files) }
        // One export to read (an edit) has both cores: its messages are decoded ahead.
        let alone = keys.filter { cache?.holds($0) != true }.count == 1
        let answered = { (index: Int) in cache?.holds(keys[index]) == true }
        let all = jobs.indices.concurrentMap(quick: answered) { index -> ExportRead in
            // A read the build cache kept stays in memory, as decoded (see `parseDumps`).
            if let read = cache?.known(keys[index]) { return read }
            // The messages are kept by an edit's read only: kept from every export they would
            // be as much memory again as the exports' bytes (440 MB at 100k posts).
            let (read, key) = settings.read(
                jobs[index], alone: alone, messages: alone ? self.cache?.exportMessages : nil, last: alone ? self.cache?.lastExport : nil,
                texts: texts)
            if let key { cache?.store(key, read) }
            return read
        }
        return (all.flatMap(\.dumps), all.flatMap(\.diagnostics))
    }
}

/// The export readers as the configuration sets them, and the key of what they read.
struct ExportSettings: Sendable {
    let json: ExportReader
    let html: DesktopHTMLReader
    let preview = WebPreviewReader()
    /// A fingerprint of every setting the readers take.
    let fingerprint: Fingerprint

    init(config: SiteConfig) {
        json = ExportReader(chatTypes: Set(config.exportChatTypes), handles: config.channelHandles, discussionGroups: Set(config.discussionGroups))
        html = DesktopHTMLReader(chatTypes: Set(config.exportChatTypes), discussionGroups: Set(config.discussionGroups))
        var fingerprint = Fingerprint("export-read")
        fingerprint.add(any: config.exportChatTypes.sorted())
        fingerprint.add(any: config.discussionGroups.sorted())
        fingerprint.add(any: config.channelHandles)
        self.fingerprint = fingerprint
    }

    /// The key of a job's read: its files' paths and digests, their folders' media and the
    /// settings.
    func key(_ files: [Pipeline.LoadedExport]) -> String {
        var key = fingerprint
        for file in files {
            key.add(file.file.path)
            key.add(file.digest)
            key.add(file.media)
        }
        return key.hex
    }

    /// Reads a job's files again (unless their bytes were kept when they were hashed), and the
    /// key of what was read: made from the bytes read, so a file changed since it was hashed is
    /// never kept under its old digest.
    /// With `texts`, the posts' texts wait there from when they are read.
    func read(
        _ job: Pipeline.ExportJob, alone: Bool = false, messages: (any StageCache<ExportReader.Decoded>)? = nil,
        last: LockedBox<ExportReader.Scanned?>? = nil, texts: ScratchFile? = nil
    ) -> (Pipeline.ExportRead, key: String?) {
        let loader = DumpLoader()
        var diagnostics: [Diagnostic] = []
        var pages: [(path: String, data: Data)] = []
        var read: [Pipeline.LoadedExport] = []
        for file in job.files {
            if let data = file.data {
                pages.append((file.file.path, data))
                read.append(Pipeline.LoadedExport(file: file.file, digest: file.digest, media: file.media))
                continue
            }
            let loaded = loader.read(path: file.file.path)
            diagnostics += loaded.diagnostics
            guard let data = loaded.data else { continue }
            pages.append((file.file.path, data))
            read.append(Pipeline.LoadedExport(file: file.file, digest: ContentFiles.digest(data), media: file.media))
        }
        let found: (dumps: [ParsedDump], diagnostics: [Diagnostic])
        switch job {
        case .json:
            var json = json
            json.decodesAhead = alone
            json.mediaFingerprint = job.files.first?.media
            json.texts = texts
            found = pages.first.map { json.read(path: $0.path, data: $0.data, messages: messages, last: last) } ?? ([], [])
        case .html(let folder, _):
            var html = html
            html.texts = texts
            found = html.read(folder: folder, pages: pages)
        case .previews: found = pages.isEmpty ? ([], []) : preview.read(pages: pages)
        }
        // A file that could not be read now leaves nothing worth keeping.
        let key = read.count == job.files.count ? key(read) : nil
        var dumps = found.dumps
        for index in dumps.indices {
            dumps[index].sourceKey = key.map { Fingerprint($0, String(index)).hex }
            // The export readers spilled theirs as they read; saved web pages are read whole.
            if case .previews = job, let texts { dumps[index].spillTexts(into: texts) }
        }
        return (Pipeline.ExportRead(dumps: dumps, diagnostics: diagnostics + found.diagnostics), key)
    }
}
