import Foundation

/// Answers queries from a built index folder with exactly the algorithm of `assets/search.js`,
/// so `chansite search` and the search page agree on results and their order.
public final class SearchEngine {
    /// One ranked post.
    public struct Result: Sendable, Encodable {
        public var title: String
        public var url: String
        public var channel: String
        public var snippet: String
        public var score: Int
    }

    private let folder: String
    private var cache: [String: Any] = [:]
    private let manifest: [String: Any]

    /// - Parameter outputPath: the site folder holding `search/manifest.js`.
    /// - Throws: `DiagnosticError` when there is no index there.
    public init(outputPath: String) throws {
        folder = FileSystem.join(outputPath, "search")
        manifest = (try Self.read(FileSystem.join(folder, "manifest.js"))) as? [String: Any] ?? [:]
        if manifest.isEmpty {
            throw DiagnosticError(.error("no search index in '\(outputPath)'; run 'chansite build' first"))
        }
    }

    static func read(_ path: String) throws -> Any {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error("cannot read search index file", at: SourceLocation(path: path)))
        }
        var text = String(decoding: data, as: UTF8.self)
        guard let comma = text.firstIndex(of: ","), let close = text.lastIndex(of: ")") else { return [:] }
        text = String(text[text.index(after: comma)..<close])
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    private func load(_ name: String, _ path: String) -> Any? {
        if let cached = cache[name] { return cached }
        let data = try? Self.read(FileSystem.join(folder, path))
        cache[name] = data ?? [:]
        return data
    }

    private func formsShard(_ term: String) -> [String: String] {
        let key = SearchIndexBuilder.formKey(term)
        return load("forms:" + key, "forms/\(SearchIndexBuilder.fileName(forShard: key)).js") as? [String: String] ?? [:]
    }

    /// Query words as the page splits them: letters and digits, or a whole `#hashtag`.
    static func tokens(_ query: String) -> [String] {
        var cleaned = query
        for link in Links.find(in: query).reversed() { cleaned.replaceSubrange(link.range, with: " ") }
        var out: [String] = []
        for word in cleaned.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "#" || $0 == "_") }) {
            if word.hasPrefix("#") {
                let tag = word.drop(while: { $0 == "#" })
                if !tag.isEmpty { out.append("#" + Tag.key(for: String(tag))) }
            } else {
                out += Tokenizer.words(String(word))
            }
        }
        return out
    }

    private func forms(in forms: [String: String], _ token: String, prefix: Bool) -> Set<String> {
        var stems = Set<String>()
        if let stem = forms[token] { stems.insert(stem) }
        if (prefix || forms[token] == nil), token.unicodeScalars.count >= SearchIndexBuilder.formKeyLength {
            for (form, stem) in forms where form.hasPrefix(token) { stems.insert(stem) }
        }
        return stems
    }

    func stems(of token: String, prefix: Bool) -> Set<String> {
        let data = formsShard(token)
        var stems = forms(in: data, token, prefix: prefix)
        if !stems.isEmpty || token.hasPrefix("#") { return stems }
        let letters = Array(token.unicodeScalars)
        var cut = 1
        while cut <= 3, letters.count - cut >= 4 {
            stems = forms(in: data, String(String.UnicodeScalarView(letters.dropLast(cut))), prefix: true)
            if !stems.isEmpty { return stems }
            cut += 1
        }
        return []
    }

    func postings(_ stem: String) -> [Int: Int] {
        let buckets = manifest["buckets"] as? Int ?? 16
        let bucket = SearchIndexBuilder.bucket(of: stem, count: buckets)
        let flat = (load("postings:\(bucket)", "postings/\(bucket).js") as? [String: [Int]])?[stem] ?? []
        var map: [Int: Int] = [:]
        var doc = 0
        for i in stride(from: 0, to: flat.count - 1, by: 2) {
            doc += flat[i]
            map[doc] = flat[i + 1]
        }
        return map
    }

    /// The ranked posts for a query, optionally within one channel (by name) or one tag. All
    /// words must match; as on the page, the last word counts as a prefix (the word being typed)
    /// unless the query ends with a space.
    public func search(_ query: String, limit: Int = 10, channel: String? = nil, tag: String? = nil) -> [Result] {
        let complete = query.last?.isWhitespace ?? false
        var words = Self.tokens(query)
        let typed = words.count
        if let tag { words.append("#" + Tag.key(for: tag)) }
        guard !words.isEmpty else { return [] }
        var total: [Int: Int]?
        var allStems: [String] = []
        for (i, word) in words.enumerated() {
            let prefix = !complete && i == typed - 1 && !word.hasPrefix("#")
            let stems = stems(of: word, prefix: prefix)
            allStems += stems
            var best: [Int: Int] = [:]
            for stem in stems { for (doc, score) in postings(stem) where score > best[doc] ?? -1 { best[doc] = score } }
            total = total.map { previous in
                previous.compactMapValuesWithKeys { doc, value in best[doc].map { value + $0 } }
            } ?? best
        }
        let ranges = manifest["channels"] as? [[Any]] ?? []
        let range = channel.flatMap { name in ranges.first { ($0.first as? String) == name } }
        let hits = (total ?? [:]).filter { doc, _ in
            guard let range, range.count == 3, let low = range[1] as? Int, let high = range[2] as? Int else { return true }
            return doc >= low && doc < high
        }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return hits.prefix(limit).compactMap { result(doc: $0.key, score: $0.value, stems: allStems, ranges: ranges) }
    }

    private func result(doc: Int, score: Int, stems: [String], ranges: [[Any]]) -> Result? {
        let per = manifest["docsPerChunk"] as? Int ?? SearchIndexBuilder.docsPerChunk
        let chunk = doc / per
        if cache["docs:\(chunk)"] == nil {
            cache["docs:\(chunk)"] = try? Self.read(FileSystem.join(folder, "docs/\(chunk).js"))
        }
        guard let docs = cache["docs:\(chunk)"] as? [[Any]], doc % per < docs.count else { return nil }
        let entry = docs[doc % per]
        let channelIndex = entry[1] as? Int ?? 0
        let channel = channelIndex < ranges.count ? ranges[channelIndex].first as? String ?? "" : ""
        return Result(title: entry[0] as? String ?? "", url: entry[2] as? String ?? "", channel: channel,
                      snippet: Snippet.make(entry[3] as? String ?? "", stems: stems), score: score)
    }
}

extension Dictionary {
    fileprivate func compactMapValuesWithKeys<T>(_ transform: (Key, Value) -> T?) -> [Key: T] {
        var out: [Key: T] = [:]
        for (key, value) in self { if let mapped = transform(key, value) { out[key] = mapped } }
        return out
    }
}
