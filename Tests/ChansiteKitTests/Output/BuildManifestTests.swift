import Foundation
import Testing

@testable import ChansiteKit

/// The build manifest's hand-written JSON: what Foundation's encoder would write, and read back whole.
@Suite struct BuildManifestTests {
    func manifest(paths: [String]) -> BuildManifest {
        var manifest = BuildManifest()
        for (n, path) in paths.enumerated() {
            manifest.files[path] = BuildManifest.Entry(
                fingerprint: "f\(n)", contentHash: "h\(n)", size: Int64(n * 1000), modified: 1_790_000_000_123_456_789 + Int64(n),
                inode: UInt64.max - UInt64(n))
        }
        manifest.groups = ["search/": "g1", "b/": "g2"]
        manifest.inputs = "digest"
        manifest.replay = BuildManifest.Replay(
            counts: BuildResult.Counts(channels: 1, posts: 2, tags: 3, pages: 4),
            diagnostics: [.warning("a \"quoted\" note", at: SourceLocation(path: "Content/a.txt", line: 3))],
            dumps: [])
        return manifest
    }

    @Test func theManifestIsWhatJSONEncoderWritesWithSortedKeys() throws {
        let manifest = manifest(paths: ["index.html", "channels/a/p-1.html", "search/docs/0.js", "tags/ü.html", "0.html"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try manifest.encoded() == encoder.encode(manifest))
    }

    @Test func everyPathAndFieldIsReadBack() throws {
        let odd = ["a\"b.html", "c\\d.html", "tab\there.html", "line\u{2028}sep.html", "emoji 🙂/x.html", "</script>.html"]
        let manifest = manifest(paths: odd)
        let decoded = try JSONDecoder().decode(BuildManifest.self, from: manifest.encoded())
        #expect(decoded.files == manifest.files)
        #expect(decoded.groups == manifest.groups)
        #expect(decoded.inputs == "digest")
        #expect(decoded.replay?.counts.posts == 2)
        #expect(decoded.replay?.diagnostics.first?.message == "a \"quoted\" note")
        #expect(decoded.format == BuildManifest.format)
    }

    @Test func anEmptyManifestIsValidJSON() throws {
        let decoded = try JSONDecoder().decode(BuildManifest.self, from: BuildManifest().encoded())
        #expect(decoded.files.isEmpty && decoded.inputs == nil && decoded.replay == nil)
    }
}
