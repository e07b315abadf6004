import ChansiteCore
import ChansiteModel

/// Parses reaction lines such as `👍56❤14❤🔥8🔥7`: emoji runs each followed by a count, with
/// no spaces and no letters. The emoji part is taken whole up to the digits, never split per
/// code point, so multi-code-point reactions whose joiners were lost (`❤🔥`) stay one reaction.
enum ReactionLine {
    /// The star a paid reaction is shown with: the page draws it with an icon font, so a copy
    /// keeps only its count, first on the line (`15👍56` is 15 stars, then 56 👍).
    static let paidStar = "⭐"

    /// The reactions of the line, or nil when the line is not a reaction line.
    static func parse(_ line: String) -> [Reaction]? {
        // Fast rejection on bytes (this runs for every line of every dump): chips end with a count.
        guard let lastByte = line.utf8.last(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }),
            (0x30...0x39).contains(lastByte) || "KkMm".utf8.contains(lastByte)
        else { return nil }
        guard let firstByte = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), (0x30...0x39).contains(firstByte) else {
            return parseChips(line)
        }
        let trimmed = line.trimmingWhitespace()
        guard let first = trimmed.unicodeScalars.first, isDigit(first) else { return parseChips(line) }
        // A bare count first: a paid reaction, when the rest of the line is reaction chips.
        let digits = trimmed.unicodeScalars.prefix { isDigit($0) || $0 == "." || $0 == "," || "KkMm".unicodeScalars.contains($0) }
        let rest = String(trimmed.unicodeScalars.dropFirst(digits.count))
        guard !rest.isEmpty, let chips = parseChips(rest), let stars = parseChips(paidStar + String(digits))?.first else { return nil }
        return [stars] + chips
    }

    /// Emoji runs each followed by a count.
    private static func parseChips(_ line: String) -> [Reaction]? {
        // Fast rejections: chips end with a count and never start with a letter or digit.
        guard let lastByte = line.utf8.last(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }),
            (0x30...0x39).contains(lastByte) || "KkMm".utf8.contains(lastByte)
        else { return nil }
        if let first = line.unicodeScalars.first, first.properties.isAlphabetic || first.properties.numericType != nil {
            return nil
        }
        let scalars = Array(line.trimmingWhitespace().unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var reactions: [Reaction] = []
        var i = 0
        while i < scalars.count {
            var emoji = String.UnicodeScalarView()
            while i < scalars.count, !isDigit(scalars[i]) {
                let s = scalars[i]
                // Letters, digits-in-other-scripts, spaces or `#` mean this is text, not chips.
                if s.isSpaceLike || s.properties.isAlphabetic || s == "#" || s == "@" || s.properties.numericType != nil {
                    return nil
                }
                emoji.append(s)
                i += 1
            }
            guard !emoji.isEmpty, i < scalars.count else { return nil }
            guard emoji.contains(where: isEmojiLike) else { return nil }
            var digits = ""
            while i < scalars.count, isDigit(scalars[i]) {
                digits.unicodeScalars.append(scalars[i])
                i += 1
            }
            var count = Double(digits) ?? 0
            // Telegram abbreviates large counts: `1.2K`.
            if i + 1 < scalars.count, scalars[i] == "." || scalars[i] == ",", isDigit(scalars[i + 1]) {
                var fraction = ""
                i += 1
                while i < scalars.count, isDigit(scalars[i]) {
                    fraction.unicodeScalars.append(scalars[i])
                    i += 1
                }
                count = Double(digits + "." + fraction) ?? count
            }
            if i < scalars.count, "KkMm".unicodeScalars.contains(scalars[i]) {
                count *= (scalars[i] == "K" || scalars[i] == "k") ? 1_000 : 1_000_000
                i += 1
            }
            // No reaction is counted in the quadrillions: such a "count" is text (and would not
            // fit an Int; found by the fuzzer).
            guard count < 1e15 else { return nil }
            reactions.append(Reaction(emoji: String(emoji), count: Int(count.rounded())))
        }
        return reactions.isEmpty ? nil : reactions
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Emoji and pictographic symbols; plain punctuation such as `-` or `)` is not a reaction.
    private static func isEmojiLike(_ s: Unicode.Scalar) -> Bool {
        s.properties.isEmoji && s.value > 0x7F
    }
}
