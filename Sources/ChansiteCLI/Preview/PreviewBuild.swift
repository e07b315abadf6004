import ChansiteKit
import Foundation

/// One build for the preview server, run off Swift's cooperative thread pool (the pipeline
/// blocks while it fans out over both cores), printing what `build` prints.
enum PreviewBuild {
    nonisolated(unsafe) static var lastError: String?

    static func run(_ pipeline: Pipeline) async -> BuildResult? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let start = Date()
                do {
                    let result = try pipeline.build()
                    try pipeline.write(result)
                    BuildSummary(result: result, verbose: false, quiet: false).print(seconds: Date().timeIntervalSince(start))
                    Console.flush()
                    lastError = nil
                    continuation.resume(returning: result)
                } catch {
                    let message = (error as? DiagnosticError)?.description ?? "\(error)"
                    Console.printError(message)
                    Console.printError("build failed; still serving the last good site")
                    lastError = message
                    continuation.resume(returning: nil)
                }
            }
        }
    }
}
