import ArgumentParser
import ChansiteCore
import ChansiteKit
import ChansiteOutput
import Foundation

extension Chansite {
    /// Builds the site from the dumps into the output folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site from every export, saved page and dump in the content folder.")

        @OptionGroup var site: SiteOptions

        @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
        var quiet = false

        @Flag(name: .shortAndLong, help: "List every dropped line and the time of each stage.")
        var verbose = false

        @Flag(name: .long, help: "Render and index every post again, without reading or writing the build cache.")
        var noCache = false

        func validate() throws {
            if quiet && verbose { throw ValidationError("Please use either --quiet or --verbose, not both.") }
        }

        func run() throws {
            let progress = ProgressLine(enabled: !quiet && Console.isErrorTerminal)
            var options = site.buildOptions
            options.failsWithoutPosts = true
            options.usesCache = !noCache
            var pipeline = Pipeline(options: options) { stage in
                if stage == Diagnostic.Stage.model.rawValue { Allocator.releaseFreedPages() }
                progress.show(stage)
            }
            // Warnings and errors are printed as each stage finds them, not after the render.
            let printed = LockedBox<Set<String>>([])
            let verbose = verbose
            pipeline.report = { diagnostics in
                let shown = diagnostics.filter { verbose || $0.severity != .note }
                guard !shown.isEmpty else { return }
                progress.clear()
                printed.mutate { already in
                    for diagnostic in shown where already.count < BuildSummary.cap && already.insert(diagnostic.description).inserted {
                        Console.printDiagnostic(diagnostic)
                    }
                }
            }
            let start = Date()
            let result: BuildResult
            do {
                result = try pipeline.buildAndWrite()
            } catch let error as DiagnosticError {
                progress.clear()
                // What the stages printed as they found it is not printed again.
                let shown = printed.value
                error.diagnostics.filter { !shown.contains($0.description) }.forEach(Console.printDiagnostic)
                // The writer says itself what became of the previous site; before it, nothing was touched.
                let written = error.diagnostics.contains { $0.stage == .write }
                let errors = error.diagnostics.filter { $0.severity == .error }.count
                Console.printError("build failed: \(Counted.of(errors, "error"))" + (written ? "" : "; '\(site.output)' was left unchanged"))
                throw ExitCode.failure
            }
            progress.clear()
            BuildSummary(result: result, verbose: verbose, quiet: quiet, alreadyShown: printed.value, shownAbove: true)
                .print(seconds: Date().timeIntervalSince(start))
            // Ended here, with the site model still held: the system takes the memory back at
            // once, where letting the model go an object at a time took a tenth of a second at
            // 100k posts, the last of a rebuild's. The site, the manifest and the cache are all
            // in place and closed by now; `exit` flushes what was printed.
            Foundation.exit(result.errorCount > 0 ? ExitCode.failure.rawValue : ExitCode.success.rawValue)
        }
    }
}
