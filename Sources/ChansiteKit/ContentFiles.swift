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
        let files = LockedBox([(data: Data?, diagnostics: [Diagnostic])](repeating: (nil, []), count: all.count))
        // One identity per export folder (an HTML export's pages share theirs).
        let folders = Array(Set(found.exports.map { PathName.parent($0.path) })).sorted()
        let media = LockedBox([String: String]())
        DispatchQueue.concurrentPerform(iterations: all.count + folders.count) { index in
            if index < all.count {
                let read = loader.read(path: all[index])
                files.mutate { $0[index] = read }
            } else {
                let folder = folders[index - all.count]
                let identity = ExportFolderIdentity.fingerprint(of: folder)
                media.mutate { $0[folder] = identity }
            }
        }
        let identities = media.value
        return ContentFiles(
            paths: found.dumps, walkDiagnostics: found.diagnostics, files: Array(files.value.prefix(found.dumps.count)),
            exports: found.exports, exportFiles: Array(files.value.dropFirst(found.dumps.count)),
            exportMedia: found.exports.map { identities[PathName.parent($0.path)] ?? "" })
    }
}
