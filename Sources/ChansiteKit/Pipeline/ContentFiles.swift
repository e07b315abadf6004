import Foundation

/// The content folder read once: the dump paths the walk found, what it reported, and each
/// dump's bytes. The input digest and the load stage both work from it, so no dump is read twice.
struct ContentFiles {
    var paths: [String]
    var walkDiagnostics: [Diagnostic]
    /// Each path's bytes, or nil with why it could not be read.
    var files: [(data: Data?, diagnostics: [Diagnostic])]

    /// Walks the content folder (never into `excluded`) and reads every dump, in parallel.
    /// - Throws: `DiagnosticError` when the content folder is missing.
    static func read(_ folder: String, excluding excluded: [String]) throws -> ContentFiles {
        let loader = DumpLoader()
        let (paths, walkDiagnostics) = try loader.dumpPaths(in: folder, excluding: excluded)
        let files = LockedBox([(data: Data?, diagnostics: [Diagnostic])](repeating: (nil, []), count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let read = loader.read(path: paths[index])
            files.mutate { $0[index] = read }
        }
        return ContentFiles(paths: paths, walkDiagnostics: walkDiagnostics, files: files.value)
    }
}
