import Dispatch

/// Batches made one after another, each while the one before is being used: a serial reader
/// of decoded messages works on batch k while batch k + 1 is decoded on the other cores, so the
/// decoding is mostly hidden behind the reading. At most two batches are held at a time, and
/// none is still being made once the iterator is gone (it waits for the one in hand), so `make`
/// may read memory that lives only as long as the iteration.
package struct PrefetchedBatches<Batch: Sendable>: Sequence {
    let count: Int
    let make: @Sendable (Int) -> Batch

    /// `count` batches; `make(i)` makes batch `i`.
    package init(count: Int, make: @escaping @Sendable (Int) -> Batch) {
        self.count = count
        self.make = make
    }

    package func makeIterator() -> Iterator { Iterator(count: count, make: make) }

    package final class Iterator: IteratorProtocol {
        private let count: Int
        private let make: @Sendable (Int) -> Batch
        private var index = 0
        private var pending: Pending?

        init(count: Int, make: @escaping @Sendable (Int) -> Batch) {
            self.count = count
            self.make = make
        }

        deinit { pending?.wait() }

        package func next() -> Batch? {
            guard index < count else { return nil }
            let current = pending ?? Pending(index, make)
            pending = index + 1 < count ? Pending(index + 1, make) : nil
            index += 1
            return current.wait()
        }
    }

    /// A batch being made on another thread.
    private final class Pending: @unchecked Sendable {
        private let group = DispatchGroup()
        // Written once by the maker before `leave`, read only after `wait`.
        private var batch: Batch?

        init(_ index: Int, _ make: @escaping @Sendable (Int) -> Batch) {
            group.enter()
            DispatchQueue.global().async {
                self.batch = make(index)
                self.group.leave()
            }
        }

        @discardableResult
        func wait() -> Batch {
            group.wait()
            guard let batch else { preconditionFailure("a batch is made before its group is left") }
            return batch
        }
    }
}
