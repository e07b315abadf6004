import Foundation

/// Values made from inputs named by a fingerprint, kept from one build to the next in the same
/// process. A key names every input of its value, so a hit gives exactly what making it would.
/// Each build's lookups mark what it used; `endBuild()` forgets the rest, so a memo holds one
/// site's worth however long `serve` runs.
final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: Value] = [:]
    private var used: [String: Value] = [:]

    /// The value for `key`, made by `make` (outside the lock) when no earlier build made it.
    func value(_ key: String, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ () -> Value? in
            guard let known = used[key] ?? kept[key] else { return nil }
            used[key] = known
            return known
        }) {
            return known
        }
        let made = make()
        lock.withLock { used[key] = made }
        return made
    }

    func endBuild() {
        lock.withLock {
            kept = used
            used = [:]
        }
    }
}
