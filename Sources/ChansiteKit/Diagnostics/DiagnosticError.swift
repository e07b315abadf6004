/// An error that carries diagnostics, thrown when a stage cannot go on at all.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Failures a caller acts on, not only reports.
    public enum Reason: Sendable, Hashable {
        /// Another build holds the output folder's lock; trying again later may succeed.
        case outputLocked
    }

    public var diagnostics: [Diagnostic]
    public var reason: Reason?

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic, reason: Reason? = nil) {
        self.diagnostics = [diagnostic]
        self.reason = reason
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
