import Foundation
import Testing

@testable import ChansiteIngest

/// Every fixture dump in `Fixtures/dumps/` parsed and compared with its golden JSON (the
/// `inspect --json` contract), so a new format variation needs a new file, not new test code.
@Suite struct FixtureDumpTests {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test(arguments: fixtures)
    func parsesLikeTheGolden(name: String) throws {
        let (dump, diagnostics) = DumpLoader().load(path: Self.folder.appendingPathComponent(name).path)
        #expect(diagnostics.isEmpty)
        var raw = try #require(dump)
        raw.path = "Fixtures/dumps/" + name
        let parsed = DumpParser().parse(raw)
        let json = String(decoding: try parsed.jsonData(), as: UTF8.self) + "\n"
        try GoldenFile.assertMatches(json, named: "FixtureDumpTests/\(name.dropLast(4)).json")
    }

    @Test func everyFormatHasAFixture() {
        let formats = Set(
            Self.fixtures.map { name in
                DumpLoader().load(path: Self.folder.appendingPathComponent(name).path).dump.flatMap { DumpParser().detect($0)?.id } ?? "generic"
            })
        #expect(formats == Set(DumpParser.knownFormats.map(\.id) + ["generic"]))
    }
}
