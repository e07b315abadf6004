import Algorithms
import ChansiteCore

/// The common lines of two line lists, in order, as index pairs: the longest common
/// subsequence where the lists are small enough for the quadratic table, and a patience diff
/// (lines unique in both lists as anchors, their longest increasing run, then the gaps between
/// anchors the same way) beyond that, so no input makes it quadratic.
enum LineDiff {
    /// The largest table (cells) the exact algorithm may fill.
    static let exactLimit = 1_000_000

    /// How deep the gaps between anchors are diffed again with anchors of their own; each level
    /// costs n log n, so the whole stays n log n.
    static let maximumDepth = 6

    static func commonSubsequence(_ x: [String], _ y: [String]) -> [(Int, Int)] {
        commonSubsequence(x[...], y[...], depth: 0)
    }

    static func commonSubsequence(_ x: ArraySlice<String>, _ y: ArraySlice<String>, depth: Int) -> [(Int, Int)] {
        guard !x.isEmpty, !y.isEmpty else { return [] }
        if x.count * y.count <= exactLimit { return exact(x, y) }
        let anchors = depth < maximumDepth ? uniqueAnchors(x, y) : []
        guard !anchors.isEmpty else { return matchingEnds(x, y) }
        var pairs: [(Int, Int)] = []
        var xStart = x.startIndex
        var yStart = y.startIndex
        for (i, j) in anchors + [(x.endIndex, y.endIndex)] {
            pairs += commonSubsequence(x[xStart..<i], y[yStart..<j], depth: depth + 1)
            if i < x.endIndex { pairs.append((i, j)) }
            xStart = i + 1
            yStart = j + 1
        }
        return pairs
    }

    /// The classic table, for small inputs. Indices are those of the slices' base arrays.
    static func exact(_ x: ArraySlice<String>, _ y: ArraySlice<String>) -> [(Int, Int)] {
        let xs = Array(x)
        let ys = Array(y)
        let n = xs.count
        let m = ys.count
        var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
        func cell(_ i: Int, _ j: Int) -> Int { table[i * (m + 1) + j] }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = xs[i] == ys[j] ? cell(i + 1, j + 1) + 1 : max(cell(i + 1, j), cell(i, j + 1))
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < n, j < m {
            if xs[i] == ys[j] {
                pairs.append((x.startIndex + i, y.startIndex + j))
                i += 1
                j += 1
            } else if cell(i + 1, j) >= cell(i, j + 1) {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// Lines that occur exactly once in each list, paired, reduced to their longest run that
    /// increases in both lists (patience sorting: n log n).
    static func uniqueAnchors(_ x: ArraySlice<String>, _ y: ArraySlice<String>) -> [(Int, Int)] {
        var counts: [String: (x: Int, y: Int, yIndex: Int)] = [:]
        for line in x { counts[line, default: (0, 0, 0)].x += 1 }
        for j in y.indices where counts[y[j]] != nil {
            counts[y[j]]?.y += 1
            counts[y[j]]?.yIndex = j
        }
        let candidates = x.indices.compactMap { i -> (Int, Int)? in
            guard let c = counts[x[i]], c.x == 1, c.y == 1 else { return nil }
            return (i, c.yIndex)
        }
        // Longest increasing subsequence by y, remembering predecessors.
        var tails: [Int] = []  // index into candidates of the smallest tail of each length
        var previous = [Int](repeating: -1, count: candidates.count)
        for (k, candidate) in candidates.enumerated() {
            let low = tails.partitioningIndex { candidates[$0].1 >= candidate.1 }
            if low > 0 { previous[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var result: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            result.append(candidates[k])
            k = previous[k]
        }
        return result.reversed()
    }

    /// Equal lines at the start and at the end of both lists.
    static func matchingEnds(_ x: ArraySlice<String>, _ y: ArraySlice<String>) -> [(Int, Int)] {
        var head: [(Int, Int)] = []
        var i = x.startIndex
        var j = y.startIndex
        while i < x.endIndex, j < y.endIndex, x[i] == y[j] {
            head.append((i, j))
            i += 1
            j += 1
        }
        var tail: [(Int, Int)] = []
        var xi = x.endIndex - 1
        var yj = y.endIndex - 1
        while xi >= i, yj >= j, x[xi] == y[yj] {
            tail.append((xi, yj))
            xi -= 1
            yj -= 1
        }
        return head + tail.reversed()
    }
}
