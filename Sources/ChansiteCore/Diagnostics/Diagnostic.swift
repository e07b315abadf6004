/// A message for the user about their input: the only error shape that reaches the terminal.
package struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    package enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Something the user may want to know; nothing is wrong.
        case note
        /// Input that was handled, but maybe not as the user meant.
        case warning
        /// Input that could not be used; the build fails.
        case error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The pipeline stage that found a diagnostic, printed as a prefix (`[write]`); the CLI
    /// shows every note of the write stage, which tells what happened to the output folder.
    package enum Stage: String, Sendable, Hashable, Codable {
        case config, load, parse, templates, model, media, render, index, ingest, write
    }

    package var severity: Severity
    package var message: String
    package var location: SourceLocation?
    /// The pipeline stage that found it, printed as a prefix.
    package var stage: Stage?

    package init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, stage: Stage? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.stage = stage
    }

    package static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    package static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    package static func note(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// The diagnostic tagged with `stage`, unless it already names the stage that found it.
    package func inStage(_ stage: Stage) -> Diagnostic {
        var tagged = self
        tagged.stage = self.stage ?? stage
        return tagged
    }

    /// `[stage] path:line: severity: message`, the compiler style editors understand.
    /// Paths and messages quote input, so control characters are escaped for the terminal.
    package var description: String {
        var text = stage.map { "[\($0.rawValue)] " } ?? ""
        if let location { text += TerminalText.escaped("\(location)") + ": " }
        return text + "\(severity.rawValue): " + TerminalText.escaped(message)
    }
}
