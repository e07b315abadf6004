/// Finds URLs in plain text: `http://`, `https://` and bare `t.me/…`. Trailing sentence
/// punctuation (`).,;:!?`) is not part of a URL unless a parenthesis inside it balances.
package enum Links {
    /// One URL found in a text.
    package struct Match: Sendable, Hashable {
        package var range: Range<String.Index>
        /// The URL as written (without trailing punctuation).
        package var text: String
        /// The URL to link to (`https://` added to bare `t.me/`).
        package var url: String
    }

    package static func find(in text: String) -> [Match] {
        guard text.containsBytes("http") || text.containsBytes("HTTP") || text.containsBytes("t.me/") || text.containsBytes("T.ME/") else {
            return []
        }
        var matches: [Match] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex, let start = nextStart(in: text, from: searchStart) {
            var end = start
            while end < text.endIndex, !isTerminator(text[end]) { end = text.index(after: end) }
            end = trimTrailing(text, start: start, end: end)
            let candidate = String(text[start..<end])
            let isBare = !candidate.lowercased().hasPrefix("http")
            let minimum = isBare ? "t.me/".count + 1 : "https://".count + 1
            if candidate.count >= minimum {
                matches.append(Match(range: start..<end, text: candidate, url: isBare ? "https://" + candidate : candidate))
                searchStart = end
            } else {
                searchStart = text.index(after: start)
            }
        }
        return matches
    }

    /// The next URL start at or after `index`. Bytes find the candidates (an ASCII `h` or `t`
    /// followed by a scheme or `t.me/`, any case); the Character rules then decide each one, so
    /// the text is not walked Character by Character (that cost most of tokenizing).
    private static func nextStart(in text: String, from index: String.Index) -> String.Index? {
        let utf8 = text.utf8
        var i = index
        while i < utf8.endIndex {
            let byte = utf8[i] | 0x20
            if byte == 0x68 || byte == 0x74, startsLink(utf8[i...]), isCharacterStart(i, in: text) {
                let rest = text[i...]
                let previousIsWord = i > text.startIndex && isWordCharacter(text[text.index(before: i)])
                if !previousIsWord,
                    rest.hasPrefixCaseInsensitive("https://") || rest.hasPrefixCaseInsensitive("http://")
                        || rest.hasPrefixCaseInsensitive("t.me/")
                {
                    return i
                }
            }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// Whether the bytes begin with `http://`, `https://` or `t.me/` in any case (a necessary
    /// condition of a link start, checked before any Character is formed).
    private static func startsLink(_ bytes: Substring.UTF8View) -> Bool {
        func starts(with prefix: StaticString) -> Bool {
            var i = bytes.startIndex
            for expected in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
                guard i < bytes.endIndex else { return false }
                let byte = bytes[i]
                guard byte == expected || (expected >= 0x61 && expected <= 0x7A && byte == expected - 0x20) else { return false }
                i = bytes.index(after: i)
            }
            return true
        }
        return starts(with: "http://") || starts(with: "https://") || starts(with: "t.me/")
    }

    /// Whether a scalar boundary is also a Character boundary (the old walk only stopped there).
    private static func isCharacterStart(_ i: String.Index, in text: String) -> Bool {
        i.samePosition(in: text) != nil
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "/" || c == "." || c == "@"
    }

    private static func isTerminator(_ c: Character) -> Bool {
        c.isWhitespace || c == "\u{A0}" || c == "<" || c == ">" || c == "\"" || c == "«" || c == "»"
    }

    /// Drops trailing punctuation. Parentheses are counted once up front and the counts kept as
    /// characters are dropped, so a URL followed by any number of `)` is trimmed in linear time.
    private static func trimTrailing(_ text: String, start: String.Index, end: String.Index) -> String.Index {
        var end = end
        var opens = 0
        var closes = 0
        for c in text.unicodeScalars[start..<end] {
            if c == "(" { opens += 1 } else if c == ")" { closes += 1 }
        }
        while end > start {
            let last = text[text.index(before: end)]
            if ".,;:!?'…".contains(last) {
                end = text.index(before: end)
            } else if last == ")", closes > opens {
                end = text.index(before: end)
                closes -= 1
            } else {
                break
            }
        }
        return end
    }
}

extension Substring {
    fileprivate func hasPrefixCaseInsensitive(_ prefix: String) -> Bool {
        var i = startIndex
        for expected in prefix {
            guard i < endIndex, self[i].lowercased() == String(expected) else { return false }
            i = index(after: i)
        }
        return true
    }
}
