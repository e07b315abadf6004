import Foundation
import Testing

@testable import ChansiteSearch

/// Arabic as people write it: with and without harakat, with the article, with a conjunction,
/// and with the alef, ya and ta marbuta written either way; the page's script (`normalize` in
/// search.js) applies the same rules, which the browser tests check against the same posts.
@Suite struct ArabicSearchTests {
    @Test func wordsAreFoldedAndLoseOneArticleOrConjunction() {
        #expect(Tokenizer.words("القُرْآن") == ["قران"])
        #expect(Tokenizer.words("القرآن قرآن والقرآن بالقرآن") == ["قران", "قران", "قران", "قران"])
        #expect(Tokenizer.words("السَّلَف السلف") == ["سلف", "سلف"])
        #expect(Tokenizer.words("النَّبِيّ النبي نبي") == ["نبي", "نبي", "نبي"])
        #expect(Tokenizer.words("مدرسة مدرسه") == ["مدرسه", "مدرسه"], "ta marbuta is ha")
        #expect(Tokenizer.words("مصطفى مصطفي") == ["مصطفي", "مصطفي"], "alef maksura is ya")
        #expect(Tokenizer.words("إسلام أسلم") == ["اسلام", "اسلم"], "alef with hamza is alef")
        #expect(Tokenizer.words("كـــتاب") == ["كتاب"], "tatweel is dropped")
        // Short words keep their first letters: `ولد` (boy) is not `لد`, `ال` stays.
        #expect(Tokenizer.words("ولد ال") == ["ولد", "ال"])
        // A lone ba, lam or fa is kept: `فكرة` (idea) is not `كرة` (ball).
        #expect(Tokenizer.words("فكرة بيت") == ["فكره", "بيت"])
        // Arabic punctuation separates words; Arabic-Indic digits are digits.
        #expect(Tokenizer.words("كتاب، قلم؟ ١٢٣") == ["كتاب", "قلم", "١٢٣"])
        #expect(Tokenizer.script(of: "كتاب") == .arabic)
    }

    @Test func stemsAreLightAndStayPrefixesOfTheirWords() {
        #expect(ArabicText.stem("مسلمون") == "مسلم")
        #expect(ArabicText.stem("مسلمين") == "مسلم")
        #expect(ArabicText.stem("كتابات") == "كتاب")
        // Three letters stay: the root.
        #expect(ArabicText.stem("قران") == "قران")
        for word in ["مسلمون", "كتابات", "مدرسه", "قران"] { #expect(word.hasPrefix(ArabicText.stem(word))) }
    }

    @Test func latinMarksAreComposedAsThePageComposesThem() {
        // "café" with a combining acute (as some keyboards write it) is the precomposed word.
        #expect(Tokenizer.words("cafe\u{301} café") == ["café", "café"])
    }

    /// Every term is its composed (NFC) bytes, which the page looks a query up by: a mark,
    /// conjoining jamo and a compatibility ideograph are composed, and a post written with
    /// any of them is found by the composed word.
    @Test func everyTermIsTheComposedBytesThePageLooksUp() throws {
        let cases = [("cafe\u{301}", "café"), ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"), ("\u{F900}\u{4E00}", "\u{8C48}\u{4E00}")]
        for (written, composed) in cases {
            #expect(Tokenizer.words(written).map { Array($0.utf8) } == [Array(composed.utf8)], "\(written.unicodeScalars.map(\.value))")
        }
        let posts = ["한국 \u{1100}\u{1161}\u{11A8}", "한국 \u{AC01}"]
        let (engine, folder) = try SearchTests().engine(for: SearchTests().site(posts.map { ($0, []) }))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try engine.search("\u{AC01} ").count == 2)
    }

    @Test func everyWrittenFormFindsEveryOther() throws {
        let posts = [
            "منهج السَّلَف في العقيدة",
            "كتب السلف الصالح",
            "تفسير القُرْآن الكريم",
            "حفظ القرآن للأطفال",
            "سيرة النَّبِيّ محمد",
            "A post in English about nothing",
        ]
        let (engine, folder) = try SearchTests().engine(for: SearchTests().site(posts.map { ($0, []) }))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Set(try engine.search("السلف ").map(\.title)) == ["منهج السَّلَف في العقيدة", "كتب السلف الصالح"])
        #expect(Set(try engine.search("قرآن ").map(\.title)) == ["تفسير القُرْآن الكريم", "حفظ القرآن للأطفال"])
        #expect(try engine.search("النبي ").map(\.title) == ["سيرة النَّبِيّ محمد"])
        #expect(try engine.search("قرآن ").allSatisfy { $0.snippet.contains("[القرآن]") || $0.snippet.contains("[القُرْآن]") })
    }
}
