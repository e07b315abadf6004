import ChansiteCore
import ChansiteModel

extension SearchIndexBuilder {
    /// Every block's segment, in the posts' order: each channel's posts cut into blocks of
    /// `segmentSize` from its first, so posts added to one channel leave every other block as
    /// it was. With `keys` (a cache), a block whose posts' text keys the vocabulary has met is
    /// taken from it; the others' posts are tokenized (on all cores) and their segments made
    /// and kept.
    func segments(names: [String: String], keys: [String]?, vocabulary: IndexVocabulary, scratch: ScratchFile?) -> [Segment] {
        let blocks = blocks(size: segmentPosts ?? Self.segmentSize)
        let blockKeys = keys.map { keys in blocks.map { Self.segmentKey(keys[$0]) } }
        let found: [Segment?] = blocks.indices.concurrentMap(chunk: 1) { block in
            // (A key holds its posts' count; a segment of another length is never taken.)
            guard let segment = blockKeys.flatMap({ vocabulary.segment($0[block]) }), segment.docCount == blocks[block].count else {
                return nil
            }
            return scratch.map { segment.spilled(to: $0) } ?? segment
        }
        let missing = blocks.indices.filter { found[$0] == nil }
        guard !missing.isEmpty else { return found.compactMap { $0 } }
        let posts = site.allPosts
        let docs = missing.flatMap { Array(blocks[$0]) }
        let documents = Self.tokenize(posts, docs: docs, names: names, keys: keys, vocabulary: vocabulary, scratch: scratch)
        let tagKeys = docs.map { posts[$0].tagKeys }
        let terms = Self.terms(of: documents, tagKeys: tagKeys, vocabulary: vocabulary)
        let words = vocabulary.words
        // Where each missing block's posts start in `documents`.
        let starts = missing.reduce(into: [0]) { starts, block in starts.append(starts[starts.count - 1] + blocks[block].count) }
        // Each segment kept and spilled as soon as it is made: all of them at once were some
        // 90 MB at 100k posts.
        let made = missing.indices.concurrentMap(chunk: 1) { m -> Segment in
            let block = missing[m]
            let segment = Segment.make(
                documents: Array(documents[starts[m]..<starts[m + 1]]), tagKeys: Array(tagKeys[starts[m]..<starts[m + 1]]), words: words,
                terms: terms)
            if let blockKeys { vocabulary.remember(segment: segment, blockKeys[block]) }
            return scratch.map { segment.spilled(to: $0) } ?? segment
        }
        var all = found
        for (m, block) in missing.enumerated() { all[block] = made[m] }
        return all.compactMap { $0 }
    }

    /// Each channel's posts in blocks of `size` (positions in `site.allPosts`).
    func blocks(size: Int) -> [Range<Int>] {
        let size = max(1, size)
        let posts = site.allPosts
        var blocks: [Range<Int>] = []
        for c in site.channels.indices {
            let end = posts.starts[c + 1]
            for start in stride(from: posts.starts[c], to: end, by: size) { blocks.append(start..<min(start + size, end)) }
        }
        return blocks
    }

    /// A segment's key: its posts' text keys, which hold everything its postings read.
    static func segmentKey(_ textKeys: ArraySlice<String>) -> String {
        var fingerprint = Fingerprint("index segment 1")
        fingerprint.add(textKeys.count)
        for key in textKeys { fingerprint.add(key) }
        return fingerprint.hex
    }

    /// The terms of `documents` and of the hashtags `tagKeys`, numbered (each word stemmed once).
    static func terms(of documents: [DocumentWordIDs], tagKeys: [[String]], vocabulary: IndexVocabulary) -> Segment.Terms {
        let wordCount = vocabulary.words.count
        var isUsed = [Bool](repeating: false, count: wordCount)
        var reader = DocumentWordIDs.InOrder()
        for document in documents {
            reader.forEachWithSlots(of: document) { word, _, _ in if word >= 0, Int(word) < wordCount { isUsed[Int(word)] = true } }
        }
        let used = isUsed.indices.filter { isUsed[$0] }
        var terms = Segment.Terms(ofWord: [Int32](repeating: -1, count: wordCount))
        var numbers = TermNumbers()
        for (word, stem) in zip(used, vocabulary.stems(of: used)) { terms.ofWord[word] = numbers.number(stem) }
        for keys in tagKeys {
            for key in keys where terms.ofTag[key] == nil { terms.ofTag[key] = numbers.number("#" + key) }
        }
        terms.names = numbers.names
        return terms
    }

    /// Term names numbered in the order they are first met (one name space for stems and `#key`s).
    struct TermNumbers {
        private(set) var names: [String] = []
        private var ids: [String: Int32] = [:]

        mutating func number(_ name: String) -> Int32 {
            if let known = ids[name] { return known }
            let id = Int32(names.count)
            ids[name] = id
            names.append(name)
            return id
        }
    }

    /// The segments joined: every term numbered once (in the order the segments meet them),
    /// the word forms, each post's length, and where each segment's terms and posts go.
    struct MergedSegments {
        private var numbers = TermNumbers()
        /// Every term's name, by number.
        var names: [String] { numbers.names }
        private(set) var forms: [String: String] = [:]
        private(set) var lengths: [Double] = []
        /// How many forms are words (not hashtags): what the vocabulary counts as used.
        private(set) var wordForms = 0
        /// Each segment's terms' numbers in `names`, and its first post's number.
        private var global: [[Int32]] = []
        private var offsets: [Int] = []
        /// Each term's postings and slot-list length across the segments.
        private var postingCounts: [Int32] = []
        private var slotCounts: [Int] = []

        init(_ segments: [Segment]) {
            for segment in segments {
                offsets.append(lengths.count)
                lengths.append(contentsOf: segment.lengths)
                segment.withBytes { buffer in join(segment, buffer) }
            }
            wordForms = forms.count { $0.key.utf8.first != UInt8(ascii: "#") || $0.key != $0.value }
        }

        /// Numbers `segment`'s terms (`buffer`: its bytes) and adds its forms.
        private mutating func join(_ segment: Segment, _ buffer: UnsafeBufferPointer<UInt8>) {
            var map: [Int32] = []
            map.reserveCapacity(segment.terms.count)
            for term in segment.terms {
                let id = numbers.number(Segment.text(term.name, in: buffer))
                if Int(id) == postingCounts.count {
                    postingCounts.append(0)
                    slotCounts.append(0)
                }
                map.append(id)
                postingCounts[Int(id)] += term.postings
                slotCounts[Int(id)] += Int(term.slots)
            }
            for form in segment.forms {
                let text = Segment.text(form.name, in: buffer)
                let stem = numbers.names[Int(map[Int(form.term)])]
                // A hashtag's own form wins, as it always has; a word's stem is the same wherever it is met.
                let isTag = text.utf8.first == UInt8(ascii: "#") && text == stem
                if isTag || forms[text] == nil { forms[text] = stem }
            }
            global.append(map)
        }

        /// Each postings bucket's key (nil: no term falls in it): everything its files hold
        /// — for each of its terms, in each segment that has the term, the segment's first
        /// post's number and the term's hash there (`Segment.Term.hash`: name, postings, slots,
        /// the posts' lengths) — with the scale scores are made with. Read from the segments'
        /// term tables alone: a bucket none of whose terms changed is carried over unmade.
        func bucketKeys(of segments: [Segment], bucketOfTerm: [Int32], buckets: Int, scale: Scale) -> [String?] {
            // Each bucket's words hashed a kilobyte at a time as the tables are read: kept
            // whole, they were 24 bytes for every term of every segment (hundreds of MB at 1M posts).
            var hashers = [ContentHasher?](repeating: nil, count: buckets)
            var pending = [[UInt64]](repeating: [], count: buckets)
            func flush(_ bucket: Int) {
                pending[bucket].withUnsafeBytes { hashers[bucket]?.update($0) }
                pending[bucket].removeAll(keepingCapacity: true)
            }
            for (s, segment) in segments.enumerated() {
                let map = global[s]
                // By the term's hash (which holds its name), not its number here: a new word
                // in an earlier block renumbers the terms after it.
                for (t, term) in segment.terms.enumerated() {
                    let bucket = Int(bucketOfTerm[Int(map[t])])
                    if hashers[bucket] == nil { hashers[bucket] = Self.keyHasher(bucket: bucket, scale: scale) }
                    pending[bucket].append(UInt64(offsets[s]))
                    pending[bucket].append(term.hash.0)
                    pending[bucket].append(term.hash.1)
                    if pending[bucket].count >= 128 { flush(bucket) }
                }
            }
            return (0..<buckets).map { bucket -> String? in
                guard hashers[bucket] != nil else { return nil }
                flush(bucket)
                return hashers[bucket]?.hex
            }
        }

        /// A bucket key's hasher, started with chansite's version, the bucket and the scale.
        private static func keyHasher(bucket: Int, scale: Scale) -> ContentHasher {
            var hasher = ContentHasher()
            var start = Array("\(ChansiteVersion.fingerprint) postings \(bucket) ".utf8)
            for word in [scale.documents.bitPattern, scale.averageLength.bitPattern] {
                for shift in stride(from: 0, to: 64, by: 8) { start.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
            }
            start.withUnsafeBytes { hasher.update($0) }
            return hasher
        }

        /// The postings of the terms `wanted` picks (by number), each term's in post order, and
        /// beside them each posting's slots (`[count, slot, slot, …]` a posting). Each array is
        /// made at its final size: grown by appending, they would keep up to twice the room.
        func postings(of segments: [Segment], wanted: [Bool]) -> (postings: [[Posting]], slots: [[Int32]]) {
            var postings = [[Posting]](repeating: [], count: names.count)
            var slots = [[Int32]](repeating: [], count: names.count)
            for id in names.indices where wanted[id] {
                postings[id].reserveCapacity(Int(postingCounts[id]))
                slots[id].reserveCapacity(slotCounts[id])
            }
            for (s, segment) in segments.enumerated() {
                let map = global[s]
                let offset = Int32(offsets[s])
                segment.withBytes { buffer in
                    for (t, term) in segment.terms.enumerated() where wanted[Int(map[t])] {
                        let id = Int(map[t])
                        segment.forEachPosting(of: term, in: buffer, slots: &slots[id]) { doc, weight in
                            postings[id].append(Posting(doc: offset + Int32(doc), frequency: weight))
                        }
                    }
                }
            }
            return (postings, slots)
        }
    }
}
