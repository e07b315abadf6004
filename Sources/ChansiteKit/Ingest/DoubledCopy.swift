/// Undoes the copy artefact of channel pages whose text copy prints each message as a head
/// line followed by the rest of the message twice. Works on one block (the lines between two
/// reaction lines) and never across blocks: the same line may legitimately end many posts.
enum DoubledCopy {
    /// How a block splits into kept lines, dropped duplicate lines and a preview card.
    struct Split {
        /// Indices (into the block) of lines that form the body, in reading order.
        var kept: [Int]
        /// Replacement text for kept lines merged from both copies (index → merged line).
        var extraLines: [(after: Int, text: String)] = []
        /// Indices of lines dropped as the second copy.
        var dropped: [Int]
        /// Indices of the three lines of a link-preview card, when the block ends with one.
        var card: [Int]
        /// True when the block followed the exact pattern head, copy, identical copy, [card].
        var exact: Bool
    }

    static let cardLength = 3

    /// Finds k with `block[1...k] == block[k+1...2k]` and nothing or a 3-line card after.
    static func exactSplit(_ block: [String]) -> Split? {
        let n = block.count
        guard n >= 3 else { return nil }
        for k in stride(from: (n - 1) / 2, through: 1, by: -1) {
            let tail = n - 1 - 2 * k
            guard tail == 0 || tail == cardLength else { continue }
            if block[1...k].elementsEqual(block[(k + 1)...(2 * k)]) {
                return Split(
                    kept: Array(0...k), dropped: Array((k + 1)...(2 * k)),
                    card: tail == 0 ? [] : Array((2 * k + 1)..<n), exact: true)
            }
        }
        return nil
    }

    /// Splits a block. Copy B starts at the second occurrence of the block's second line; where
    /// the copies differ, the body keeps the union of both in reading order.
    static func split(_ block: [String]) -> Split {
        let all = Array(block.indices)
        guard block.count >= 3 else { return Split(kept: all, dropped: [], card: [], exact: false) }
        if let exact = exactSplit(block) { return exact }
        guard let second = block[2...].firstIndex(of: block[1]) else {
            return Split(kept: all, dropped: [], card: [], exact: false)
        }
        let a = Array(1..<second)
        let b = Array(second..<block.count)
        return merge(block, head: 0, a: a, b: b)
    }

    /// Keeps copy A and adds what only copy B has, without repeating text that one copy holds
    /// inside a longer line of the other (formatted spans are cut in one copy, glued in the other).
    static func merge(_ block: [String], head: Int, a: [Int], b: [Int]) -> Split {
        let pairs = LineDiff.commonSubsequence(a.map { block[$0] }, b.map { block[$0] })
        var kept = [head]
        var dropped: [Int] = []
        var extra: [(after: Int, text: String)] = []
        var ai = 0
        var bi = 0
        func flushRegion(untilA: Int, untilB: Int) {
            let aOnly = Array(a[ai..<untilA])
            let bOnly = Array(b[bi..<untilB])
            for (k, index) in aOnly.enumerated() {
                let text = block[index]
                if nearby(k, aOnly.count, in: bOnly).contains(where: { block[$0].count > text.count && block[$0].contains(text) }) {
                    dropped.append(index)
                } else {
                    kept.append(index)
                }
            }
            for (k, index) in bOnly.enumerated() {
                let text = block[index]
                if !nearby(k, bOnly.count, in: aOnly).contains(where: { block[$0].count >= text.count && block[$0].contains(text) }) {
                    extra.append((after: kept.last ?? head, text: text))
                }
                dropped.append(index)
            }
        }
        for (pa, pb) in pairs {
            flushRegion(untilA: pa, untilB: pb)
            kept.append(a[pa])
            dropped.append(b[pb])
            ai = pa + 1
            bi = pb + 1
        }
        flushRegion(untilA: a.count, untilB: b.count)
        return Split(kept: kept, extraLines: extra, dropped: dropped.sorted(), card: [], exact: false)
    }

    /// Lines of two differing regions compared for containment: all of them when the regions
    /// are small (the usual case: a formatted span cut differently in each copy); beyond that,
    /// the lines at about the same relative position, so the cost stays linear.
    static let fullComparisonLimit = 4096
    static let window = 8

    static func nearby(_ k: Int, _ count: Int, in other: [Int]) -> ArraySlice<Int> {
        if count * other.count <= fullComparisonLimit { return other[...] }
        let centre = count > 0 ? k * other.count / count : 0
        return other[max(0, centre - window)..<min(other.count, centre + window + 1)]
    }
}

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
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[tails[mid]].1 < candidate.1 { low = mid + 1 } else { high = mid }
            }
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
