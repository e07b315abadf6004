import Foundation

/// Writes a finished site: the only code that writes files. The site is staged in the work
/// folder beside the output and swapped in with one atomic exchange, so at every instant a
/// complete site is at the output path, and a failed or killed build leaves the previous one.
public struct OutputWriter: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A writer for `outputPath` with the other options at their defaults.
    public init(outputPath: String) {
        self.init(options: BuildOptions(outputPath: outputPath))
    }

    /// Writes `files` and swaps them in. Top-level hidden entries of the old output (`.git`,
    /// `.gitkeep`) are copied into the new one, so a deploy checkout inside it survives rebuilds.
    /// - Returns: notes about what happened (an interrupted build cleaned up, the swap used).
    /// - Throws: `DiagnosticError` saying what failed and what became of the previous site.
    @discardableResult
    public func write(_ files: [RenderedFile]) throws -> [Diagnostic] {
        try OutputGuard(options: options).check()
        let output = FileSystem.resolved(options.outputPath)
        let work = try WorkFolder(output: output, shownAs: options.outputPath)
        var notes = work.recover()
        let shown = options.outputPath
        do {
            try stage(files, in: work)
        } catch {
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(.error("\(Self.message(error)); the previous site in '\(shown)' was left unchanged"))
        }
        FaultPoint.hit("staged")
        guard FileSystem.exists(output) else {
            if let problem = FileSystem.rename(work.staging, to: output) {
                FileSystem.removeTree(work.staging)
                throw DiagnosticError(.error("cannot move the new site to '\(shown)': \(problem)"))
            }
            return notes
        }
        switch FileSystem.exchange(work.staging, output) {
        case .exchanged:
            FaultPoint.hit("exchanged")
            FileSystem.removeTree(work.staging)  // now the previous site
        case .unsupported:
            notes.append(.note("this file system cannot exchange folders in one step; the site was swapped with two renames"))
            try swapWithTwoRenames(work: work, output: output)
        case .failed(let reason):
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(.error("cannot swap the new site into '\(shown)': \(reason); the previous site was left unchanged"))
        }
        FaultPoint.hit("done")
        return notes
    }

    /// The fallback swap: the previous site moves into the work folder, the new one into place.
    /// A crash between the two leaves the previous site in the work folder, marked complete,
    /// and the next build puts it back before doing anything else.
    private func swapWithTwoRenames(work: WorkFolder, output: String) throws {
        let shown = options.outputPath
        if let problem = FileSystem.rename(output, to: work.retired) {
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(.error("cannot move the previous site aside: \(problem); it was left unchanged in '\(shown)'"))
        }
        FaultPoint.hit("retired")
        if let problem = FileSystem.rename(work.staging, to: output) {
            let restored = FileSystem.rename(work.retired, to: output) == nil
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(.error("cannot move the new site into place: \(problem); "
                + (restored ? "the previous site was put back in '\(shown)'" : "the previous site is kept in '\(work.displayPath)/previous'")))
        }
        FaultPoint.hit("renamed")
        FileSystem.removeTree(work.retired)
    }

    /// Writes the new site into the staging folder, marked partial until the last file is in.
    private func stage(_ files: [RenderedFile], in work: WorkFolder) throws {
        let staging = work.staging
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: FileSystem.join(staging, OutputMarker.partial)))
        FaultPoint.hit("staging")
        try writeFiles(files, into: staging)
        try carryOverHiddenEntries(from: work.outputPath, to: staging)
        try OutputMarker.siteContents.write(to: URL(fileURLWithPath: FileSystem.join(staging, OutputMarker.site)))
        try FileManager.default.removeItem(atPath: FileSystem.join(staging, OutputMarker.partial))
    }

    private func writeFiles(_ files: [RenderedFile], into root: String) throws {
        var folders = Set<String>()
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folder.isEmpty { folders.insert(folder) }
        }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: FileSystem.join(root, folder), withIntermediateDirectories: true)
        }
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            if let problem = Self.store(file.contents, at: FileSystem.join(root, file.path)) {
                failures.mutate { $0.append("cannot write '\(file.path)': \(problem)") }
            }
        }
        if let first = failures.value.sorted().first { throw WriteFailure(message: first) }
    }

    /// Writes one file with plain POSIX calls: no per-file fsync (the folder swap is what makes
    /// the site appear at once) and no temporary file per write. Returns the error, if any.
    static func store(_ data: Data, at path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return FileSystem.lastError }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return FileSystem.lastError
                }
                offset += written
            }
            return nil
        }
    }

    private func carryOverHiddenEntries(from old: String, to new: String) throws {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: old)) ?? []
        where entry.hasPrefix(".") && entry != OutputMarker.site && entry != OutputMarker.partial {
            let target = FileSystem.join(new, entry)
            if !FileSystem.exists(target) { try fm.copyItem(atPath: FileSystem.join(old, entry), toPath: target) }
        }
    }

    private static func message(_ error: any Error) -> String {
        if let failure = error as? WriteFailure { return failure.message }
        return "cannot stage the site: \(FileSystem.describe(error))"
    }

    private struct WriteFailure: Error {
        var message: String
    }
}
