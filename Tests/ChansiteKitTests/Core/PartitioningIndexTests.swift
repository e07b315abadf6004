import Algorithms
import Testing

@testable import ChansiteCore

@Suite struct PartitioningIndexTests {
    /// swift-algorithms' `partitioningIndex`, every stage's binary search, finds what a scan from the start finds, on sorted arrays with repeats,
    /// empty ones and slices that do not start at zero.
    @Test func findsTheFirstElementOfTheSecondPartitionAsAScanDoes() {
        var random = SeededRandom(state: 11)
        for _ in 0..<500 {
            let numbers = (0..<Int.random(in: 0...40, using: &random)).map { _ in Int.random(in: 0...30, using: &random) }.sorted()
            let value = Int.random(in: -2...32, using: &random)
            #expect(numbers.partitioningIndex { $0 >= value } == (numbers.firstIndex { $0 >= value } ?? numbers.endIndex))
            let slice = numbers.dropFirst(numbers.count / 3)
            #expect(slice.partitioningIndex { $0 > value } == (slice.firstIndex { $0 > value } ?? slice.endIndex))
        }
    }
}
