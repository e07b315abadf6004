import Foundation

extension RandomAccessCollection where Self: Sendable, Index == Int {
    /// `map` on all cores, in chunks of `chunk` elements; the results keep the order.
    func concurrentMap<T: Sendable>(chunk: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
        let parts = (count + chunk - 1) / chunk
        let results = LockedBox([[T]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lower = startIndex + part * chunk
            let made = self[lower..<Swift.min(endIndex, lower + chunk)].map(transform)
            results.mutate { $0[part] = made }
        }
        return results.value.flatMap { $0 }
    }
}
