import ChansiteCore
import ChansiteIngest
import Foundation

/// The content folder read once: the dump paths the walk found, what it reported, each dump's
/// bytes, and each export's `result.json` with a fingerprint of its media files. The input
/// digest and the load stage both work from it, so nothing is read twice.
struct ContentFiles {
    var paths: [String]
    var walkDiagnostics: [Diagnostic]
    /// Each path's bytes, or nil with why it could not be read.
    var files: [(data: Data?, diagnostics: [Diagnostic])]
    /// Each export file, sorted by path.
    var exports: [ExportFile] = []
    var exportFiles: [(data: Data?, diagnostics: [Diagnostic])] = []
    /// Per export, a fingerprint of the names, sizes and times of every file in its folder.
    var exportMedia: [String] = []

    /// Walks the content folder (never into `excluded`) and reads every dump and export, in
    /// parallel.
    /// - Throws: `DiagnosticError` when the content folder is missing.
    static func read(_ folder: String, excluding excluded: [String]) throws -> ContentFiles {
        let loader = DumpLoader()
        let found = try loader.contentPaths(in: folder, excluding: excluded)
        let all = found.dumps + found.exports.map(\.path)
        // One identity per export folder (an HTML export's pages share theirs), made beside
        // the reads.
        let folders = Array(Set(found.exports.map { PathName.parent($0.path) })).sorted()
        let read = (0..<all.count + folders.count).concurrentMap(chunk: 1) { index -> (file: LoadedBytes?, identity: String?) in
            index < all.count ? (loader.read(path: all[index]), nil) : (nil, ExportFolderIdentity.fingerprint(of: folders[index - all.count]))
        }
        let files = read.prefix(all.count).map { $0.file ?? (nil, []) }
        let identities = Dictionary(uniqueKeysWithValues: zip(folders, read.dropFirst(all.count).map { $0.identity ?? "" }))
        return ContentFiles(
            paths: found.dumps, walkDiagnostics: found.diagnostics, files: Array(files.prefix(found.dumps.count)),
            exports: found.exports, exportFiles: Array(files.dropFirst(found.dumps.count)),
            exportMedia: found.exports.map { identities[PathName.parent($0.path)] ?? "" })
    }

    /// A file's bytes (nil when it could not be read) and what reading it reported.
    typealias LoadedBytes = (data: Data?, diagnostics: [Diagnostic])
}
