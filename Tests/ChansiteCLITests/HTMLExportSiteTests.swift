import Foundation
import Testing

/// Desktop HTML exports through the real binary: found by their content, read once when a
/// JSON form sits beside them, other HTML named and skipped, `inspect` on folders.
@Suite(.serialized) struct HTMLExportSiteTests {
    static let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures")

    static func project(copying names: [(from: String, to: String)]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-htmlx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        for (from, to) in names {
            let target = root.appendingPathComponent("Content/" + to)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(from), to: target)
        }
        return root
    }

    @Test func anHTMLExportBuildsTheSameSiteAsItsJSON() throws {
        let html = try Self.project(copying: [("html-exports/replies", "replies")])
        let json = try Self.project(copying: [("exports/replies", "replies")])
        defer {
            try? FileManager.default.removeItem(at: html)
            try? FileManager.default.removeItem(at: json)
        }
        let a = try CLIRunner.run(["build", "-q"], in: html)
        let b = try CLIRunner.run(["build", "-q"], in: json)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        // Only the HTML shows when a forwarded message was first sent; the rest is the same.
        let forward = try String(contentsOf: html.appendingPathComponent("Output/channels/reply-chain/104.html"), encoding: .utf8)
        #expect(forward.contains(#"<time class="post-forward-date" datetime="2024-06-03T08:00:00Z">"#))
        let forwardDate = try Regex(#"<time class="post-forward-date"[^>]*>[^<]*</time>"#)
        let pages = ["100", "101", "102", "103", "104", "index"]
        for page in pages {
            let path = "Output/channels/reply-chain/\(page).html"
            let page = (try? String(contentsOf: html.appendingPathComponent(path), encoding: .utf8)) ?? ""
            let fromHTML = SiteFiles.visibleText(of: page.replacing(forwardDate, with: ""))
            let fromJSON = SiteFiles.visibleText(of: (try? String(contentsOf: json.appendingPathComponent(path), encoding: .utf8)) ?? "")
            #expect(!fromJSON.isEmpty && fromHTML == fromJSON, "\(path)")
        }
    }

    @Test func aFolderWithBothFormsIsReadOnceFromJSON() throws {
        let project = try Self.project(copying: [("exports/replies", "replies")])
        defer { try? FileManager.default.removeItem(at: project) }
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("html-exports/replies").path)
        for page in pages where page.hasSuffix(".html") {
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("html-exports/replies/" + page),
                to: project.appendingPathComponent("Content/replies/" + page))
        }
        let result = try CLIRunner.run(["build", "--verbose"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("this export is read once, from result.json; its 2 HTML pages hold the same messages"))
        #expect(result.stdout.contains("built 1 channel,"), "\(result.stdout)")
    }

    @Test func otherHTMLIsNamedAndSkipped() throws {
        let project = try Self.project(copying: [])
        defer { try? FileManager.default.removeItem(at: project) }
        let matrix = project.appendingPathComponent("Content/matrix")
        try FileManager.default.createDirectory(at: matrix, withIntermediateDirectories: true)
        try Data("<html><body><div class=\"mx_EventTile\">hello</div></body></html>".utf8).write(to: matrix.appendingPathComponent("messages.html"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(
            result.stderr.contains(
                "Content/matrix/messages.html: warning: an HTML file that is neither a page of a Telegram Desktop export nor a saved t.me page; skipped"
            ))
        let inspect = try CLIRunner.run(["inspect", "Content/matrix"], in: project)
        #expect(inspect.status == 1)
        #expect(inspect.stderr.contains("a folder without a Telegram Desktop export"), "\(inspect.stderr)")
        #expect(!inspect.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func inspectReadsAnHTMLExportFolderAndPage() throws {
        let project = try Self.project(copying: [("html-exports/album", "album")])
        defer { try? FileManager.default.removeItem(at: project) }
        for target in ["Content/album", "Content/album/messages2.html"] {
            let result = try CLIRunner.run(["inspect", target, "--json"], in: project)
            #expect(result.status == 0, "\(result.stderr)")
            let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect((parsed?["posts"] as? [Any])?.isEmpty == false, "\(target)")
        }
    }
}
