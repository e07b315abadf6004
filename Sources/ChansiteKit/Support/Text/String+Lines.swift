import Foundation

/// Whitespace rules shared by every format. Dumps are copied from web pages, so besides
/// ASCII spaces they carry U+00A0 and other typographic spaces, which must count as spaces
/// wherever a rule compares text, and survive in the text the reader sees.
extension Unicode.Scalar {
    /// True for every space-like scalar a copied web page may contain.
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// True when the line has nothing but spaces.
    var isBlankLine: Bool { unicodeScalars.allSatisfy(\.isSpaceLike) }

    /// The text without leading and trailing spaces of any kind.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
            let last = scalars.lastIndex(where: { !$0.isSpaceLike })
        else { return "" }
        // Sliced by scalar indices and copied as bytes (a new scalar view appends one by one).
        return String(self[first..<scalars.index(after: last)])
    }

    /// The text with every run of spaces of any kind turned into one ASCII space, trimmed.
    /// Used for comparing and for metadata; body text keeps its own spaces.
    var normalizedSpaces: String {
        if isNormalizedAlready { return String(self) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpaceLike {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension StringProtocol {
    /// True when the text has no leading, trailing, doubled or non-ASCII spaces: the common case,
    /// which then needs no copy.
    fileprivate var isNormalizedAlready: Bool {
        // By bytes: the non-ASCII space-like scalars are matched by their UTF-8 sequences.
        let byBytes = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previousWasSpace = true
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x20 {
                    if previousWasSpace { return false }
                    previousWasSpace = true
                } else if byte == 0x09 || byte == 0x0B || byte == 0x0C || Self.startsSpace(bytes, at: i) {
                    return false
                } else {
                    previousWasSpace = false
                }
                i += 1
            }
            return !previousWasSpace || bytes.isEmpty
        }
        if let byBytes { return byBytes }
        var scalars = unicodeScalars.makeIterator()
        return isNormalizedByScalars(&scalars)
    }

    /// Whether a non-ASCII space-like scalar (`isSpaceLike`) starts at `i`: U+00A0, U+1680,
    /// U+2000–U+200B, U+202F, U+205F, U+3000, U+FEFF.
    @inline(__always)
    private static func startsSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        switch bytes[i] {
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0xA0
        case 0xE1: return i + 2 < bytes.count && bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80
        case 0xE2:
            guard i + 2 < bytes.count else { return false }
            let (b1, b2) = (bytes[i + 1], bytes[i + 2])
            return (b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF)) || (b1 == 0x81 && b2 == 0x9F)
        case 0xE3: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80
        case 0xEF: return i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF
        default: return false
        }
    }

    /// The same test scalar by scalar, for text with a lead byte of a non-ASCII space.
    private func isNormalizedByScalars(_ scalars: inout UnicodeScalarView.Iterator) -> Bool {
        var previousWasSpace = true
        while let scalar = scalars.next() {
            if scalar == " " {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if scalar.isSpaceLike {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || isEmpty
    }

    /// Cheap byte test used to skip the full rules for most lines.
    /// Whether `byte` occurs, found with memchr (a guard before many per-line and per-post scans).
    func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
        return found ?? utf8.contains(byte)
    }

    func containsBytes(_ needle: String) -> Bool {
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
    func lineSlices() -> [Substring] {
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
    func trimmingBlankLines() -> ArraySlice<String> {
        guard let first = firstIndex(where: { !$0.isBlankLine }),
            let last = lastIndex(where: { !$0.isBlankLine })
        else { return [] }
        return self[first...last]
    }
}
