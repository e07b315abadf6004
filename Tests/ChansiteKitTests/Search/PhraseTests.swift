import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import ChansiteOutput
import Foundation
import Testing

@testable import ChansiteSearch

/// `"exact phrase"`: words in that order, next to each other, from the index's slots.
@Suite struct PhraseTests {
    @Test func quotedPartsAreReadOutOfTheQuery() {
        let (words, phrases) = Phrase.split(#"cats "black dog" -"red fox" «ночь» “city lights” more"#)
        #expect(phrases == [Phrase(text: "black dog"), Phrase(text: "red fox", excluded: true), Phrase(text: "ночь"), Phrase(text: "city lights")])
        #expect(words.split(separator: " ") == ["cats", "more"])
        #expect(
            words.unicodeScalars.count == #"cats "black dog" -"red fox" «ночь» “city lights” more"#.unicodeScalars.count, "words keep their places")
        let typing = Phrase.split(#"cats "black do"#)
        #expect(typing.phrases.isEmpty && typing.words == "cats  black do", "an open quote searches its words as words")
        #expect(Phrase.split(#"a-"b c""#).phrases == [Phrase(text: "b c")], "a hyphen inside a word does not exclude")
        let mention = Phrase.split("news @cat_news today e@mail @ @x!")
        #expect(mention.phrases == [Phrase(text: "cat news")], "a mention is its name's words, next to each other")
        #expect(mention.words.split(separator: " ") == ["news", "today", "e@mail", "@", "@x!"])
    }

    @Test func slotsKeepAPhrasesDistancesThroughCompoundsAndSpacelessText() {
        let gpt = Tokenizer.positionedWords("GPT-4 model")
        #expect(gpt.words == ["gpt", "4", "gpt-4", "model"])
        #expect(gpt.slots == [0, 1, 0, 2])
        let tokyo = Tokenizer.positionedWords("東京タワー on")
        #expect(tokyo.words == ["東京", "京タ", "タワ", "ワー", "on"])
        #expect(tokyo.slots == [0, 1, 2, 3, 4])
        #expect(Tokenizer.positionedWords("C++ и .NET").slots == [0, 0, 1, 2, 2])
    }

    @Test func slotCodeRoundTripsAndRejectsWhatItDoesNotWrite() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let postings = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in Int32.random(in: 0...200_000, using: &generator) }.sorted()
            }
            var text: [UInt8] = []
            for (n, slots) in postings.enumerated() { SlotCode.append(slots, to: &text, first: n == 0) }
            #expect(SlotCode.decode(String(decoding: text, as: UTF8.self)) == postings.map { $0.map(Int.init) })
        }
        #expect(SlotCode.decode("3,A") == nil, "a number cut short")
        #expect(SlotCode.decode("3\"") == nil)
        #expect(SlotCode.decode(String(repeating: "~", count: 9) + "v") == nil, "past Int32")
    }

    func engine(_ texts: [String], title: String? = nil) throws -> (SearchEngine, URL) {
        let path = "t.txt"
        let posts = texts.enumerated().map { n, text in
            Post(title: n == 0 ? title : nil, text: text, source: SourceRange(path: path, firstLine: n + 1, lastLine: n + 1))
        }
        let parsed = ParsedDump(path: path, format: "generic", channel: ChannelInfo(title: "Test"), posts: posts)
        let site = SiteAssembler(config: SiteConfig()).assemble([parsed]).site
        let folder = try TestSupport.temporaryFolder()
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site).build())
        return (try SearchEngine(outputPath: folder.path), folder)
    }

    @Test func aPhraseFindsItsWordsInOrderAndNextToEachOther() throws {
        let (engine, folder) = try engine([
            "The quick brown fox jumps",
            "A brown quick fox",
            "Quick, brown and quicker",
            "Quick thinking. Brown paper bags.",
            "Run GPT-4 models at home",
            "gpt 4 models",
            "They jumped",
            "Follow @quick_fox for more",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        func titles(_ query: String) throws -> Set<String> { Set(try engine.search(query, limit: 100).map(\.title)) }
        #expect(try titles(#""quick brown""#) == ["The quick brown fox jumps", "Quick, brown and quicker"], "punctuation between them is no gap")
        #expect(try titles(#""brown quick""#) == ["A brown quick fox"])
        #expect(try titles(#""quick brown fox""#) == ["The quick brown fox jumps"])
        #expect(try titles(#""quick fox""#) == ["A brown quick fox", "Follow @quick_fox for more"])
        #expect(try titles("@quick_fox") == ["A brown quick fox", "Follow @quick_fox for more"], "a mention is the phrase of its words")
        #expect(try titles(#""quick brown" "#) != (try titles("quick brown ")), "the words alone are in more posts")
        #expect(
            try titles(#"quick -"brown fox" "#) == [
                "Quick, brown and quicker", "Quick thinking. Brown paper bags.", "A brown quick fox", "Follow @quick_fox for more",
            ])
        #expect(try titles(#""gpt-4 models""#) == ["Run GPT-4 models at home"], "a compound stays whole")
        #expect(try titles(#""gpt 4 models""#) == ["Run GPT-4 models at home", "gpt 4 models"], "its parts are words too")
        #expect(try titles(#""quick zebra""#).isEmpty, "a word the archive lacks")
        #expect(try titles(#""fox jumped""#) == ["The quick brown fox jumps"], "each word in any form of its stem the archive has")
        #expect(try titles(#""jumped fox""#).isEmpty)
        #expect(try titles(#""fox jumping""#) == ["The quick brown fox jumps"], "a form the archive never wrote stands for its near forms")
        #expect(try titles(#""fox jmups""#).isEmpty, "but never for a typo")
    }

    @Test func aPhraseDoesNotRunFromTheTitleIntoTheText() throws {
        let (engine, folder) = try engine(["Brown bags for sale", "Buy quick brown bags"], title: "Quick")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try engine.search(#""quick brown""#).map(\.title) == ["Buy quick brown bags"])
    }
}
