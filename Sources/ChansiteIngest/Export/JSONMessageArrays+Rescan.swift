import ChansiteCore
import Foundation

extension JSONMessageArrays {
    /// A scan of a file made from an earlier scan of its previous bytes (`serve` re-reading an
    /// edited export): what the two share at their start and at their end is not scanned
    /// again. The scanner's state is known at the start of every element (outside any string,
    /// at the array's depth, on the element's line) and after every comma or bracket that ends
    /// one, so it starts again at the element where the bytes first differ and stops at the
    /// first such end past the last difference where the earlier scan stood at the same kind
    /// of end: from there on both scans read the same bytes in the same state. The result is
    /// the scan `scan(new)` makes; nil when the difference is not inside one messages array or
    /// the two cannot be shown to agree (the caller scans the whole file).
    struct Rescan {
        var arrays: [MessageArray]
        /// For each array, for each element, the index of the earlier scan's element with the
        /// same bytes; nil for an element scanned now.
        var earlier: [[Int?]]
        /// The bytes scanned now: every byte that differs from the earlier file is inside.
        var scanned: Range<Int>
    }

    static func rescan(_ new: UnsafeBufferPointer<UInt8>, after old: UnsafeBufferPointer<UInt8>, arrays: [MessageArray]) -> Rescan? {
        let shared = min(old.count, new.count)
        let prefix = ByteRuns.commonPrefix(old, new, limit: shared)
        if prefix == old.count, old.count == new.count {
            return Rescan(arrays: arrays, earlier: arrays.map { $0.elements.indices.map { $0 } }, scanned: 0..<0)
        }
        let suffix = ByteRuns.commonSuffix(old, new, limit: shared - prefix)
        // The array whose elements reach past the first difference, and its last element
        // starting at or before it.
        guard let a = arrays.firstIndex(where: { ($0.elements.first?.lowerBound ?? Int.max) <= prefix && prefix < $0.span.upperBound }),
            let k = arrays[a].elements.lastIndex(where: { $0.lowerBound <= prefix })
        else { return nil }
        let array = arrays[a]
        var scanner = Scanner()
        scanner.arrays = Array(arrays[..<a])
        scanner.arrays.append(MessageArray(span: array.span.lowerBound..<new.count, depth: array.depth))
        scanner.arrays[a].elements = Array(array.elements[..<k])
        scanner.arrays[a].lines = Array(array.lines[..<k])
        scanner.line = array.lines[k]
        scanner.depth = array.depth
        scanner.messagesDepth = array.depth
        let start = array.elements[k].lowerBound
        let changedEnd = new.count - suffix
        var i = start
        while i < new.count {
            if scanner.inString, !scanner.escaped {
                i = JSONBytes.stringTextEnd(new, from: i, end: new.count)
                guard i < new.count else { break }
            }
            let byte = new[i]
            let ends = !scanner.inString && scanner.depth == scanner.messagesDepth && (byte == 0x2C || byte == 0x5D || byte == 0x7D)
            scanner.step(new, i)
            if ends, i >= changedEnd {
                guard let joined = join(scanner, at: i, old: old, delta: new.count - old.count, arrays: arrays, array: a, resumedAt: k) else {
                    // An array closed where the earlier one did not: a whole scan says what the
                    // rest of the file is.
                    if scanner.messagesDepth == nil { return nil }
                    i += 1
                    continue
                }
                return Rescan(arrays: joined.arrays, earlier: joined.earlier, scanned: start..<i + 1)
            } else if ends, scanner.messagesDepth == nil {
                return nil
            }
            i += 1
        }
        // The array runs to the end of the file: the scan is whole from its element `k` on.
        scanner.finish(at: new.count)
        var earlier = arrays[..<a].map { $0.elements.indices.map { Optional($0) } }
        earlier.append(scanner.arrays[a].elements.indices.map { $0 < k ? $0 : nil })
        return Rescan(arrays: scanner.arrays, earlier: earlier, scanned: start..<new.count)
    }

    /// The whole scan when the earlier scan also ended an element of array `a` (or closed it)
    /// where the scanner just did at `end` (`delta` bytes earlier in the old file): its later
    /// elements and arrays, moved by the bytes and lines the new bytes added.
    private static func join(
        _ scanner: Scanner, at end: Int, old: UnsafeBufferPointer<UInt8>, delta: Int, arrays: [MessageArray], array a: Int, resumedAt k: Int
    ) -> (arrays: [MessageArray], earlier: [[Int?]])? {
        let array = arrays[a]
        let oldEnd = end - delta
        let closes = scanner.messagesDepth == nil
        guard oldEnd >= 0, oldEnd < old.count, let j = lastEnding(array.elements, atOrBefore: oldEnd) else { return nil }
        if closes {
            guard array.span.upperBound == oldEnd + 1 else { return nil }
        } else {
            // `oldEnd` is the comma right after element `j` (or the comma that is `j`, empty).
            let element = array.elements[j]
            let ended = element.isEmpty ? element.lowerBound == oldEnd : (element.upperBound..<oldEnd).allSatisfy { JSONBytes.isSpace(old[$0]) }
            guard ended, old[oldEnd] == 0x2C else { return nil }
        }
        // The scanner's last string is its own, maybe not the earlier scan's: it tells whether
        // a `[` after a colon opens another messages array, so after the array's `]` the next
        // string must come before any `[`.
        guard stringComesFirst(old, after: array.span.upperBound) else { return nil }
        let oldLine = array.lines[j] + lineBreaks(old, array.elements[j].lowerBound..<oldEnd)
        let lines = scanner.line - oldLine
        func moved(_ range: Range<Int>) -> Range<Int> { range.lowerBound + delta..<range.upperBound + delta }
        var result = scanner.arrays
        var earlier = arrays[..<a].map { $0.elements.indices.map { Optional($0) } }
        earlier.append(result[a].elements.indices.map { $0 < k ? $0 : nil })
        if !closes {
            for index in (j + 1)..<array.elements.count {
                result[a].elements.append(moved(array.elements[index]))
                result[a].lines.append(array.lines[index] + lines)
                earlier[a].append(index)
            }
            result[a].span = array.span.lowerBound..<array.span.upperBound + delta
        }
        for b in (a + 1)..<arrays.count {
            var later = arrays[b]
            later.span = moved(later.span)
            later.elements = later.elements.map(moved)
            later.lines = later.lines.map { $0 + lines }
            result.append(later)
            earlier.append(later.elements.indices.map { $0 })
        }
        return (result, earlier)
    }

    /// The last element ending at or before `offset`, by binary search (elements lie in file
    /// order): a hostile edit can make every comma after it a place to try, and a search from
    /// the end for each would be quadratic in the file.
    private static func lastEnding(_ elements: [Range<Int>], atOrBefore offset: Int) -> Int? {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if elements[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where bytes[i] == 0x0A { count += 1 }
        return count
    }

    /// Whether a `"` comes before any `[` from `start` on (or neither does).
    private static func stringComesFirst(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        for i in start..<bytes.count {
            if bytes[i] == 0x22 { return true }
            if bytes[i] == 0x5B { return false }
        }
        return true
    }
}
