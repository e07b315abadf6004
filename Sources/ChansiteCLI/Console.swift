import ChansiteCore
import Foundation

/// All terminal output of the CLI goes through here: results on stdout, messages on stderr.
enum Console {
    static let isErrorTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0

    /// Prints to stderr; text from inputs (names, post text) has its control characters escaped.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Prints a result to stdout, escaped as `printError` does.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(TerminalText.escaped(text, keepingLineBreaks: true), terminator: terminator)
    }

    /// Pushes printed lines out at once: `serve` runs under tools that read its output as it comes.
    static func flush() {
        fflush(nil)
    }

    static func printDiagnostic(_ diagnostic: Diagnostic) {
        printError(diagnostic.description)
    }
}
