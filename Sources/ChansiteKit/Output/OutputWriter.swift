import Foundation

/// Writes a finished site: the only code that writes files. The site goes to a temporary folder
/// beside the output folder and is swapped in only when every file was written, so a failed or
/// interrupted build leaves the previous output untouched.
public struct OutputWriter: Sendable {
    public var outputPath: String

    public init(outputPath: String) {
        self.outputPath = outputPath
    }

    /// Writes `files` and swaps them in. Top-level dot-files of the old output (`.git`, `.gitkeep`)
    /// move into the new one, so a deploy checkout inside `Output/` survives rebuilds.
    /// - Throws: `DiagnosticError` naming the file that could not be written; the old output is then unchanged.
    public func write(_ files: [RenderedFile]) throws {
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try createDirectory(parent)
        removeStaleTemporaries(in: parent, name: name)
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).tmp-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try createDirectory(staging)
            try writeFiles(files, into: staging)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: output.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw DiagnosticError(.error("output path '\(outputPath)' is a file, not a folder"))
                }
                try carryOverDotFiles(from: output, to: staging)
                try fm.moveItem(at: output, to: retired)
            }
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.removeItem(at: staging)
            if fm.fileExists(atPath: retired.path), !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: retired, to: output)
            }
            if let diagnostic = error as? DiagnosticError { throw diagnostic }
            throw DiagnosticError(.error("cannot write the site to '\(outputPath)': \(DumpLoader.reason(error))"))
        }
        try? fm.removeItem(at: retired)
    }

    private func writeFiles(_ files: [RenderedFile], into root: URL) throws {
        var folders = Set<String>()
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folder.isEmpty { folders.insert(folder) }
        }
        for folder in folders.sorted() {
            try createDirectory(root.appendingPathComponent(folder))
        }
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let path = root.appendingPathComponent(file.path).path
            if let problem = Self.store(file.contents, at: path) {
                failures.mutate { $0.append("'\(file.path)': \(problem)") }
            }
        }
        if let first = failures.value.sorted().first {
            throw DiagnosticError(.error("cannot write \(first)"))
        }
    }

    /// Writes one file with plain POSIX calls: no per-file fsync (the folder swap is what makes
    /// the site appear at once) and no temporary file per write. Returns the error, if any.
    static func store(_ data: Data, at path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    private func createDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    private func carryOverDotFiles(from old: URL, to new: URL) throws {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: old.path)) ?? [] where entry.hasPrefix(".") {
            let target = new.appendingPathComponent(entry)
            if !fm.fileExists(atPath: target.path) {
                try fm.copyItem(at: old.appendingPathComponent(entry), to: target)
            }
        }
    }

    /// Folders left by an interrupted build (killed between staging and swap).
    private func removeStaleTemporaries(in parent: URL, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            let pid = entry.split(separator: "-").dropFirst().first.flatMap { Int32($0) }
            if let pid, pid != getpid(), kill(pid, 0) == 0 { continue }  // another build still running
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}

/// A value shared between concurrent tasks behind a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
