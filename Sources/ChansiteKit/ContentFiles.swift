import ChansiteCore
import ChansiteIngest
import ChansiteOutput
import Foundation

/// The content folder read once: the dump paths the walk found, what it reported, each dump's
/// bytes, and a digest of each export file (`result.json` or an HTML page) with a fingerprint of
/// its media files. The input digest and the load stage both work from it. An export's bytes
/// are let go of once hashed and mapped again when it is parsed, an export at a time on each
/// core: 100k exported posts are 440 MB of JSON, which all held at once were the build's peak.
struct ContentFiles {
    var paths: [String]
    var walkDiagnostics: [Diagnostic]
    /// Each path's bytes, or nil with why it could not be read.
    var files: [(data: Data?, diagnostics: [Diagnostic])]
    /// Each dump's key (a fingerprint of its path and bytes; nil when unread): hashed once, on
    /// all cores, for both the input digest and the caches.
    var keys: [String?]
    /// Each export file, sorted by path.
    var exports: [ExportFile] = []
    /// Each export file's digest (a fingerprint of its bytes), or nil with why it could not be
    /// read; with the bytes hashed when they are kept for the parse (see `read`).
    var exportFiles: [(digest: String?, diagnostics: [Diagnostic], data: Data?)] = []
    /// Per export, a fingerprint of the names, sizes and times of every file in its folder.
    var exportMedia: [String] = []
    /// Each export's digest by its path, with the file's stamp when it was hashed.
    var exportStamps: [String: Stamped] = [:]

    /// A digest and the stamp (`FileSystem.stamp`) of the file when it was made.
    typealias Stamped = BuildManifest.InputStamp

    /// Walks the content folder (never into `excluded`) and reads every dump and export, in
    /// parallel. `known`: digests an earlier read made (`serve` keeps them, the manifest keeps a
    /// build's); an export whose
    /// stamp is the same is not read and hashed again (hundreds of megabytes at 100k posts), and
    /// the bytes of one that changed are kept for its parse (up to `keeping` bytes in all), which
    /// then neither reads nor hashes them again: an edit's export is read once.
    /// - Throws: `DiagnosticError` when the content folder is missing.
    static func read(_ folder: String, excluding excluded: [String], known: [String: Stamped] = [:], keeping: Int = keptBytes) throws
        -> ContentFiles
    {
        let loader = DumpLoader()
        let found = try loader.contentPaths(in: folder, excluding: excluded)
        let all = found.dumps + found.exports.map(\.path)
        // One identity per export folder (an HTML export's pages share theirs), made beside
        // the reads.
        let folders = Array(Set(found.exports.map { PathName.parent($0.path) })).sorted()
        let inputs = Dictionary(grouping: found.exports.map(\.path), by: PathName.parent).mapValues { Set($0.map(PathName.last)) }
        let dumpCount = found.dumps.count
        let budget = LockedBox(known.isEmpty ? 0 : keeping)
        // Each export stamped once, before it is read: a write while it is hashed changes the stamp.
        let fileStamps = all.indices.map { $0 >= dumpCount ? Self.stamp(of: all[$0]) : nil }
        // A folder's identity (a listing) and an export whose stamp is the one known are
        // answered at once: when only one file is left to read (`serve` after an edit), it is
        // read on this thread, its hash on every core.
        let answered = { (index: Int) in
            index >= all.count || index >= dumpCount && fileStamps[index] != nil && known[all[index]]?.stamp == fileStamps[index]
        }
        // `digest`: a dump's key, an export's digest.
        let read = (0..<all.count + folders.count).concurrentMap(quick: answered) {
            index -> (file: LoadedBytes?, digest: String?, identity: String?, stamp: String?) in
            guard index < all.count else {
                let folder = folders[index - all.count]
                return (nil, nil, ExportFolderIdentity.fingerprint(of: folder, inputs: inputs[folder] ?? []), nil)
            }
            let path = all[index]
            guard index >= dumpCount else {
                let file = loader.read(path: path)
                return (file, file.data.map { Self.key(path: path, data: $0) }, nil, nil)
            }
            // An export: its digest only; its bytes are mapped again when it is parsed.
            let stamp = fileStamps[index]
            if let stamp, let earlier = known[path], earlier.stamp == stamp { return ((nil, []), earlier.digest, nil, stamp) }
            let file = loader.read(path: path)
            let kept = file.data.flatMap { data in
                budget.mutate { left -> Data? in
                    guard data.count <= left else { return nil }
                    left -= data.count
                    return data
                }
            }
            return ((kept, file.diagnostics), file.data.map(Self.digest), nil, stamp)
        }
        let files = read.prefix(all.count).map { $0.file ?? (nil, []) }
        let identities = Dictionary(uniqueKeysWithValues: zip(folders, read.dropFirst(all.count).map { $0.identity ?? "" }))
        var stamps: [String: Stamped] = [:]
        for (export, file) in zip(found.exports, read[dumpCount..<all.count]) {
            if let stamp = file.stamp, let digest = file.digest { stamps[export.path] = Stamped(stamp: stamp, digest: digest) }
        }
        return ContentFiles(
            paths: found.dumps, walkDiagnostics: found.diagnostics, files: Array(files.prefix(dumpCount)),
            keys: read.prefix(dumpCount).map(\.digest),
            exports: found.exports, exportFiles: read[dumpCount..<all.count].map { ($0.digest, $0.file?.diagnostics ?? [], $0.file?.data) },
            exportMedia: found.exports.map { identities[PathName.parent($0.path)] ?? "" }, exportStamps: stamps)
    }

    /// The most export bytes kept from the hash to the parse: an edit's file, not a whole
    /// archive copied in at once (its exports are read again, an export at a time on each core).
    static let keptBytes = 512 << 20
    /// The same for `build`, whose peak memory counts more than `serve`'s (which holds its
    /// caches anyway): enough for a channel's re-export, not for a re-exported archive.
    static let keptBytesBuilding = 128 << 20

    /// A dump's key: a fingerprint of its path and bytes, everything its load and parse read.
    static func key(path: String, data: Data) -> String {
        var key = Fingerprint("dump", path)
        key.add(bytes: data)
        return key.hex
    }

    /// An export's digest: a fingerprint of its bytes, a piece at a time on every core when it
    /// is large (an edited export at 100k posts is tens of megabytes, hashed before its parse).
    static func digest(_ data: Data) -> String {
        let pieces = (data.count + digestPiece - 1) / digestPiece
        guard pieces > 1 else {
            var fingerprint = Fingerprint("export")
            fingerprint.add(bytes: data)
            return fingerprint.hex
        }
        let hashes = (0..<pieces).concurrentMap(chunk: 1) { piece in
            var fingerprint = Fingerprint("export piece")
            fingerprint.add(bytes: data[(data.startIndex + piece * digestPiece)..<(data.startIndex + min(data.count, (piece + 1) * digestPiece))])
            return fingerprint.hex
        }
        var fingerprint = Fingerprint("export in pieces")
        for hash in hashes { fingerprint.add(hash) }
        return fingerprint.hex
    }

    /// The bytes hashed as one piece of an export's digest.
    static let digestPiece = 8 << 20

    /// A file's stamp (`FileSystem.stamp`) with how its digest is made: a digest kept with a
    /// stamp made another way (an earlier chansite's manifest) is never taken for this way's.
    static func stamp(of path: String) -> String? {
        FileSystem.stamp(of: path).map { "pieces of \(digestPiece) " + $0 }
    }

    /// A file's bytes (nil when it could not be read) and what reading it reported.
    typealias LoadedBytes = (data: Data?, diagnostics: [Diagnostic])
}
