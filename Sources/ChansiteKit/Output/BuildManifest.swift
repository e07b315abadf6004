import Foundation

/// What the last build wrote, kept in the work folder (where no host serves it): for each
/// output file the fingerprint of its inputs, the hash of its bytes, and the size, mtime and
/// inode it had, so a file changed or replaced since (by hand, by a deploy tool) is never
/// carried over as if it were chansite's.
public struct BuildManifest: Codable, Sendable {
    /// One output file.
    public struct Entry: Codable, Sendable, Hashable {
        /// The fingerprint of the inputs the file was made from.
        public var fingerprint: String
        /// FNV-1a of the bytes, as the preview server's ETag.
        public var contentHash: String
        public var size: Int64
        public var modified: Int64
        public var inode: UInt64
    }

    /// chansite's version and the manifest format; another value discards the manifest.
    public static let format = "chansite-manifest-1 " + ChansiteVersion.current
    public var format: String = Self.format
    public var files: [String: Entry] = [:]
    /// Fingerprints of groups of files made together (the search index).
    public var groups: [String: String] = [:]
    /// The digest of everything the build read (`InputDigest`), and what it reported, replayed
    /// when the next build finds the same inputs.
    public var inputs: String?
    public var replay: Replay?

    /// A build's account: its counts, diagnostics and per-dump summaries.
    public struct Replay: Codable, Sendable {
        public var counts: BuildResult.Counts
        public var diagnostics: [Diagnostic]
        public var dumps: [BuildResult.DumpSummary]
    }

    public init() {}

    /// The manifest at `path`, or an empty one when it is missing, unreadable or of another format.
    /// The one this process last saved or loaded is not decoded again while its file is the
    /// same (size, time and inode): `serve` rebuilds without re-reading tens of thousands of entries.
    static func load(_ path: String) -> BuildManifest {
        let identity = fileIdentity(path)
        if let identity, let known = recent.value, known.identity == identity { return known.manifest }
        guard let data = FileManager.default.contents(atPath: path),
            let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data), manifest.format == Self.format
        else { return BuildManifest() }
        if let identity { recent.mutate { $0 = (identity, manifest) } }
        return manifest
    }

    func save(_ path: String) throws {
        try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        // Renamed into place later: the identity (inode included) goes with the file.
        if let identity = Self.fileIdentity(path) { Self.recent.mutate { $0 = (identity, self) } }
    }

    /// The manifest as JSON with sorted keys, written entry by entry: `JSONEncoder` builds a
    /// tree of the whole manifest first, hundreds of megabytes for 100k pages.
    func encoded() throws -> Data {
        var json = JSONText()
        json.raw("{\"files\":{")
        for (n, path) in files.keys.sorted().enumerated() {
            guard let entry = files[path] else { continue }
            json.raw(n == 0 ? "" : ",")
            json.string(path)
            json.raw(":{\"contentHash\":")
            json.string(entry.contentHash)
            json.raw(",\"fingerprint\":")
            json.string(entry.fingerprint)
            json.raw(",\"inode\":")
            json.number(entry.inode)
            json.raw(",\"modified\":")
            json.number(entry.modified)
            json.raw(",\"size\":")
            json.number(entry.size)
            json.raw("}")
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
        json.raw("}")
        return json.bytes
    }

    private static let recent = LockedBox<(identity: [Int64], manifest: BuildManifest)?>(nil)

    private static func fileIdentity(_ path: String) -> [Int64]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return [Int64(info.st_size), modifiedNanoseconds(info), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_dev)]
    }

    /// True when the file on disk is still the one the entry describes.
    static func matches(_ entry: Entry, at path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return Int64(info.st_size) == entry.size && UInt64(info.st_ino) == entry.inode && modifiedNanoseconds(info) == entry.modified
    }

    static func modifiedNanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
