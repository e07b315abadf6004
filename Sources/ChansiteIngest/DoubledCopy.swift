import ChansiteCore

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
