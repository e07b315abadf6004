import ChansiteCore

/// Turns a post's plain text into Markdown that means exactly that text: every ASCII punctuation
/// character is backslash-escaped (so `*`, `_`, `#`, `>`, `1.`, `<script>` and `[x](…)` stay
/// literal), leading spaces become no-break spaces (so indentation never turns into a code
/// block), and only the links chansite itself recognises become Markdown links: URLs,
/// `#hashtags` (to their tag page) and `@mentions` (to `https://t.me/<name>`).
package struct PostMarkdown: Sendable {
    /// Where a hashtag links to, given its text with `#`; nil leaves it as text.
    package var tagURL: @Sendable (String) -> String?

    package init(tagURL: @escaping @Sendable (String) -> String?) {
        self.tagURL = tagURL
    }

    package func markdown(for text: String) -> String {
        text.lineSlices()
            .map { line(String($0)) }
            .joined(separator: "\n")
    }

    private func line(_ raw: String) -> String {
        if raw.isBlankLine { return "" }
        var out = ""
        var rest = Substring(raw)
        while let first = rest.first, first == " " || first == "\t" {
            out += "\u{A0}"
            rest = rest.dropFirst()
        }
        let text = String(rest)
        var cursor = text.startIndex
        for link in tokens(in: text) {
            out += Self.escape(text[cursor..<link.range.lowerBound])
            out += "[\(Self.escape(text[link.range]))](<\(Self.escapeDestination(link.url))>)"
            cursor = link.range.upperBound
        }
        out += Self.escape(text[cursor...])
        return out
    }

    struct Token {
        var range: Range<String.Index>
        var url: String
    }

    /// URLs first; then hashtags (as the ingest stage finds them) and mentions outside them.
    private func tokens(in text: String) -> [Token] {
        let links = Links.find(in: text).map { Token(range: $0.range, url: $0.url) }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let hashtags = Hashtags.ranges(in: text).compactMap { range in tagURL(String(text[range])).map { Token(range: range, url: $0) } }
        let withTags = Self.merging(hashtags, into: links)
        let mentions = Self.mentions(in: text).map { Token(range: $0, url: "https://t.me/" + text[$0].dropFirst()) }
        return Self.merging(mentions, into: withTags)
    }

    /// `taken` (sorted, not overlapping) with every candidate (sorted) that overlaps none of
    /// them, in order: one pass over both, so a line of 300,000 mentions costs 300,000 steps.
    static func merging(_ candidates: [Token], into taken: [Token]) -> [Token] {
        guard !candidates.isEmpty else { return taken }
        var out: [Token] = []
        out.reserveCapacity(taken.count + candidates.count)
        var t = 0
        for candidate in candidates {
            while t < taken.count, taken[t].range.upperBound <= candidate.range.lowerBound {
                out.append(taken[t])
                t += 1
            }
            let overlapsTaken = t < taken.count && taken[t].range.overlaps(candidate.range)
            let overlapsAdded = out.last.map { $0.range.overlaps(candidate.range) } ?? false
            if !overlapsTaken && !overlapsAdded { out.append(candidate) }
        }
        out.append(contentsOf: taken[t...])
        return out
    }

    /// `@name` mentions: a Telegram username (ASCII letters, digits, `_`, at least 4 long, with
    /// a letter) after a non-word character.
    static func mentions(in text: String) -> [Range<String.Index>] {
        guard text.containsByte(UInt8(ascii: "@")) else { return [] }
        var result: [Range<String.Index>] = []
        var i = text.startIndex
        while let at = text[i...].firstIndex(of: "@") {
            let previous = at > text.startIndex ? text[text.index(before: at)] : " "
            var end = text.index(after: at)
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" { end = text.index(after: end) }
            let name = text[text.index(after: at)..<end]
            let boundary = !(previous.isLetter || previous.isNumber || previous == "_" || previous == "@" || previous == "/")
            if boundary, name.count >= 4, name.allSatisfy(\.isASCII), name.contains(where: \.isLetter) {
                result.append(at..<end)
            }
            i = end > at ? end : text.index(after: at)
            if i >= text.endIndex { break }
        }
        return result
    }

    /// Backslash-escapes every ASCII punctuation character (CommonMark allows it for all of them).
    static func escape(_ text: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte < 0x80, isASCIIPunctuation[Int(byte)] { out.append(0x5C) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII punctuation and symbols, the characters CommonMark lets a backslash escape.
    static let isASCIIPunctuation: [Bool] = (0..<128).map { value in
        let c = Character(Unicode.Scalar(UInt8(value)))
        return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".contains(c)
    }

    /// Link destinations go inside `<…>`: only `<`, `>`, spaces and backslashes need care.
    static func escapeDestination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "<": out += "%3C"
            case ">": out += "%3E"
            case " ": out += "%20"
            case "\\": out += "%5C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
