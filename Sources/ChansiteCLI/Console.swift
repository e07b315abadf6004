import ChansiteKit
import Foundation

/// All terminal output of the CLI goes through here: results on stdout, messages on stderr.
enum Console {
    static let isErrorTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Pushes printed lines out at once: `serve` runs under tools that read its output as it comes.
    static func flush() {
        fflush(nil)
    }

    static func printDiagnostic(_ diagnostic: Diagnostic) {
        printError(diagnostic.description)
    }
}
