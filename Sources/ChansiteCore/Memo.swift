import Foundation

/// Values made from inputs named by a fingerprint, kept from one build to the next in the same
/// process. A key names every input of its value, so a hit gives exactly what making it would.
/// Each build's lookups mark what it used; `endBuild()` forgets the rest, so a memo holds one
/// site's worth however long `serve` runs.
package final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: Value] = [:]
    private var used: [String: Value] = [:]

    package init() {}

    /// The value an earlier build made for `key`, kept for the next build too.
    package func known(_ key: String) -> Value? {
        lock.withLock {
            guard let known = used[key] ?? kept[key] else { return nil }
            used[key] = known
            return known
        }
    }

    package func store(_ key: String, _ value: Value) {
        lock.withLock { used[key] = value }
    }

    package func endBuild() {
        lock.withLock {
            kept = used
            used = [:]
        }
    }
}
