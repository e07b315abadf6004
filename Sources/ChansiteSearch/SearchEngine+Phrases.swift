import ChansiteCore

extension SearchEngine {
    /// The posts that hold `phrase`, with their scores (the sum of its stems' scores there), and
    /// the stems (for marking the snippet). Each word stands for its own form's stem, or, when
    /// the archive never wrote that form, for the stems of the forms it shares all but its last
    /// one to three letters with (`языковые` → языковых, языковыми: an unknown inflection, as
    /// for a plain word); never a prefix of a longer word, never a typo. A word with no stem
    /// makes the phrase hold nowhere; a phrase with no words at all is nil (ignored).
    /// - Throws: `DiagnosticError` naming an index file when one is damaged.
    func phraseScores(_ phrase: Phrase) throws -> (stems: [String], scores: [Int: Int])? {
        let words = phrase.words
        guard !words.isEmpty else { return nil }
        var choices: [[String]] = []
        for (word, _) in words {
            let found = try stems(of: word, prefix: false, typos: false).all.sorted()
            guard !found.isEmpty else { return ([], [:]) }
            choices.append(found)
        }
        let distinct = Set(choices.joined())
        var lists: [String: [Int: (score: Int, slots: [Int])]] = [:]
        for stem in distinct { lists[stem] = try postingsWithSlots(stem) }
        var candidates = Set<Int>()
        for stem in choices[0] { if let docs = lists[stem]?.keys { candidates.formUnion(docs) } }
        var scores: [Int: Int] = [:]
        let offsets = words.map(\.offset)
        for doc in candidates {
            // Each word's places in the post: the slots of every stem it stands for (one stem's
            // are in order already; several are merged).
            let places = choices.map { stems in
                stems.count == 1 ? lists[stems[0]]?[doc]?.slots ?? [] : stems.flatMap { lists[$0]?[doc]?.slots ?? [] }.sorted()
            }
            guard places.allSatisfy({ !$0.isEmpty }), Phrase.holds(slots: places, offsets: offsets) else { continue }
            scores[doc] = distinct.reduce(0) { $0 + (lists[$1]?[doc]?.score ?? 0) }
        }
        return (distinct.sorted(), scores)
    }

    /// A stem's postings, each with the post's slots of the stem (`positions/`, `SlotCode`).
    func postingsWithSlots(_ stem: String) throws -> [Int: (score: Int, slots: [Int])] {
        let list = try postingList(stem)
        let bucket = SearchIndexBuilder.bucket(of: stem, count: buckets)
        let path = SearchIndexLayout.positions(bucket)
        let damaged = Self.damaged(FileSystem.join(folder, path), "a positions file does not match its postings")
        guard !list.isEmpty else { return [:] }
        guard let file = try load("positions:\(bucket)", path) as? [String: String], let text = file[stem],
            let slots = SlotCode.decode(text), slots.count == list.count
        else { throw damaged }
        var out: [Int: (score: Int, slots: [Int])] = [:]
        for (posting, postingSlots) in zip(list, slots) { out[posting.doc] = (posting.score, postingSlots) }
        return out
    }
}
