import ChansiteCore
import Foundation
import Synchronization

/// What the last build wrote, kept in the work folder (where no host serves it): for each
/// output file the fingerprint of its inputs, the hash of its bytes, and the size, mtime and
/// inode it had, so a file changed or replaced since (by hand, by a deploy tool) is never
/// carried over as if it were chansite's.
package struct BuildManifest: Codable, Sendable {
    /// One output file.
    package struct Entry: Codable, Sendable, Hashable {
        /// The fingerprint of the inputs the file was made from.
        package var fingerprint: String {
            get { packedFingerprint.string }
            set { packedFingerprint = CompactText(newValue) }
        }
        /// FNV-1a of the bytes, as the preview server's ETag.
        package var contentHash: String {
            get { packedContentHash.string }
            set { packedContentHash = CompactText(newValue) }
        }
        /// A page's key (`PageRenderer.memoKey`): a fingerprint of what its view is made from,
        /// cheaper than the view's own; a page whose key is the last build's is carried over
        /// without its view made. Nil for files without one.
        package var key: String? {
            get { packedKey?.string }
            set { packedKey = newValue.map(CompactText.init) }
        }
        package var size: Int64
        package var modified: Int64
        package var inode: UInt64
        // Held compactly: a manifest has an entry per output file, hundreds of thousands.
        private var packedFingerprint: CompactText
        private var packedContentHash: CompactText
        private var packedKey: CompactText?

        package init(fingerprint: String, contentHash: String, size: Int64, modified: Int64, inode: UInt64) {
            self.init(
                packedFingerprint: CompactText(fingerprint), packedContentHash: CompactText(contentHash), size: size, modified: modified, inode: inode
            )
        }

        /// An entry from its digests already packed (`ManifestReader`).
        init(
            packedFingerprint: CompactText, packedContentHash: CompactText, packedKey: CompactText? = nil, size: Int64, modified: Int64,
            inode: UInt64
        ) {
            self.packedFingerprint = packedFingerprint
            self.packedContentHash = packedContentHash
            self.packedKey = packedKey
            self.size = size
            self.modified = modified
            self.inode = inode
        }

        /// Whether the file was made from inputs with this fingerprint (compared without
        /// spelling the entry's out).
        func hasFingerprint(_ fingerprint: String) -> Bool { packedFingerprint == CompactText(fingerprint) }

        /// Whether the file's bytes have this hash.
        func hasContentHash(_ hash: String) -> Bool { packedContentHash == CompactText(hash) }

        /// Whether the file is a page made from inputs with this key.
        func hasKey(_ key: String) -> Bool { packedKey == CompactText(key) }

        /// The entry as a JSON object with sorted keys, its digests written from their packed
        /// form (`BuildManifest.encode`).
        func write(into json: inout JSONText) {
            json.raw("{\"contentHash\":")
            json.string(packedContentHash)
            json.raw(",\"fingerprint\":")
            json.string(packedFingerprint)
            json.raw(",\"inode\":")
            json.number(inode)
            if let packedKey {
                json.raw(",\"key\":")
                json.string(packedKey)
            }
            json.raw(",\"modified\":")
            json.number(modified)
            json.raw(",\"size\":")
            json.number(size)
            json.raw("}")
        }

        enum CodingKeys: String, CodingKey {
            case fingerprint, contentHash, key, size, modified, inode
        }

        package init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                fingerprint: try values.decode(String.self, forKey: .fingerprint),
                contentHash: try values.decode(String.self, forKey: .contentHash), size: try values.decode(Int64.self, forKey: .size),
                modified: try values.decode(Int64.self, forKey: .modified), inode: try values.decode(UInt64.self, forKey: .inode))
            key = try values.decodeIfPresent(String.self, forKey: .key)
        }

        package func encode(to encoder: any Encoder) throws {
            var values = encoder.container(keyedBy: CodingKeys.self)
            try values.encode(contentHash, forKey: .contentHash)
            try values.encode(fingerprint, forKey: .fingerprint)
            try values.encode(inode, forKey: .inode)
            try values.encodeIfPresent(key, forKey: .key)
            try values.encode(modified, forKey: .modified)
            try values.encode(size, forKey: .size)
        }
    }

    /// chansite's version and the manifest format; another value discards the manifest.
    package static let format = "chansite-manifest-1 " + ChansiteVersion.current
    package var format: String = Self.format
    package var files: [String: Entry] = [:]
    /// Fingerprints of groups of files made together (the search index).
    package var groups: [String: String] = [:]
    /// The digest of everything the build read (`InputDigest`), and what it reported, replayed
    /// when the next build finds the same inputs.
    package var inputs: String?
    package var replay: Replay?
    /// Each export file's digest by its path, with the file's stamp (`FileSystem.stamp`) when
    /// it was hashed: the next build does not read and hash an export whose stamp is the same.
    package var stamps: [String: InputStamp]?

    /// A digest of a file's bytes and the file's stamp when they were read.
    package struct InputStamp: Codable, Sendable, Equatable {
        package var stamp: String
        package var digest: String

        package init(stamp: String, digest: String) {
            self.stamp = stamp
            self.digest = digest
        }
    }

    /// A build's account: its counts, diagnostics and per-dump summaries.
    package struct Replay: Codable, Sendable {
        package var counts: BuildResult.Counts
        package var diagnostics: [Diagnostic]
        package var dumps: [BuildResult.DumpSummary]

        package init(counts: BuildResult.Counts, diagnostics: [Diagnostic], dumps: [BuildResult.DumpSummary]) {
            self.counts = counts
            self.diagnostics = diagnostics
            self.dumps = dumps
        }
    }

    package init() {}

    /// The manifest at `path`, or an empty one when it is missing, unreadable or of another format.
    /// The one this process last saved or loaded is not decoded again while its file is the
    /// same (size, time and inode): `serve` rebuilds without re-reading tens of thousands of entries.
    static func load(_ path: String) -> BuildManifest {
        let identity = fileIdentity(path)
        if let identity, let known = recent.value, known.identity == identity { return known.manifest }
        guard let data = FileManager.default.contents(atPath: path),
            // try?: an unreadable or foreign manifest means a full build, never a wrong reuse.
            let manifest = ManifestReader.read(data) ?? (try? JSONDecoder().decode(BuildManifest.self, from: data)),
            manifest.format == Self.format
        else { return BuildManifest() }
        if let identity { recent.mutate { $0 = (identity, manifest) } }
        return manifest
    }

    /// Writes the manifest to `path` in parts (never whole in memory), through a temporary
    /// file renamed into place.
    func save(_ path: String) throws {
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw DiagnosticError(.error("cannot write '\(temporary)': \(FileSystem.lastError)"))
        }
        do {
            try encode { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            // try?: the write already failed and is reported; the temporary file is removed next.
            try? handle.close()
            unlink(temporary)
            throw error
        }
        do {
            try FileSystem.rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw DiagnosticError(.error("cannot write '\(path)': \(error)"))
        }
        // Renamed into place later: the identity (inode included) goes with the file.
        if let identity = Self.fileIdentity(path) { Self.recent.mutate { $0 = (identity, self) } }
    }

    /// The manifest as one piece of JSON (tests and tools).
    func encoded() throws -> Data {
        var data = Data()
        try encode { data.append($0) }
        return data
    }

    /// The manifest as JSON with sorted keys, handed to `write` in parts of about 200 KB,
    /// written entry by entry: `JSONEncoder` builds a tree of the whole manifest first, hundreds
    /// of megabytes for 100k pages. The entries are written on all cores, a batch at a time (at
    /// 100k pages on one core they were the last third of a second of every build).
    func encode(_ write: (Data) throws -> Void) throws {
        var json = JSONText()
        json.raw("{\"files\":{")
        try write(json.take())
        let paths = files.keys.sorted()
        let files = files
        for batch in stride(from: 0, to: paths.count, by: Self.entriesPerBatch) {
            let end = min(batch + Self.entriesPerBatch, paths.count)
            let parts = Array(stride(from: batch, to: end, by: Self.entriesPerPart)).concurrentMap(chunk: 1) { start in
                Self.entries(paths[start..<min(start + Self.entriesPerPart, end)], of: files)
            }
            for part in parts { try write(part) }
        }
        json.raw("},\"format\":")
        json.string(format)
        json.raw(",\"groups\":")
        json.map(groups)
        if let inputs {
            json.raw(",\"inputs\":")
            json.string(inputs)
        }
        if let replay {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            json.raw(",\"replay\":")
            json.raw(bytes: try encoder.encode(replay))
        }
        if let stamps {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            json.raw(",\"stamps\":")
            json.raw(bytes: try encoder.encode(stamps))
        }
        json.raw("}")
        try write(json.take())
    }

    /// Entries a part (about 200 KB of JSON) and a batch (memory holds a batch's parts).
    static let entriesPerPart = 1024
    static let entriesPerBatch = 8 * entriesPerPart

    /// The JSON of the entries at `paths` (a comma before each but the manifest's first).
    private static func entries(_ paths: ArraySlice<String>, of files: [String: Entry]) -> Data {
        var json = JSONText()
        for n in paths.indices {
            guard let entry = files[paths[n]] else { continue }
            json.raw(n == 0 ? "" : ",")
            json.string(paths[n])
            json.raw(":")
            entry.write(into: &json)
        }
        return json.take()
    }

    private static let recent = LockedBox<(identity: [Int64], manifest: BuildManifest)?>(nil)

    private static func fileIdentity(_ path: String) -> [Int64]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return [Int64(info.st_size), FileSystem.modifiedNanoseconds(info), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_dev)]
    }

    /// True when every file of `files` under `folder` is still the one its entry describes:
    /// checked on all cores (a `stat` each, 125,000 at 100k posts: most of a build that finds
    /// nothing changed), the first that is not ends the check.
    static func allMatch(_ files: [String: Entry], under folder: String) -> Bool {
        let entries = Array(files)
        let mismatch = Atomic<Bool>(false)
        Parallel.forEachChunk(of: entries.count, chunk: 2048) { range in
            for index in range {
                if mismatch.load(ordering: .relaxed) { return }
                if !matches(entries[index].value, at: FileSystem.join(folder, entries[index].key)) {
                    mismatch.store(true, ordering: .relaxed)
                    return
                }
            }
        }
        return !mismatch.load(ordering: .relaxed)
    }

    /// True when the file on disk is still the one the entry describes.
    static func matches(_ entry: Entry, at path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return Int64(info.st_size) == entry.size && UInt64(info.st_ino) == entry.inode && FileSystem.modifiedNanoseconds(info) == entry.modified
    }
}
