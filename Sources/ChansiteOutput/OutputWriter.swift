import ChansiteCore
import Foundation
import SystemPackage

/// Writes a finished site: the only code that writes files. The site is staged in the work
/// folder beside the output and swapped in with one atomic exchange, so at every instant a
/// complete site is at the output path, and a failed or killed build leaves the previous one.
package struct OutputWriter: Sendable {
    package var options: BuildOptions

    package init(options: BuildOptions) {
        self.options = options
    }

    /// A writer for `outputPath` with the other options at their defaults.
    package init(outputPath: String) {
        self.init(options: BuildOptions(outputPath: outputPath))
    }

    /// A build in progress: the locked work folder and the sink filling its staging folder.
    /// The lock is held as long as this value lives.
    package struct Staged: Sendable {
        package let sink: StagingSink
        /// Notes about the output folder so far (an interrupted build cleaned up).
        package var notes: [Diagnostic]
        let work: WorkFolder
    }

    /// Checks the output folder, takes the lock, cleans up after an interrupted build and opens
    /// the staging folder, marked partial until `finish`.
    /// - Throws: `DiagnosticError` when the folder may not be written or another build holds it.
    package func begin() throws -> Staged {
        try OutputGuard(options: options).check()
        let output = FileSystem.resolved(options.outputPath)
        let work = try WorkFolder(output: output, shownAs: options.outputPath)
        let notes = work.recover()
        let hasOutput = FileSystem.isDirectory(output)
        let previous = hasOutput ? BuildManifest.load(work.manifest) : BuildManifest()
        // The last site swapped out, when there is one (it needs the current output to link from).
        let spare = hasOutput && work.takeSpare()
        do {
            try FileManager.default.createDirectory(atPath: work.staging, withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: FileSystem.join(work.staging, OutputMarker.partial)))
        } catch {
            throw DiagnosticError(
                .error("cannot stage the site: \(FileSystem.describe(error)); the previous site in '\(options.outputPath)' was left unchanged"))
        }
        FaultPoint.hit("staging")
        return Staged(sink: StagingSink(staging: work.staging, output: output, previous: previous, stagesIntoSpare: spare), notes: notes, work: work)
    }

    /// Abandons a staged build: the staging folder is kept as the next build's spare, the
    /// previous site stays.
    package func abandon(_ staged: Staged) {
        staged.work.keepAsSpare(staged.work.staging)
        unlink(staged.work.nextCache)
    }

    /// Completes the staged site (hidden entries carried over, marker) and swaps it in.
    /// - Returns: notes about what happened to the output folder.
    /// - Throws: `DiagnosticError` saying what failed and what became of the previous site.
    /// Runs the swap it is given: a preview server holds its own lock around it, so no request
    /// sees the new files under the old list of files.
    package typealias SwapHold = (_ swap: () throws -> Void) throws -> Void

    @discardableResult
    package func finish(_ staged: Staged, hold: SwapHold? = nil) throws -> [Diagnostic] {
        let work = staged.work
        let output = work.outputPath
        var notes = staged.notes
        // The manifest is written while the staging folder is completed: neither reads what
        // the other changes, and each was a core's work at the end of a rebuild at 100k posts.
        let sink = staged.sink
        do {
            let (completed, _) = try Parallel.beside(
                {
                    Result {
                        sink.dropLeftovers()
                        try carryOverHiddenEntries(from: output, to: work.staging)
                        try FileManager.default.removeItem(atPath: FileSystem.join(work.staging, OutputMarker.partial))
                    }
                },
                { try sink.manifest.save(work.nextManifest) })
            try completed.get()
        } catch {
            abandon(staged)
            throw DiagnosticError(
                .error("cannot stage the site: \(FileSystem.describe(error)); the previous site in '\(options.outputPath)' was left unchanged"))
        }
        FaultPoint.hit("staged")
        notes += try swap(work: work, output: output, hold: hold ?? { try $0() })
        // After the swap: a crash before this rename leaves the previous manifest, whose
        // entries no longer match the files' inodes, so nothing stale is ever carried over.
        // try?: a manifest left beside the old one means a full build next time, never a wrong reuse.
        try? FileSystem.rename(work.nextManifest, to: work.manifest)
        // The published URLs, with this build's: lost, the next build would not know to keep
        // the URLs that only this site had, so that is said.
        if FileSystem.exists(work.nextURLHistory) {
            do {
                try FileSystem.rename(work.nextURLHistory, to: work.urlHistory)
            } catch {
                notes.append(.warning("cannot keep the list of published URLs in '\(work.displayPath)': \(error)"))
            }
        }
        // The build cache for the next build: a cache left unmoved is only older, never wrong
        // (its entries are keyed by their inputs), so failing here costs time, not the site.
        if FileSystem.exists(work.nextCache) {
            do {
                try FileSystem.rename(work.nextCache, to: work.cache)
            } catch {
                notes.append(.note("cannot keep this build's cache in '\(work.displayPath)': \(error); the next build uses the one before"))
            }
        }
        FaultPoint.hit("done")
        return notes
    }

    /// Writes `files` and swaps them in (a whole site held in memory; tests and tools).
    /// - Returns: notes about what happened (an interrupted build cleaned up, the swap used).
    /// - Throws: `DiagnosticError` saying what failed and what became of the previous site.
    @discardableResult
    package func write(_ files: [RenderedFile]) throws -> [Diagnostic] {
        let staged = try begin()
        // Each file's failure kept whole (its diagnostics, with their locations), in path order.
        let failures = files.concurrentMap(chunk: 16) { file -> [Diagnostic] in
            do {
                try staged.sink.write(file.path, contents: file.contents, fingerprint: nil)
                return []
            } catch let error as DiagnosticError {
                return error.diagnostics
            } catch {
                return [.error("cannot write '\(file.path)': \(FileSystem.describe(error))")]
            }
        }
        let failed = zip(files, failures).filter { !$0.1.isEmpty }.sorted { $0.0.path < $1.0.path }.flatMap(\.1)
        if !failed.isEmpty {
            abandon(staged)
            throw DiagnosticError(failed + [.error("the previous site in '\(options.outputPath)' was left unchanged")])
        }
        return try finish(staged)
    }

    /// Puts the staged site in place: one exchange, or two renames where exchange is missing.
    private func swap(work: WorkFolder, output: String, hold: SwapHold) throws -> [Diagnostic] {
        let shown = options.outputPath
        guard FileSystem.exists(output) else {
            var problem: Errno?
            try hold {
                do throws(Errno) { try FileSystem.rename(work.staging, to: output) } catch { problem = error }
            }
            if let problem {
                FileSystem.removeTree(work.staging)
                throw DiagnosticError(.error("cannot move the new site to '\(shown)': \(problem)"))
            }
            return []
        }
        var outcome = FileSystem.ExchangeResult.unsupported
        try hold {
            outcome = FileSystem.exchange(work.staging, output)
            if case .unsupported = outcome { try swapWithTwoRenames(work: work, output: output) }
        }
        switch outcome {
        case .exchanged:
            FaultPoint.hit("exchanged")
            work.keepAsSpare(work.staging)  // now the previous site
            return []
        case .unsupported:
            return [.note("this file system cannot exchange folders in one step; the site was swapped with two renames")]
        case .failed(let reason):
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(.error("cannot swap the new site into '\(shown)': \(reason); the previous site was left unchanged"))
        }
    }

    /// The fallback swap: the previous site moves into the work folder, the new one into place.
    /// A crash between the two leaves the previous site in the work folder, marked complete,
    /// and the next build puts it back before doing anything else.
    private func swapWithTwoRenames(work: WorkFolder, output: String) throws {
        let shown = options.outputPath
        do {
            try FileSystem.rename(output, to: work.retired)
        } catch {
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(.error("cannot move the previous site aside: \(error); it was left unchanged in '\(shown)'"))
        }
        FaultPoint.hit("retired")
        do {
            try FileSystem.rename(work.staging, to: output)
        } catch let problem {
            let restored = (try? FileSystem.rename(work.retired, to: output)) != nil  // try?: the outcome is the message below
            FileSystem.removeTree(work.staging)
            throw DiagnosticError(
                .error(
                    "cannot move the new site into place: \(problem); "
                        + (restored ? "the previous site was put back in '\(shown)'" : "the previous site is kept in '\(work.displayPath)/previous'"))
            )
        }
        FaultPoint.hit("renamed")
        FileSystem.removeTree(work.retired)
    }

    /// Writes one file as a new file with plain POSIX calls: no per-file fsync (the folder swap
    /// is what makes the site appear at once) and no temporary file per write. A file already at
    /// `path` (a hard link to the live site, say) is unlinked first, never written through; only
    /// then, since unlinking takes the folder's lock, which stalls every thread creating files
    /// in that folder.
    static func store(_ data: Data, at path: String) throws(Errno) {
        let fd = FileCopy.createFresh(path)
        guard fd >= 0 else { throw Errno(rawValue: errno) }
        defer { close(fd) }
        try FileCopy.writeAll(fd, data)
    }

    /// Top-level hidden entries of the current output go into the new one as hard links, and
    /// the marker too when it is unchanged, so nothing in them is rewritten.
    private func carryOverHiddenEntries(from old: String, to new: String) throws {
        // try?: an old output that cannot be listed has no hidden entries to carry over; the swap reports its errors.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: old)) ?? []
        where entry.hasPrefix(".") && entry != OutputMarker.partial {
            let target = FileSystem.join(new, entry)
            if entry == OutputMarker.site && FileManager.default.contents(atPath: FileSystem.join(old, entry)) != OutputMarker.siteContents {
                continue
            }
            if !FileSystem.exists(target) { try FileSystem.linkTree(FileSystem.join(old, entry), to: target) }
        }
        let marker = FileSystem.join(new, OutputMarker.site)
        if !FileSystem.exists(marker) { try OutputMarker.siteContents.write(to: URL(fileURLWithPath: marker)) }
    }
}
