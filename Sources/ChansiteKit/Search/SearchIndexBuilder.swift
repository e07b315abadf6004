import Foundation

/// Builds the static search index under `search/`: a pure function of the site.
///
/// - `manifest.js`: document count, channel ranges, tag names, shard list.
/// - `shards/<key>.js`: for the words whose first two letters are `<key>`, the map from each
///   word form seen in the corpus to its Snowball stem, and for each stem its postings with
///   BM25 scores precomputed at build time (title and hashtag hits boosted), so the browser
///   only adds numbers and needs no stemmer of its own.
/// - `docs/<n>.js`: title, channel, URL and text start of 200 posts, loaded for shown results.
///
/// Every file is JavaScript that hands JSON to `window.__chansiteSearch(name, data)`, so the
/// page can load it with a `<script>` tag even from `file://`, where `fetch` is not allowed.
public struct SearchIndexBuilder: Sendable {
    public let site: Site
    /// Documents per `docs/` file.
    public static let docsPerChunk = 200
    /// Postings kept per stem (the best-scoring ones), so a common word stays a small download.
    public static let maxPostings = 4000
    /// Characters of post text kept for snippets.
    public static let snippetSource = 600
    static let bm25K1 = 1.2
    static let bm25B = 0.75
    static let titleBoost = 2.0
    static let tagBoost = 3.0

    public init(site: Site) {
        self.site = site
    }

    public func build() -> [RenderedFile] {
        let posts = site.allPosts
        let stemmer = Stemmer()
        var forms: [String: String] = [:]
        // term → [(doc, weighted tf)]
        var termFrequencies: [String: [Int: Double]] = [:]
        var lengths: [Double] = []
        for (doc, sitePost) in posts.enumerated() {
            let post = sitePost.post
            var counts: [String: Double] = [:]
            var length = 0.0
            func add(_ text: String, weight: Double) {
                for word in Tokenizer.words(text) {
                    let stem = forms[word] ?? stemmer.stem(word)
                    forms[word] = stem
                    counts[stem, default: 0] += weight
                    length += 1
                }
            }
            add(post.title ?? sitePost.heading, weight: Self.titleBoost)
            add(sitePost.body, weight: 1)
            add(site.channels.first { $0.slug == sitePost.channelSlug }?.displayName ?? "", weight: 1)
            for key in sitePost.tagKeys {
                add(key.replacingOccurrences(of: "_", with: " "), weight: Self.tagBoost)
                counts["#" + key, default: 0] += 1
            }
            lengths.append(max(length, 1))
            for (term, tf) in counts { termFrequencies[term, default: [:]][doc] = tf }
        }
        for key in Set(posts.flatMap(\.tagKeys)) { forms["#" + key] = "#" + key }
        let averageLength = lengths.isEmpty ? 1 : lengths.reduce(0, +) / Double(lengths.count)
        let docCount = Double(max(posts.count, 1))

        var shards: [String: (forms: [String: String], postings: [String: [Int]])] = [:]
        for (form, stem) in forms { shards[Self.shardKey(form), default: ([:], [:])].forms[form] = stem }
        for (term, docs) in termFrequencies {
            let idf = log(1 + (docCount - Double(docs.count) + 0.5) / (Double(docs.count) + 0.5))
            let scored = docs.map { doc, tf -> (Int, Int) in
                let norm = tf + Self.bm25K1 * (1 - Self.bm25B + Self.bm25B * lengths[doc] / averageLength)
                return (doc, Int((idf * tf * (Self.bm25K1 + 1) / norm * 1000).rounded()))
            }
            let kept = scored.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(Self.maxPostings).sorted { $0.0 < $1.0 }
            var flat: [Int] = []
            var previous = 0
            for (doc, score) in kept {
                flat.append(doc - previous)  // gaps keep the numbers short
                flat.append(max(score, 1))
                previous = doc
            }
            shards[Self.shardKey(term), default: ([:], [:])].postings[term] = flat
        }

        var files: [RenderedFile] = []
        for (key, shard) in shards {
            var json = JSONText()
            json.shard(forms: shard.forms, postings: shard.postings)
            files.append(Self.file("shards/\(Self.fileName(forShard: key)).js", name: "shard:" + key, json: json.bytes))
        }
        for start in stride(from: 0, to: posts.count, by: Self.docsPerChunk) {
            let chunk = posts[start..<min(posts.count, start + Self.docsPerChunk)].map { sitePost -> [Any] in
                let post = sitePost.post
                let channel = site.channels.firstIndex { $0.slug == sitePost.channelSlug } ?? 0
                return [sitePost.heading, channel, SitePaths.post(channel: sitePost.channelSlug, slug: sitePost.slug),
                        String(post.text.prefix(Self.snippetSource)), post.dateText ?? ""]
            }
            files.append(Self.file("docs/\(start / Self.docsPerChunk).js", name: "docs:\(start / Self.docsPerChunk)", chunk))
        }
        var ranges: [[Any]] = []
        var offset = 0
        for channel in site.channels {
            ranges.append([channel.displayName, offset, offset + channel.posts.count])
            offset += channel.posts.count
        }
        let manifest: [String: Any] = [
            "version": 1, "docCount": posts.count, "docsPerChunk": Self.docsPerChunk,
            "channels": ranges, "tags": site.tags.map { [$0.name, $0.key, $0.postIDs.count] as [Any] },
            "shards": shards.keys.sorted().map { [$0, Self.fileName(forShard: $0)] },
        ]
        files.append(Self.file("manifest.js", name: "manifest", manifest))
        return files.sorted { $0.path < $1.path }
    }

    /// The shard of a term: its first two characters.
    public static func shardKey(_ term: String) -> String { String(term.prefix(2)) }

    /// A file name for a shard key that is safe on every file system and host: hex of its UTF-8.
    public static func fileName(forShard key: String) -> String {
        key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    static func file(_ path: String, name: String, _ data: Any) -> RenderedFile {
        // Slashes stay escaped (`<\/`), so no string can close a <script> early.
        let json = (try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])) ?? Data("null".utf8)
        return file(path, name: name, json: json)
    }

    static func file(_ path: String, name: String, json: Data) -> RenderedFile {
        var contents = Data("window.__chansiteSearch(\"\(name)\",".utf8)
        contents.append(json)
        contents.append(contentsOf: Array(");\n".utf8))
        return RenderedFile(path: "search/" + path, contents: contents)
    }
}
