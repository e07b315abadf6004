import Foundation

@testable import ChansiteIngest

/// Helpers shared by the suites: parsing inline dumps and building throwaway projects.
enum TestSupport {
    /// The repository root (two folders above this file's folder's parent).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ text: String, path: String = "test.txt") -> ParsedDump {
        DumpParser().parse(RawDump(path: path, text: text))
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `name → contents` files under `root`, creating folders.
    static func write(_ files: [String: String], under root: URL) throws {
        for (name, contents) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    /// Copies the project's real templates into `root/Templates`.
    static func copyTemplates(to root: URL) throws {
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Templates"),
            to: root.appendingPathComponent("Templates"))
    }

    /// Every file under a folder, relative path → contents.
    static func tree(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        for name in names {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[name] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }
}
