/// Turns a post's plain text into Markdown that means exactly that text: every ASCII punctuation
/// character is backslash-escaped (so `*`, `_`, `#`, `>`, `1.`, `<script>` and `[x](…)` stay
/// literal), leading spaces become no-break spaces (so indentation never turns into a code
/// block), and only the links chansite itself recognises become Markdown links: URLs,
/// `#hashtags` (to their tag page) and `@mentions` (to `https://t.me/<name>`).
public struct PostMarkdown: Sendable {
    /// Where a hashtag links to, given its text with `#`; nil leaves it as text.
    public var tagURL: @Sendable (String) -> String?

    public init(tagURL: @escaping @Sendable (String) -> String?) {
        self.tagURL = tagURL
    }

    public func markdown(for text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
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

    /// URLs first; then hashtags and mentions outside them.
    private func tokens(in text: String) -> [Token] {
        var tokens = Links.find(in: text).map { Token(range: $0.range, url: $0.url) }
        guard text.utf8.contains(where: { $0 == 0x23 || $0 == 0x40 }) else { return tokens }
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if (c == "#" || c == "@"), !tokens.contains(where: { $0.range.contains(i) }) {
                let previous = i > text.startIndex ? text[text.index(before: i)] : " "
                let boundary = !(previous.isLetter || previous.isNumber || previous == "_" || previous == "#" || previous == "@" || previous == "/")
                var end = text.index(after: i)
                while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" { end = text.index(after: end) }
                let word = text[text.index(after: i)..<end]
                if boundary, word.contains(where: \.isLetter) {
                    if c == "#", let url = tagURL(String(text[i..<end])) {
                        tokens.append(Token(range: i..<end, url: url))
                    } else if c == "@", word.count >= 4, word.allSatisfy({ $0.isASCII }) {
                        tokens.append(Token(range: i..<end, url: "https://t.me/" + word))
                    }
                }
                i = end
            } else {
                i = text.index(after: i)
            }
        }
        return tokens.sorted { $0.range.lowerBound < $1.range.lowerBound }
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
