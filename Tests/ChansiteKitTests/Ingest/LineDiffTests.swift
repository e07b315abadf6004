import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

@Suite struct LineDiffTests {
    func isCommonSubsequence(_ pairs: [(Int, Int)], _ x: [String], _ y: [String]) -> Bool {
        zip(pairs, pairs.dropFirst()).allSatisfy { $0.0 < $1.0 && $0.1 < $1.1 } && pairs.allSatisfy { x[$0.0] == y[$0.1] }
    }

    @Test func smallInputsGetTheLongestCommonSubsequence() {
        let x = ["a", "b", "c", "d", "e"]
        let y = ["b", "x", "c", "e", "a"]
        let pairs = LineDiff.commonSubsequence(x, y)
        #expect(pairs.map { x[$0.0] } == ["b", "c", "e"])
        #expect(isCommonSubsequence(pairs, x, y))
    }

    /// Beyond the exact table's size: anchored on lines unique to both, never quadratic.
    @Test func largeInputsAreMatchedOnTheirUniqueLines() {
        let x = (0..<3000).map { $0 % 10 == 0 ? "shared \($0)" : "only in x \($0)" }
        let y = (0..<3000).map { $0 % 10 == 0 ? "shared \($0)" : "only in y \($0)" }
        #expect(x.count * y.count > LineDiff.exactLimit)
        let pairs = LineDiff.commonSubsequence(x, y)
        #expect(isCommonSubsequence(pairs, x, y))
        #expect(pairs.count == 300, "every shared line is matched")
    }

    @Test func repeatedLinesFallBackToMatchingEnds() {
        let x = ["head"] + Array(repeating: "same", count: 2000) + ["tail"]
        let y = ["head"] + Array(repeating: "same", count: 1500) + ["tail"]
        let pairs = LineDiff.commonSubsequence(x, y)
        #expect(isCommonSubsequence(pairs, x, y))
        #expect(pairs.count >= 1502 - 1, "ends and the run between them are matched: \(pairs.count)")
    }
}
