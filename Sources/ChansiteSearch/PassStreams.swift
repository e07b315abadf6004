import ChansiteCore

extension SearchIndexBuilder {
    /// Each postings pass's share of the posts' words, sorted out by the one read that counts
    /// them: every later pass reads its own share, where each pass read every post's words to
    /// keep a fifth of them (five passes at 100k posts were the largest part of a rebuild's
    /// index). An entry: the gap from the pass's last document (0: the same one), the term,
    /// the weight and the slots' length as variable-length integers, then the slots' bytes as
    /// the document held them. With a scratch file, a share waits there a megabyte at a time
    /// (the words are as many bytes again as the posts' packed words), else in memory.
    struct PassStreams {
        private var pending: [[UInt8]]
        private var spilled: [[ScratchFile.Slice]]
        private var lastDoc: [Int]
        private let scratch: ScratchFile?
        /// How many bytes a share holds in memory before it goes to the scratch file.
        private let spillSize: Int
        static let defaultSpillSize = 1 << 20

        init(passes: Int, scratch: ScratchFile?, spillSize: Int = defaultSpillSize) {
            self.spillSize = spillSize
            pending = [[UInt8]](repeating: [], count: passes)
            spilled = [[ScratchFile.Slice]](repeating: [], count: passes)
            lastDoc = [Int](repeating: -1, count: passes)
            self.scratch = scratch
        }

        /// Adds one use of `term` in document `doc` (documents come in order) to `pass`'s share.
        mutating func add(pass: Int, doc: Int, term: Int32, weight: Float, slots: UnsafeBufferPointer<UInt8>) {
            // The four numbers made on the stack and appended at once with the slots: a byte at
            // a time, each append checked the array's storage (a tenth of a rebuild's index).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { header in
                var count = 0
                DocumentWordIDs.put(UInt32(doc - lastDoc[pass]), in: header, at: &count)
                DocumentWordIDs.put(UInt32(bitPattern: term), in: header, at: &count)
                DocumentWordIDs.put(UInt32(weight), in: header, at: &count)
                DocumentWordIDs.put(UInt32(slots.count), in: header, at: &count)
                pending[pass].append(contentsOf: UnsafeBufferPointer(rebasing: header[..<count]))
            }
            lastDoc[pass] = doc
            pending[pass].append(contentsOf: slots)
            guard let scratch, pending[pass].count >= spillSize, let slice = scratch.append(pending[pass]) else { return }
            // (Not written: the bytes stay in memory and go with the next spill, in order.)
            spilled[pass].append(slice)
            pending[pass].removeAll(keepingCapacity: true)
        }

        /// Calls `body` with each entry of `pass`'s share in the order added: its document,
        /// term, weight and slots (valid during the call). Spilled bytes that cannot be read
        /// back are left out, and the scratch file's `check` fails the build.
        func forEach(pass: Int, _ body: (Int, Int32, Float, DocumentWordIDs.Slots) -> Void) {
            var doc = -1
            for slice in spilled[pass] {
                scratch?.bytes(slice).withUnsafeBufferPointer { Self.forEach(in: $0, doc: &doc, body) }
            }
            pending[pass].withUnsafeBufferPointer { Self.forEach(in: $0, doc: &doc, body) }
        }

        private static func forEach(
            in bytes: UnsafeBufferPointer<UInt8>, doc: inout Int, _ body: (Int, Int32, Float, DocumentWordIDs.Slots) -> Void
        ) {
            var at = 0
            while at < bytes.count {
                doc += Int(DocumentWordIDs.read(bytes, &at))
                let term = Int32(bitPattern: DocumentWordIDs.read(bytes, &at))
                let weight = Float(DocumentWordIDs.read(bytes, &at))
                body(doc, term, weight, DocumentWordIDs.slots(bytes, &at))
            }
        }
    }
}
