import Foundation

/// Where rendered files go as soon as they are made: the staging folder of a real build, or
/// memory for tests and tools. Called from many threads at once.
package protocol OutputSink: Sendable {
    /// Carries the previous build's file at `path` over unchanged when it was made from the same
    /// inputs (`fingerprint`); true when it did, and the caller need not render the file.
    func reuse(_ path: String, fingerprint: String) -> Bool
    /// Carries over every previous file under `prefix` when the group was made from the same
    /// inputs; true when it did.
    func reuseGroup(_ prefix: String, fingerprint: String) -> Bool
    /// Stores one file. `fingerprint` names its inputs; nil means the contents are the inputs.
    func write(_ path: String, contents: Data, fingerprint: String?) throws
    /// Stores a file made piece by piece (`StreamedFile`, on the file system of
    /// `scratchFolder`): named into place, or dropped when the output has these bytes already.
    func write(_ path: String, streamed file: StreamedFile, fingerprint: String?) throws
    /// Records the fingerprint of a group written file by file.
    func recordGroup(_ prefix: String, fingerprint: String)
    /// Puts a file from outside the build (a photo of an export) at `path` by a streamed copy,
    /// never through memory; carried over from the last build when the source is unchanged.
    func copy(_ path: String, from source: String) throws
    /// A folder on the output's disk, outside the site, where a build may keep scratch files
    /// while it runs; nil when there is none (memory builds).
    var scratchFolder: String? { get }
    /// Told about how many files the build will store, before it stores most of them.
    func expect(files count: Int)
    /// Carries the previous build's page at `path` over unchanged when its inputs had this
    /// `key` (a fingerprint of what its view is made from: the view need not be made).
    func reuse(_ path: String, key: String) -> Bool
    /// `reuse(_:fingerprint:)`, recording the page's `key` with it for the next build.
    func reuse(_ path: String, fingerprint: String, key: String?) -> Bool
    /// `write(_:contents:fingerprint:)`, recording the page's `key` with it for the next build.
    func write(_ path: String, contents: Data, fingerprint: String?, key: String?) throws
}

extension OutputSink {
    package var scratchFolder: String? { nil }

    /// Only a sink with a scratch folder is handed a streamed file (callers check
    /// `scratchFolder` first); any other refuses it.
    package func write(_ path: String, streamed file: StreamedFile, fingerprint: String?) throws {
        throw DiagnosticError(.error("cannot store '\(path)': this build keeps its files in memory"))
    }
    package func expect(files count: Int) {}
    /// A sink that keeps no keys carries nothing over by one.
    package func reuse(_ path: String, key: String) -> Bool { false }
    package func reuse(_ path: String, fingerprint: String, key: String?) -> Bool { reuse(path, fingerprint: fingerprint) }
    package func write(_ path: String, contents: Data, fingerprint: String?, key: String?) throws {
        try write(path, contents: contents, fingerprint: fingerprint)
    }
}

/// Collects files in memory; never reuses anything.
package final class MemorySink: OutputSink, @unchecked Sendable {
    private let box = LockedBox((list: [RenderedFile](), paths: Set<String>()))

    package init() {}

    package func reuse(_ path: String, fingerprint: String) -> Bool { false }
    package func reuseGroup(_ prefix: String, fingerprint: String) -> Bool { false }
    package func recordGroup(_ prefix: String, fingerprint: String) {}

    package func write(_ path: String, contents: Data, fingerprint: String?) throws {
        // As in a real build, no two files may share a path.
        let added = box.mutate { files in
            guard files.paths.insert(path).inserted else { return false }
            files.list.append(RenderedFile(path: path, contents: contents))
            return true
        }
        guard added else {
            throw DiagnosticError(.error("two files of this build would both be written to '\(path)'; the second is left out"))
        }
    }

    /// Reads the file: a memory build is for tests and small sites.
    package func copy(_ path: String, from source: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw DiagnosticError(.error("cannot read '\(source)'"))
        }
        try write(path, contents: data, fingerprint: nil)
    }

    /// The files written so far, sorted by path.
    package var files: [RenderedFile] { box.value.list.sorted { $0.path < $1.path } }
}
