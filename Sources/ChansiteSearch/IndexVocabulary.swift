import ChansiteCore
import Foundation

/// The words the index has met, numbered, with their stems, and (when kept) each post's words
/// by a fingerprint of the text they came from. A build makes a fresh one; `serve` keeps one
/// across rebuilds (`BuildCache`), so a rebuild tokenizes and stems only the posts and words it
/// has not met before. The numbers never reach the output: files are keyed by the words.
package final class IndexVocabulary: @unchecked Sendable {
    /// Whether each post's words are kept for the next build.
    package let keepsDocuments: Bool
    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var all: [String] = []
    private var stemOf: [String?] = []
    private var documents: [String: SearchIndexBuilder.DocumentWordIDs] = [:]
    private var used: [String: SearchIndexBuilder.DocumentWordIDs] = [:]

    package init(keepsDocuments: Bool = false) {
        self.keepsDocuments = keepsDocuments
    }

    /// Every word met so far, by number.
    var words: [String] { lock.withLock { all } }

    /// The numbers of `words`, numbering the new ones.
    func number(_ words: [String]) -> [Int32] {
        lock.withLock {
            words.map { word in
                if let id = ids[word] { return id }
                let id = Int32(all.count)
                ids[word] = id
                all.append(word)
                stemOf.append(nil)
                return id
            }
        }
    }

    /// A post's words from an earlier build, by the fingerprint of its text; kept for the next.
    func document(_ key: String) -> SearchIndexBuilder.DocumentWordIDs? {
        lock.withLock {
            guard let known = used[key] ?? documents[key] else { return nil }
            used[key] = known
            return known
        }
    }

    func remember(_ key: String, _ document: SearchIndexBuilder.DocumentWordIDs) {
        guard keepsDocuments else { return }
        lock.withLock { used[key] = document }
    }

    /// Forgets the posts the latest build did not show, so the kept words stay one site's worth.
    package func endBuild() {
        lock.withLock {
            documents = used
            used = [:]
        }
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
