import ChansiteCore

extension SearchIndexBuilder {
    /// One post's words as numbers into the vocabulary, in first-seen order, each with its
    /// weight and its slots (`Tokenizer.positionedWords`, for phrases), packed as
    /// variable-length integers: a word's number, weight and the length in bytes of its slots,
    /// then its slots as gaps, about five bytes a word and one a further use of it, where
    /// 32-bit numbers took four times that (a hundred megabytes at 100k posts) and strings
    /// more. The length (not the count) lets a reader step over a word's slots, or copy them
    /// whole into a segment's slot lists, without reading them one by one.
    package struct DocumentWordIDs: Sequence, Sendable {
        private var packed: [UInt8] = []
        /// Where the packed words wait on disk instead (`spilled(to:)`): read back each time.
        private var spill: (file: ScratchFile, slice: ScratchFile.Slice)?
        var length = 0.0

        init() {}

        /// `counts`: each word's number and its weight, a sum of whole weights (1, 2, 3);
        /// `slots`: each word's slots in order, one list per entry of `counts` (none: no slots).
        init(counts: [(Int32, Float)], slots: [[Int32]] = [], length: Double) {
            self.init(
                counts: counts.indices.map { (counts[$0].0, counts[$0].1, slots.indices.contains($0) ? slots[$0].count : 0) },
                slots: slots.flatMap { $0 }, length: length)
        }

        /// `counts`: each word's number, weight and number of slots; `slots`: all of them,
        /// word after word, each word's increasing.
        init(counts: [(Int32, Float, Int)], slots: [Int32], length: Double) {
            self.length = length
            packed.reserveCapacity(counts.count * 4 + slots.count)
            var at = 0
            var gaps: [UInt8] = []
            for (word, weight, count) in counts {
                Self.append(UInt32(word), to: &packed)
                Self.append(UInt32(Swift.min(weight.rounded(), 2_147_483_648)), to: &packed)
                gaps.removeAll(keepingCapacity: true)
                var previous: Int32 = 0
                for slot in slots[at..<(at + count)] {
                    // A word's slots increase (the tokenizer numbers them in order); were one
                    // out of order it would read as the one before, never wrap.
                    assert(slot >= previous, "a word's slots are in order")
                    Self.append(UInt32(Swift.max(0, slot - previous)), to: &gaps)
                    previous = Swift.max(previous, slot)
                }
                Self.append(UInt32(gaps.count), to: &packed)
                packed.append(contentsOf: gaps)
                at += count
            }
        }

        static func append(_ value: UInt32, to bytes: inout [UInt8]) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 5) { buffer in
                var count = 0
                put(value, in: buffer, at: &count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }

        /// Writes `value` as a variable-length integer at `count` (at most five bytes), the one
        /// writer of the packed words and of the index passes' shares.
        @inline(__always)
        static func put(_ value: UInt32, in bytes: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
            var value = value
            while value >= 0x80 {
                bytes[count] = UInt8(value & 0x7F) | 0x80
                count += 1
                value >>= 7
            }
            bytes[count] = UInt8(value)
            count += 1
        }

        /// A word's slots at `at` (their length, then their bytes), `at` moved past them: never
        /// past the end, whatever the length says (bytes from a cache are checked whole, but a
        /// length is never trusted alone).
        @inline(__always)
        static func slots(_ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> Slots {
            let length = Int(read(bytes, &at))
            let end = Swift.min(at + length, bytes.count)
            defer { at = end }
            return Slots(bytes: UnsafeBufferPointer(rebasing: bytes[Swift.min(at, end)..<end]))
        }

        @inline(__always)
        static func read(_ packed: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> UInt32 {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                let byte = packed[at]
                at += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        /// The same words kept in `file` rather than in memory (a build without a cache holds
        /// every post's words until the last pass over them: 82 MB at 100k posts); itself when
        /// they cannot be written there.
        func spilled(to file: ScratchFile) -> DocumentWordIDs {
            guard spill == nil, let slice = file.append(packed) else { return self }
            var copy = DocumentWordIDs()
            copy.length = length
            copy.spill = (file, slice)
            return copy
        }

        /// The packed words, from memory or read back from the scratch file.
        private var bytes: [UInt8] { spill.map { $0.file.bytes($0.slice) } ?? packed }

        /// The words as a cache stores them: the length, then the packed words.
        package var encoded: [UInt8] {
            withUnsafeBytes(of: length.bitPattern.littleEndian) { Array($0) } + bytes
        }

        /// The words `encoded` gave; nil when `bytes` are not such words (a cache is checked
        /// whole before it is read, so only a wrong program could get there).
        package init?(encoded bytes: some Collection<UInt8>) {
            // Read from contiguous bytes (a cache's `Data`) when they are: the generic slices
            // were most of reading every post's words back at 100k posts.
            let read = bytes.withContiguousStorageIfAvailable(Self.init(contiguous:))
            guard let words = read ?? Array(bytes).withUnsafeBufferPointer(Self.init(contiguous:)) else { return nil }
            self = words
        }

        init?(contiguous bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count >= 8 else { return nil }
            var bits: UInt64 = 0
            for index in 0..<8 { bits |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            length = Double(bitPattern: bits)
            packed = Array(UnsafeBufferPointer(rebasing: bytes[8...]))
            guard packed.last.map({ $0 < 0x80 }) ?? true else { return nil }
        }

        /// Calls `body` with each word's number, weight and slots, in first-seen order; the slots
        /// are valid only during the call.
        func forEachWithSlots(_ body: (Int32, Float, Slots) -> Void) {
            bytes.withUnsafeBufferPointer { Self.forEachWithSlots(in: $0, body) }
        }

        @inline(__always)
        static func forEachWithSlots(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int32, Float, Slots) -> Void) {
            var at = 0
            while at < bytes.count {
                let word = read(bytes, &at)
                let weight = read(bytes, &at)
                body(Int32(word), Float(weight), slots(bytes, &at))
            }
        }

        /// Reads the words of posts taken in order, as the index's passes take them: spilled
        /// words through a window of the scratch file a megabyte long (a `pread` for hundreds of
        /// posts, where one each was a tenth of a rebuild's index at 100k posts).
        struct InOrder {
            private var window: [UInt8] = []
            private var start = 0
            private var file: ScratchFile?
            static let windowSize = 1 << 20
            /// Posts tokenized on two cores were spilled in interleaved runs: a window starts a
            /// little before the post that needs it.
            static let lookBack = 64 << 10

            mutating func forEachWithSlots(of document: DocumentWordIDs, _ body: (Int32, Float, Slots) -> Void) {
                guard let (file, slice) = document.spill else { return document.forEachWithSlots(body) }
                if self.file !== file || slice.offset < start || slice.offset + slice.count > start + window.count {
                    start = Swift.max(0, slice.offset - Self.lookBack)
                    window = file.window(at: start, count: Swift.max(Self.windowSize, slice.offset + slice.count - start))
                    self.file = file
                }
                // A window cut short (a failing disk) leaves the post to the read that reports it.
                guard slice.offset >= start, slice.offset + slice.count <= start + window.count else {
                    return document.forEachWithSlots(body)
                }
                window.withUnsafeBufferPointer {
                    DocumentWordIDs.forEachWithSlots(
                        in: UnsafeBufferPointer(rebasing: $0[(slice.offset - start)..<(slice.offset - start + slice.count)]), body)
                }
            }
        }

        /// One word's slots, read from the packed gaps.
        struct Slots: Sequence {
            let bytes: UnsafeBufferPointer<UInt8>

            /// How many: each gap's last byte is the one below 0x80.
            var count: Int {
                var count = 0
                for byte in bytes where byte < 0x80 { count += 1 }
                return count
            }

            /// The exact count, so that `append(contentsOf:)` makes room once and copies in a
            /// tight loop (with the default, none, it appended a slot at a time through the
            /// generic path: a tenth of the postings passes).
            var underestimatedCount: Int { count }

            struct Iterator: IteratorProtocol {
                let bytes: UnsafeBufferPointer<UInt8>
                var at = 0
                var slot: Int32 = 0

                mutating func next() -> Int32? {
                    guard at < bytes.count else { return nil }
                    slot += Int32(DocumentWordIDs.read(bytes, &at))
                    return slot
                }
            }

            func makeIterator() -> Iterator { Iterator(bytes: bytes) }
        }

        /// Each word's number and weight, in first-seen order.
        package struct Iterator: IteratorProtocol {
            let packed: [UInt8]
            var at = 0

            package mutating func next() -> (Int32, Float)? {
                guard at < packed.count else { return nil }
                return packed.withUnsafeBufferPointer { bytes in
                    let word = DocumentWordIDs.read(bytes, &at)
                    let weight = DocumentWordIDs.read(bytes, &at)
                    _ = DocumentWordIDs.slots(bytes, &at)
                    return (Int32(word), Float(weight))
                }
            }
        }

        package func makeIterator() -> Iterator { Iterator(packed: bytes) }

        /// Each word's number and weight (tests).
        var counts: [(Int32, Float)] { Array(self) }

        /// Each word's slots (tests).
        var slots: [[Int32]] {
            var all: [[Int32]] = []
            forEachWithSlots { _, _, slots in all.append(Array(slots)) }
            return all
        }
    }
}
