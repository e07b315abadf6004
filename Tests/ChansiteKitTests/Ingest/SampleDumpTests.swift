import Foundation
import Testing

@testable import ChansiteIngest

/// The five sample dumps in `Content/` parsed and compared with their golden JSON (the
/// `inspect --json` contract). The goldens were recorded when the parser scored 0 failed against
/// the hand-made gold annotations (`scripts/score-samples.sh`, a check developers run); these
/// tests keep every post boundary, text and date as it was then, without that scorer.
@Suite struct SampleDumpTests {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("Content")
    static let samples = ["dl_stories", "knowledge_accumulator", "math_and_ml_stuff", "ml_lectures_and_games", "tech_priestess"]

    @Test(arguments: samples)
    func parsesLikeTheGolden(name: String) throws {
        let (dump, diagnostics) = DumpLoader().load(path: Self.folder.appendingPathComponent(name + ".txt").path)
        #expect(diagnostics.isEmpty)
        var raw = try #require(dump, "Content/\(name).txt is missing")
        raw.path = "Content/\(name).txt"
        let json = String(decoding: try DumpParser().parse(raw).jsonData(), as: UTF8.self) + "\n"
        try GoldenFile.assertMatches(json, named: "SampleDumpTests/\(name).json")
    }

    @Test func everySampleIsCovered() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(present.map { String($0.dropLast(4)) }) == Set(Self.samples))
    }
}
