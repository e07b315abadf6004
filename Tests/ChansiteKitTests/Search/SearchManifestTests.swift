import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel
@testable import ChansiteOutput
@testable import ChansiteSearch

/// `search/manifest.js` has three readers: `SearchManifest` (the builder and `SearchEngine`) and
/// the page's script. They must agree on every field.
@Suite struct SearchManifestTests {
    func builtManifest() throws -> (SearchManifest, [String: Any]) {
        let path = "t.txt"
        let parsed = ParsedDump(
            path: path, format: "generic", channel: ChannelInfo(title: "Test </script>", handle: "test_channel"),
            posts: [Post(text: "Первая модель", hashtags: ["#тег"], source: SourceRange(path: path, firstLine: 1, lastLine: 1))])
        let site = SiteAssembler(config: SiteConfig()).assemble([parsed]).site
        let file = try #require(SearchIndexBuilder(site: site).build().first { $0.path == "search/manifest.js" })
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("manifest.js").path
        try file.contents.write(to: URL(fileURLWithPath: written))
        let json = try SearchEngine.json(written)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        return (try JSONDecoder().decode(SearchManifest.self, from: json), object)
    }

    @Test func theBuilderWritesWhatTheEngineReads() throws {
        let (manifest, _) = try builtManifest()
        #expect(manifest.isReadable && manifest.version == SearchManifest.version && manifest.docCount == 1)
        #expect(manifest.channels == [.init(name: "Test </script>", first: 0, end: 1, slug: manifest.channels[0].slug, handle: "test_channel")])
        #expect(manifest.tags == [.init(name: "#тег", key: "тег", posts: 1)])
    }

    /// Every `manifest.<field>` and `m.<field>` the page's script reads is a field the builder
    /// writes, and its `validManifest` accepts what is written (checked by shape here; the
    /// browser tests run it).
    @Test func everyFieldThePageReadsIsWritten() throws {
        let (_, object) = try builtManifest()
        let script = try String(
            contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Templates/assets/search.js"), encoding: .utf8)
        let check = try #require(script.firstRange(of: /function validManifest\(m\) \{[^}]*\}/))
        let read = Set(
            script.matches(of: /\bmanifest\.([a-zA-Z]+)\b/).map { String($0.output.1) }.filter { $0 != "js" }
                + script[check].matches(of: /\bm\.([a-zA-Z]+)\b/).map { String($0.output.1) })
        #expect(!read.isEmpty)
        for field in read.sorted() {
            #expect(object[field] != nil, "the page reads manifest.\(field), which the builder does not write")
        }
        #expect((object["channels"] as? [[Any]])?.allSatisfy { $0.count == 5 && $0[0] is String } == true)
        #expect((object["tags"] as? [[Any]])?.allSatisfy { $0.count == 3 && $0[0] is String && $0[1] is String } == true)
    }

    @Test func aDamagedManifestIsNamedNotTrusted() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let search = folder.appendingPathComponent("search")
        try FileManager.default.createDirectory(at: search, withIntermediateDirectories: true)
        for body in [
            #"{"buckets":0,"docsPerChunk":1,"channels":[],"tags":[]}"#,
            #"{"version":4,"docCount":1,"docsPerChunk":1,"buckets":1,"filesPerFolder":1000,"formBuckets":16,"formKeyLength":3,"channels":[["a",2,1]],"tags":[]}"#,
        ] {
            try Data("window.__chansiteSearch(\"manifest\",\(body));\n".utf8).write(to: search.appendingPathComponent("manifest.js"))
            #expect(throws: DiagnosticError.self) { try SearchEngine(outputPath: folder.path) }
        }
    }
}
