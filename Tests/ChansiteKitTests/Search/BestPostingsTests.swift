import Testing

@testable import ChansiteSearch

/// A common word keeps its best-scoring postings only (`SearchIndexBuilder.best`): the same ones,
/// ties to the earlier document, in document order, as sorting by score and cutting would keep.
@Suite struct BestPostingsTests {
    typealias Scored = (doc: Int, score: Int, index: Int)

    /// What the index kept before the counting cut: sorted by score (ties to the earlier
    /// document), cut, and sorted back into document order.
    static func bySorting(_ scored: [Scored], count: Int) -> [Scored] {
        guard scored.count > count else { return scored }
        return Array(scored.sorted { ($0.score, $1.doc) > ($1.score, $0.doc) }.prefix(count).sorted { $0.doc < $1.doc })
    }

    /// Postings of increasing documents with scores from a small seeded generator: few distinct
    /// scores (many ties at the cut) or the whole range.
    static func postings(_ count: Int, seed: UInt64, scores: ClosedRange<Int>) -> [Scored] {
        var state = seed
        var doc = 0
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            doc += 1 + Int(state >> 60)
            let score = scores.lowerBound + Int((state >> 33) % UInt64(scores.count))
            return (doc, score, index)
        }
    }

    @Test(arguments: [1...999, 1...3, 40...41, 999...999])
    func keepsWhatSortingKept(scores: ClosedRange<Int>) {
        for (n, size) in [0, 1, 5, 6, 50, 2_001, 3_000].enumerated() {
            for keep in [1, 5, 2_000] {
                let scored = Self.postings(size, seed: UInt64(n * 31 + keep), scores: scores)
                let kept = SearchIndexBuilder.best(scored, count: keep)
                let expected = Self.bySorting(scored, count: keep)
                #expect(kept.count == min(size, keep))
                #expect(kept.map(\.doc) == expected.map(\.doc), "\(size) postings, \(keep) kept, scores \(scores)")
                #expect(kept.map(\.index) == expected.map(\.index))
            }
        }
    }
}
