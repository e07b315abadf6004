import ChansiteKit
import Foundation

/// One build for the preview server, run off Swift's cooperative thread pool (the pipeline
/// blocks while it fans out over both cores), printing what `build` prints.
enum PreviewBuild {
    /// The finished build, or the message of the error that stopped it.
    static func run(_ pipeline: Pipeline) async -> Result<BuildResult, BuildFailure> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let start = Date()
                do {
                    let result = try pipeline.buildAndWrite()
                    BuildSummary(result: result, verbose: false, quiet: false).print(seconds: Date().timeIntervalSince(start))
                    Console.flush()
                    continuation.resume(returning: .success(result))
                } catch {
                    let message = (error as? DiagnosticError)?.description ?? "\(error)"
                    Console.printError(message)
                    Console.printError("build failed; still serving the last good site")
                    continuation.resume(returning: .failure(BuildFailure(message: message)))
                }
            }
        }
    }
}

/// Why a preview build failed, as the overlay and the terminal show it.
struct BuildFailure: Error {
    var message: String
}
