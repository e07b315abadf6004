import ArgumentParser
import ChansiteKit
import Foundation

extension Chansite {
    /// Parses one dump and shows what chansite made of it.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a dump is parsed: its format, channel, posts and diagnostics.")

        @Argument(help: "The dump file to parse.")
        var file: String

        @Flag(help: "Print the parse as JSON (the contract in shared/dumps/README.md).")
        var json = false

        func run() throws {
            let (dump, loadDiagnostics) = DumpLoader().load(path: file)
            guard let dump else {
                for diagnostic in loadDiagnostics { Console.printDiagnostic(diagnostic) }
                throw ExitCode.failure
            }
            let parsed = DumpParser().parse(dump)
            if json {
                var data = try parsed.jsonData()
                data.append(0x0A)
                FileHandle.standardOutput.write(data)
            } else {
                print(InspectReport(parsed).text, terminator: "")
            }
        }
    }
}
