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

    /// A change to the project, by what it does to its folder.
    struct Change: Sendable {
        var name: String
        var apply: @Sendable (URL) throws -> Void
        /// Whether the rebuild is served before its links: not when it copies a new media file
        /// (too large to hold in memory), nor when nothing changed.
        var servedEarly = true

        init(_ name: String, _ files: [String: String] = [:], removed: [String] = []) {
            self.name = name
            servedEarly = name != "nothing"
            apply = { root in
                try TestSupport.write(files, under: root)
                for path in removed { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
            }
        }

        init(_ name: String, servedEarly: Bool = true, apply: @escaping @Sendable (URL) throws -> Void) {
            self.name = name
            self.servedEarly = servedEarly
            self.apply = apply
        }
    }

    static let changes: [Change] = [
        Change("nothing"),
        Change("one word", ["Content/a.txt": first.replacingOccurrences(of: "данные", with: "датасеты")]),
        Change("a post added", ["Content/b.txt": second + "\n\nA third post about models.\n\n#новый"]),
        Change("a post removed", ["Content/a.txt": "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег"]),
        // The channel's gallery of links and its posts' languages are kept by its key.
        Change(
            "a link and an English post", ["Content/a.txt": first + "\n\nRead https://example.org/new today.\n\n#тег\n\nA post written in English."]),
        // The first channel's languages (one post in another script) now come from the memo.
        Change("the other channel edited", ["Content/b.txt": second.replacingOccurrences(of: "running", with: "walking")]),
        Change("the same word back", ["Content/a.txt": first]),
        Change("a template edited", ["Templates/partials/post-summary.mustache": "<p class=\"edited\">{{{summaryHTML}}}</p>\n"]),
        Change("the config edited", ["chansite.json": #"{"title": "Renamed", "postsPerPage": 1}"#]),
        Change("a dump removed", removed: ["Content/b.txt"]),
    ]

    /// The paths whose bytes differ between two trees (or that only one has).
    static func differing(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test func cachedRebuildsServedBeforeTheirLinksEqualCleanBuilds() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["Content/a.txt": Self.first, "Content/b.txt": Self.second, "chansite.json": "{}"], under: root)
        try Self.expectRebuildsEqualCleanBuilds(in: root, after: Self.changes)
    }

    /// Exports are kept by their files, media and the readers' settings; a channel's views also
    /// by what they read in other channels (a link to a post, a forward's channel), where its
    /// photos went, and the discussion group its comments come from.
    @Test func cachedRebuildsOfExportsEqualCleanBuilds() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixtures = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures")
        try TestSupport.write(["chansite.json": #"{"language": "en", "discussionGroups": ["Garden Club Chat"]}"#], under: root)
        // Alpha links to Beta's second post and forwards one of Beta's; an HTML export's
        // channel and its discussion group, each in its own folder.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("exports/linked/alpha"), to: root.appendingPathComponent("Content/alpha"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("exports/linked/beta"), to: root.appendingPathComponent("Content/beta"))
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("html-exports/discussion"), to: root.appendingPathComponent("Content/discussion"))
        // Beta's photo is Alpha's file (a hard link): published once, under the name of the
        // first post that shows it, Alpha's.
        let shared = root.appendingPathComponent("Content/beta/photos/q.jpg")
        try FileManager.default.removeItem(at: shared)
        try FileManager.default.linkItem(at: root.appendingPathComponent("Content/alpha/photos/p.jpg"), to: shared)
        let alpha = try String(contentsOf: root.appendingPathComponent("Content/alpha/result.json"), encoding: .utf8)
        let beta = try String(contentsOf: root.appendingPathComponent("Content/beta/result.json"), encoding: .utf8)
        /// The export without its message `id` (each message is a line).
        func without(_ id: Int, _ export: String) -> String {
            export.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(#"{"id": \#(id),"#) }.joined(separator: "\n")
        }
        let betaWithoutLinked = without(2, beta)
        let alphaWithoutPhoto = without(4, alpha)
        let discussion = root.appendingPathComponent("Content/discussion/group/messages.html")
        let otherPhoto = fixtures.appendingPathComponent("exports/album/photos/photo_2@01-04-2024_09-00-00.jpg")
        let changes = [
            Change("nothing"),
            Change(
                "a message edited", ["Content/alpha/result.json": alpha.replacingOccurrences(of: "The first note.", with: "The first note, edited.")]),
            Change("a comment edited") { _ in
                let text = try String(contentsOf: discussion, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "Mine are already out!", with: "Mine are out now!").utf8).write(to: discussion)
            },
            // With a discussion group every channel's key names every channel's inputs; from
            // here on only what Alpha's views read of Beta does.
            Change("the discussion group removed", removed: ["Content/discussion/group"]),
            // Beta's photo is then published under Beta's name (a new file: the rebuild is
            // served once in place); Beta's export did not change.
            Change("the shared photo's first post removed", servedEarly: false) { [alphaWithoutPhoto] root in
                try TestSupport.write(["Content/alpha/result.json": alphaWithoutPhoto], under: root)
            },
            Change("the shared photo's first post back", servedEarly: false) { root in
                try TestSupport.write(["Content/alpha/result.json": alpha], under: root)
            },
            // Alpha's link to it leads out of the archive; Alpha's export did not change.
            Change("the linked post deleted", ["Content/beta/result.json": betaWithoutLinked]),
            Change("the linked post back", ["Content/beta/result.json": beta]),
            Change("the forward's channel removed", removed: ["Content/beta"]),
            Change("the forward's channel back", ["Content/beta/result.json": beta]),
            Change("a photo replaced", servedEarly: false) { root in
                let path = root.appendingPathComponent("Content/alpha/photos/p.jpg")
                try FileManager.default.removeItem(at: path)
                try FileManager.default.copyItem(at: otherPhoto, to: path)
            },
            // Reading the export finds it missing: the export's key holds its folder's files.
            Change("the photo removed", removed: ["Content/alpha/photos/p.jpg"]),
            Change("a chat type listed", ["chansite.json": #"{"language": "en", "exportChatTypes": ["public_channel", "private_supergroup"]}"#]),
        ]
        try Self.expectRebuildsEqualCleanBuilds(in: root, after: changes)
    }

    /// Builds once with a cache, then after each change rebuilds with it (deferring links, the
    /// open pages first) and checks what is served early, the pages rendered first and the site
    /// put in place against a clean build.
    static func expectRebuildsEqualCleanBuilds(in root: URL, after changes: [Change]) throws {
        func options(_ output: String) -> BuildOptions {
            BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: root.appendingPathComponent(output).path, configPath: root.appendingPathComponent("chansite.json").path,
                templatesRequired: false)
        }
        var pipeline = Pipeline(options: options("Output"))
        pipeline.cache = BuildCache()
        pipeline.listsFiles = true
        try pipeline.stage(deferringLinks: true).finish()
        for (n, change) in changes.enumerated() {
            try change.apply(root)
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
            #expect((staged.madeFiles != nil) == change.servedEarly, "served early after \(change.name)")
            if let made = staged.madeFiles {
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
    }
}
