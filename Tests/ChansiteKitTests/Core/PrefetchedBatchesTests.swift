import Foundation
import Testing

@testable import ChansiteCore

/// The export reader decodes the next batch of messages while it reads one: batches come in
/// order, each once, and none is still being made when the reader stops (the bytes they read
/// are gone by then).
struct PrefetchedBatchesTests {
    /// Counts batches started and finished, from any thread.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0
        private var finished = 0
        func start() { lock.withLock { started += 1 } }
        func finish() { lock.withLock { finished += 1 } }
        var counts: (started: Int, finished: Int) { lock.withLock { (started, finished) } }
    }

    @Test func batchesComeInOrderEachOnce() {
        for ahead in [false, true] {
            let batches = PrefetchedBatches(count: 9, ahead: ahead) { index in (index * 3..<index * 3 + 3).map { $0 } }
            #expect(Array(batches.joined()) == Array(0..<27))
            #expect(Array(PrefetchedBatches(count: 0, ahead: ahead) { _ in [1] }).isEmpty)
        }
    }

    @Test func noBatchIsStillBeingMadeOnceTheReaderStops() {
        let tally = Tally()
        do {
            let iterator = PrefetchedBatches(count: 50, ahead: true) { index -> Int in
                tally.start()
                Thread.sleep(forTimeInterval: 0.02)
                tally.finish()
                return index
            }.makeIterator()
            #expect(iterator.next() == 0)
            #expect(iterator.next() == 1)
        }
        // The iterator is gone: the batch it had started is finished, and no other was begun.
        let counts = tally.counts
        #expect(counts.started == counts.finished)
        #expect(counts.started == 3)
    }
}
