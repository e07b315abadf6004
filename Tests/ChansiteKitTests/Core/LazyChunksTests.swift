import ChansiteCore
import Testing

/// `LazyChunks`: asked from many threads in any order, every position gives what an eager
/// map gives, and each chunk is made once.
@Suite struct LazyChunksTests {
    @Test(arguments: [0, 1, 511, 512, 513, 5000])
    func everyPositionGivesItsValueAndEachChunkIsMadeOnce(count: Int) {
        let made = LockedBox<[Range<Int>]>([])
        let values = LazyChunks<String>(count: count, chunkSize: 512) { range in
            made.mutate { $0.append(range) }
            return range.map { "value \($0)" }
        }
        let seen = LockedBox<[Int: String]>([:])
        // From the end and the start at once, twice over.
        Parallel.forEach(count * 2) { index in
            let position = index % 2 == 0 ? index / 2 : count - 1 - index / 2
            let value = values[position]
            seen.mutate { $0[position] = value }
        }
        #expect(seen.value == Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, "value \($0)") }))
        #expect(made.value.count == (count + 511) / 512)
        #expect(Set(made.value.map(\.lowerBound)).count == made.value.count)
    }
}
