import ChansiteCore

extension SearchIndexBuilder {
    /// The index of one block of a channel's posts (`segmentSize` of them, counted from the
    /// channel's first post): each term's postings in the block (posts numbered from the
    /// block's first, with their weights and slots), each post's length and the word forms met.
    /// It depends on its posts' words alone (their `textKey`s), so a rebuild keeps every block
    /// it did not change (`IndexVocabulary.segments`) and the postings passes merge segments
    /// instead of reading every post's words: an edit tokenizes and transposes one block, where
    /// every post's words were counted, sorted out and summed again (most of a 100k-post
    /// rebuild's index).
    ///
    /// Terms are kept by name, so a segment does not depend on the vocabulary's numbers.
    /// Encoded as variable-length integers: the post count, each post's length, the term
    /// count, each term's name, postings, slot-list length, data length and (16 bytes) hash,
    /// the form count, each form and its term, then each term's data — its postings as (gap,
    /// weight) pairs, then its flat `[count, slot, slot, …]` slot list. A term's hash covers
    /// all that its scores read here: its name, counts, data and its posts' lengths.
    package struct Segment: Sendable {
        /// The encoded segment, in memory unless it waits in a scratch file (`spilled(to:)`).
        private var held: [UInt8]
        private var spill: (file: ScratchFile, slice: ScratchFile.Slice)?
        let docCount: Int
        /// Each post's length in words (at least 1, as BM25 reads it).
        let lengths: [Double]
        let terms: [Term]
        let forms: [Form]
        /// Where the terms' data begins.
        let dataStart: Int

        struct Term: Sendable {
            var name: Range<Int>
            var postings: Int32
            var slots: Int32
            var data: Range<Int>
            /// The first 128 bits of the SHA-256 of the term's name, counts, data and its
            /// posts' lengths (`Segment.hash`).
            var hash: (UInt64, UInt64)
        }

        struct Form: Sendable {
            var name: Range<Int>
            var term: Int32
        }

        /// A segment read back; nil when `bytes` are not one (a cache is checked whole before it
        /// is read, so only a wrong program could get there: every count and length is checked
        /// against the bytes there are).
        package init?(bytes: [UInt8]) {
            guard let parsed = bytes.withUnsafeBufferPointer(Self.parse) else { return nil }
            held = bytes
            (docCount, lengths, terms, forms, dataStart) = parsed
        }

        /// What a cache keeps: the encoded segment (read back when it was spilled).
        package var bytes: [UInt8] { spill.map { $0.file.bytes($0.slice) } ?? held }

        /// The same segment kept in `file` rather than in memory until the passes read it (at
        /// 100k posts the segments are some 90 MB); itself when it cannot be written there.
        func spilled(to file: ScratchFile) -> Segment {
            guard spill == nil, let slice = file.append(held) else { return self }
            var copy = self
            copy.held = []
            copy.spill = (file, slice)
            return copy
        }

        /// Calls `body` with the encoded segment: read back once when it was spilled. Bytes that
        /// cannot be read back whole give an empty buffer (the scratch file's `check` fails the
        /// build), which every reader below stops at.
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            guard let spill else { return held.withUnsafeBufferPointer(body) }
            let bytes = spill.file.bytes(spill.slice)
            return (bytes.count == spill.slice.count ? bytes : []).withUnsafeBufferPointer(body)
        }

        private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> (Int, [Double], [Term], [Form], Int)? {
            var reader = Reader(bytes: buffer)
            let docCount = reader.count()
            var lengths: [Double] = []
            lengths.reserveCapacity(docCount)
            for _ in 0..<docCount { lengths.append(Double(max(reader.number(), 1))) }
            let termCount = reader.count()
            var terms: [Term] = []
            terms.reserveCapacity(termCount)
            var dataEnd = 0
            for _ in 0..<termCount {
                let name = reader.range()
                let postings = reader.number()
                let slots = reader.number()
                let length = reader.number()
                let hash = (reader.word(), reader.word())
                guard postings <= Int32.max, slots <= Int32.max, length <= buffer.count else { return nil }
                terms.append(
                    Term(name: name, postings: Int32(postings), slots: Int32(slots), data: dataEnd..<(dataEnd + length), hash: hash))
                dataEnd += length
            }
            let formCount = reader.count()
            var forms: [Form] = []
            forms.reserveCapacity(formCount)
            for _ in 0..<formCount {
                let name = reader.range()
                let term = reader.number()
                guard term < termCount else { return nil }
                forms.append(Form(name: name, term: Int32(term)))
            }
            // The data is all that is left, exactly.
            guard !reader.failed, buffer.count - reader.at == dataEnd else { return nil }
            let start = reader.at
            for index in terms.indices { terms[index].data = (terms[index].data.lowerBound + start)..<(terms[index].data.upperBound + start) }
            return (docCount, lengths, terms, forms, start)
        }

        /// The text of a name's bytes in `buffer` (the segment's, from `withBytes`).
        static func text(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> String {
            guard range.upperBound <= buffer.count else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }

        /// Calls `body` with each of `term`'s postings (the post's number in the block and its
        /// weight) in order, then appends its slot list to `slots`; `buffer` is the segment's
        /// (`withBytes`). Stops where the data ends or a post number is out of the block.
        func forEachPosting(of term: Term, in buffer: UnsafeBufferPointer<UInt8>, slots: inout [Int32], _ body: (Int, Float) -> Void) {
            guard term.data.upperBound <= buffer.count else { return }
            var reader = Reader(bytes: UnsafeBufferPointer(rebasing: buffer[term.data]))
            var doc = -1
            for _ in 0..<term.postings {
                doc += reader.number()
                let weight = reader.number()
                guard !reader.failed, doc >= 0, doc < docCount else { return }
                body(doc, Float(weight))
            }
            for _ in 0..<term.slots {
                let slot = reader.number()
                guard !reader.failed else { return }
                slots.append(Int32(truncatingIfNeeded: slot))
            }
        }

        /// A segment of `documents` (a block's posts' words, in order) with their hashtag keys:
        /// each word's term and each hashtag's from `terms` (numbered once for the build, so no
        /// block hashes a term's name). The postings are summed as the passes sum them
        /// (`PostingsPass`): a post's weights per term, and its slots merged in order when two
        /// forms of a term meet in it.
        static func make(documents: [DocumentWordIDs], tagKeys: [[String]], words: [String], terms: Terms) -> Segment {
            // Flat tables by word and by the build's term number: dictionaries here were most
            // of making a segment.
            var termOfWord = [Int32](repeating: -1, count: words.count)
            var localOf = [Int32](repeating: -1, count: terms.names.count)
            var termOfTag: [String: Int32] = [:]
            var names: [String] = []
            var forms: [(String, Int32)] = []
            func local(_ term: Int32) -> Int32 {
                guard term >= 0, Int(term) < localOf.count else { return -1 }
                if localOf[Int(term)] < 0 {
                    localOf[Int(term)] = Int32(names.count)
                    names.append(terms.names[Int(term)])
                }
                return localOf[Int(term)]
            }
            var reader = DocumentWordIDs.InOrder()
            for (doc, document) in documents.enumerated() {
                reader.forEachWithSlots(of: document) { word, _, _ in
                    guard word >= 0, Int(word) < termOfWord.count, termOfWord[Int(word)] < 0 else { return }
                    let id = local(Int(word) < terms.ofWord.count ? terms.ofWord[Int(word)] : -1)
                    termOfWord[Int(word)] = id
                    if id >= 0 { forms.append((words[Int(word)], id)) }
                }
                for key in tagKeys[doc] where termOfTag[key] == nil {
                    let id = local(terms.ofTag[key] ?? -1)
                    termOfTag[key] = id
                    if id >= 0 { forms.append(("#" + key, id)) }
                }
            }
            var pass = PostingsPass(
                isWanted: [Bool](repeating: true, count: names.count),
                counts: ([Int32](repeating: 0, count: names.count), [Int](repeating: 0, count: names.count)))
            for (doc, document) in documents.enumerated() {
                reader.forEachWithSlots(of: document) { word, weight, slots in
                    pass.add(word >= 0 && Int(word) < termOfWord.count ? termOfWord[Int(word)] : -1, weight, slots)
                }
                for key in tagKeys[doc] { pass.add(termOfTag[key] ?? -1, 1, nil) }
                pass.finish(doc: doc)
            }
            return encode(
                lengths: documents.map(\.length), names: names, postings: pass.postings, slots: pass.slots, forms: forms)
        }

        /// The terms of the blocks a build makes, numbered once: each word's (its stem, or the
        /// word), by word number (-1: not used), and each hashtag key's (`#key`), one name space.
        struct Terms: Sendable {
            var ofWord: [Int32] = []
            var ofTag: [String: Int32] = [:]
            var names: [String] = []
        }

        static func encode(lengths: [Double], names: [String], postings: [[Posting]], slots: [[Int32]], forms: [(String, Int32)]) -> Segment {
            var data: [[UInt8]] = []
            data.reserveCapacity(names.count)
            for term in names.indices {
                var bytes: [UInt8] = []
                var previous = -1
                for posting in postings[term] {
                    DocumentWordIDs.append(UInt32(Int(posting.doc) - previous), to: &bytes)
                    DocumentWordIDs.append(UInt32(posting.frequency.rounded()), to: &bytes)
                    previous = Int(posting.doc)
                }
                for slot in slots[term] { DocumentWordIDs.append(UInt32(max(0, slot)), to: &bytes) }
                data.append(bytes)
            }
            var bytes: [UInt8] = []
            DocumentWordIDs.append(UInt32(lengths.count), to: &bytes)
            // A length is a count of words (a whole number below 2^32).
            for length in lengths { DocumentWordIDs.append(UInt32(min(max(length, 0), 4_294_967_295)), to: &bytes) }
            DocumentWordIDs.append(UInt32(names.count), to: &bytes)
            for term in names.indices {
                appendText(names[term], to: &bytes)
                DocumentWordIDs.append(UInt32(postings[term].count), to: &bytes)
                DocumentWordIDs.append(UInt32(slots[term].count), to: &bytes)
                DocumentWordIDs.append(UInt32(data[term].count), to: &bytes)
                let (high, low) = hash(
                    name: names[term], postings: postings[term].count, slots: slots[term].count, data: data[term],
                    lengths: postings[term].map { lengths[Int($0.doc)] })
                for word in [high, low] {
                    for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
                }
            }
            DocumentWordIDs.append(UInt32(forms.count), to: &bytes)
            for (form, term) in forms {
                appendText(form, to: &bytes)
                DocumentWordIDs.append(UInt32(term), to: &bytes)
            }
            for chunk in data { bytes.append(contentsOf: chunk) }
            // Read back by the one parser, so a segment made and one from a cache are the same value.
            guard let segment = Segment(bytes: bytes) else { preconditionFailure("a segment reads back as it was written") }
            return segment
        }

        /// A term's hash: everything a bucket's scores read of the term in this segment, so
        /// that equal hashes (with the same place in the site and the same scale) give equal
        /// postings (`MergedSegments.bucketKeys`).
        static func hash(name: String, postings: Int, slots: Int, data: [UInt8], lengths: [Double]) -> (UInt64, UInt64) {
            // One buffer, one update: the digest's calls cost more than its bytes here.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count + 15 + data.count + 4 * lengths.count)
            appendText(name, to: &bytes)
            DocumentWordIDs.append(UInt32(postings), to: &bytes)
            DocumentWordIDs.append(UInt32(slots), to: &bytes)
            DocumentWordIDs.append(UInt32(data.count), to: &bytes)
            bytes.append(contentsOf: data)
            // Lengths as BM25 reads them (at least 1), as 32-bit words.
            for length in lengths {
                let word = UInt32(min(max(length, 1), 4_294_967_295))
                for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
            }
            var hasher = ContentHasher()
            bytes.withUnsafeBytes { hasher.update($0) }
            return hasher.words
        }

        private static func appendText(_ text: String, to bytes: inout [UInt8]) {
            DocumentWordIDs.append(UInt32(text.utf8.count), to: &bytes)
            bytes.append(contentsOf: text.utf8)
        }

        /// Variable-length integers read within their bytes: past the end, `failed` is set and
        /// 0 returned.
        struct Reader {
            let bytes: UnsafeBufferPointer<UInt8>
            var at = 0
            var failed = false

            @inline(__always)
            mutating func number() -> Int {
                var value = 0
                var shift = 0
                while at < bytes.count, shift <= 28 {
                    let byte = bytes[at]
                    at += 1
                    value |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { return value }
                    shift += 7
                }
                failed = true
                return 0
            }

            /// Eight bytes, big-endian.
            mutating func word() -> UInt64 {
                guard bytes.count - at >= 8 else {
                    failed = true
                    at = bytes.count
                    return 0
                }
                defer { at += 8 }
                return (at..<(at + 8)).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[$1]) }
            }

            /// A count of entries that take at least a byte each (no more than the bytes left).
            mutating func count() -> Int {
                let count = number()
                guard count <= bytes.count - at else {
                    failed = true
                    return 0
                }
                return count
            }

            /// A length-prefixed name's bytes.
            mutating func range() -> Range<Int> {
                let length = count()
                defer { at += length }
                return at..<(at + length)
            }
        }
    }
}
