/// A list whose values are made a chunk at a time, the first time one of the chunk is asked
/// for, from any thread: for values most builds need only a few of (a post's language, when
/// the build cache spares most views) but that would cost a pass over every item to make
/// ahead.
package final class LazyChunks<Value: Sendable>: Sendable {
    private let chunks: [LockedBox<[Value]?>]
    private let chunkSize: Int
    private let count: Int
    private let make: @Sendable (Range<Int>) -> [Value]

    /// `make` gives the values of a range of positions, in order.
    package init(count: Int, chunkSize: Int = 512, make: @escaping @Sendable (Range<Int>) -> [Value]) {
        self.count = count
        self.chunkSize = max(1, chunkSize)
        self.make = make
        chunks = (0..<(count + self.chunkSize - 1) / self.chunkSize).map { _ in LockedBox(nil) }
    }

    package subscript(position: Int) -> Value {
        let chunk = position / chunkSize
        let values = chunks[chunk].mutate { values -> [Value] in
            if let values { return values }
            let start = chunk * chunkSize
            let made = make(start..<min(count, start + chunkSize))
            values = made
            return made
        }
        return values[position - chunk * chunkSize]
    }
}
