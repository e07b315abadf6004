import Foundation
import Testing

@testable import ChansiteSearch

/// Terms with symbols in them (`C++`, `C#`, `.NET`, `t.me`, `GPT-4`, `3.14`) are words of
/// their own: the index keeps them beside their parts, a query keeps them whole.
@Suite struct CompoundTermTests {
    @Test func theIndexKeepsCompoundsBesideTheirParts() {
        #expect(Tokenizer.words("C++ and C# on .NET") == ["c", "c++", "and", "c", "c#", "on", "net", ".net"])
        #expect(Tokenizer.words("GPT-4 scored 3.14 on t.me") == ["gpt", "4", "gpt-4", "scored", "3", "14", "3.14", "on", "t", "me", "t.me"])
        #expect(Tokenizer.words("что-то из-за") == ["что", "то", "что-то", "из", "за", "из-за"])
    }

    /// A tag key's underscores part its words (`#machine_learning` is found by `learning`), as
    /// Foundation's replacing parts them (an underscore a mark combines with stays).
    @Test func aTagKeysUnderscoresPartItsWords() {
        for key in ["machine_learning", "news", "_a__b_", "x_\u{301}y", "данные_и_модели", ""] {
            #expect(SearchIndexBuilder.spaced(key) == key.replacingOccurrences(of: "_", with: " "), "\(key)")
        }
        #expect(SearchIndexBuilder.spaced("machine_learning") == "machine learning")
    }

    @Test func aQueryKeepsCompoundsWhole() {
        #expect(Tokenizer.words("C++", compounds: .whole) == ["c++"])
        #expect(SearchEngine.tokens("C++ C# .NET t.me GPT-4 3.14") == ["c++", "c#", ".net", "t.me", "gpt-4", "3.14"])
        #expect(SearchEngine.tokens("#news c# #ML") == ["#news", "c#", "#ml"])
    }

    @Test func sentencesAndHashtagsAreNotCompounds() {
        // A full stop, a dash between spaces, a hashtag's `#` and trailing punctuation end words.
        #expect(Tokenizer.words("The end. Next - line #tag ok.") == ["the", "end", "next", "line", "tag", "ok"])
        #expect(Tokenizer.words("end.", compounds: .whole) == ["end"])
        #expect(Tokenizer.words("(c++)", compounds: .whole) == ["c++"])
    }

    @Test func compoundsMatchExactlyAndAreNeverStemmed() throws {
        let tests = SearchTests()
        let posts = [
            "Modern C++ templates explained", "Pattern matching in C#", "Porting code to .NET 8",
            "GPT-4 writes poems", "The value of pi is 3.14", "C is a small language", "Contact us on t.me",
        ]
        let (engine, folder) = try tests.engine(for: tests.site(posts.map { ($0, []) }))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try engine.search("C++ ").map(\.title) == ["Modern C++ templates explained"])
        #expect(try engine.search("C# ").map(\.title) == ["Pattern matching in C#"])
        #expect(try engine.search(".NET ").map(\.title) == ["Porting code to .NET 8"])
        #expect(try engine.search("GPT-4 ").map(\.title) == ["GPT-4 writes poems"])
        #expect(try engine.search("3.14 ").map(\.title) == ["The value of pi is 3.14"])
        #expect(try engine.search("t.me ").map(\.title) == ["Contact us on t.me"])
        // The parts are still words: `gpt` finds GPT-4.
        #expect(try engine.search("gpt ").map(\.title) == ["GPT-4 writes poems"])
        #expect(try engine.search("C++ ").first?.snippet.contains("[C++]") == true)
    }

    @Test func aWholeWordOutranksTheLongerWordsItBegins() throws {
        let tests = SearchTests()
        // Counted in full, "theme" three times would outrank "the" once.
        let posts = ["Theme theme theme", "The end", "Something else"]
        let (engine, folder) = try tests.engine(for: tests.site(posts.map { ($0, []) }))
        defer { try? FileManager.default.removeItem(at: folder) }
        // Typed, `the` still finds the longer word, after the post that has the word itself.
        #expect(try engine.search("the").map(\.title) == ["The end", "Theme theme theme"])
        #expect(try engine.search("them").map(\.title) == ["Theme theme theme"])
    }

    @Test func aMinusLeavesOutThePostsWithTheWord() throws {
        #expect(SearchEngine.terms("cats -dogs") == [.init(word: "cats"), .init(word: "dogs", excluded: true)])
        // A hyphen inside a word or a compound is no exclusion.
        #expect(SearchEngine.terms("что-то gpt-4").allSatisfy { !$0.excluded })
        let tests = SearchTests()
        let posts = ["Cats and dogs", "Cats alone", "Dogs alone"]
        let (engine, folder) = try tests.engine(for: tests.site(posts.map { ($0, []) }))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try engine.search("cats -dogs ").map(\.title) == ["Cats alone"])
        #expect(try engine.search("-dogs cats").map(\.title) == ["Cats alone"])
        #expect(try engine.search("-dogs ").isEmpty, "nothing to look for")
    }
}
