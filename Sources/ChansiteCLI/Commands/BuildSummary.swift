import ChansiteCore
import ChansiteOutput
import Foundation

/// What `build` prints: diagnostics in compiler style, dropped lines per file, one summary line.
struct BuildSummary {
    let result: BuildResult
    let verbose: Bool
    let quiet: Bool
    /// Diagnostics shown before the rest are summarised (as Hugo caps at 50).
    static let cap = 50

    func print(seconds: Double) {
        let shown = result.diagnostics.filter { verbose || $0.severity != .note || $0.stage == .write }
        for diagnostic in shown.prefix(Self.cap) where !quiet || diagnostic.severity != .note {
            Console.printDiagnostic(diagnostic)
        }
        if shown.count > Self.cap { Console.printError("… and \(shown.count - Self.cap) more diagnostics") }
        if verbose {
            for dump in result.dumps {
                Console.printError("\(dump.path): format \(dump.format), \(dump.posts) posts, \(dump.droppedLines.count) lines dropped")
                for line in dump.droppedLines {
                    Console.printError("\(dump.path):\(line.line): note: \(line.reason) skipped")
                }
            }
            for (stage, time) in result.timings {
                Console.printError(String(format: "  %-10@ %.3f s", stage as NSString, time))
            }
        } else if !quiet {
            for dump in result.dumps where !dump.droppedLines.isEmpty {
                Console.printError("\(dump.path): \(dump.droppedLines.count) lines dropped (use --verbose to list them)")
            }
        }
        let counts = result.counts
        let files =
            result.reused > 0
            ? "\(result.outputFiles.count) files: \(result.written) written, \(result.reused) unchanged"
            : "\(result.outputFiles.count) files"
        var line = String(
            format: "built %d channels, %d posts, %d tags: %d pages (%@) in %.2f s",
            counts.channels, counts.posts, counts.tags, counts.pages, files, seconds)
        if result.errorCount > 0 || result.warningCount > 0 {
            line += " · \(result.errorCount) errors, \(result.warningCount) warnings"
        }
        if !quiet || result.errorCount > 0 { Console.print(line) }
    }
}
