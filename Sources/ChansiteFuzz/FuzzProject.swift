import ChansiteCore
import ChansiteKit
import ChansiteOutput
import Foundation

/// A scratch project folder the structure-aware targets build in: each input replaces its
/// files, and the whole pipeline runs on it in memory (`Pipeline.build()`), as `serve` and the
/// tests do. Thrown errors are the expected answer to bad input; only a crash is a finding.
final class FuzzProject: @unchecked Sendable {
    static let shared = FuzzProject()
    let root: String

    private init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-fuzz-\(getpid())").path
    }

    func build(files: [String: Data]) {
        // try?: the fuzz project's own scratch folder; absent on the first run.
        try? FileManager.default.removeItem(atPath: root)
        for (name, contents) in files {
            let path = root + "/" + name
            // try?: a folder that cannot be made makes the write below fail, which the fuzzer ignores.
            try? FileManager.default.createDirectory(atPath: PathName.parent(path), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: contents)
        }
        let options = BuildOptions(
            contentPath: root + "/Content", templatesPath: root + "/Templates", outputPath: root + "/Output",
            configPath: root + "/chansite.json", templatesRequired: false)
        // A thrown error is a diagnostic for the user: the answer to bad input, not a finding.
        _ = try? Pipeline(options: options).build()
    }
}
