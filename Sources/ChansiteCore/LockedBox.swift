import Foundation

/// A value shared between concurrent tasks behind a lock.
package final class LockedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    package init(_ value: Value) { stored = value }

    package var value: Value { lock.withLock { stored } }

    @discardableResult
    package func mutate<Result>(_ body: (inout Value) -> Result) -> Result { lock.withLock { body(&stored) } }
}
