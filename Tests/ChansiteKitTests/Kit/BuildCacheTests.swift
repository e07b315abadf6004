import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteOutput
@testable import ChansiteRender
@testable import ChansiteSearch

/// `serve`'s rebuilds: a pipeline keeping a `BuildCache`, its carried-over files linked only
/// after the build is served. After each kind of change the site it serves before the links
/// (new files from memory, the rest from the current output) and the site it then puts in
/// place both equal a clean build byte for byte, and so do the pages it renders first (the
/// pages `serve` has open).
@Suite struct BuildCacheTests {
    static let first =
        "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег\n\nВторой пост про данные https://t.me/x/1.\n\n#тег #data"
    static let second = "Other channel\n7 subscribers\nDownload Telegram\nA post in English.\n\n#data\n\nAnother one, running."

    static let changes: [(name: String, files: [String: String], removed: [String])] = [
        ("nothing", [:], []),
        ("one word", ["Content/a.txt": first.replacingOccurrences(of: "данные", with: "датасеты")], []),
        ("a post added", ["Content/b.txt": second + "\n\nA third post about models.\n\n#новый"], []),
        ("a post removed", ["Content/a.txt": "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег"], []),
        // The channel's gallery of links and its posts' languages are kept by its key.
        (
            "a link and an English post", ["Content/a.txt": first + "\n\nRead https://example.org/new today.\n\n#тег\n\nA post written in English."],
            []
        ),
        ("the same word back", ["Content/a.txt": first], []),
        ("a template edited", ["Templates/partials/post-summary.mustache": "<p class=\"edited\">{{{summaryHTML}}}</p>\n"], []),
        ("the config edited", ["chansite.json": #"{"title": "Renamed", "postsPerPage": 1}"#], []),
        ("a dump removed", [:], ["Content/b.txt"]),
    ]

    /// The paths whose bytes differ between two trees (or that only one has).
    static func differing(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test func cachedRebuildsServedBeforeTheirLinksEqualCleanBuilds() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["Content/a.txt": Self.first, "Content/b.txt": Self.second, "chansite.json": "{}"], under: root)
        func options(_ output: String) -> BuildOptions {
            BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: root.appendingPathComponent(output).path, configPath: root.appendingPathComponent("chansite.json").path,
                templatesRequired: false)
        }
        var pipeline = Pipeline(options: options("Output"))
        pipeline.cache = BuildCache()
        try pipeline.stage(deferringLinks: true).finish()
        var servedEarly = 0
        for (n, change) in Self.changes.enumerated() {
            try TestSupport.write(change.files, under: root)
            for path in change.removed { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
            _ = try Pipeline(options: options("Clean-\(n)")).buildAndWrite()
            let expected = TestSupport.tree(root.appendingPathComponent("Clean-\(n)"))
            // Served before its links, a rebuild is served with the last build's search index,
            // whole, until it is finished.
            let lastIndex = TestSupport.tree(root.appendingPathComponent("Output")).filter { $0.key.hasPrefix(SearchIndexLayout.folder) }
            var early = expected.filter { !$0.key.hasPrefix(".") && !$0.key.hasPrefix(SearchIndexLayout.folder) }
            early.merge(lastIndex) { _, last in last }
            let first = LockedBox<[String: Data]>([:])
            let wanted = Set(expected.keys.filter { $0.hasPrefix("channels/") && $0.hasSuffix(".html") })
            pipeline.firstPages = PageRenderer.FirstPages(paths: wanted) { pages in first.mutate { $0 = pages } }
            let staged = try pipeline.stage(deferringLinks: true)
            if staged.madeFiles != nil {
                #expect(!first.value.isEmpty, "after \(change.name)")
                #expect(first.value.filter { expected[$0.key] != $0.value }.keys.sorted() == [], "rendered first after \(change.name)")
            }
            if let made = staged.madeFiles {
                servedEarly += 1
                var served: [String: Data] = [:]
                for path in staged.result.outputFiles.keys {
                    served[path] = made[path] ?? FileManager.default.contents(atPath: root.appendingPathComponent("Output/" + path).path)
                }
                #expect(!lastIndex.isEmpty)
                #expect(Self.differing(served, early).isEmpty, "served after \(change.name)")
            }
            try staged.finish()
            #expect(Self.differing(TestSupport.tree(root.appendingPathComponent("Output")), expected).isEmpty, "in place after \(change.name)")
        }
        #expect(servedEarly == Self.changes.count - 1, "every change but `nothing` is served before its links")
    }
}
