import Dispatch

/// Batches made one after another; with `ahead`, each while the one before is being used: a
/// serial reader of decoded messages works on batch k while batch k + 1 is decoded on the
/// other cores, so the decoding is mostly hidden behind the reading. Only for a reader that has
/// the cores to itself: one that waits for its next batch holds a thread of Dispatch's pool,
/// and several readers in parallel (a build reading its exports) starved the batches of
/// threads (their parse stage took 2.3× as long). At most two batches are held at a time, and
/// none is still being made once the iterator is gone (it waits for the one in hand), so
/// `make` may read memory that lives only as long as the iteration.
package struct PrefetchedBatches<Batch: Sendable>: Sequence {
    let count: Int
    let ahead: Bool
    let make: @Sendable (Int) -> Batch

    /// `count` batches; `make(i)` makes batch `i`, ahead of time when `ahead`.
    package init(count: Int, ahead: Bool, make: @escaping @Sendable (Int) -> Batch) {
        self.count = count
        self.ahead = ahead
        self.make = make
    }

    package func makeIterator() -> Iterator { Iterator(count: count, ahead: ahead, make: make) }

    package final class Iterator: IteratorProtocol {
        private let count: Int
        private let ahead: Bool
        private let make: @Sendable (Int) -> Batch
        private var index = 0
        private var pending: Pending?

        init(count: Int, ahead: Bool, make: @escaping @Sendable (Int) -> Batch) {
            self.count = count
            self.ahead = ahead
            self.make = make
        }

        deinit { pending?.wait() }

        package func next() -> Batch? {
            guard index < count else { return nil }
            index += 1
            guard ahead else { return make(index - 1) }
            let current = pending ?? Pending(index - 1, make)
            pending = index < count ? Pending(index, make) : nil
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
