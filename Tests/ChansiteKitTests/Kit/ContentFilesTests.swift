import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit

/// `serve` reads the content folder before every rebuild: an export whose file did not change
/// since it was hashed (same stamp) keeps its digest unread; any write gives a new stamp and a
/// new hash, and a file written in the last two seconds is hashed again next time too.
@Suite struct ContentFilesTests {
    @Test func anUnchangedExportKeepsItsDigestAndAWrittenOneIsHashedAgain() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let export = #"{"name": "Shelf", "type": "public_channel", "id": 1, "messages": []}"#
        try TestSupport.write(["Content/shelf/result.json": export], under: root)
        let content = root.appendingPathComponent("Content").path
        let path = root.appendingPathComponent("Content/shelf/result.json").path
        let fresh = try ContentFiles.read(content, excluding: [])
        #expect(fresh.exportStamps.isEmpty, "a file written just now is not stamped")
        // Older than the kernel's clock could confuse with the next write.
        Thread.sleep(forTimeInterval: 2.1)
        let first = try ContentFiles.read(content, excluding: [])
        let stamp = try #require(first.exportStamps[path])
        #expect(stamp.digest == first.exportFiles[0].digest && stamp.digest == fresh.exportFiles[0].digest)
        // A digest kept for this stamp is taken as it is, without reading the file.
        let kept = try ContentFiles.read(content, excluding: [], known: [path: .init(stamp: stamp.stamp, digest: "kept")])
        #expect(kept.exportFiles[0].digest == "kept")
        // A digest kept with the file's bare stamp was made another way (an earlier chansite's).
        let bare = try #require(FileSystem.stamp(of: path))
        let older = try ContentFiles.read(content, excluding: [], known: [path: .init(stamp: bare, digest: "older")])
        #expect(older.exportFiles[0].digest == stamp.digest)
        // The same number of bytes, written again: read and hashed.
        try TestSupport.write(["Content/shelf/result.json": export.replacingOccurrences(of: "Shelf", with: "Shelv")], under: root)
        let written = try ContentFiles.read(content, excluding: [], known: [path: .init(stamp: stamp.stamp, digest: "kept")])
        #expect(written.exportFiles[0].digest != "kept" && written.exportFiles[0].digest != stamp.digest)
        #expect(written.exportStamps[path] == nil)
    }

    /// A large export is hashed in pieces on every core: the digest is still one of its bytes
    /// alone, wherever the bytes sit in memory, and any byte changed changes it.
    @Test func aLargeExportsDigestIsOfItsBytesInPieces() {
        let size = ContentFiles.digestPiece * 2 + 12_345
        var bytes = [UInt8](repeating: 0, count: size)
        for i in stride(from: 0, to: size, by: 4_099) { bytes[i] = UInt8(truncatingIfNeeded: i / 4_099) }
        let digest = ContentFiles.digest(Data(bytes))
        #expect(ContentFiles.digest(Data([0xAB] + bytes).dropFirst()) == digest)
        for changed in [0, ContentFiles.digestPiece - 1, ContentFiles.digestPiece, size - 1] {
            var other = bytes
            other[changed] ^= 1
            #expect(ContentFiles.digest(Data(other)) != digest, "byte \(changed)")
        }
        // Pieces moved across a piece's end are other bytes.
        #expect(ContentFiles.digest(Data(bytes.dropFirst())) != digest)
        #expect(ContentFiles.digest(Data(bytes.prefix(100))) != ContentFiles.digest(Data(bytes.prefix(101))))
    }

    /// An export folder's media fingerprint stands for its other files: editing `result.json`
    /// (its digest stands for it) leaves it; a photo added changes it.
    @Test func anExportsMediaAreItsOtherFiles() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let export = #"{"name": "Shelf", "type": "public_channel", "id": 1, "messages": []}"#
        try TestSupport.write(["Content/shelf/result.json": export, "Content/shelf/photos/a.jpg": "a"], under: root)
        let content = root.appendingPathComponent("Content").path
        let first = try ContentFiles.read(content, excluding: [])
        try TestSupport.write(["Content/shelf/result.json": export.replacingOccurrences(of: "Shelf", with: "Shelves")], under: root)
        let edited = try ContentFiles.read(content, excluding: [])
        #expect(edited.exportMedia == first.exportMedia)
        #expect(edited.exportFiles[0].digest != first.exportFiles[0].digest)
        try TestSupport.write(["Content/shelf/photos/b.jpg": "b"], under: root)
        #expect(try ContentFiles.read(content, excluding: []).exportMedia != first.exportMedia)
    }
}
