import Algorithms
import ChansiteCore
import ChansiteModel
import Foundation

/// Answers queries from a built index folder with exactly the algorithm of `assets/search.js`,
/// so `chansite search` and the search page agree on results and their order.
package final class SearchEngine {
    /// One ranked post.
    package struct Result: Sendable, Encodable {
        package var title: String
        package var url: String
        package var channel: String
        package var snippet: String
        package var score: Int
        /// The post's day (`2024-03-05`, in the site's time zone), or its date as the copy
        /// wrote it when it has no other; nil when undated.
        package var date: String?
    }

    let folder: String
    private var cache: [String: Any] = [:]
    let buckets: Int
    private let docsPerChunk: Int
    private let manifest: SearchManifest
    /// Each channel's display name, folder name, handle (empty when it has none) and its range
    /// of document numbers.
    package let channels: [(name: String, slug: String, handle: String, low: Int, high: Int)]

    /// - Parameter outputPath: the site folder holding `search/manifest.js`.
    /// - Throws: `DiagnosticError` when there is no index there, or when it is damaged.
    package init(outputPath: String) throws {
        folder = FileSystem.join(outputPath, "search")
        let manifestPath = FileSystem.join(folder, "manifest.js")
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw DiagnosticError(.error("no search index in '\(outputPath)'; run 'chansite build' first"))
        }
        do {
            manifest = try JSONDecoder().decode(SearchManifest.self, from: try Self.json(manifestPath))
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw Self.damaged(manifestPath, "the manifest lacks its bucket, chunk or channel entries, or one is malformed")
        }
        guard manifest.isReadable else { throw Self.damaged(manifestPath, "the manifest's counts or folder layout are not this version's") }
        buckets = manifest.buckets
        docsPerChunk = manifest.docsPerChunk
        channels = manifest.channels.map { ($0.name, $0.slug, $0.handle, $0.first, $0.end) }
    }

    /// The display name of the channel a user named by its title, folder name or handle
    /// (`@name` or `name`), ignoring case; nil when no channel matches.
    package func channelName(matching given: String) -> String? {
        let wanted = given.lowercased()
        let handle = wanted.hasPrefix("@") ? String(wanted.dropFirst()) : wanted
        return channels.first {
            $0.name.lowercased() == wanted || $0.slug.lowercased() == wanted || (!$0.handle.isEmpty && $0.handle.lowercased() == handle)
        }?.name
    }

    static func damaged(_ path: String, _ reason: String) -> DiagnosticError {
        DiagnosticError(
            .error(
                "the search index is damaged (\(reason)); rebuild the site with 'chansite build'",
                at: SourceLocation(path: path)))
    }

    /// One index file's JSON: the part of `window.__chansiteSearch("name", JSON);` between the
    /// first comma and the last parenthesis.
    /// - Throws: `DiagnosticError` naming the file when it cannot be read or is cut short.
    static func json(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw damaged(path, "a file is missing or unreadable")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let comma = text.firstIndex(of: ","), let close = text.lastIndex(of: ")"), comma < close else {
            throw damaged(path, "a file is truncated")
        }
        return Data(text[text.index(after: comma)..<close].utf8)
    }

    /// One index file, its JSON parsed.
    /// - Throws: `DiagnosticError` naming the file when it cannot be read or parsed.
    static func read(_ path: String) throws -> Any {
        let json = try json(path)
        do {
            // Fragments: a kind file (`has/<kind>.js`) holds one base64 string.
            return try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        } catch {
            throw damaged(path, "a file is not valid JSON")
        }
    }

    /// A cached index file; a missing optional file reads as empty.
    func load(_ name: String, _ path: String, required: Bool = false) throws -> Any {
        if let cached = cache[name] { return cached }
        let full = FileSystem.join(folder, path)
        let data: Any = (!required && !FileManager.default.fileExists(atPath: full)) ? [String: Any]() : try Self.read(full)
        cache[name] = data
        return data
    }

    func formsShard(_ term: String) throws -> [String: String] {
        let bucket = SearchIndexBuilder.bucket(of: SearchIndexBuilder.formKey(term), count: manifest.formBuckets)
        let path = SearchIndexLayout.forms(bucket)
        guard let forms = try load("forms:\(bucket)", path) as? [String: String] else {
            throw Self.damaged(FileSystem.join(folder, path), "a word-forms file has the wrong shape")
        }
        return forms
    }

    /// A query word, and whether it was written `-word` (posts holding it are left out).
    struct Term: Equatable {
        var word: String
        var excluded = false
    }

    /// Query words as the page splits them (`terms` in search.js, the same pattern): a whole
    /// `#hashtag`, a compound kept whole (`c++`, `gpt-4`), or a word; a `-` before one, at the
    /// start or after a space, excludes it.
    static func terms(_ query: String) -> [Term] {
        var cleaned = query
        for link in Links.find(in: query).reversed() { cleaned.replaceSubrange(link.range, with: " ") }
        var out: [Term] = []
        for match in cleaned.matches(of: queryPattern) {
            let word = String(cleaned[match.range])
            var excluded = false
            if match.range.lowerBound > cleaned.startIndex {
                let minus = cleaned.index(before: match.range.lowerBound)
                excluded = cleaned[minus] == "-" && (minus == cleaned.startIndex || cleaned[cleaned.index(before: minus)].isWhitespace)
            }
            let words = word.hasPrefix("#") ? ["#" + Tag.key(for: String(word.dropFirst()))] : Tokenizer.words(word, compounds: .whole)
            out += words.map { Term(word: $0, excluded: excluded) }
        }
        return out
    }

    /// The words of a query, excluded ones included.
    static func tokens(_ query: String) -> [String] { terms(query).map(\.word) }

    /// search.js's query pattern: a hashtag, or letters and digits (with their marks), joined by
    /// `.` or `-`, after an optional `.` and before optional `+` and `#`.
    nonisolated(unsafe) static let queryPattern =
        #/#[\p{L}\p{N}_]+|\.?[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[.\-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*[+#]*/#

    /// The stems a query word matches: its own form's (`exact`, when the corpus has the word)
    /// and, while it is typed or unknown, those of the forms it begins.
    struct Stems {
        var exact: String?
        var all: Set<String> = []
        /// True for the words one typo away from a query word the corpus does not have.
        var approximate = false

        /// A posting's score through `stem`: in full through the word's own stem (or when the
        /// word is not in the corpus), half through a longer word's, so `the` ranks posts with
        /// "the" above those with "theme", and half through a word one typo away
        /// (`tokenScores` in search.js does the same).
        func score(_ score: Int, through stem: String) -> Int {
            !approximate && (exact == nil || stem == exact) ? score : score / 2
        }
    }

    private func forms(in forms: [String: String], _ token: String, prefix: Bool) -> Stems {
        var stems = Stems(exact: forms[token])
        if let exact = stems.exact { stems.all.insert(exact) }
        if prefix || forms[token] == nil, token.unicodeScalars.count >= SearchIndexBuilder.formKeyLength {
            // A plain word does not expand to compounds (`модель` to `модель-x`): their parts are
            // indexed words already, and each would cost a postings file (search.js does the same).
            let whole = CompoundScanner.isCompound(token)
            for (form, stem) in forms where form.hasPrefix(token) && (whole || !CompoundScanner.isCompound(form)) { stems.all.insert(stem) }
        }
        return stems
    }

    /// `typos`: false for a phrase's words, which are never taken for a typo of another.
    func stems(of token: String, prefix: Bool, typos: Bool = true) throws -> Stems {
        let data = try formsShard(token)
        var stems = forms(in: data, token, prefix: prefix)
        if !stems.all.isEmpty || token.hasPrefix("#") { return stems }
        let letters = Array(token.unicodeScalars)
        // One typo away, for words of five letters or more: from the same forms file, so no
        // more is downloaded (a typo in the first three letters names another file: not found).
        if typos, letters.count >= 5 {
            var near = Stems(approximate: true)
            // The file holds other starts' forms too: a typo is looked for after the first letters.
            let key = SearchIndexBuilder.formKey(token)
            for (form, stem) in data where form.hasPrefix(key) && Self.withinOneEdit(Array(form.unicodeScalars), letters) { near.all.insert(stem) }
            if !near.all.isEmpty { return near }
        }
        var cut = 1
        while cut <= 3, letters.count - cut >= 4 {
            stems = forms(in: data, String(String.UnicodeScalarView(letters.dropLast(cut))), prefix: true)
            if !stems.all.isEmpty { return stems }
            cut += 1
        }
        return Stems()
    }

    /// True when `a` becomes `b` by one edit: a letter added, dropped, changed, or two
    /// neighbours swapped (search.js's `withinOneEdit`).
    static func withinOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        if i == a.count, i == b.count { return false }
        func rest(_ x: Int, _ y: Int) -> Bool { a[min(x, a.count)...].elementsEqual(b[min(y, b.count)...]) }
        if a.count == b.count {
            return rest(i + 1, i + 1) || (i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && rest(i + 2, i + 2))
        }
        return a.count > b.count ? rest(i + 1, i) : rest(i, i + 1)
    }

    func postings(_ stem: String) throws -> [Int: Int] {
        Dictionary(try postingList(stem).map { ($0.doc, $0.score) }, uniquingKeysWith: { a, _ in a })
    }

    /// A stem's postings in document order, as the postings file lists them.
    func postingList(_ stem: String) throws -> [(doc: Int, score: Int)] {
        let bucket = SearchIndexBuilder.bucket(of: stem, count: buckets)
        let path = SearchIndexLayout.postings(bucket)
        guard let file = try load("postings:\(bucket)", path) as? [String: [Int]] else {
            throw Self.damaged(FileSystem.join(folder, path), "a postings file has the wrong shape")
        }
        let flat = file[stem] ?? []
        var list: [(doc: Int, score: Int)] = []
        var doc = 0
        // Pairs of (gap, score); a last number without its pair is ignored.
        for pair in flat.chunks(ofCount: 2) where pair.count == 2 {
            let (gap, score) = (pair[pair.startIndex], pair[pair.startIndex + 1])
            // Gaps are positive and documents numbered below 2^31: anything else is damage,
            // never an overflow.
            guard gap >= 0, gap < Int(Int32.max), doc < Int(Int32.max) else {
                throw Self.damaged(FileSystem.join(folder, path), "a posting is out of range")
            }
            doc += gap
            list.append((doc, score))
        }
        return list
    }

    /// The ranked posts for a query, optionally within one channel (by name) or one tag. All
    /// words must match and no `-word`; as on the page, the last word counts as a prefix (the
    /// word being typed) unless the query ends with a space.
    /// - Throws: `DiagnosticError` naming the index file when one is damaged.
    package func search(_ query: String, limit: Int = 10, channel: String? = nil, tag: String? = nil) throws -> [Result] {
        let found = try ranked(query, channel: channel, tag: tag)
        return try found.docs.prefix(limit).map { try result(doc: $0, score: found.scores[$0] ?? 0, stems: found.stems) }
    }

    /// How many posts a query finds.
    package func count(_ query: String, channel: String? = nil, tag: String? = nil) throws -> Int {
        try ranked(query, channel: channel, tag: tag).docs.count
    }

    /// Every post a query finds, in the order shown, with their scores and the stems that matched.
    private func ranked(_ query: String, channel: String?, tag: String?) throws -> (docs: [Int], scores: [Int: Int], stems: [String]) {
        let (unquoted, phrases) = Phrase.split(query)
        let (words, operators) = Self.operators(unquoted)
        let complete = words.last?.isWhitespace ?? false
        var terms = Self.terms(words)
        let typed = terms.count
        if let tag { terms.append(Term(word: "#" + Tag.key(for: tag))) }
        let kinds = try operators.kinds.filter { manifest.kinds?.contains($0) == true }.map { try kindBits($0) }
        let phraseHits = try phrases.map { try phraseScores($0) }
        guard terms.contains(where: { !$0.excluded }) || zip(phrases, phraseHits).contains(where: { !$0.excluded && $1 != nil }) else {
            return ([], [:], [])
        }
        var total: [Int: Int]?
        var allStems: [String] = []
        var excludedDocs = Set<Int>()
        func and(_ best: [Int: Int]) {
            total = total.map { previous in previous.compactMapValuesWithKeys { doc, value in best[doc].map { value + $0 } } } ?? best
        }
        for (phrase, hits) in zip(phrases, phraseHits) {
            guard let hits else { continue }
            if phrase.excluded {
                excludedDocs.formUnion(hits.scores.keys)
            } else {
                allStems += hits.stems
                and(hits.scores)
            }
        }
        for (i, term) in terms.enumerated() {
            let word = term.word
            let prefix = !complete && i == typed - 1 && !term.excluded && !word.hasPrefix("#")
            let stems = try stems(of: word, prefix: prefix)
            if term.excluded {
                for stem in stems.all { excludedDocs.formUnion(try postings(stem).keys) }
                continue
            }
            allStems += stems.all
            var best: [Int: Int] = [:]
            for stem in stems.all {
                for (doc, score) in try postings(stem) {
                    let counted = stems.score(score, through: stem)
                    if counted > best[doc] ?? -1 { best[doc] = counted }
                }
            }
            and(best)
        }
        let range = channel.flatMap { name in channels.first { $0.name == name } }
        let hits = (total ?? [:]).filter { doc, _ in
            guard !excludedDocs.contains(doc) else { return false }
            if let years = operators.years, !years.contains(manifest.month(of: doc) / 100) { return false }
            if let months = operators.months, !months.contains(manifest.month(of: doc)) { return false }
            if !kinds.allSatisfy({ PostKindBits.isSet(doc, in: $0) }) { return false }
            guard let range else { return true }
            return doc >= range.low && doc < range.high
        }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let ordered = operators.sort == .relevance ? hits.map(\.key) : dated(hits.map(\.key), newest: operators.sort == .newest)
        return (ordered, total ?? [:], allStems)
    }

    /// The bits of the documents that have `kind` (`search/has/<kind>.js`).
    func kindBits(_ kind: String) throws -> [UInt8] {
        let path = SearchIndexLayout.kind(kind)
        guard let text = try load("has:" + kind, path) as? String, let data = Data(base64Encoded: text) else {
            throw Self.damaged(FileSystem.join(folder, path), "a kind file is not base64 text")
        }
        return [UInt8](data)
    }

    /// How a query's results are ordered (`sort:newest`, `sort:oldest`).
    package enum Sort: String, Sendable {
        case relevance, newest, oldest
    }

    /// A query's operators, written as words of their own: `year:2024` or `year:2020-2023`
    /// (posts of those years), `month:2024-03` or `month:2024-03..2024-06` (of those months),
    /// `sort:newest` or `sort:oldest`, `has:photo` (also `video`,
    /// `file`, `link`, `poll`). A value that is none of these
    /// is ignored, as on the page (search.js's `operators`).
    package struct Operators: Equatable, Sendable {
        package var years: ClosedRange<Int>?
        /// `month:`: months as `yyyymm`.
        package var months: ClosedRange<Int>?
        package var sort = Sort.relevance
        /// `has:photo` and the like: every kind named must be there.
        package var kinds: [String] = []

        /// The operators that narrow the results (each a `name:` word), and all of them.
        static let filterNames = ["has", "year", "month"]
        static let names = filterNames + ["sort"]

        /// Takes `name:value` in; a value that is none of the name's is ignored.
        mutating func read(_ name: String, _ value: String) {
            switch name {
            case "has":
                if PostKindBits.kinds.contains(value), !kinds.contains(value) { kinds.append(value) }
            case "sort":
                sort = Sort(rawValue: value) ?? sort
            case "month":
                months = SearchEngine.monthRange(value) ?? months
            default:
                // One to four ASCII digits, or two such joined by `-` (search.js's pattern).
                let ends = value.split(separator: "-", omittingEmptySubsequences: false)
                let numbers = ends.compactMap { end in (1...4).contains(end.count) && end.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(end) : nil }
                if (1...2).contains(ends.count), numbers.count == ends.count, let low = numbers.first, let high = numbers.last, low >= 1, high >= low
                {
                    years = low...high
                }
            }
        }
    }

    /// `yyyy-MM` or `yyyy-MM..yyyy-MM` as months `yyyymm` (search.js's pattern), nil for anything else.
    static func monthRange(_ value: String) -> ClosedRange<Int>? {
        func month(_ text: Substring) -> Int? {
            let bytes = Array(text.utf8)
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes.enumerated().allSatisfy({ $0 == 4 || (0x30...0x39).contains($1) }),
                let year = Int(text.prefix(4)), let month = Int(text.suffix(2)), year >= 1, (1...12).contains(month)
            else { return nil }
            return year * 100 + month
        }
        let ends = value.split(separator: "..", omittingEmptySubsequences: false)
        guard (1...2).contains(ends.count), let low = month(ends[0]), let high = month(ends[ends.count - 1]), low <= high else { return nil }
        return low...high
    }

    /// The query with its operators blanked out (so the word being typed stays the last) and
    /// the operators.
    package static func operators(_ query: String) -> (words: String, operators: Operators) {
        var found = Operators()
        var scalars = Array(query.unicodeScalars)
        var start = 0
        while start < scalars.count {
            guard !scalars[start].properties.isWhitespace else {
                start += 1
                continue
            }
            var end = start
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<end]))
            let parts = word.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, Operators.names.contains(String(parts[0])) {
                found.read(String(parts[0]), String(parts[1]))
                for i in start..<end { scalars[i] = " " }
            }
            start = end
        }
        return (String(String.UnicodeScalarView(scalars)), found)
    }

    /// `docs` by date: by month (newest or oldest first), within a month as its channel runs
    /// (newest first when `newestFirst`), undated last.
    func dated(_ docs: [Int], newest: Bool) -> [Int] {
        let newestFirst = manifest.newestFirst ?? false
        func key(_ doc: Int) -> (Int, Int, Int) {
            let month = manifest.month(of: doc)
            // Within a month, the document order says which is newer.
            let rank = newestFirst == newest ? doc : -doc
            return (month == 0 ? 1 : 0, newest ? -month : month, rank)
        }
        return docs.sorted { key($0) < key($1) }
    }

    private func result(doc: Int, score: Int, stems: [String]) throws -> Result {
        guard let channel = channel(of: doc) else {
            throw Self.damaged(FileSystem.join(folder, "manifest.js"), "a result is in no channel's range")
        }
        let (chunk, row) = SearchIndexLayout.docsPlace(
            local: doc - channel.low, count: channel.high - channel.low, newestFirst: manifest.newestFirst ?? false, perChunk: docsPerChunk)
        let path = SearchIndexLayout.docs(channel: channel.slug, chunk: chunk)
        let name = SearchIndexLayout.docsName(channel: channel.slug, chunk: chunk)
        guard let docs = try load(name, path, required: true) as? [[Any]], row < docs.count else {
            throw Self.damaged(FileSystem.join(folder, path), "a result's document is missing")
        }
        let entry = docs[row]
        guard entry.count >= 3, let title = entry[0] as? String, let url = entry[1] as? String, let text = entry[2] as? String
        else { throw Self.damaged(FileSystem.join(folder, path), "a document entry has the wrong shape") }
        let day = entry.count > 4 ? (entry[4] as? String).flatMap { Self.isDay($0) ? $0 : nil } : nil
        let written = entry.count > 3 ? (entry[3] as? String).flatMap { $0.isEmpty ? nil : $0 } : nil
        return Result(title: title, url: url, channel: channel.name, snippet: Snippet.make(text, stems: stems), score: score, date: day ?? written)
    }

    /// The channel whose range holds `doc` (ranges are consecutive, in order; a binary search).
    private func channel(of doc: Int) -> (name: String, slug: String, handle: String, low: Int, high: Int)? {
        var low = 0
        var high = channels.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if channels[middle].low <= doc { low = middle } else { high = middle }
        }
        guard channels.indices.contains(low), channels[low].low <= doc, doc < channels[low].high else { return nil }
        return channels[low]
    }

    /// Whether an index value is a `yyyy-MM-dd` day (the index is trusted no more than any file).
    static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes.enumerated().allSatisfy { i, b in i == 4 || i == 7 ? b == UInt8(ascii: "-") : (0x30...0x39).contains(b) }
    }
}

extension Dictionary {
    fileprivate func compactMapValuesWithKeys<T>(_ transform: (Key, Value) -> T?) -> [Key: T] {
        var out: [Key: T] = [:]
        for (key, value) in self { if let mapped = transform(key, value) { out[key] = mapped } }
        return out
    }
}
