import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteSearch

/// The index's passes read every post's spilled words through a window of the scratch file
/// (`DocumentWordIDs.InOrder`): what they read is each post's own words, whatever order the
/// posts were spilled in (two cores spill interleaved runs), across windows, for a post larger
/// than a window, and for posts kept in memory between them.
@Suite struct DocumentWordsInOrderTests {
    typealias Words = SearchIndexBuilder.DocumentWordIDs

    /// Post `n`'s words: `size` words with a slot or two each, numbers made from `n`.
    static func words(_ n: Int, size: Int) -> Words {
        let counts = (0..<size).map { (Int32((n * 7 + $0 * 13) % 100_000), Float(1 + $0 % 3)) }
        let slots = (0..<size).map { [Int32($0 * 2), Int32($0 * 2 + 1)] }
        return Words(counts: counts, slots: slots, length: Double(size))
    }

    /// The words as lists (number, weight, slots…), read through `inOrder`, or directly without one.
    static func read(_ words: Words, through inOrder: inout Words.InOrder?) -> [[Int32]] {
        var all: [[Int32]] = []
        let body = { (word: Int32, weight: Float, slots: Words.Slots) in all.append([word, Int32(weight)] + Array(slots)) }
        if var reader = inOrder {
            reader.forEachWithSlots(of: words, body)
            inOrder = reader
        } else {
            words.forEachWithSlots(body)
        }
        return all
    }

    @Test func postsReadInOrderAreTheirOwnWords() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try #require(ScratchFile(in: folder.path))
        // 3,000 posts of about 600 bytes (some 2 MB, two windows and more), one of 3 MB.
        let posts = (0..<3_000).map { Self.words($0, size: $0 == 1_500 ? 300_000 : 60 + $0 % 50) }
        // Spilled as two cores spill them: runs of 64 posts from each half in turn; every
        // seventh post stays in memory.
        var spilled = posts
        let half = posts.count / 2
        for run in stride(from: 0, to: half, by: 64) {
            for start in [run, half + run] {
                for n in start..<min(start + 64, posts.count) where n % 7 != 0 { spilled[n] = posts[n].spilled(to: file) }
            }
        }
        var inOrder: Words.InOrder? = Words.InOrder()
        var direct: Words.InOrder?
        for n in posts.indices {
            let read = Self.read(spilled[n], through: &inOrder)
            #expect(read == Self.read(posts[n], through: &direct), "post \(n)")
        }
        try file.check("the words")
    }
}
