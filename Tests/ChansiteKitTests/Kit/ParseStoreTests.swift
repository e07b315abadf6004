import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteModel

/// The parses `build` keeps as files of their own (`ParseStore`): a value stored is found by
/// its key in a later store over the same folder (a later process); a file cut short or with a
/// byte changed is a miss, never a wrong value; a sweep keeps what the build used.
@Suite struct ParseStoreTests {
    static func store(_ folder: ParseFolder) -> ParseStore<BuildCache.LoadedFile> {
        ParseStore("dump", folder: folder, encode: ParseCodec.encode(_:into:), decode: ParseCodec.decode)
    }

    static let file = ParseCodecTests.loaded(FixtureDumpTests.folder.appendingPathComponent("heading_replies.txt").path)

    /// Stores `file` under `key` in a store over `folder` and waits for its file (stores write
    /// beside the build).
    static func stored(_ keys: String..., in folder: URL) {
        let parses = ParseFolder(path: folder.path)
        let store = Self.store(parses)
        for key in keys { store.store(key, Self.file) }
        parses.waitForWrites()
    }

    static func parseFiles(_ folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "parse" }
    }

    @Test func aStoredParseIsFoundByALaterStore() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("parses")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        Self.stored("key", in: folder)
        let later = Self.store(ParseFolder(path: folder.path))
        #expect(later.holds("key") && !later.holds("other"))
        #expect(later.known("key")?.parsed == Self.file.parsed)
        #expect(later.known("other") == nil)
        #expect(later.hits.value == 1)
    }

    /// An export's parse is written as it is encoded, a megabyte at a time: one of several
    /// megabytes reads back whole, and one that cannot be kept leaves no file.
    @Test func aParseOfManyMegabytesIsWrittenAsItIsEncoded() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("parses")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var parsed = try #require(Self.file.parsed)
        parsed.posts = (0..<4000).map { index in
            var post = parsed.posts[index % parsed.posts.count]
            post.text = "Пост \(index): " + String(repeating: "слово ", count: 120)
            return post
        }
        let read = Pipeline.ExportRead(dumps: [parsed, parsed], diagnostics: [.warning("a note", at: SourceLocation(path: "result.json", line: 3))])
        let bytes = try #require(ParseCodec.encode(read))
        #expect(bytes.count > 3 * ParseCodec.Writer.drainSize)
        let parses = ParseFolder(path: folder.path)
        let store = ParseStore<Pipeline.ExportRead>("export", folder: parses, encode: ParseCodec.encode(_:into:), decode: ParseCodec.decodeExport)
        store.store("big", read)
        // A fill that gives up halfway (a post the codec cannot keep) leaves nothing.
        parses.write("given-up.parse") { writer in
            writer.bytes += [UInt8](repeating: 7, count: 3 * ParseCodec.Writer.drainSize)
            writer.drain()
            return false
        }
        parses.waitForWrites()
        let found = try #require(
            ParseStore<Pipeline.ExportRead>(
                "export", folder: ParseFolder(path: folder.path), encode: ParseCodec.encode(_:into:), decode: ParseCodec.decodeExport
            ).known("big"))
        #expect(found.dumps == read.dumps && found.diagnostics == read.diagnostics)
        #expect(try Self.parseFiles(folder).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
    }

    @Test(arguments: ["cut short", "a byte changed", "empty"])
    func aDamagedFileIsAMiss(damage: String) throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("parses")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        Self.stored("key", in: folder)
        let path = try #require(try Self.parseFiles(folder).first)
        var bytes = try Data(contentsOf: path)
        switch damage {
        case "cut short": bytes = bytes.prefix(bytes.count - 10)
        case "a byte changed": bytes[bytes.count - 20] ^= 0x01
        default: bytes = Data()
        }
        try bytes.write(to: path)
        let later = ParseFolder(path: folder.path)
        #expect(Self.store(later).known("key") == nil)
        #expect(later.damaged.value == 1)
        // A key never stored is a miss, not damage.
        #expect(Self.store(later).known("other") == nil && later.damaged.value == 1)
    }

    /// A sweep waits for the files its build is still writing: a value just stored is there
    /// after it, whole, and no temporary file is left.
    @Test func aSweepWaitsForTheWritesItsBuildStarted() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("parses")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let parses = ParseFolder(path: folder.path)
        for key in ["a", "b", "c"] { Self.store(parses).store(key, Self.file) }
        parses.sweep()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.count == 3 && left.allSatisfy { $0.hasSuffix(".parse") }, "\(left)")
        #expect(["a", "b", "c"].allSatisfy { Self.store(ParseFolder(path: folder.path)).known($0) != nil })
    }

    /// The files a build did not use go (and an interrupted write's); what it used, and names
    /// that are not a store's, stay.
    @Test func aSweepKeepsWhatTheBuildUsed() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("parses")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        Self.stored("kept", "gone", in: folder)
        try Data("half".utf8).write(to: folder.appendingPathComponent("abc.parse.partial"))
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let next = ParseFolder(path: folder.path)
        #expect(Self.store(next).known("kept") != nil)
        next.sweep()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left.count == 2 && left.contains("notes.txt"), "\(left)")
        #expect(Self.store(ParseFolder(path: folder.path)).known("kept") != nil)
        #expect(Self.store(ParseFolder(path: folder.path)).known("gone") == nil)
    }
}
