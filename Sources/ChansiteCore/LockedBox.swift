import Synchronization

/// A value shared between concurrent tasks: the standard library's `Mutex` in a class, so the
/// closures of a parallel loop can all hold the one box.
package final class LockedBox<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    package init(_ value: Value) { mutex = Mutex(value) }

    package var value: Value { mutex.withLock { $0 } }

    @discardableResult
    package func mutate<Result: Sendable>(_ body: (inout Value) -> Result) -> Result { mutex.withLock { body(&$0) } }
}
