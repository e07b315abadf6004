import Foundation

extension RandomAccessCollection where Self: Sendable, Index == Int {
    /// `map` on all cores, in chunks of `chunk` elements; the results keep the order. Each
    /// result is written straight into its place in the one array returned, so the results are
    /// never held twice (chunks, then their concatenation).
    package func concurrentMap<T: Sendable>(chunk: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
        let total = count
        return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress)
            Parallel.forEachChunk(of: total, chunk: chunk) { offsets in
                for offset in offsets {
                    slots.initialize(offset, to: transform(self[startIndex + offset]))
                }
            }
            initialized = total
        }
    }
}

/// The uninitialized storage of an array being filled on several threads; each index is
/// written by exactly one of them.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?

    func initialize(_ index: Int, to value: T) {
        base.map { ($0 + index).initialize(to: value) }
    }
}
