/// An error that carries diagnostics, thrown when a stage cannot go on at all.
package struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Failures a caller acts on, not only reports.
    package enum Reason: Sendable, Hashable {
        /// Another build holds the output folder's lock; trying again later may succeed.
        case outputLocked
    }

    package var diagnostics: [Diagnostic]
    package var reason: Reason?

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package init(_ diagnostic: Diagnostic, reason: Reason? = nil) {
        self.diagnostics = [diagnostic]
        self.reason = reason
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
