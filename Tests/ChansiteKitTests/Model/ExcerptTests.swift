import Testing

@testable import ChansiteCore
@testable import ChansiteModel

/// The byte-level excerpt cuts exactly where the scalar-by-scalar definition it replaced cut,
/// for every script, emoji sequences, combining marks, every kind of space and line break,
/// and texts shorter and longer than the limit.
@Suite struct ExcerptTests {
    /// The definition the byte-level version must match: the first `2 × limit + 16` scalars,
    /// LF and CR as spaces, then `shortened(to:)`.
    static func reference(_ text: String, limit: Int) -> String {
        let start = Substring(text.unicodeScalars.prefix(limit * 2 + 16)).utf8
        return String(decoding: start.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self).shortened(to: limit)
    }

    static let pieces = [
        "word", "слово", "كلمة", "东京", "🌍", "👩‍👩‍👧", "e\u{301}", "\u{200D}", "\u{301}", " ", "  ", "\n", "\r\n", "\t", "\u{A0}", "\u{2003}",
        "\u{3000}", "\u{2028}", "\u{85}", ".", "-", "a", "ü",
    ]

    @Test(arguments: 0..<400) func theByteLevelExcerptCutsWhereTheDefinitionDoes(seed: Int) {
        var rng = SeededRandom(state: UInt64(seed) &* 6_364_136_223 &+ 17)
        let limit = [1, 2, 5, 12, 40, 120, 220][seed % 7]
        let count = Int.random(in: 0...(limit * 3 + 40), using: &rng)
        let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
        #expect(Excerpt.of(text, limit: limit) == Self.reference(text, limit: limit), "\(text.debugDescription) \(limit)")
    }

    @Test func examples() {
        #expect(Excerpt.of("  \n", limit: 10) == "")
        #expect(Excerpt.of("Short\npost.", limit: 220) == "Short post.")
        #expect(Excerpt.of("one two three four", limit: 12) == "one two…")
    }
}
