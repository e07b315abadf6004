import Foundation
import Testing

@testable import ChansiteCore

/// `concurrentMap` keeps the order; with `quick`, the one job a cache cannot answer runs on the
/// calling thread, outside any other parallel loop.
@Suite struct ConcurrentMapTests {
    @Test func resultsKeepTheirOrder() {
        let numbers = Array(0..<1_000)
        #expect(numbers.concurrentMap(chunk: 7) { $0 * 3 } == numbers.map { $0 * 3 })
        for slow in [[], [0], [500], [999], [1, 2]] {
            let quick = { (number: Int) in !slow.contains(number) }
            #expect(numbers.concurrentMap(quick: quick) { $0 * 3 } == numbers.map { $0 * 3 }, "slow: \(slow)")
        }
        let never = { (_: Int) in false }
        #expect([Int]().concurrentMap(quick: never) { $0 } == [])
        #expect([5].concurrentMap(quick: never) { $0 + 1 } == [6])
    }

    /// The one slow job runs on the caller's thread after the others (so a parallel loop inside
    /// it is not nested in another's iteration); each job runs once.
    @Test func theOneSlowJobRunsOnTheCallersThreadAfterTheRest() {
        let caller = pthread_self()
        let log = LockedBox<[(job: Int, onCaller: Bool)]>([])
        let jobs = Array(0..<6)
        for slow in jobs {
            log.mutate { $0.removeAll() }
            let quick = { (job: Int) in job != slow }
            _ = jobs.concurrentMap(quick: quick) { job in
                let onCaller = pthread_equal(pthread_self(), caller) != 0
                log.mutate { $0.append((job, onCaller)) }
                return job
            }
            let runs = log.value
            #expect(runs.map(\.job).sorted() == jobs, "slow: \(slow)")
            #expect(runs.last?.job == slow && runs.last?.onCaller == true, "slow: \(slow)")
        }
    }
}
