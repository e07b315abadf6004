import ChansiteCore
import ChansiteKit
import ChansiteOutput
import Foundation

/// Builds for the preview server, run off Swift's cooperative thread pool (the pipeline
/// blocks while it fans out over both cores), printing what `build` prints.
enum PreviewBuild {
    /// Whether each rebuild's clocks are printed (`CHANSITE_TIMINGS` set).
    static var showsTimings: Bool { ProcessInfo.processInfo.environment["CHANSITE_TIMINGS"] != nil }

    /// The diagnostics the last finished build printed.
    private static let shown = LockedBox<Set<String>>([])

    /// A build made and staged, not yet in place (`deferringLinks`: its carried-over files are
    /// linked only by `finish`), or the message of the error that stopped it.
    static func stage(_ pipeline: Pipeline, deferringLinks: Bool) async -> Result<StagedBuild, BuildFailure> {
        await offPool {
            try pipeline.stage(deferringLinks: deferringLinks)
        }
    }

    /// Puts a staged build in place and prints its summary (`started`: when the build began);
    /// with a `store`, its list of files is replaced in the same step as the output folder.
    static func finish(_ staged: StagedBuild, started: Date, store: SiteStore? = nil, output: String = "") async -> Result<BuildResult, BuildFailure>
    {
        await offPool {
            let result = try staged.finish(
                swapping: store.map { store in
                    { result, swap in try store.swap(swap, to: SiteStore.listing(result, output: output, made: [:])) }
                })
            // A rebuild prints only what changed: the warnings a user already read are counted.
            shown.mutate { shown in
                let summary = BuildSummary(
                    result: result, verbose: showsTimings, quiet: false, alreadyShown: shown)
                shown = summary.print(seconds: Date().timeIntervalSince(started))
            }
            Console.flush()
            return result
        }
    }

    /// A whole build, put in place.
    static func run(_ pipeline: Pipeline, store: SiteStore? = nil, output: String = "") async -> Result<BuildResult, BuildFailure> {
        let started = Date()
        switch await stage(pipeline, deferringLinks: false) {
        case .success(let staged): return await finish(staged, started: started, store: store, output: output)
        case .failure(let failure): return .failure(failure)
        }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, BuildFailure> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    let message = (error as? DiagnosticError)?.description ?? "\(error)"
                    let locked = (error as? DiagnosticError)?.reason == .outputLocked
                    // A held lock is waited for (`serve` says so once), not a failure to show.
                    if !locked {
                        Console.printError(message)
                        Console.printError("build failed; still serving the last good site")
                    }
                    continuation.resume(returning: .failure(BuildFailure(message: message, outputLocked: locked)))
                }
            }
        }
    }
}

/// Why a preview build failed, as the overlay and the terminal show it.
struct BuildFailure: Error {
    var message: String
    /// Another build held the output: the rebuild is tried again once it is done.
    var outputLocked = false
}
