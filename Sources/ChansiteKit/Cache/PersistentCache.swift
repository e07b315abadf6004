import ChansiteAssemble
import ChansiteCore
import ChansiteOutput
import ChansiteRender
import ChansiteSearch
import Foundation

/// The build cache `chansite build` keeps in the work folder between processes: each dump's
/// parse and each export's channels (files of their own, `ParseStore`), each post's body and
/// summary, each post and listing page's fingerprint, and the search index's vocabulary with
/// each post's words. A build reads the last one (`cache.bin`) and writes the
/// next beside it (`cache.next.bin`) as it goes; the output stage moves it into place when the
/// site is swapped in, so a killed or failed build leaves the last cache, whose entries are
/// keyed by all their inputs and so still right. One made by another chansite, configuration or
/// set of templates, or damaged, is dropped with a note, and the build makes everything again.
final class PersistentCache: Sendable {
    let render: RenderCache
    let vocabulary: IndexVocabulary
    /// Each dump file's load and parse, by its path and bytes.
    let parses: ParseStore<BuildCache.LoadedFile>
    /// Each export job's channels, by its files, media folders and the readers' settings.
    let exports: ParseStore<Pipeline.ExportRead>
    /// Channels are not kept on disk; asked through this, the model still keys each channel,
    /// which keys its pages' fingerprints in `render`.
    let channels = KeysOnly<SiteAssembler.ChannelPosts>()
    private let writer: CacheFileWriter
    /// Each memo with what it holds, for the build's account.
    private let memos: [(name: String, hits: LockedBox<Int>)]
    /// The vocabulary is not kept when it has grown past this many times the words the index used.
    static let vocabularySlack = 2

    private init(
        render: RenderCache, vocabulary: IndexVocabulary, parses: ParseStore<BuildCache.LoadedFile>, exports: ParseStore<Pipeline.ExportRead>,
        writer: CacheFileWriter, memos: [(name: String, hits: LockedBox<Int>)]
    ) {
        self.render = render
        self.vocabulary = vocabulary
        self.parses = parses
        self.exports = exports
        self.writer = writer
        self.memos = memos
    }

    /// Where a build keeps its cache: the work folder, and whether a missing cache is worth a
    /// note (there is a site it could have come from).
    struct Place: Sendable {
        var folder: String
        var expected: Bool
    }

    /// Opens the last cache in `place` and starts the next; nil (with notes) when the next
    /// cannot be written: the build then goes on without a cache.
    static func open(_ place: Place, identity: String) -> (PersistentCache?, [Diagnostic]) {
        let path = FileSystem.join(place.folder, WorkFolder.cacheName)
        var notes: [Diagnostic] = []
        var file: CacheFile?
        switch CacheFile.open(path, identity: identity) {
        case .ready(let opened): file = opened
        case .missing:
            if place.expected {
                notes.append(.note("no build cache was found: every post is rendered and indexed again", at: SourceLocation(path: path)))
            }
        case .unusable(let why):
            notes.append(.note("the build cache is not used (\(why)): every post is rendered and indexed again", at: SourceLocation(path: path)))
        }
        let nextPath = FileSystem.join(place.folder, WorkFolder.nextCacheName)
        guard let writer = CacheFileWriter(path: nextPath, identity: identity) else {
            notes.append(
                .warning(
                    "cannot write the build cache (\(FileSystem.lastError)): the next build makes everything again",
                    at: SourceLocation(path: nextPath)))
            return (nil, notes)
        }
        let bodies = DiskMemo(.body, file: file, writer: writer)
        let summaries = DiskMemo(.summary, file: file, writer: writer)
        var render = RenderCache(bodies: bodies, summaries: summaries)
        let views = DiskMemo<String>(.viewFingerprints, file: file, writer: writer)
        render.viewFingerprints = views
        let keys = DiskMemo<[String?]>(.viewKeys, file: file, writer: writer, encode: MemoCodec.encode, decode: MemoCodec.decodeOptionalTexts)
        render.viewKeys = keys
        let outside = DiskMemo<OutsideQueries>(.outsideQueries, file: file, writer: writer, encode: MemoCodec.encode, decode: MemoCodec.decodeOutside)
        render.outside = outside
        let galleries = DiskMemo<[ChannelGalleries.Kind: [ChannelGalleries.Item]]>(
            .galleries, file: file, writer: writer, encode: MemoCodec.encode, decode: MemoCodec.decodeGalleries)
        render.galleries = galleries
        let moved = DiskMemo<[String]>(.publishedURLs, file: file, writer: writer, encode: MemoCodec.encode, decode: MemoCodec.decodeTexts)
        render.publishedURLs = moved
        let identities = DiskMemo<[String]>(.pageIdentities, file: file, writer: writer, encode: MemoCodec.encode, decode: MemoCodec.decodeTexts)
        render.pageIdentities = identities
        // Each post's words are numbers into the vocabulary they were kept with: without it they are no use.
        let kept = file.flatMap { $0.value(.vocabulary, "words") }.flatMap(Self.decodeVocabulary)
        let documents = DiskMemo<SearchIndexBuilder.DocumentWordIDs>(
            .document, file: kept == nil ? nil : file, writer: writer, encode: { $0.encoded },
            decode: { SearchIndexBuilder.DocumentWordIDs(encoded: $0) })
        let channelLists = DiskMemo<[String]>(.channelLists, file: file, writer: writer, encode: MemoCodec.encode, decode: MemoCodec.decodeTexts)
        let segments = DiskMemo<SearchIndexBuilder.Segment>(
            .indexSegment, file: file, writer: writer, encode: { $0.bytes }, decode: { SearchIndexBuilder.Segment(bytes: Array($0)) })
        let vocabulary = IndexVocabulary(
            documents: documents, channelLists: channelLists, segments: segments, words: kept?.words ?? [], stems: kept?.stems ?? [])
        // Parses are files of their own, never copied forward; a value the codec cannot keep is not stored.
        let folder = ParseFolder(path: FileSystem.join(place.folder, WorkFolder.parsesName))
        let parses = ParseStore<BuildCache.LoadedFile>("dump", folder: folder, encode: ParseCodec.encode(_:into:), decode: ParseCodec.decode)
        let exports = ParseStore<Pipeline.ExportRead>("export", folder: folder, encode: ParseCodec.encode(_:into:), decode: ParseCodec.decodeExport)
        let memos = [
            ("dump parses", parses.hits), ("export reads", exports.hits), ("post bodies", bodies.hits), ("summaries", summaries.hits),
            ("pages by their keys", render.pagesByKey),
            ("post view fingerprints", views.hits), ("channels' post keys", keys.hits), ("posts' words", documents.hits),
            ("channels' key lists", channelLists.hits), ("index segments", segments.hits),
            ("channels' outside links", outside.hits),
            ("galleries", galleries.hits),
            ("channels' page identities", identities.hits),
            ("lists of moved pages", moved.hits),
        ]
        return (
            PersistentCache(render: render, vocabulary: vocabulary, parses: parses, exports: exports, writer: writer, memos: memos), notes
        )
    }

    /// The identity a cache must have to be used: chansite (its version and binary), the
    /// templates and the configuration file's bytes.
    static func identity(templates: String, configPath: String?) -> String {
        var fingerprint = Fingerprint("build cache", ChansiteVersion.fingerprint, templates)
        if let configPath, let data = FileManager.default.contents(atPath: configPath) {
            fingerprint.add(bytes: data)
        } else {
            fingerprint.add("no configuration")
        }
        return fingerprint.hex
    }

    /// Ends the next cache once the index is written: its vocabulary (unless it has grown far
    /// past what the index uses; the next build then starts a new one) and its checksum.
    /// Returns a note of what the build reused (`--verbose`), or a warning when the next cache
    /// could not be written.
    func finish() -> [Diagnostic] {
        let snapshot = vocabulary.snapshot
        if snapshot.words.count <= Self.vocabularySlack * snapshot.used + 10_000 {
            writer.append(.vocabulary, "words", Self.encodeVocabulary(words: snapshot.words, stems: snapshot.stems))
        }
        FaultPoint.hit("cache")
        // The parses this build did not use go; those it used stay, whatever becomes of the build.
        parses.folder.sweep()
        if let failure = writer.finish() {
            return [
                .warning("cannot write the build cache (\(failure)): the next build makes everything again", at: SourceLocation(path: writer.path))
            ]
        }
        let reused = memos.map { "\($0.hits.value) \($0.name)" }.joined(separator: ", ")
        var notes = [
            Diagnostic.note(
                "build cache: reused \(reused)", at: SourceLocation(path: FileSystem.join(PathName.parent(writer.path), WorkFolder.cacheName)))
        ]
        let damaged = parses.folder.damaged.value
        if damaged > 0 {
            notes.append(
                .note(
                    "\(Counted.of(damaged, "kept parse")) \(Counted.pastVerb(damaged)) damaged and not used: their inputs were parsed again",
                    at: SourceLocation(path: parses.folder.path)))
        }
        return notes
    }

    /// Drops the next cache (the build failed).
    func discard() {
        writer.discard()
        // A parse being written is a whole file or none; the process does not end halfway.
        parses.folder.waitForWrites()
    }

    /// The word count, then each word and each stem (`MemoCodec`'s texts: a stem never made has
    /// the length 0xFFFFFFFF).
    static func encodeVocabulary(words: [String], stems: [String?]) -> [UInt8] {
        var bytes: [UInt8] = []
        MemoCodec.append(words.count, to: &bytes)
        for text in words.map(Optional.some) + words.indices.map({ stems.indices.contains($0) ? stems[$0] : nil }) {
            MemoCodec.append(text, to: &bytes)
        }
        return bytes
    }

    static func decodeVocabulary(_ data: Data) -> (words: [String], stems: [String?])? {
        var reader = MemoCodec.Reader(data)
        guard let count = reader.count(least: 8) else { return nil }
        var words: [String] = []
        var stems: [String?] = []
        words.reserveCapacity(count)
        stems.reserveCapacity(count)
        for _ in 0..<count {
            guard let word = reader.text(), let word else { return nil }
            words.append(word)
        }
        for _ in 0..<count {
            guard let stem = reader.text() else { return nil }
            stems.append(stem)
        }
        return reader.isAtEnd ? (words, stems) : nil
    }
}
