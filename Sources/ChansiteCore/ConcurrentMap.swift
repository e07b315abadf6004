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

extension RandomAccessCollection where Self: Sendable, Index == Int {
    /// `concurrentMap(chunk: 1)` over jobs most of which a cache answers (`isQuick`, asked on
    /// this thread): when one job is left to do the work (an edit in `serve` or a rebuild), the
    /// others are mapped first, then it runs alone on this thread, where the parallel loops
    /// inside it have every core. libdispatch runs a `concurrentPerform` nested in another's
    /// iteration on that iteration's thread alone (with two cores), even while the other
    /// iterations are long done: an edited export's repair and scan ran one after the other,
    /// and its messages were decoded on one core.
    package func concurrentMap<T: Sendable>(quick isQuick: (Element) -> Bool, _ transform: @Sendable (Element) -> T) -> [T] {
        let slow = indices.filter { !isQuick(self[$0]) }
        guard slow.count == 1, count > 1 else { return concurrentMap(chunk: 1, transform) }
        let others = indices.filter { $0 != slow[0] }
        let answered = others.concurrentMap(chunk: 1) { transform(self[$0]) }
        let made = transform(self[slow[0]])
        let before = slow[0] - startIndex
        return Array(answered[..<before]) + [made] + Array(answered[before...])
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
