import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteSearch

/// The build cache's file: what is written is read back, once per key, and a file that is cut
/// short, damaged or made by another identity is refused whole, never half-read.
@Suite struct CacheFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func written(_ records: [(CacheFile.Kind, String, String)], identity: String = "one", in folder: String) throws -> String {
        let path = FileSystem.join(folder, "cache.bin")
        let writer = try #require(CacheFileWriter(path: path, identity: identity))
        for (kind, key, value) in records { writer.append(kind, key, Array(value.utf8)) }
        #expect(writer.finish() == nil)
        return path
    }

    @Test func whatIsWrittenIsReadBackOncePerKey() throws {
        let folder = try Self.folder()
        defer { FileSystem.removeTree(folder) }
        let path = try Self.written(
            [(.body, "k1", "<p>Привет</p>"), (.summary, "k1", "другое"), (.body, "k1", "a second value is not written"), (.body, "", "")],
            in: folder)
        guard case .ready(let file) = CacheFile.open(path, identity: "one") else {
            Issue.record("not readable")
            return
        }
        #expect(file.value(.body, "k1").map { String(decoding: $0, as: UTF8.self) } == "<p>Привет</p>")
        #expect(file.value(.summary, "k1").map { String(decoding: $0, as: UTF8.self) } == "другое")
        #expect(file.value(.body, "")?.isEmpty == true)
        #expect(file.value(.viewFingerprints, "k1") == nil)
        #expect(file.count(.body) == 2)
    }

    @Test func anotherIdentityIsRefused() throws {
        let folder = try Self.folder()
        defer { FileSystem.removeTree(folder) }
        let path = try Self.written([(.body, "k", "v")], identity: "one", in: folder)
        guard case .unusable(let why) = CacheFile.open(path, identity: "two") else {
            Issue.record("read with another identity")
            return
        }
        #expect(why.contains("another chansite version"))
        guard case .missing = CacheFile.open(FileSystem.join(folder, "absent.bin"), identity: "one") else {
            Issue.record("absent file read")
            return
        }
    }

    /// Every prefix of a cache and every single flipped byte is refused: no half-read cache,
    /// no crash on any length.
    @Test func everyPrefixAndEveryFlippedByteIsRefused() throws {
        let folder = try Self.folder()
        defer { FileSystem.removeTree(folder) }
        let path = try Self.written([(.body, "k1", "first value"), (.document, "k2", "second")], in: folder)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let damaged = FileSystem.join(folder, "damaged.bin")
        for length in 0..<whole.count {
            try whole.prefix(length).write(to: URL(fileURLWithPath: damaged))
            if case .ready = CacheFile.open(damaged, identity: "one") { Issue.record("a cache cut to \(length) bytes was read") }
        }
        for index in whole.indices {
            var bytes = whole
            bytes[index] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: damaged))
            if case .ready = CacheFile.open(damaged, identity: "one") { Issue.record("a cache with byte \(index) flipped was read") }
        }
    }

    @Test func theVocabularyAndPostsWordsComeBackAsTheyWere() throws {
        let words = ["модель", "data", "", "数据", "#тег"]
        let stems: [String?] = ["модел", nil, "", "数据", nil]
        let decoded = try #require(PersistentCache.decodeVocabulary(Data(PersistentCache.encodeVocabulary(words: words, stems: stems))))
        #expect(decoded.words == words)
        #expect(decoded.stems == stems)
        #expect(PersistentCache.decodeVocabulary(Data(PersistentCache.encodeVocabulary(words: words, stems: stems).dropLast())) == nil)

        let document = SearchIndexBuilder.DocumentWordIDs(counts: [(3, 2), (300, 1), (70_000, 5)], slots: [[0, 4], [1], [2, 3, 900]], length: 7)
        let back = try #require(SearchIndexBuilder.DocumentWordIDs(encoded: document.encoded))
        #expect(back.length == 7)
        #expect(back.counts.map(\.0) == [3, 300, 70_000])
        #expect(back.counts.map(\.1) == [2, 1, 5])
        #expect(back.encoded == document.encoded)
        #expect(back.slots == [[0, 4], [1], [2, 3, 900]])
        #expect(SearchIndexBuilder.DocumentWordIDs(encoded: [1, 2, 3]) == nil)
        // A slots length past the end is read to the end, never beyond.
        let long = try #require(SearchIndexBuilder.DocumentWordIDs(encoded: [UInt8](repeating: 0, count: 8) + [7, 1, 50, 0x85, 0x01, 0x02]))
        #expect(long.counts.map(\.0) == [7])
        #expect(long.slots == [[133, 135]])
    }
}
