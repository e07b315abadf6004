import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel
@testable import ChansiteOutput
@testable import ChansiteSearch

@Suite struct SearchTests {
    @Test func tokenizerFoldsCaseAndYoAndSkipsURLsAndEmoji() {
        #expect(Tokenizer.words("Ёжик ЕЛКА👍 https://t.me/x/1 model_v2, 3D-печать") == ["ежик", "елка", "model", "v2", "3d", "печать", "3d-печать"])
        #expect(Tokenizer.script(of: "модель") == .cyrillic)
        #expect(Tokenizer.script(of: "model") == .latin)
        #expect(Tokenizer.script(of: "2024") == .other)
    }

    /// Pairs from the Snowball project's published sample vocabularies (voc.txt → output.txt).
    @Test(arguments: [
        ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("consignment", "consign"),
        ("knackeries", "knackeri"), ("generously", "generous"), ("models", "model"),
        ("вагнера", "вагнер"), ("важная", "важн"), ("важнее", "важн"), ("важнейшими", "важн"), ("важно", "важн"),
        ("моделью", "модел"), ("модели", "модел"), ("2024", "2024"), ("東京", "東京"),
    ])
    func stemmerMatchesSnowball(word: String, stem: String) {
        #expect(Stemmer().stem(word) == stem)
    }

    func site(_ posts: [(String, [String])]) -> Site {
        let path = "t.txt"
        let parsed = ParsedDump(
            path: path, format: "generic", channel: ChannelInfo(title: "Test"),
            posts: posts.enumerated().map { n, post in
                Post(text: post.0, hashtags: post.1, source: SourceRange(path: path, firstLine: n + 1, lastLine: n + 1))
            })
        return SiteAssembler(config: SiteConfig()).assemble([parsed]).site
    }

    func engine(for site: Site) throws -> (SearchEngine, URL) {
        let folder = try TestSupport.temporaryFolder()
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site).build())
        return (try SearchEngine(outputPath: folder.path), folder)
    }

    @Test func indexEncodingRoundTripsThroughTheEngine() throws {
        let built = SearchIndexBuilder(site: site([("Первая модель", []), ("Вторая", ["#тег"])])).build()
        let manifest = try #require(built.first { $0.path == "search/manifest.js" })
        let text = String(decoding: manifest.contents, as: UTF8.self)
        #expect(text.hasPrefix("window.__chansiteSearch(\"manifest\",{"))
        #expect(text.hasSuffix(");\n"))
        let formBucket = SearchIndexBuilder.bucket(of: "мод", count: SearchIndexBuilder.formBucketCount(forDocuments: 2))
        #expect(built.contains { $0.path == "search/" + SearchIndexLayout.forms(formBucket) })
        // The bucket hash is FNV-1a over UTF-8, which the page recomputes in JavaScript.
        #expect(SearchIndexBuilder.bucket(of: "a", count: 1 << 30) == Int(0xe40c_292c % UInt32(1 << 30)))
        let forms = try #require(built.first { $0.path == "search/" + SearchIndexLayout.forms(formBucket) })
        #expect(String(decoding: forms.contents, as: UTF8.self).contains("\"модель\":\"модел\""))
    }

    @Test func postingsMadeInSeveralPassesAreThoseMadeInOne() {
        let posts = (0..<300).map { n in
            ("пост \(n) слово\(n % 17) word\(n % 29) common shared \(n % 5 == 0 ? "rare" : "")", n % 3 == 0 ? ["#t\(n % 4)"] : [])
        }
        var one = SearchIndexBuilder(site: site(posts))
        one.postingPasses = 1
        let files = one.build()
        #expect(files.contains { $0.path.hasPrefix("search/postings") })
        for passes in [3, 8, 100] {
            var builder = SearchIndexBuilder(site: site(posts))
            builder.postingPasses = passes
            #expect(builder.build() == files, "\(passes) passes")
        }
    }

    @Test func packedDocumentWordsReadBackAsTheyWere() {
        let counts: [(Int32, Float)] = [(0, 1), (127, 2), (128, 3), (16383, 300), (16384, 70000), (Int32.max, 1), (5, 0)]
        let packed = SearchIndexBuilder.DocumentWordIDs(counts: counts, length: 9)
        #expect(packed.counts.map(\.0) == counts.map(\.0))
        #expect(packed.counts.map(\.1) == counts.map(\.1))
        #expect(packed.length == 9)
        #expect(SearchIndexBuilder.DocumentWordIDs().counts.isEmpty)
    }

    @Test func inflectionsPrefixesAndAND() throws {
        let (engine, folder) = try engine(
            for: site([
                ("Новая модель для текста", []),
                ("Про модели и данные", ["#ml"]),
                ("Совсем другое: кошки", []),
                ("Language models are few-shot learners", []),
            ]))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Set(try engine.search("моделью ").map(\.title)) == ["Новая модель для текста", "Про модели и данные"])
        #expect(try engine.search("model ").map(\.title) == ["Language models are few-shot learners"])
        #expect(try engine.search("модели данные ").map(\.title) == ["Про модели и данные"])
        #expect(try engine.search("кош").map(\.title) == ["Совсем другое: кошки"], "the last word is a prefix while typing")
        #expect(try engine.search("#ML").map(\.title) == ["Про модели и данные"])
        #expect(try engine.search("модель", tag: "ml").map(\.title) == ["Про модели и данные"])
        #expect(try engine.search("несуществующееслово ").isEmpty)
        #expect(try engine.search("модели ").allSatisfy { $0.snippet.contains("[модел") })
    }

    /// A match anywhere in a Telegram message (up to 4,096 characters) is in its snippet.
    @Test func aMatchFarIntoAPostIsInItsSnippet() throws {
        let filler = Array(repeating: "Lorem ipsum dolor sit amet.", count: 130).joined(separator: " ")
        let (engine, folder) = try engine(for: site([(filler + " The zeppelin lands at dawn.", [])]))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(filler.count > 3500)
        let snippet = try #require(try engine.search("zeppelin ").first?.snippet)
        #expect(snippet.contains("[zeppelin]"), "\(snippet)")
    }

    /// A word the archive does not have finds the words one typo away (after the first three
    /// letters, whose forms file it reads anyway), ranked below a real match of another word.
    @Test func oneTypoAwayIsFoundAndRankedBelowRealMatches() throws {
        let (engine, folder) = try engine(
            for: site([
                ("Tomatoes go out after the last frost", []),
                ("Planting potatoes in spring", []),
                ("Кошки спят весь день", []),
            ]))
        defer { try? FileManager.default.removeItem(at: folder) }
        for typo in ["tomqtoes ", "tomaotes ", "tomatoess ", "tomatos "] {
            #expect(try engine.search(typo).map(\.title) == ["Tomatoes go out after the last frost"], "\(typo)")
        }
        #expect(try engine.search("кошкт ").map(\.title) == ["Кошки спят весь день"])
        #expect(try engine.search("frsot ").isEmpty, "four-letter words need the word itself (and \"frsot\" is five but starts otherwise)")
        #expect(try engine.search("xomatoes ").isEmpty, "a typo in the first three letters names another forms file")
        let exact = try engine.search("potatoes ")
        let near = try engine.search("potatoex ")
        #expect(exact.map(\.title) == near.map(\.title) && near[0].score * 2 <= exact[0].score + 1)
        #expect(SearchEngine.withinOneEdit(Array("abcd".unicodeScalars), Array("abdc".unicodeScalars)))
        #expect(!SearchEngine.withinOneEdit(Array("abcd".unicodeScalars), Array("abcd".unicodeScalars)))
        #expect(!SearchEngine.withinOneEdit(Array("abcd".unicodeScalars), Array("badc".unicodeScalars)))
        #expect(SearchEngine.withinOneEdit(Array("abcd".unicodeScalars), Array("abd".unicodeScalars)))
    }

    /// `year:` keeps the posts of those years and `sort:` orders by date, from the manifest's
    /// month runs alone; undated posts come last and match no year; a malformed value is ignored.
    @Test func yearFiltersAndDateSortsFromTheManifest() throws {
        let path = "e.json"
        func post(_ text: String, _ day: String?) -> Post {
            Post(
                text: text, date: day.flatMap { try? Date($0 + "T12:00:00Z", strategy: .iso8601) },
                source: SourceRange(path: path, firstLine: 1, lastLine: 1))
        }
        let parsed = ParsedDump(
            path: path, format: "telegram_desktop_export", channel: ChannelInfo(title: "Garden"),
            posts: [
                post("Garden notes one", "2023-03-05"), post("Garden notes two", "2023-11-20"), post("Garden notes three", "2024-01-02"),
                post("Garden notes four", "2024-06-30"), post("Garden notes five", nil),
            ])
        let site = SiteAssembler(config: SiteConfig(timeZone: "UTC")).assemble([parsed]).site
        let (engine, folder) = try engine(for: site)
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = SearchIndexBuilder(site: site)
        // The undated post comes first in the channel (oldest first): its run is month 0.
        #expect(index.monthRuns() == [0, 0, 1, 202303, 2, 202311, 3, 202401, 4, 202406])
        func titles(_ query: String) throws -> [String] {
            try engine.search(query).map { $0.title.replacingOccurrences(of: "Garden notes ", with: "") }
        }
        #expect(Set(try titles("garden year:2024 ")) == ["three", "four"])
        #expect(Set(try titles("year:2023-2023 garden ")) == ["one", "two"])
        #expect(try titles("garden sort:newest ") == ["four", "three", "two", "one", "five"])
        #expect(try titles("garden sort:oldest ") == ["one", "two", "three", "four", "five"])
        #expect(try titles("garden year:2024 sort:oldest") == ["three", "four"])
        #expect(try titles("garden year:twenty ").count == 5, "a malformed year is ignored")
        #expect(try titles("garden year:2025 ").isEmpty)
        #expect(try titles("garden month:2023-11 ") == ["two"])
        #expect(Set(try titles("garden month:2023-10..2024-01 ")) == ["two", "three"])
        #expect(try titles("garden month:2023-11..2023-10 ").count == 5, "a reversed range is ignored")
        #expect(try titles("garden month:2023-13 ").count == 5, "so is a month that is none")
        #expect(try titles("garden month:2024-01..2024-12 year:2024 sort:newest ") == ["four", "three"])
        #expect(SearchEngine.operators("month:2024-02").operators == SearchEngine.Operators(months: 202402...202402))
        let (words, operators) = SearchEngine.operators("cats year:2020-2022 sort:newest dogs")
        #expect(operators == SearchEngine.Operators(years: 2020...2022, sort: .newest))
        #expect(SearchEngine.terms(words).map(\.word) == ["cats", "dogs"])
        #expect(SearchEngine.operators("year:2022-2020 sort:sideways").operators == SearchEngine.Operators())
        #expect(!SearchManifest.validRuns([1, 202401]) && !SearchManifest.validRuns([0, 202413]) && SearchManifest.validRuns([0, 0, 5, 199912]))
    }

    /// `has:` keeps the posts that have that kind of content, from one bit file a kind; kinds
    /// combine, an unknown kind is ignored, and the words still rank.
    @Test func kindFiltersKeepThePostsThatHaveThatContent() throws {
        let path = "k.json"
        func post(_ text: String, media: [MediaFile.Kind] = [], poll: Bool = false) -> Post {
            var post = Post(text: text, media: media.map { MediaFile(kind: $0) }, source: SourceRange(path: path, firstLine: 1, lastLine: 1))
            if poll {
                var details = PostDetails()
                details.poll = .init(question: "Garden?", closed: false, totalVoters: 0, answers: [])
                post.details = details
            }
            return post
        }
        let parsed = ParsedDump(
            path: path, format: "telegram_desktop_export", channel: ChannelInfo(title: "Garden"),
            posts: [
                post("Garden photo", media: [.photo]), post("Garden clip", media: [.videoFile]), post("Garden manual", media: [.file]),
                post("Garden link https://example.org/tips"), post("Garden vote", poll: true),
                post("Garden photo and voice", media: [.photo, .voiceMessage]),
                post("Garden words only"),
            ])
        let site = SiteAssembler(config: SiteConfig()).assemble([parsed]).site
        let (engine, folder) = try engine(for: site)
        defer { try? FileManager.default.removeItem(at: folder) }
        func titles(_ query: String) throws -> Set<String> { Set(try engine.search(query, limit: 50).map(\.title)) }
        #expect(try titles("garden has:photo ") == ["Garden photo", "Garden photo and voice"])
        #expect(try titles("garden has:video ") == ["Garden clip"])
        #expect(try titles("garden has:file ") == ["Garden manual", "Garden photo and voice"])
        #expect(try titles("garden has:link ") == ["Garden link https://example.org/tips"])
        #expect(try titles("has:poll garden ") == ["Garden vote"])
        #expect(try titles("garden has:photo has:file ") == ["Garden photo and voice"])
        #expect(try titles("garden has:unicorns ").count == 7)
        let bits = try engine.kindBits("photo")
        #expect((0..<7).filter { PostKindBits.isSet($0, in: bits) }.count == 2 && !PostKindBits.isSet(64, in: bits))
    }

    /// A channel's posts' kinds as the build cache keeps them: a letter a post, read back only
    /// whole (`PostKindBits.masks`).
    @Test func keptKindsReadBackOnlyWhole() {
        let masks = (0..<32).map(UInt8.init)
        let text = PostKindBits.masks(masks)
        #expect(PostKindBits.masks(text, count: 32) == masks)
        #expect(PostKindBits.masks(text, count: 31) == nil && PostKindBits.masks(text + "a", count: 33) == nil)
        #expect(PostKindBits.masks("", count: 0) == [])
    }

    @Test func bm25RanksRarerAndDenserMatchesFirstAndBoostsTitles() throws {
        let filler = Array(repeating: "слово", count: 60).joined(separator: " ")
        var posts: [(String, [String])] = [
            ("Разное\n\(filler) граф", []),
            ("Граф граф граф", []),
        ]
        posts += (0..<10).map { ("Заметка номер \($0) про разное", []) }
        let (engine, folder) = try engine(for: site(posts))
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = try engine.search("граф ")
        #expect(results.map(\.title) == ["Граф граф граф", "Разное"])
        #expect(results[0].score > results[1].score)
        // A rare word outranks a common one.
        let rare = try engine.search("номер 3 ")
        #expect(rare.first?.title == "Заметка номер 3 про разное")
    }

    @Test func shortWordsAndAbbreviationsAreIndexedAsWritten() throws {
        let (engine, folder) = try engine(for: site([("ИИ меняет всё", []), ("Кошки и собаки", []), ("LLM и RL вместе", [])]))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try engine.search("ИИ ").map(\.title) == ["ИИ меняет всё"], "not stemmed into the conjunction 'и'")
        #expect(try engine.search("LLM ").map(\.title) == ["LLM и RL вместе"])
        #expect(try engine.search("rl ").map(\.title) == ["LLM и RL вместе"])
    }

    @Test func textWithoutSpacesIsFoundByAnyOfItsWords() throws {
        #expect(Tokenizer.words("東京タワー GPT模型") == ["東京", "京タ", "タワ", "ワー", "gpt", "模型"])
        #expect(Tokenizer.words("猫") == ["猫"])
        let (engine, folder) = try engine(for: site([("我们今天去东京看樱花", []), ("大阪の夜は楽しい", []), ("A post in English", [])]))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try engine.search("东京 ").map(\.title) == ["我们今天去东京看樱花"])
        #expect(try engine.search("樱花 ").map(\.title) == ["我们今天去东京看樱花"])
        #expect(try engine.search("楽しい ").map(\.title) == ["大阪の夜は楽しい"])
        #expect(try engine.search("京都 ").isEmpty)
    }

    /// Index files escape U+2028 and U+2029 wherever they occur, and only those.
    @Test func lineSeparatorsAreEscapedWhereverTheyAre() {
        for (text, found) in [
            ("abc", false), ("\u{2028}", true), ("x\u{2029}", true), ("—…", false), ("\u{2029}y", true), ("", false), ("ab", false),
        ] {
            let json = Data(text.utf8)
            #expect(SearchIndexBuilder.hasLineSeparator(json) == found, "\(text)")
            let escaped = String(decoding: SearchIndexBuilder.escapingLineSeparators(json), as: UTF8.self)
            #expect(escaped == text.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029"))
        }
        #expect(!SearchIndexBuilder.hasLineSeparator(Data([0xE2, 0x80])))
        #expect(SearchIndexBuilder.hasLineSeparator(Data([0xE2, 0xE2, 0x80, 0xA8])))
    }
}
