import ChansiteCore
import Foundation

/// An `OutputSink` that tells `counted` of each file stored or carried over, and otherwise
/// passes everything to the sink it wraps: the search index's progress line counts its files.
struct CountingSink: OutputSink {
    let base: any OutputSink
    let counted: @Sendable () -> Void

    init(_ base: any OutputSink, counted: @escaping @Sendable () -> Void) {
        self.base = base
        self.counted = counted
    }

    func reuse(_ path: String, fingerprint: String) -> Bool {
        let reused = base.reuse(path, fingerprint: fingerprint)
        if reused { counted() }
        return reused
    }

    func reuse(_ path: String, key: String) -> Bool {
        let reused = base.reuse(path, key: key)
        if reused { counted() }
        return reused
    }

    func reuse(_ path: String, fingerprint: String, key: String?) -> Bool {
        let reused = base.reuse(path, fingerprint: fingerprint, key: key)
        if reused { counted() }
        return reused
    }

    func reuseGroup(_ prefix: String, fingerprint: String) -> Bool { base.reuseGroup(prefix, fingerprint: fingerprint) }

    func write(_ path: String, contents: Data, fingerprint: String?) throws {
        try base.write(path, contents: contents, fingerprint: fingerprint)
        counted()
    }

    func write(_ path: String, contents: Data, fingerprint: String?, key: String?) throws {
        try base.write(path, contents: contents, fingerprint: fingerprint, key: key)
        counted()
    }

    func write(_ path: String, streamed file: StreamedFile, fingerprint: String?) throws {
        try base.write(path, streamed: file, fingerprint: fingerprint)
        counted()
    }

    func recordGroup(_ prefix: String, fingerprint: String) { base.recordGroup(prefix, fingerprint: fingerprint) }
    func copy(_ path: String, from source: String) throws { try base.copy(path, from: source) }
    var scratchFolder: String? { base.scratchFolder }
    func expect(files count: Int) { base.expect(files: count) }
}
