import Foundation
import Testing

/// The fuzz target (`Sources/ChansiteFuzz`), built without libFuzzer, replays every input the
/// fuzzer kept (`Fuzz/corpus`) and every crash it ever found (`Fuzz/regressions`): none may
/// crash again.
@Suite struct FuzzCorpusTests {
    @Test func theFuzzCorpusAndEveryPastCrashRunClean() throws {
        let binary = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("ChansiteFuzz")
        let folders = ["Fuzz/corpus", "Fuzz/regressions"].filter {
            FileManager.default.fileExists(atPath: CLIRunner.repositoryRoot.appendingPathComponent($0).path)
        }
        let result = try CLIRunner.run(folders, executable: binary)
        #expect(result.status == 0, "\(result.stderr)")
        let count = Int(result.stdout.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(count >= 20, "\(result.stdout)")
    }
}
