import ChansiteCore
import ChansiteOutput
import Foundation

/// What `build` prints: diagnostics in compiler style, dropped lines per file, one summary line.
struct BuildSummary {
    let result: BuildResult
    let verbose: Bool
    let quiet: Bool
    /// Diagnostics printed by the last build (`serve`) or above as they happened (`build`): not
    /// printed again, only counted.
    var alreadyShown: Set<String> = []
    /// True when `alreadyShown` were printed by this build, above.
    var shownAbove = false
    /// Diagnostics shown before the rest are summarised (as Hugo caps at 50).
    static let cap = 50

    /// Prints the summary; returns the diagnostics it had to show (printed now or before).
    @discardableResult
    func print(seconds: Double) -> Set<String> {
        let all = result.diagnostics.filter { verbose || $0.severity != .note || $0.stage == .write }
        let shown = all.filter { !alreadyShown.contains($0.description) }
        // Those printed above count against the cap.
        let budget = shownAbove ? max(0, Self.cap - alreadyShown.count) : Self.cap
        for diagnostic in shown.prefix(budget) where !quiet || diagnostic.severity != .note {
            Console.printDiagnostic(diagnostic)
        }
        if shown.count > budget { Console.printError("… and \(Counted.of(shown.count - budget, "more diagnostic"))") }
        if shown.count < all.count, !shownAbove {
            Console.printError("(\(Counted.of(all.count - shown.count, "diagnostic")) as in the last build, not repeated)")
        }
        if verbose {
            for dump in result.dumps {
                let learned = dump.learnedSeams ?? []
                Console.printError(
                    "\(dump.path): format \(dump.format), \(Counted.of(dump.posts, "post")), \(Counted.of(dump.droppedLines.count, "line")) dropped"
                        + (learned.isEmpty ? "" : ", \(Counted.of(learned.count, "learned split"))"))
                for line in dump.droppedLines {
                    Console.printError("\(dump.path):\(line.line): note: \(line.reason) skipped")
                }
                for seam in learned {
                    Console.printDiagnostic(.note(seam.message, at: SourceLocation(path: dump.path, line: seam.line)))
                }
            }
            for (stage, time) in result.timings {
                Console.printError(String(format: "  %-10@ %.3f s", stage as NSString, time))
            }
            Console.printError("  \(Allocator.summary)")
        } else if !quiet {
            for dump in result.dumps where !dump.droppedLines.isEmpty {
                Console.printError("\(dump.path): \(Counted.of(dump.droppedLines.count, "line")) dropped (use --verbose to list them)")
            }
            for dump in result.dumps {
                guard let learned = dump.learnedSeams, !learned.isEmpty else { continue }
                Console.printError(
                    "\(dump.path): \(Counted.of(learned.count, "post")) started where no marker showed a seam, learned from the copy's marked seams (use --verbose to see why)"
                )
            }
        }
        if !quiet, let withheld = result.counts.withheld?.summary { Console.printError(withheld + " (privacy; see --verbose for each post)") }
        if !quiet || result.errorCount > 0 { Console.print(Self.line(result, seconds: seconds)) }
        return Set(all.map(\.description))
    }

    /// "built 1 channel, 2 posts, 1 tag: 9 pages (14 files) in 0.31 s · 0 errors, 1 warning".
    static func line(_ result: BuildResult, seconds: Double) -> String {
        let counts = result.counts
        let files =
            result.reused > 0
            ? "\(Counted.of(result.outputFileCount, "file")): \(result.written) written, \(result.reused) unchanged"
            : Counted.of(result.outputFileCount, "file")
        let built = [Counted.of(counts.channels, "channel"), Counted.of(counts.posts, "post"), Counted.of(counts.tags, "tag")]
        var line = "built \(built.joined(separator: ", ")): \(Counted.of(counts.pages, "page")) (\(files)) in \(String(format: "%.2f", seconds)) s"
        if result.errorCount > 0 || result.warningCount > 0 {
            line += " · \(Counted.of(result.errorCount, "error")), \(Counted.of(result.warningCount, "warning"))"
        }
        return line
    }
}
