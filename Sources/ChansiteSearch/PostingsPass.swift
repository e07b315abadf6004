import ChansiteModel

extension SearchIndexBuilder {
    /// Each document's hashtag terms, numbered once for every pass over the posts' words
    /// (`starts[doc]..<starts[doc + 1]` of `terms`): each pass looked each post's tag keys up by
    /// name, and copied the post out of the site to reach them.
    struct TagTerms {
        private var starts: [Int32] = [0]
        private var terms: [Int32] = []

        init(site: Site, ofTag: [String: Int32]) {
            starts.reserveCapacity(site.allPosts.count + 1)
            for channel in site.channels {
                // By index: `channel.posts[p].tagKeys` reads the one field in place.
                for p in channel.posts.indices {
                    for key in channel.posts[p].tagKeys { if let term = ofTag[key] { terms.append(term) } }
                    starts.append(Int32(terms.count))
                }
            }
        }

        subscript(doc: Int) -> ArraySlice<Int32> { terms[Int(starts[doc])..<Int(starts[doc + 1])] }

        /// Every hashtag key of the site's posts.
        static func keys(of site: Site) -> Set<String> {
            var keys = Set<String>()
            for channel in site.channels {
                for p in channel.posts.indices { keys.formUnion(channel.posts[p].tagKeys) }
            }
            return keys
        }
    }

    /// One pass's postings, made a post at a time (see `postings`): the state that summing a
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

    /// Each term's number of posts and the length of its slot list, counted a post at a time.
    struct PostingCounts {
        var posts: [Int32]
        var slots: [Int]
        private var lastDoc: [Int32]

        init(terms: Int) {
            posts = [Int32](repeating: 0, count: terms)
            slots = [Int](repeating: 0, count: terms)
            lastDoc = [Int32](repeating: -1, count: terms)
        }

        mutating func count(_ term: Int32, _ slotCount: Int, doc: Int) {
            guard term >= 0 else { return }
            let t = Int(term)
            slots[t] += slotCount
            guard lastDoc[t] != Int32(doc) else { return }
            lastDoc[t] = Int32(doc)
            posts[t] += 1
            slots[t] += 1
        }
    }
}
