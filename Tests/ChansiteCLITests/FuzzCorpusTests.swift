import Foundation
import Testing

/// The fuzz targets (`Sources/ChansiteFuzz`), built without libFuzzer, replay every input the
/// fuzzer kept (`Fuzz/<target>-corpus`, the ingest target's `Fuzz/corpus`) and every crash it
/// ever found (`Fuzz/regressions`, named `<target>-crash-…`, the ingest target's without a
/// prefix): none may crash again.
@Suite struct FuzzCorpusTests {
    static let binary = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("ChansiteFuzz")
    static let regressions = CLIRunner.repositoryRoot.appendingPathComponent("Fuzz/regressions")

    @Test(arguments: [
        ("ingest", "Fuzz/corpus", 20), ("export", "Fuzz/export-corpus", 2), ("config", "Fuzz/config-corpus", 2), ("html", "Fuzz/html-corpus", 20),
    ])
    func theFuzzCorpusAndEveryPastCrashRunClean(target: String, corpus: String, least: Int) throws {
        let prefixes = ["export", "config", "html"]
        let crashes = ((try? FileManager.default.contentsOfDirectory(atPath: Self.regressions.path)) ?? []).filter { name in
            target == "ingest" ? !prefixes.contains { name.hasPrefix($0 + "-") } : name.hasPrefix(target + "-")
        }
        let inputs = [CLIRunner.repositoryRoot.appendingPathComponent(corpus).path] + crashes.map { Self.regressions.appendingPathComponent($0).path }
        let result = try CLIRunner.run(["--target", target] + inputs, executable: Self.binary)
        #expect(result.status == 0, "\(result.stderr)")
        let count = Int(result.stdout.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(count >= least, "\(result.stdout)")
    }
}
