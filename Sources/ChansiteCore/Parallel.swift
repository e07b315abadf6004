import Algorithms
import Foundation

/// How work is spread over the cores: every parallel loop of a build goes through here, so
/// the split (chunks of consecutive indices, one task per chunk) is decided in one place.
package enum Parallel {
    /// Calls `body` once for each chunk of `chunk` consecutive indices of `0..<count`, on all
    /// cores. A chunk is the unit that keeps its own scratch state (a stemmer, local tables),
    /// so a body that sets such state up once per call pays for it once per chunk.
    package static func forEachChunk(of count: Int, chunk: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let chunks = Array((0..<count).chunks(ofCount: max(1, chunk)))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { body(chunks[$0]) }
    }

    /// Calls `body` for each index of `0..<count`, on all cores: for work items large enough
    /// that one each is the right grain (a page, a file).
    package static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// Runs `first` and `second` at once (two iterations of `concurrentPerform`, one of them on
    /// the calling thread), and returns both results: for two independent steps that would
    /// otherwise leave a core idle one after the other.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = LockedBox<A?>(nil)
        let b = LockedBox<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { n in
            if n == 0 {
                let value = first()
                a.mutate { $0 = value }
            } else {
                let value = second()
                b.mutate { $0 = value }
            }
        }
        // concurrentPerform returns once both have run: both are set.
        guard let first = a.value, let second = b.value else { preconditionFailure("a parallel step did not run") }
        return (first, second)
    }

    /// Runs `first` on another thread while `second` runs on this one, and returns both
    /// results. Unlike `both`, neither runs as an iteration of `concurrentPerform`: libdispatch
    /// runs a parallel loop nested in such an iteration on that one thread, so a step with a
    /// parallel loop of its own (writing the manifest, say) keeps every core here.
    package static func beside<A: Sendable, B>(_ first: @escaping @Sendable () -> A, _ second: () throws -> B) rethrows -> (A, B) {
        let a = LockedBox<A?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let value = first()
            a.mutate { $0 = value }
        }
        // Waited for however `second` ends: `first` never outlives the call.
        let made: B
        do {
            made = try second()
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        guard let first = a.value else { preconditionFailure("a parallel step did not run") }
        return (first, made)
    }
}
