import Algorithms
import ChansiteCore
import ChansiteModel
import Foundation

/// Builds the static search index under `search/`: a pure function of the site.
///
/// - `manifest.js`: document count, channel ranges, tag names, bucket count.
/// - `forms/<key>.js`: for the words whose first three letters are `<key>`, the map from each
///   word form seen in the corpus to its Snowball stem.
/// - `postings/<n>.js`: for the stems hashed to bucket `n`, their postings with BM25 scores
///   precomputed at build time (title and hashtag hits boosted), so the browser only adds
///   numbers and needs no stemmer of its own.
/// - `docs/<channel>/<n>.js`: title, URL, text start and date of a channel's posts `8n…8n+7`,
///   loaded for shown results.
///
/// Every file is JavaScript that hands JSON to `window.__chansiteSearch(name, data)`, so the
/// page can load it with a `<script>` tag even from `file://`, where `fetch` is not allowed.
package struct SearchIndexBuilder: Sendable {
    package let site: Site
    /// Documents per `docs/` file: a query's ten results are scattered, so each costs a whole
    /// chunk, while files per post are what hosts limit (Cloudflare Pages: 20,000 a site) and
    /// what a build spends most of its time creating. Eight make the documents an eighth of the
    /// posts in files (two made half) at about 5 KB a result on the wire from a host that
    /// compresses, as GitHub Pages, Cloudflare Pages and Netlify do (text compresses 2.5×);
    /// sixteen halved the files but doubled a cold query (59 → 111 KB at 10k posts: the
    /// documents are nine tenths of it); `docs/search.md` has the figures. 600 characters and
    /// four a file lost the matched passage from half the snippets of the search page's test:
    /// the text is kept whole instead.
    package static let docsPerChunk = 8
    /// Postings kept per stem (the best-scoring ones), so a common word stays a small download.
    package static let maxPostings = 2000
    /// Characters of post text kept for snippets: Telegram's longest message, so the passage
    /// around a match is there wherever it is in any post a channel could send (1,500 left
    /// matches further on without a snippet; at 10k posts the whole text costs 3 KB more a cold
    /// query on the wire). A longer post (a text copy's merged lines) shows its start.
    package static let snippetSource = 4096
    static let bm25K1 = 1.2
    static let bm25B = 0.75
    static let titleBoost = 2.0
    static let tagBoost = 3.0

    package init(site: Site) {
        self.site = site
    }

    /// Every file of the index, in memory, sorted by path (tests and tools).
    package func build() -> [RenderedFile] {
        var files: [RenderedFile] = []
        write { files.append($0) }
        return files.sorted { $0.path < $1.path }
    }

    /// One post's weighted count of one term.
    struct Posting {
        var doc: Int32
        /// A sum of small whole weights (1, 2, 3): exact in a `Float`, at half the memory.
        var frequency: Float
    }

    /// Makes the index and hands each file to `emit` as soon as it is made, so the whole index
    /// is never in memory as files: a real build streams them into its output sink.
    package func write(_ emit: (RenderedFile) throws -> Void) rethrows {
        try write(vocabulary: IndexVocabulary()) { file, _ in try emit(file) }
    }

    /// `write(_:)` with the words met by earlier builds (`vocabulary`), and each `docs/` file
    /// handed on with a fingerprint of its inputs, or carried over by `reuse` (path,
    /// fingerprint) without being made. With `scratch`, every post's words wait there between
    /// the passes over them rather than in memory.
    package func write(
        vocabulary: IndexVocabulary, scratch: ScratchFile? = nil, reuse: (String, String) -> Bool = { _, _ in false },
        _ emit: (RenderedFile, String?) throws -> Void
    ) rethrows {
        let posts = site.allPosts
        let names = Dictionary(site.channels.map { ($0.slug, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let keys = vocabulary.keepsDocuments ? Self.textKeys(site, names: names, memo: vocabulary.channelLists) : nil
        let segments = segments(names: names, keys: keys, vocabulary: vocabulary, scratch: scratch)
        let merged = MergedSegments(segments)
        vocabulary.noteUsed(words: merged.wordForms)
        let bucketCount = postingBuckets ?? Self.bucketCount(forDocuments: posts.count)
        let bucketOfTerm = merged.names.map { Int32(Self.bucket(of: $0, count: bucketCount)) }
        let scale = Scale(lengths: merged.lengths)
        let bucketKeys = merged.bucketKeys(of: segments, bucketOfTerm: bucketOfTerm, buckets: bucketCount, scale: scale)
        // The postings are made a share of the buckets at a time, each pass from the segments'
        // postings of its terms: memory holds the segments and a share of the postings. A
        // bucket whose key the last build's files have is carried over and not made at all.
        let passes = max(1, min(postingPasses ?? Self.postingPassCount(forDocuments: posts.count), bucketCount))
        for pass in 0..<passes {
            let buckets = (pass * bucketCount / passes)..<((pass + 1) * bucketCount / passes)
            let made = buckets.compactMap { bucket in bucketKeys[bucket].flatMap { madeFiles(bucket: bucket, key: $0, reuse: reuse) } }
            guard !made.isEmpty else { continue }
            var isMade = [Bool](repeating: false, count: bucketCount)
            for files in made { isMade[files.bucket] = true }
            let (postings, slots) = merged.postings(of: segments, wanted: bucketOfTerm.map { isMade[Int($0)] })
            try writePostings(
                made, terms: merged.names, postings: postings, slots: slots, lengths: merged.lengths, scale: scale,
                bucketOfTerm: bucketOfTerm, emit)
        }
        try writeForms(merged.forms, buckets: Self.formBucketCount(forDocuments: posts.count)) { try emit($0, nil) }
        for (kind, base64) in PostKindBits.bits(of: site, memo: vocabulary.channelLists) {
            // Base64 needs no escaping in JSON or in a <script>.
            let json = Data(("\"" + base64 + "\"").utf8)
            try emit(Self.file(SearchIndexLayout.kind(kind.rawValue), name: "has:" + kind.rawValue, json: json), nil)
        }
        try writeDocs(reuse: reuse, memo: vocabulary.channelLists, emit)
        try emit(manifest(posts.count), nil)
    }

    /// Postings passes: one for every 20k posts (about 2M postings, 16 MB, each), at most
    /// eight. A pass reads only its terms' postings from each segment, so more cost little but
    /// the tables each sets up (a few numbers a term).
    static func postingPassCount(forDocuments count: Int) -> Int {
        min(8, max(1, (count + 19_999) / 20_000))
    }
    /// The number of passes, when set (tests); else `postingPassCount`.
    var postingPasses: Int?

    /// Posts a segment holds: an edit tokenizes and transposes this many posts again; fewer
    /// make more segments, each repeating the names of the terms it shares with the others.
    package static let segmentSize = 2048
    /// The posts a segment holds, when set (tests); else `segmentSize`.
    var segmentPosts: Int?
    /// The number of postings buckets, when set (tests); else `bucketCount(forDocuments:)`.
    var postingBuckets: Int?

    /// The `forms/` files: each form in the file its first three letters hash to, so a query
    /// word's forms (and the words it begins, and those one typo away after those letters) are
    /// in one file; hashed into `formBucketCount` files, where a file per three letters made
    /// thousands of files of a few forms (2,000 of 170 bytes at 10k posts).
    private func writeForms(_ forms: [String: String], buckets: Int, _ emit: (RenderedFile) throws -> Void) rethrows {
        var formShards: [Int: [String: String]] = [:]
        for (form, stem) in forms { formShards[Self.bucket(of: Self.formKey(form), count: buckets), default: [:]][form] = stem }
        for (bucket, shard) in formShards.sorted(by: { $0.key < $1.key }) {
            var json = JSONText()
            json.map(shard)
            try emit(Self.file(SearchIndexLayout.forms(bucket), name: "forms:\(bucket)", json: json.bytes))
        }
    }

    /// A postings bucket's files that must be made: those `reuse` cannot carry over by the
    /// bucket's key (nil: both carried over).
    private func madeFiles(bucket: Int, key: String, reuse: (String, String) -> Bool) -> BucketFiles? {
        let postings = !reuse("search/" + SearchIndexLayout.postings(bucket), key)
        let positions = !reuse("search/" + SearchIndexLayout.positions(bucket), key)
        return postings || positions ? BucketFiles(bucket: bucket, key: key, postings: postings, positions: positions) : nil
    }

    /// A bucket to make, with its key and which of its two files.
    struct BucketFiles {
        let bucket: Int
        let key: String
        let postings: Bool
        let positions: Bool
    }

    /// The document count and average length BM25 scores with, each rounded (the count to two
    /// significant digits from 100 up, the length to three), as search engines keep lengths
    /// lossily (Lucene: a byte a document): the ranking moves by well under a point, and a
    /// post edited or appended leaves every other term's scores, and so its bucket's key
    /// (`MergedSegments.bucketKeys`), as they were.
    struct Scale {
        let documents: Double
        let averageLength: Double

        init(lengths: [Double]) {
            let count = Double(max(lengths.count, 1))
            documents = count < 100 ? count : Self.rounded(count, digits: 2)
            averageLength = lengths.isEmpty ? 1 : Self.rounded(lengths.reduce(0, +) / count, digits: 3)
        }

        /// `value` (positive) to `digits` significant digits.
        static func rounded(_ value: Double, digits: Int) -> Double {
            guard value > 0, value.isFinite else { return 1 }
            let step = pow(10, floor(log10(value)) - Double(digits - 1))
            return max(step, (value / step).rounded() * step)
        }
    }

    /// The postings and positions files of the buckets in `made`, each bucket's terms scored
    /// with `scale` and handed on with the bucket's key.
    private func writePostings(
        _ made: [BucketFiles], terms: [String], postings: [[Posting]], slots: [[Int32]], lengths: [Double], scale: Scale,
        bucketOfTerm: [Int32], _ emit: (RenderedFile, String?) throws -> Void
    ) rethrows {
        var termsOfBucket: [Int: [Int]] = Dictionary(uniqueKeysWithValues: made.map { ($0.bucket, []) })
        for (id, bucket) in bucketOfTerm.enumerated() where termsOfBucket[Int(bucket)] != nil { termsOfBucket[Int(bucket)]?.append(id) }
        for files in made {
            var kept: [(id: Int, flat: [Int], indexes: [Int])] = []
            for id in termsOfBucket[files.bucket] ?? [] {
                let docs = postings[id]
                let idf = log(1 + max(0, scale.documents - Double(docs.count) + 0.5) / (Double(docs.count) + 0.5))
                let scored = docs.enumerated().map { index, posting -> (doc: Int, score: Int, index: Int) in
                    let doc = Int(posting.doc)
                    let tf = Double(posting.frequency)
                    let norm = tf + Self.bm25K1 * (1 - Self.bm25B + Self.bm25B * lengths[doc] / scale.averageLength)
                    // Tenths of a BM25 point: three digits at most, enough to order results.
                    return (doc, min(999, max(1, Int((idf * tf * (Self.bm25K1 + 1) / norm * 10).rounded()))), index)
                }
                let best = Self.best(scored, count: Self.maxPostings)
                var flat: [Int] = []
                var previous = 0
                for (doc, score, _) in best {
                    flat.append(doc - previous)  // gaps keep the numbers short
                    flat.append(score)
                    previous = doc
                }
                kept.append((id, flat, best.map(\.index)))
            }
            if files.postings {
                var shard: [String: [Int]] = [:]
                for (id, flat, _) in kept { shard[terms[id]] = flat }
                var json = JSONText()
                json.map(shard)
                try emit(Self.file(SearchIndexLayout.postings(files.bucket), name: "postings:\(files.bucket)", json: json.bytes), files.key)
            }
            if files.positions {
                var positions: [String: String] = [:]
                for (id, _, indexes) in kept { positions[terms[id]] = Self.slotText(slots[id], postings: postings[id].count, kept: indexes) }
                var json = JSONText()
                json.map(positions)
                try emit(Self.file(SearchIndexLayout.positions(files.bucket), name: "positions:\(files.bucket)", json: json.bytes), files.key)
            }
        }
    }

    /// The `count` best-scoring of a term's postings (ties to the earlier document), in
    /// document order, as they arrive. Scores are whole tenths from 1 to 999, so the cut is
    /// found by counting each score (one pass, and one more to keep): a common word's 60,000
    /// postings were sorted twice for it.
    static func best(_ scored: [(doc: Int, score: Int, index: Int)], count: Int) -> ArraySlice<(doc: Int, score: Int, index: Int)> {
        guard scored.count > count else { return scored[...] }
        var perScore = [Int](repeating: 0, count: 1000)
        for posting in scored { perScore[posting.score] += 1 }
        var cut = perScore.count - 1
        var above = 0
        while above + perScore[cut] < count {
            above += perScore[cut]
            cut -= 1
        }
        var atCut = count - above
        var kept: [(doc: Int, score: Int, index: Int)] = []
        kept.reserveCapacity(count)
        for posting in scored where posting.score >= cut {
            if posting.score == cut {
                guard atCut > 0 else { continue }
                atCut -= 1
            }
            kept.append(posting)
        }
        return kept[...]
    }

    /// The `positions/` text of one term (`SlotCode`): the slots of the postings kept (`kept`,
    /// indexes into the term's `postings` postings, increasing) from the term's flat
    /// `[count, slot…]` list.
    static func slotText(_ flat: [Int32], postings: Int, kept: [Int]) -> String {
        var starts: [Int] = []
        starts.reserveCapacity(postings)
        var at = 0
        for _ in 0..<postings where at < flat.count {
            starts.append(at)
            at += 1 + Int(flat[at])
        }
        var text: [UInt8] = []
        for (n, index) in kept.enumerated() where index < starts.count {
            let start = starts[index]
            SlotCode.append(flat[(start + 1)..<(start + 1 + Int(flat[start]))], to: &text, first: n == 0)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A post's text as a result's snippet is cut from: its first `snippetSource` scalars (a
    /// text of no more bytes has no more scalars, and is taken whole without walking it).
    static func snippetText(of text: String) -> String {
        text.utf8.count <= snippetSource ? text : String(Substring(text.unicodeScalars.prefix(snippetSource)))
    }

    /// `yyyy-MM-dd` in the site's time zone (UTC when the zone is unknown).
    static func dayFormatter(timeZone identifier: String) -> Date.ISO8601FormatStyle {
        Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current).year().month().day()
    }

    /// The day a post is dated, as a result shows it ("" when undated). A date the export wrote
    /// in its machine's local time was read as if UTC: its day is read in UTC, as the page shows it.
    static func day(of post: Post, _ days: Date.ISO8601FormatStyle) -> String {
        guard let date = post.date else { return "" }
        return post.details?.dateIsLocal == true ? date.formatted(utcDays) : date.formatted(days)
    }

    private static let utcDays = dayFormatter(timeZone: "UTC")

    /// Each document's month in the site's time zone, as runs (`SearchManifest.monthRuns`): the
    /// months found on all cores, the runs in one pass.
    func monthRuns() -> [Int] {
        let days = Self.dayFormatter(timeZone: site.config.timeZone)
        // Each post read in place (`posts[p].post`), not copied out of its channel.
        let months = site.channels.flatMap { channel in
            channel.posts.indices.concurrentMap(chunk: 256) { p in
                // `yyyy-MM-dd` (or empty: undated) → yyyymm.
                let day = Self.day(of: channel.posts[p].post, days)
                return day.count == 10 ? Int(day.prefix(4) + day.dropFirst(5).prefix(2)) ?? 0 : 0
            }
        }
        var runs: [Int] = []
        for (doc, month) in months.enumerated() where runs.last != month { runs += [doc, month] }
        return runs
    }

    private func manifest(_ docCount: Int) -> RenderedFile {
        var ranges: [SearchManifest.Channel] = []
        var offset = 0
        for channel in site.channels {
            let end = offset + channel.posts.count
            ranges.append(.init(name: channel.displayName, first: offset, end: end, slug: channel.slug, handle: channel.info.handle ?? ""))
            offset = end
        }
        let manifest = SearchManifest(
            docCount: docCount, docsPerChunk: Self.docsPerChunk, buckets: postingBuckets ?? Self.bucketCount(forDocuments: docCount),
            formBuckets: Self.formBucketCount(forDocuments: docCount), formKeyLength: Self.formKeyLength, channels: ranges,
            tags: site.tags.map { .init(name: $0.name, key: $0.key, posts: $0.postIDs.count) }, monthRuns: monthRuns(),
            newestFirst: site.config.channelOrder == .newest, kinds: PostKindBits.kinds)
        // JSONEncoder throws only on floats that are not finite; the manifest has none.
        let json = (try? manifest.json()) ?? Data("null".utf8)
        return Self.file("manifest.js", name: "manifest", json: Self.escapingLineSeparators(json))
    }

    /// Calls `body` with each word of a post, in order, its weight as the index weighs it
    /// (title and hashtag words boosted) and its slot (`Tokenizer.positionedWords`), counted
    /// on from field to field with one slot left free between two, so no phrase runs from a
    /// post's title into its text or from one hashtag into the next.
    static func forEachWord(of sitePost: SitePost, names: [String: String], _ body: (String, Float, Int32) -> Void) {
        var base: Int32 = 0
        func add(_ text: String, _ weight: Double) {
            let (words, slots) = Tokenizer.positionedWords(text)
            for (word, slot) in zip(words, slots) { body(word, Float(weight), base + slot) }
            base += (slots.max() ?? -1) + 2
        }
        add(sitePost.post.title ?? sitePost.heading, titleBoost)
        // A post's first 256 KB are indexed (no Telegram message comes near it): a dump line of
        // millions of distinct words would otherwise hold them all in memory at once.
        let body = sitePost.body
        add(body.utf8.count <= maxIndexedBytes ? body : String(decoding: body.utf8.prefix(maxIndexedBytes), as: UTF8.self), 1)
        add(names[sitePost.channelSlug] ?? "", 1)
        for key in sitePost.tagKeys { add(spaced(key), tagBoost) }
    }

    /// A tag key with its underscores as spaces (`machine_learning` is two words); most keys
    /// have none, and Foundation's replacing bridged every key (a third of a second at 100k posts).
    static func spaced(_ key: String) -> String {
        guard key.utf8.contains(UInt8(ascii: "_")) else { return key }
        // By characters, as Foundation's: an underscore that a mark combines with stays.
        return String(key.map { $0 == "_" ? " " : $0 })
    }

    /// The most of a post's text that is indexed.
    static let maxIndexedBytes = 256 << 10

    /// Posts per task when tokenizing on all cores.
    static let tokenizeChunk = 256

    /// A post's words while its chunk is tokenized: known from an earlier build, or numbered
    /// within the chunk until the vocabulary numbers the chunk's new words.
    private enum ChunkWords {
        case known(DocumentWordIDs)
        case local([(Int32, Float, Int)], slots: [Int32], length: Double)
    }

    /// The words of the posts numbered `docs` (in that order) as numbers into `vocabulary`,
    /// tokenized on all cores; a post whose text the vocabulary has met before is not
    /// tokenized again. `keys`: each post's `textKey` (`textKeys`), when the vocabulary keeps
    /// documents.
    static func tokenize(
        _ posts: Site.AllPosts, docs: [Int], names: [String: String], keys: [String]? = nil, vocabulary: IndexVocabulary,
        scratch: ScratchFile? = nil
    ) -> [DocumentWordIDs] {
        let documents = LockedBox([DocumentWordIDs](repeating: DocumentWordIDs(), count: docs.count))
        Parallel.forEachChunk(of: docs.count, chunk: tokenizeChunk) { range in
            // Numbered locally first, so the shared vocabulary is locked once a chunk; a post's
            // weights are summed by local number in one scratch array (`touched` in first-seen
            // order), one dictionary lookup a word.
            // Sized for a chunk's distinct words at once (growing it was a fifth of its cost).
            var localIDs: [ByteKey: Int32] = Dictionary(minimumCapacity: 16 * 1024)
            var localWords: [String] = []
            var weights: [Float] = []
            var touched: [Int32] = []
            // The post's words and slots in reading order, grouped by word below.
            var stream: [(id: Int32, slot: Int32)] = []
            var ranks: [Int32] = []
            var made: [(doc: Int, words: ChunkWords, key: String?)] = []
            for index in range {
                let doc = docs[index]
                let key = vocabulary.keepsDocuments ? keys?[doc] ?? textKey(of: posts[doc], names: names) : nil
                if let key, let known = vocabulary.document(key) {
                    made.append((index, .known(known), nil))
                    continue
                }
                var length = 0.0
                forEachWord(of: posts[doc], names: names) { word, weight, slot in
                    length += 1
                    let id: Int32
                    let key = ByteKey(word)
                    if let known = localIDs[key] {
                        id = known
                    } else {
                        id = Int32(localWords.count)
                        localIDs[key] = id
                        localWords.append(word)
                        weights.append(0)
                        ranks.append(0)
                    }
                    if weights[Int(id)] == 0 { touched.append(id) }
                    weights[Int(id)] += weight
                    stream.append((id, slot))
                }
                let (counts, slots) = groupedSlots(stream, touched: touched, weights: weights, ranks: &ranks)
                made.append((index, .local(counts, slots: slots, length: length), key))
                for id in touched { weights[Int(id)] = 0 }
                touched.removeAll(keepingCapacity: true)
                stream.removeAll(keepingCapacity: true)
            }
            let global = vocabulary.number(localWords)
            let packed = made.map { doc, words, key -> (Int, DocumentWordIDs) in
                let document: DocumentWordIDs
                switch words {
                case .known(let known):
                    document = known
                case .local(let ids, let slots, let length):
                    document = DocumentWordIDs(counts: ids.map { (global[Int($0.0)], $0.1, $0.2) }, slots: slots, length: length)
                    if let key { vocabulary.remember(key, document) }
                }
                return (doc, scratch.map { document.spilled(to: $0) } ?? document)
            }
            documents.mutate { all in
                for (doc, words) in packed { all[doc] = words }
            }
        }
        return documents.value
    }

    /// A post's words in first-seen order (`touched`) with their weights and numbers of slots,
    /// and the slots of `stream` grouped word after word (a counting sort: each word's slots
    /// stay in reading order, which is increasing).
    private static func groupedSlots(
        _ stream: [(id: Int32, slot: Int32)], touched: [Int32], weights: [Float], ranks: inout [Int32]
    ) -> ([(Int32, Float, Int)], [Int32]) {
        // Each touched word's place in `touched`, by local number (`ranks` is scratch, as
        // long as the chunk's words).
        for (i, id) in touched.enumerated() { ranks[Int(id)] = Int32(i) }
        var starts = [Int](repeating: 0, count: touched.count + 1)
        for entry in stream { starts[Int(ranks[Int(entry.id)]) + 1] += 1 }
        for i in touched.indices { starts[i + 1] += starts[i] }
        let counts = touched.enumerated().map { i, id in (id, weights[Int(id)], starts[i + 1] - starts[i]) }
        var slots = [Int32](repeating: 0, count: stream.count)
        for entry in stream {
            let i = Int(ranks[Int(entry.id)])
            slots[starts[i]] = entry.slot
            starts[i] += 1
        }
        return (counts, slots)
    }

    /// Every post's `textKey`, by position in `site.allPosts`, a channel at a time on all cores;
    /// `memo` keeps a channel's under its key and name (which hold all they read), so a rebuild
    /// hashes only the changed channels' posts (all of them were a quarter second of CPU at 100k).
    static func textKeys(_ site: Site, names: [String: String], memo: (any StageCache<[String]>)?) -> [String] {
        let posts = site.allPosts
        return site.channels.indices.flatMap { c -> [String] in
            let range = posts.starts[c]..<posts.starts[c + 1]
            let name = names[site.channels[c].slug] ?? ""
            return site.channels[c].keptList("text keys", context: [name], count: range.count, in: memo) {
                range.concurrentMap(chunk: 256) { textKey(of: posts[$0], names: names) }
            }
        }
    }

    /// A fingerprint of everything `forEachWord(of:names:_:)` reads.
    static func textKey(of sitePost: SitePost, names: [String: String]) -> String {
        var fingerprint = Fingerprint("words")
        fingerprint.add(sitePost.post.title ?? sitePost.heading)
        fingerprint.add(sitePost.body)
        fingerprint.add(names[sitePost.channelSlug] ?? "")
        for key in sitePost.tagKeys { fingerprint.add(key) }
        return fingerprint.hex
    }

    /// Words of at most this many letters are indexed as written: they are abbreviations (`ИИ`,
    /// `LLM`, `RL`) or function words, and stemming them only makes them collide (`ии` → `и`).
    package static let shortestStemmed = 4

    static func stem(_ word: String, with stemmer: Stemmer) -> String {
        // A compound (`gpt-4`, `c++`) is a name, matched as written.
        word.unicodeScalars.count < shortestStemmed || CompoundScanner.isCompound(word) ? word : stemmer.stem(word)
    }

    /// A fingerprint of everything `build()` reads from the site: when it is unchanged, so is
    /// every index file, and an incremental build carries the whole index over.
    package func inputFingerprint() -> String {
        var fingerprint = Fingerprint(ChansiteVersion.fingerprint, "search-index")
        // Documents carry their day, the manifest their months and the channels' order, the
        // kind files what each post holds (its links come from its text and body, added below).
        fingerprint.add(site.config.timeZone)
        fingerprint.add(site.config.channelOrder == .newest ? "newest" : "oldest")
        for channel in site.channels {
            fingerprint.add(channel.slug)
            fingerprint.add(channel.displayName)
            fingerprint.add(channel.posts.count)
        }
        for channel in site.channels {
            // A channel's key names every input of its posts (and the configuration): hashing
            // its posts' texts again was a third of a second at 100k posts.
            if let key = channel.cacheKey {
                fingerprint.add(key)
                continue
            }
            fingerprint.add("\u{0}")
            for sitePost in channel.posts { Self.add(sitePost, to: &fingerprint) }
        }
        for tag in site.tags {
            fingerprint.add(tag.name)
            fingerprint.add(tag.key)
            fingerprint.add(tag.postIDs.count)
        }
        return fingerprint.hex
    }

    /// What the index reads of a post.
    private static func add(_ sitePost: SitePost, to fingerprint: inout Fingerprint) {
        fingerprint.add(sitePost.channelSlug)
        fingerprint.add(sitePost.slug)
        fingerprint.add(sitePost.heading)
        fingerprint.add(sitePost.post.title ?? "\u{0}")
        fingerprint.add(sitePost.body)
        fingerprint.add(sitePost.post.text)
        fingerprint.add(sitePost.post.dateText ?? "\u{0}")
        fingerprint.add(sitePost.post.date.map { String($0.timeIntervalSince1970) } ?? "\u{0}")
        fingerprint.add(sitePost.post.details?.dateIsLocal == true ? 1 : 0)
        fingerprint.add(sitePost.post.media.map(\.kind.name))
        fingerprint.add(sitePost.post.linkPreviews.count)
        fingerprint.add(sitePost.post.details?.poll != nil ? 1 : 0)
        fingerprint.add(sitePost.tagKeys)
    }

    /// Word forms are grouped by their first three Unicode scalars (the page does the same
    /// with `Array.from(word).slice(0, 3)`); prefix search starts at three letters.
    package static let formKeyLength = 3

    package static func formKey(_ form: String) -> String {
        String(Substring(form.unicodeScalars.prefix(formKeyLength)))
    }

    /// About 80 documents' worth of postings per bucket file, at least 16: a query word costs
    /// one file (42 KB as stored at 10k posts; the ten results' documents cost four times
    /// that), a phrase its positions file too (23 KB).
    package static func bucketCount(forDocuments count: Int) -> Int { max(16, count / 80) }

    /// About 160 documents' worth of word forms per `forms/` file: a form is a few bytes, so
    /// a file per postings bucket was mostly files (250 of 800 bytes at 10k posts; now 62 of 4 KB).
    package static func formBucketCount(forDocuments count: Int) -> Int { max(16, count / 160) }

    /// The posting bucket of a stem: FNV-1a (32 bit) of its UTF-8, as the page computes it.
    package static func bucket(of term: String, count: Int) -> Int {
        Int(FNV1a.hash(term) % UInt32(count))
    }

    static func file(_ path: String, name: String, _ data: Any) -> RenderedFile {
        // Slashes stay escaped (`<\/`), so no string can close a <script> early.
        let json = (try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])) ?? Data("null".utf8)
        return file(path, name: name, json: escapingLineSeparators(json))
    }

    /// `json` as an index file. It must hold no raw U+2028 or U+2029: `JSONText` escapes them
    /// in every string it writes, and JSONSerialization's output is escaped above.
    static func file(_ path: String, name: String, json: Data) -> RenderedFile {
        var contents = Data("window.__chansiteSearch(\"\(name)\",".utf8)
        contents.append(json)
        contents.append(contentsOf: Array(");\n".utf8))
        return RenderedFile(path: "search/" + path, contents: contents)
    }

    /// Whether U+2028 or U+2029 occurs: each 0xE2 found by memchr.
    static func hasLineSeparator(_ json: Data) -> Bool {
        json.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count >= 3 else { return false }
            var i = 0
            while i < raw.count - 2, let found = memchr(base + i, 0xE2, raw.count - 2 - i) {
                let k = base.distance(to: UnsafeRawPointer(found))
                if raw[k + 1] == 0x80, raw[k + 2] == 0xA8 || raw[k + 2] == 0xA9 { return true }
                i = k + 1
            }
            return false
        }
    }

    /// JSON allows U+2028 and U+2029 raw inside strings; older JavaScript engines end a line
    /// there. They can only occur inside strings, so escaping them everywhere is safe.
    static func escapingLineSeparators(_ json: Data) -> Data {
        // Most files have none (dashes and quotes share the first two bytes, so look for all three).
        guard hasLineSeparator(json) else { return json }
        return json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    out.append(contentsOf: (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return Data(out)
        }
    }
}
