import Foundation
import Testing

/// Compares output with a golden file under `Tests/ChansiteKitTests/Golden/`, as argument-parser's
/// `assertSnapshot` does: a missing file is recorded and the test fails (so a new golden file is
/// always looked at once), `RECORD_GOLDEN=1` re-records, and a mismatch shows the first differing lines.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded golden file \(name); check it and run the tests again", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n")
        let e = expected.components(separatedBy: "\n")
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record(
            """
            \(name) differs at line \(line + 1) (RECORD_GOLDEN=1 re-records):
            - expected: \(line < e.count ? e[line] : "<end>")
            + actual:   \(line < a.count ? a[line] : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
