import Foundation

/// Whitespace rules shared by every format. Dumps are copied from web pages, so besides
/// ASCII spaces they carry U+00A0 and other typographic spaces, which must count as spaces
/// wherever a rule compares text, and survive in the text the reader sees.
extension Unicode.Scalar {
    /// True for every space-like scalar a copied web page may contain.
    package var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// True when the line has nothing but spaces.
    package var isBlankLine: Bool { unicodeScalars.allSatisfy(\.isSpaceLike) }

    /// The text without leading and trailing spaces of any kind.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
            let last = scalars.lastIndex(where: { !$0.isSpaceLike })
        else { return "" }
        // Sliced by scalar indices and copied as bytes (a new scalar view appends one by one).
        return String(self[first..<scalars.index(after: last)])
    }

    /// The text with every run of spaces of any kind turned into one ASCII space, trimmed.
    /// Used for comparing and for metadata; body text keeps its own spaces.
    package var normalizedSpaces: String {
        if isNormalizedAlready { return String(self) }
        if let fast = utf8.withContiguousStorageIfAvailable(Self.normalizedBytes) { return fast }
        var copy = String(self)
        return copy.withUTF8(Self.normalizedBytes)
    }
}

extension StringProtocol {
    /// True when the text has no leading, trailing, doubled or non-ASCII spaces: the common case,
    /// which then needs no copy.
    fileprivate var isNormalizedAlready: Bool {
        if let known = utf8.withContiguousStorageIfAvailable(Self.isNormalized) { return known }
        var copy = String(self)
        return copy.withUTF8(Self.isNormalized)
    }

    /// The test on UTF-8 bytes. `isSpaceLike` decides every space: a non-ASCII scalar is decoded
    /// only where it starts with a lead byte one of its spaces has (C2, E1–E3, EF), so letters of
    /// other scripts are never decoded.
    private static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for i in bytes.indices {
            let byte = bytes[i]
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte < 0x80 ? Unicode.Scalar(byte).isSpaceLike : startsSpace(bytes, at: i) {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || bytes.isEmpty
    }

    /// The text with space runs folded to one space and trimmed, on UTF-8 bytes (a scalar is
    /// decoded only where a space may start): the same as folding scalar by scalar, without
    /// building the result a scalar at a time (a 10 MB line was normalized several times).
    fileprivate static func normalizedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let isSpace = byte < 0x80 ? Unicode.Scalar(byte).isSpaceLike : startsSpace(bytes, at: i)
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: bytes[i..<Swift.min(bytes.count, i + width)])
            }
            i += width
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a space-like scalar starts at the non-ASCII byte `i`.
    fileprivate static func startsSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = bytes[i]
        guard lead == 0xC2 || (0xE1...0xE3).contains(lead) || lead == 0xEF else { return false }
        let width = lead < 0xE0 ? 2 : 3
        guard i + width <= bytes.count else { return false }
        var value = UInt32(lead & (width == 2 ? 0x1F : 0x0F))
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)?.isSpaceLike ?? false
    }

    /// Whether `byte` occurs, found with memchr (a guard before many per-line and per-post scans).
    package func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
        return found ?? utf8.contains(byte)
    }

    /// Whether the UTF-8 bytes of `needle` occur: a cheap test that skips the full rules for
    /// most lines.
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = String(self)
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        return haystack.withUTF8 { hay in
            guard let base = hay.baseAddress, hay.count >= n.count else { return false }
            var i = 0
            let last = hay.count - n.count
            while i <= last {
                // memchr finds each candidate first byte (vectorised; this runs on every line).
                guard let found = memchr(base + i, Int32(first), last - i + 1) else { return false }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var j = 1
                while j < n.count, hay[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
                i += 1
            }
            return false
        }
    }
}

extension String {
    /// The text split at its line feeds, as `split(separator: "\n", omittingEmptySubsequences:
    /// false)` splits it (there a CR LF pair is one Character, so it is not split either), but
    /// by bytes: this runs for every post body.
    package func lineSlices() -> [Substring] {
        // The line feeds found in the bytes at once (a byte at a time through the view's
        // indexes was two thirds of it); the slices cut at them.
        let breaks = utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            var found: [Int] = []
            for offset in bytes.indices where bytes[offset] == 0x0A && (offset == 0 || bytes[offset - 1] != 0x0D) { found.append(offset) }
            return found
        }
        guard let breaks else { return lineSlicesByIndex() }
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let newline = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(self[start..<newline])
            start = utf8.index(after: newline)
        }
        lines.append(self[start...])
        return lines
    }

    /// `lineSlices()` for a string whose bytes are not stored together (bridged).
    func lineSlicesByIndex() -> [Substring] {
        var lines: [Substring] = []
        var start = utf8.startIndex
        var searchFrom = start
        while let newline = utf8[searchFrom...].firstIndex(of: 0x0A) {
            searchFrom = utf8.index(after: newline)
            if newline > startIndex, utf8[utf8.index(before: newline)] == 0x0D { continue }
            lines.append(self[start..<newline])
            start = searchFrom
        }
        lines.append(self[start...])
        return lines
    }
}

extension Array where Element == String {
    /// Drops blank lines at both ends; inner blank lines stay (they separate paragraphs).
    package func trimmingBlankLines() -> ArraySlice<String> {
        guard let first = firstIndex(where: { !$0.isBlankLine }),
            let last = lastIndex(where: { !$0.isBlankLine })
        else { return [] }
        return self[first...last]
    }
}

extension String {
    /// The length in UTF-16 code units (as Telegram's entity offsets count), from the UTF-8
    /// bytes: every scalar but one of four bytes is one unit. `utf16.count` on a long text
    /// outside ASCII builds an index table for it first.
    package var utf16Length: Int {
        var text = self
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= byte >= 0xF0 ? 2 : 1 }
            return count
        }
    }
}
