import Foundation
import Testing

@testable import ChansiteCore

@Suite struct StreamedFileTests {
    /// Written in pieces, hashed as written, and named or copied to the same bytes; unnamed, it
    /// leaves nothing in its folder.
    @Test func piecesBecomeOneFileByALinkOrACopy() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let pieces = ["{\"posts\":[", String(repeating: "\"пост\",", count: 50_000), "1]}\n"]
        let whole = Data(pieces.joined().utf8)
        for name in ["linked.json", "copied.json", "dropped.json"] {
            let file = try #require(StreamedFile(in: root.path))
            for piece in pieces { try file.append(Data(piece.utf8)) }
            #expect(file.size == whole.count && file.contentHash == Fingerprint.contentHash(of: whole))
            let target = root.appendingPathComponent(name).path
            if name == "linked.json" { try file.link(to: target) }
            if name == "copied.json" { try file.copy(to: target) }
            file.close()
            #expect(FileManager.default.contents(atPath: target) == (name == "dropped.json" ? nil : whole), "\(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["copied.json", "linked.json"])
    }
}
