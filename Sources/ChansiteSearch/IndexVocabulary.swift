import ChansiteCore
import Foundation

/// The words the index has met, numbered, with their stems, and (with a cache) each post's
/// words by a fingerprint of the text they came from. A build makes a fresh one; `serve` keeps
/// one across rebuilds (`BuildCache`) and a build restores one from the work folder's cache,
/// so a rebuild tokenizes and stems only the posts and words it has not met before. The
/// numbers never reach the output: files are keyed by the words.
package final class IndexVocabulary: @unchecked Sendable {
    /// Each post's words by its text, kept for the next build (nil: not kept).
    private let documents: (any StageCache<SearchIndexBuilder.DocumentWordIDs>)?
    /// Lists made from a channel alone — its posts' texts' keys (`SearchIndexBuilder.textKeys`),
    /// their `has:` kinds (`PostKindBits.masks`), its `docs/` files' fingerprints — by the
    /// channel's key: an unchanged channel's posts are not read again for them.
    let channelLists: (any StageCache<[String]>)?
    /// Each block's segment of the index (`SearchIndexBuilder.Segment`), by its posts' text keys.
    private let segments: (any StageCache<SearchIndexBuilder.Segment>)?
    private let lock = NSLock()
    private var ids: [ByteKey: Int32] = [:]
    private var all: [String] = []
    private var stemOf: [String?] = []
    /// How many of the words the latest index used.
    private var usedCount = 0

    /// A vocabulary that starts with `words` (numbered in order) and their `stems` (nil: not
    /// stemmed yet), as a cache kept them; `documents` were numbered with them.
    package init(
        documents: (any StageCache<SearchIndexBuilder.DocumentWordIDs>)? = nil, channelLists: (any StageCache<[String]>)? = nil,
        segments: (any StageCache<SearchIndexBuilder.Segment>)? = nil, words: [String] = [], stems: [String?] = []
    ) {
        self.documents = documents
        self.channelLists = channelLists
        self.segments = segments
        all = words
        stemOf = words.indices.map { stems.indices.contains($0) ? stems[$0] : nil }
        ids.reserveCapacity(words.count)
        for (id, word) in words.enumerated() { ids[ByteKey(word)] = Int32(id) }
    }

    /// Whether each post's words are kept for the next build.
    package var keepsDocuments: Bool { documents != nil }

    /// Every word met so far, by number.
    var words: [String] { lock.withLock { all } }

    /// Every word met so far with its stem (nil: never used), by number, and how many of them
    /// the latest index used (a cache drops a vocabulary grown far past what it uses).
    package var snapshot: (words: [String], stems: [String?], used: Int) { lock.withLock { (all, stemOf, usedCount) } }

    /// The numbers of `words`, numbering the new ones.
    func number(_ words: [String]) -> [Int32] {
        lock.withLock {
            words.map { word in
                if let id = ids[ByteKey(word)] { return id }
                let id = Int32(all.count)
                ids[ByteKey(word)] = id
                all.append(word)
                stemOf.append(nil)
                return id
            }
        }
    }

    /// A post's words from an earlier build, by the fingerprint of its text; kept for the next.
    func document(_ key: String) -> SearchIndexBuilder.DocumentWordIDs? {
        documents?.known(key)
    }

    func remember(_ key: String, _ document: SearchIndexBuilder.DocumentWordIDs) {
        documents?.store(key, document)
    }

    /// A block's segment from an earlier build, by its key (`SearchIndexBuilder.segmentKey`).
    func segment(_ key: String) -> SearchIndexBuilder.Segment? {
        segments?.known(key)
    }

    func remember(segment: SearchIndexBuilder.Segment, _ key: String) {
        segments?.store(key, segment)
    }

    /// How many words the latest index used (its word forms).
    func noteUsed(words count: Int) {
        lock.withLock { usedCount = count }
    }

    /// Forgets the posts the latest build did not show, so the kept words stay one site's worth.
    package func endBuild() {
        documents?.endBuild()
        channelLists?.endBuild()
        segments?.endBuild()
    }

    /// The stems of the words numbered `wordIDs`, in order; each word is stemmed once, the
    /// new ones on all cores.
    func stems(of wordIDs: [Int]) -> [String] {
        let (words, known) = lock.withLock { (all, stemOf) }
        let missing = wordIDs.filter { known[$0] == nil }
        let made = LockedBox([Int: String](minimumCapacity: missing.count))
        let chunk = 4096
        Parallel.forEachChunk(of: missing.count, chunk: chunk) { range in
            let stemmer = Stemmer()  // one per task: a libstemmer instance is not thread-safe
            var local: [Int: String] = [:]
            for id in missing[range] {
                local[id] = SearchIndexBuilder.stem(words[id], with: stemmer)
            }
            made.mutate { $0.merge(local) { a, _ in a } }
        }
        let new = made.value
        lock.withLock {
            for (id, stem) in new { stemOf[id] = stem }
        }
        return wordIDs.map { known[$0] ?? new[$0] ?? words[$0] }
    }
}
