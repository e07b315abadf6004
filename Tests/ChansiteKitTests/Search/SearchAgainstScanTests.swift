import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import ChansiteOutput
import Foundation
import Testing

@testable import ChansiteSearch

/// The index against a brute-force scan: over generated multilingual sites, every exact word,
/// phrase and filtered query returns exactly the posts a scan of every post's words finds. The
/// scan reads the posts themselves (the tokenizer and stemmer are the definition of a word);
/// everything between, the forms, postings, slots, buckets and the engine, is what is tested.
@Suite struct SearchAgainstScanTests {
    static let vocabulary: [[String]] = [
        ["модель", "модели", "моделью", "данные", "данных", "обучение", "обучения", "сеть", "сети", "Ёлка", "елки", "что-то", "новый"],
        ["мова", "мови", "їжак", "ґанок", "українська", "місто", "міста", "ще"],
        ["model", "models", "learning", "learned", "network", "networks", "the", "cat", "cats", "running", "run", "Café", "cafe\u{301}"],
        ["السَّلَف", "السلف", "القرآن", "قرآن", "القُرْآن", "النبي", "النَّبِيّ", "مدرسة", "كتاب", "والكتاب"],
        ["东京", "看樱花", "机器学习", "模型", "数据"],
        ["東京タワー", "さくら", "モデル", "学習"],
        ["C++", "C#", ".NET", "t.me", "GPT-4", "3.14", "gpt", "4"],
    ]

    /// A generated post: its words as written and the text made of them.
    struct Generated {
        var words: [String]
        var text: String
        var tags: [String]
        var date: Date
    }

    /// One of `items` (never empty here).
    static func pick<T>(_ items: [T], _ random: inout SeededRandom) -> T {
        items[Int.random(in: items.indices, using: &random)]
    }

    static func generate(seed: UInt64, count: Int) -> [[Generated]] {
        var random = SeededRandom(state: seed)
        let separators = [" ", " ", " ", ", ", ". ", " — "]
        return (0..<3).map { _ in
            (0..<count).map { _ in
                let languages = [pick(vocabulary, &random), pick(vocabulary, &random)]
                let words = (0..<Int.random(in: 3...24, using: &random)).map { _ in
                    pick(pick(languages, &random), &random)
                }
                var text = words[0]
                for word in words.dropFirst() { text += pick(separators, &random) + word }
                let tags = Int.random(in: 0..<5, using: &random) == 0 ? [pick(["#ml", "#новости", "#data_science"], &random)] : []
                let date = Date(timeIntervalSince1970: Double(Int.random(in: 1_609_459_200...1_735_603_200, using: &random)))
                return Generated(words: words, text: text + (tags.isEmpty ? "" : " " + tags.joined(separator: " ")), tags: tags, date: date)
            }
        }
    }

    static func site(_ channels: [[Generated]]) -> Site {
        let dumps = channels.enumerated().map { c, posts in
            let path = "c\(c).txt"
            return ParsedDump(
                path: path, format: "generic", channel: ChannelInfo(title: "Channel \(c)"),
                posts: posts.enumerated().map { n, post in
                    Post(text: post.text, hashtags: post.tags, date: post.date, source: SourceRange(path: path, firstLine: n + 1, lastLine: n + 1))
                })
        }
        return SiteAssembler(config: SiteConfig()).assemble(dumps).site
    }

    /// Every post's stems with their slots, and every form the corpus has with its stem.
    struct Scan {
        var posts: [[String: Set<Int32>]] = []
        var forms: [String: String] = [:]
        var paths: [String] = []
        var years: [Int] = []
        /// Each post's month, `yyyymm` in UTC (the site's zone).
        var months: [Int] = []
        var channels: [String] = []

        init(_ site: Site) {
            let stemmer = Stemmer()
            let names = Dictionary(site.channels.map { ($0.slug, $0.displayName) }, uniquingKeysWith: { a, _ in a })
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
            for sitePost in site.allPosts {
                var stems: [String: Set<Int32>] = [:]
                SearchIndexBuilder.forEachWord(of: sitePost, names: names) { word, _, slot in
                    let stem = SearchIndexBuilder.stem(word, with: stemmer)
                    forms[word] = stem
                    stems[stem, default: []].insert(slot)
                }
                for key in sitePost.tagKeys { stems["#" + key, default: []].insert(-1) }
                posts.append(stems)
                paths.append(sitePost.path)
                years.append(sitePost.post.date.map { calendar.component(.year, from: $0) } ?? 0)
                months.append(sitePost.post.date.map { calendar.component(.year, from: $0) * 100 + calendar.component(.month, from: $0) } ?? 0)
                channels.append(names[sitePost.channelSlug] ?? "")
            }
        }

        /// The posts holding every word of `text` (in any form of its stem); nil when one of its
        /// words is not in the corpus (the engine would then guess by prefix or typo).
        func withWords(_ text: String) -> Set<Int>? {
            let tokens = SearchEngine.tokens(text)
            let stems = tokens.compactMap { forms[$0] }
            guard !stems.isEmpty, stems.count == tokens.count else { return nil }
            return Set(posts.indices.filter { doc in stems.allSatisfy { posts[doc][$0] != nil } })
        }

        /// The posts holding `text` as a phrase: its words' stems at its words' distances.
        func withPhrase(_ text: String) -> Set<Int>? {
            let (words, slots) = Tokenizer.positionedWords(text)
            let stems = words.compactMap { forms[$0] }
            guard !stems.isEmpty, stems.count == words.count else { return nil }
            return Set(
                posts.indices.filter { doc in
                    (posts[doc][stems[0]] ?? []).contains { start in
                        stems.indices.allSatisfy { posts[doc][stems[$0]]?.contains(start - slots[0] + slots[$0]) == true }
                    }
                })
        }
    }

    /// Every post's words kept in a scratch file until their segments are made (as a build
    /// keeps them) make the same index, byte for byte, as words kept in memory.
    @Test func wordsKeptOnDiskMakeTheSameIndex() throws {
        let site = Self.site(Self.generate(seed: 4, count: 200))
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = try #require(ScratchFile(in: folder.path))
        var builder = SearchIndexBuilder(site: site)
        builder.postingPasses = 3
        builder.segmentPosts = 30  // segments made from words read back in many pieces
        func files(_ scratch: ScratchFile?) -> [RenderedFile] {
            var made: [RenderedFile] = []
            builder.write(vocabulary: IndexVocabulary(), scratch: scratch) { file, _ in made.append(file) }
            return made.sorted { $0.path < $1.path }
        }
        let inMemory = files(nil)
        let onDisk = files(scratch)
        #expect(inMemory.count > 10 && inMemory.map(\.path) == onDisk.map(\.path))
        #expect(zip(inMemory, onDisk).allSatisfy { $0.contents == $1.contents })
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everyWordPhraseAndFilterFindsWhatAScanFinds(seed: UInt64) throws {
        let generated = Self.generate(seed: seed, count: 120)
        let site = Self.site(generated)
        let scan = Scan(site)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site).build())
        let engine = try SearchEngine(outputPath: folder.path)
        func found(_ query: String, channel: String? = nil, tag: String? = nil) throws -> Set<String> {
            Set(try engine.search(query, limit: .max, channel: channel, tag: tag).map(\.url))
        }
        func paths(_ docs: Set<Int>) -> Set<String> { Set(docs.map { scan.paths[$0] }) }
        var checked = (words: 0, phrases: 0, filters: 0)

        for word in Self.vocabulary.joined() {
            guard let expected = scan.withWords(word) else { continue }
            #expect(try found(word + " ") == paths(expected), "word \(word)")
            checked.words += 1
        }
        var random = SeededRandom(state: seed &* 7919)
        let posts = Array(generated.joined().map(\.words))
        for n in 0..<120 {
            let words = Self.pick(posts, &random)
            let length = Int.random(in: 2...4, using: &random)
            guard words.count >= length else { continue }
            let start = Int.random(in: 0...(words.count - length), using: &random)
            var window = Array(words[start..<(start + length)])
            if n % 3 == 0 { window.shuffle(using: &random) }  // mostly phrases no post holds
            let phrase = window.joined(separator: " ")
            guard let expected = scan.withPhrase(phrase) else { continue }
            #expect(try found("\"\(phrase)\" ") == paths(expected), "phrase \(phrase)")
            checked.phrases += 1

            // Filters and exclusions beside it, against the same scan.
            let other = Self.pick(Array(Self.vocabulary.joined()), &random)
            if let with = scan.withWords(other) {
                #expect(try found("\"\(phrase)\" -\(other) ") == paths(expected.subtracting(with)), "phrase \(phrase) without \(other)")
                #expect(try found("\(other) -\"\(phrase)\" ") == paths(with.subtracting(expected)), "\(other) without phrase \(phrase)")
                let year = 2021 + n % 4
                #expect(try found("\(other) year:\(year) ") == paths(with.filter { scan.years[$0] == year }), "\(other) in \(year)")
                let months = (year * 100 + 1 + n % 6)...(year * 100 + 7 + n % 6)
                func written(_ month: Int) -> String { "\(month / 100)-" + String(format: "%02d", month % 100) }
                let monthQuery = "\(other) month:\(written(months.lowerBound))..\(written(months.upperBound)) "
                #expect(try found(monthQuery) == paths(with.filter { months.contains(scan.months[$0]) }), "\(monthQuery)")
                let channel = "Channel \(n % 3)"
                #expect(try found(other + " ", channel: channel) == paths(with.filter { scan.channels[$0] == channel }), "\(other) in \(channel)")
                let tagged = with.filter { scan.posts[$0]["#ml"] != nil }
                #expect(try found(other + " ", tag: "ml") == paths(tagged), "\(other) tagged #ml")
                checked.filters += 6
            }
        }
        #expect(checked.words > 50 && checked.phrases > 60 && checked.filters > 150, "\(checked)")
    }
}
