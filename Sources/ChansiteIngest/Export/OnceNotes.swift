import ChansiteCore

/// Diagnostics of an export, each kind said once: a 100k-message export with one unknown key
/// gets one note, not 100k.
struct OnceNotes: Sendable {
    private var said = Set<String>()
    private(set) var diagnostics: [Diagnostic] = []
    /// For each diagnostic, whether it is said once (what `add` was told).
    private var once: [Bool] = []

    /// Adds a diagnostic unless one with the same message was added (`once`); missing and
    /// refused files name their message, so each is said.
    mutating func add(_ message: String, at location: SourceLocation, severity: Diagnostic.Severity = .note, once: Bool = true) {
        guard !once || said.insert(message).inserted else { return }
        diagnostics.append(Diagnostic(severity, message, at: location))
        self.once.append(once)
    }

    /// Adds another's diagnostics in order, each as `add` would have (notes made ahead of the
    /// reader, on another core).
    mutating func add(_ other: OnceNotes) {
        for (diagnostic, once) in zip(other.diagnostics, other.once) {
            add(diagnostic.message, at: diagnostic.location ?? SourceLocation(path: ""), severity: diagnostic.severity, once: once)
        }
    }
}
