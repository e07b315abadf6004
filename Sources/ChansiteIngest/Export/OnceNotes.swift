import ChansiteCore

/// Diagnostics of an export, each kind said once: a 100k-message export with one unknown key
/// gets one note, not 100k.
struct OnceNotes {
    private var said = Set<String>()
    private(set) var diagnostics: [Diagnostic] = []

    /// Adds a diagnostic unless one with the same message was added (`once`); missing and
    /// refused files name their message, so each is said.
    mutating func add(_ message: String, at location: SourceLocation, severity: Diagnostic.Severity = .note, once: Bool = true) {
        guard !once || said.insert(message).inserted else { return }
        diagnostics.append(Diagnostic(severity, message, at: location))
    }
}
