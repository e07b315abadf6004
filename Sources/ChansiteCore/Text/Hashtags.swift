import Foundation

/// Finds hashtags the way Telegram does: `#` after a non-word character, then letters,
/// digits and `_`, with at least one letter (so `#2` in "часть #2" is not a tag).
package enum Hashtags {
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        // ASCII without the Unicode property tables: letters, digits and `_`.
        if s.isASCII {
            let v = s.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39) || s == "_"
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }

    /// Normalises a hashtag to its key, so `#ML`, `#ml` and `ml` meet on one page.
    package static func key(for hashtag: String) -> String {
        var text = hashtag
        if text.hasPrefix("#") { text.removeFirst() }
        let lower = text.lowercased()
        // (Not `replacingOccurrences`: this runs for every hashtag, and Foundation's bridging is slow.)
        guard lower.unicodeScalars.contains("ё") else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "ё" ? "е" : $0 }))
    }

    /// Whether `text` shows `tag` (with its `#`) as a whole hashtag: found by a byte search
    /// (a page asks this of every tag of every post), then checked at both ends as `ranges`
    /// would find it.
    package static func shows(_ tag: String, in text: String) -> Bool {
        var text = text
        var tag = tag
        return text.withUTF8 { t in
            tag.withUTF8 { g in
                guard let tBase = t.baseAddress, let gBase = g.baseAddress, g.count > 1, t.count >= g.count else { return false }
                var start = 0
                // From `#` to `#` (memchr), comparing the tag's bytes at each.
                while start <= t.count - g.count, let found = memchr(tBase + start, Int32(gBase[0]), t.count - g.count + 1 - start) {
                    let at = tBase.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard memcmp(tBase + at, gBase, g.count) == 0 else {
                        start = at + 1
                        continue
                    }
                    let end = at + g.count
                    let opens = at == 0 || !isWordScalar(scalar(before: at, in: t))
                    let closes = end == t.count || !isWordScalar(scalar(at: end, in: t))
                    if opens && closes { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self).unicodeScalars.first ?? " "
    }

    private static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = index - 1
        while start > 0, start > index - 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.first ?? " "
    }

    /// Every hashtag in `text`, with its `#`, in order, each once.
    package static func find(in text: String) -> [String] {
        var seen = Set<String>()
        return ranges(in: text).map { String(text[$0]) }.filter { seen.insert(key(for: $0)).inserted }
    }

    /// Where the hashtags of `text` are, in order (repeats included). The ingest stage reads
    /// tags with it and the Markdown stage links them, so both agree on what a hashtag is.
    package static func ranges(in text: String) -> [Range<String.Index>] {
        guard text.containsByte(UInt8(ascii: "#")) else { return [] }
        var result: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        var previous: Unicode.Scalar?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            // The boundary is asked only at a `#`: the property lookups are most of the cost.
            guard scalar == "#", previous.map({ !isWordScalar($0) && $0 != "#" && $0 != "/" && $0 != "@" }) ?? true else {
                previous = scalar
                i = scalars.index(after: i)
                continue
            }
            var j = scalars.index(after: i)
            var hasLetter = false
            while j < scalars.endIndex, isWordScalar(scalars[j]) {
                if scalars[j].properties.isAlphabetic { hasLetter = true }
                previous = scalars[j]
                j = scalars.index(after: j)
            }
            if hasLetter { result.append(i..<j) }
            if j == scalars.index(after: i) { previous = scalar }
            i = j
        }
        return result
    }

    /// True when the line holds only hashtags separated by spaces (`#ml #papers`).
    package static func isHashtagLine(_ line: String) -> Bool {
        let flat = line.normalizedSpaces
        guard !flat.isEmpty else { return false }
        // Word by word without splitting the line into an array: a line of a million tags
        // would otherwise cost many times its length.
        var rest = flat[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let word = rest[..<end]
            guard word.first == "#", word.count > 1 else { return false }
            let body = word.unicodeScalars.dropFirst()
            guard body.allSatisfy(isWordScalar), body.contains(where: { $0.properties.isAlphabetic }) else { return false }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return true
    }
}
