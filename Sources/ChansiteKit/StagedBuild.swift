import ChansiteCore
import ChansiteOutput
import ChansiteSearch
import Foundation

/// A build made into the staging folder and not yet swapped in (`Pipeline.stage`). It holds
/// the output's lock until `finish()`; dropped unfinished, the next build cleans up after it.
package final class StagedBuild: @unchecked Sendable {
    /// The build's account; its `outputFiles` list every file of the new site (`listsFiles`).
    package private(set) var result: BuildResult
    private let pipeline: Pipeline?
    private let writer: OutputWriter?
    private let staged: OutputWriter.Staged?
    private let deferred: DeferredLinkSink?
    /// The search index still being written (a deferred build's), waited for by `finish()`.
    private let index: Pipeline.IndexTask?
    private var finished = false

    init(
        result: BuildResult, pipeline: Pipeline, writer: OutputWriter, staged: OutputWriter.Staged, deferred: DeferredLinkSink?,
        index: Pipeline.IndexTask? = nil
    ) {
        self.result = result
        self.pipeline = pipeline
        self.writer = writer
        self.staged = staged
        self.deferred = deferred
        self.index = index
        if let deferred { self.result.outputFiles = deferred.listing(previousUnder: pendingFolder) }
    }

    /// The folder whose files are still being written (the search index of a deferred build):
    /// until `finish()` the last build's files there are the site's.
    private var pendingFolder: String? { index == nil ? nil : SearchIndexLayout.folder }

    /// A build that found nothing changed: the current output is already its site.
    package init(replayed: BuildResult) {
        result = replayed
        pipeline = nil
        writer = nil
        staged = nil
        deferred = nil
        index = nil
        finished = true
    }

    /// The files this build wrote, in memory, when links were deferred and they were few
    /// enough to keep: with the current output's other files, they are the new site (with the
    /// last build's search index until `finish()`). Nil otherwise (serve the site only after
    /// `finish()`).
    package var madeFiles: [String: Data]? {
        guard !finished, let made = deferred?.made else { return nil }
        guard let pendingFolder else { return made }
        return made.filter { !$0.key.hasPrefix(pendingFolder) }
    }

    /// Links the files carried over (when deferred) and swaps the staged site into place.
    /// - Throws: `DiagnosticError` when the site cannot be put in place; the previous site is
    ///   then untouched.
    /// - Parameter hold: runs the swap, given the finished build's account (a preview server
    ///   installs the new list of files in the same step).
    @discardableResult
    package func finish(swapping hold: ((BuildResult, () throws -> Void) throws -> Void)? = nil) throws -> BuildResult {
        guard !finished, let pipeline, let writer, let staged else { return result }
        finished = true
        do {
            try index?.finish(into: &result)
        } catch {
            writer.abandon(staged)
            throw error
        }
        if let deferred, !deferred.linkAll() {
            writer.abandon(staged)
            throw DiagnosticError(
                .error("files of the output folder changed while the site was built; the previous site was left unchanged (build again)")
                    .inStage(.write))
        }
        pipeline.progress("write")
        let start = Date()
        result.written = staged.sink.written
        result.reused = staged.sink.reused
        if pipeline.listsFiles { result.outputFiles = staged.sink.manifest.files.mapValues(\.contentHash) }
        result.outputFileCount = staged.sink.manifest.files.count
        let account = result
        let swapHold: OutputWriter.SwapHold? = hold.map { hold in { swap in try hold(account, swap) } }
        result.diagnostics += try pipeline.tagged(.write) { try writer.finish(staged, hold: swapHold) }.map { $0.inStage(.write) }
        result.timings.append(("finish", Date().timeIntervalSince(start)))
        return result
    }
}
