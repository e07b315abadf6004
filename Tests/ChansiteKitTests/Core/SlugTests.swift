import Foundation
import Testing

@testable import ChansiteCore

/// Slugs read ASCII and Cyrillic by scalar and everything else by character: both ways give
/// the same names.
@Suite struct SlugTests {
    @Test func namesAreTransliteratedWords() {
        #expect(Slug.make("Привет, Мир! Ёжик's 2024") == "privet-mir-ezhiks-2024")
        #expect(Slug.make("Їжак і Ґанок") == "yizhak-i-ganok")
        #expect(Slug.make("Café déjà vu") == "cafe-deja-vu")
        #expect(Slug.make("й") == "y" && Slug.make("и\u{306}") == "y", "a decomposed letter reads as the composed one")
        #expect(Slug.make("one two three four five six seven") == "one-two-three-four-five-six")
        #expect(Slug.make(String(repeating: "a", count: 60)) == String(repeating: "a", count: 48))
        #expect(Slug.make("漢字 🙂") == "")
    }

    /// Random texts of ASCII, Cyrillic of both cases, apostrophes and what the quick way
    /// leaves to the general one: the quick way never answers differently.
    @Test func theQuickWayReadsAsTheGeneralOne() {
        let pieces: [String] = [
            "a", "Z", "7", " ", "-", "'", "’", ".", "\n", "\r\n", "я", "Я", "ё", "Ё", "щ", "Щ", "ї", "Ї", "ґ", "ў", "ъ",
            "é", "e\u{301}", "и\u{306}", "\u{301}", "ß", "İ", "ђ", "ә", "漢", "🙂", "\u{200D}", "ǅ",
        ]
        var generator = SeededRandom(state: 26)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let words = Int.random(in: 1...7, using: &generator)
            let length = Int.random(in: 1...50, using: &generator)
            let general = Slug.join(Slug.words(text, maxWords: words), maxWords: words, maxLength: length)
            #expect(Slug.make(text, maxWords: words, maxLength: length) == general, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
