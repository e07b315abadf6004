import ChansiteCore

extension SearchEngine {
    /// The posts that hold `phrase`, with their scores (the sum of its stems' scores there), and
    /// the stems (for marking the snippet). A phrase with a word the corpus does not have holds
    /// nowhere; one with no words at all is nil (ignored, as an empty query is).
    /// - Throws: `DiagnosticError` naming an index file when one is damaged.
    func phraseScores(_ phrase: Phrase) throws -> (stems: [String], scores: [Int: Int])? {
        let words = phrase.words
        guard !words.isEmpty else { return nil }
        var stems: [String] = []
        for (word, _) in words {
            // A phrase's words are whole: never a prefix, never a typo away.
            guard let stem = try formsShard(word)[word] else { return ([], [:]) }
            stems.append(stem)
        }
        var lists: [String: [Int: (score: Int, slots: [Int])]] = [:]
        for stem in Set(stems) { lists[stem] = try postingsWithSlots(stem) }
        guard let first = lists[stems[0]] else { return ([], [:]) }
        var scores: [Int: Int] = [:]
        let offsets = words.map(\.offset)
        for doc in first.keys {
            let found = stems.compactMap { lists[$0]?[doc] }
            guard found.count == stems.count, Phrase.holds(slots: found.map(\.slots), offsets: offsets) else { continue }
            scores[doc] = Set(stems).reduce(0) { $0 + (lists[$1]?[doc]?.score ?? 0) }
        }
        return (Array(Set(stems)).sorted(), scores)
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
