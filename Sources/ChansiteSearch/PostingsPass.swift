import ChansiteModel

extension SearchIndexBuilder {
    /// A segment's postings, made a post at a time (`Segment.make`): the state that summing a
    /// post's weights per term needs, in a value whose methods the loop calls (a nested function
    /// capturing these arrays made every access to them a checked one).
    struct PostingsPass {
        var postings: [[Posting]]
        var slots: [[Int32]]
        private let isWanted: [Bool]
        private var weights: [Float]
        /// Where the current post's slots of each touched term begin, and whether two forms of
        /// the term met in it (their slots then need sorting).
        private var segment: [Int]
        private var merged: [Bool]
        private var touched: [Int32] = []

        init(isWanted: [Bool], counts: (posts: [Int32], slots: [Int])) {
            let count = isWanted.count
            self.isWanted = isWanted
            postings = [[Posting]](repeating: [], count: count)
            slots = [[Int32]](repeating: [], count: count)
            for (term, size) in counts.posts.enumerated() where size > 0 && isWanted[term] {
                postings[term].reserveCapacity(Int(size))
                slots[term].reserveCapacity(counts.slots[term])
            }
            weights = [Float](repeating: 0, count: count)
            segment = [Int](repeating: 0, count: count)
            merged = [Bool](repeating: false, count: count)
        }

        /// Adds a use of `term` in the current post, with its slots (none for a hashtag).
        @inline(__always)
        mutating func add(_ term: Int32, _ weight: Float, _ wordSlots: DocumentWordIDs.Slots?) {
            guard term >= 0, isWanted[Int(term)] else { return }
            let t = Int(term)
            if weights[t] == 0 {
                touched.append(term)
                segment[t] = slots[t].count
                slots[t].append(0)
            } else {
                merged[t] = true
            }
            weights[t] += weight
            if let wordSlots { slots[t].append(contentsOf: wordSlots) }
        }

        /// Closes post `doc`: a posting for each term it used.
        mutating func finish(doc: Int) {
            for term in touched {
                let t = Int(term)
                postings[t].append(Posting(doc: Int32(doc), frequency: weights[t]))
                weights[t] = 0
                slots[t][segment[t]] = Int32(slots[t].count - segment[t] - 1)
                if merged[t] {
                    slots[t][(segment[t] + 1)...].sort()
                    merged[t] = false
                }
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
