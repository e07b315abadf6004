import Foundation
import Testing

/// Every URL a build published keeps answering in later builds: after a channel is renamed (a
/// handle added), a text copy's post is edited by one word (in its first words, so its page
/// name changes) and another is removed, each first-build URL is the same post, a redirect to
/// it, or a "removed from the archive" page; and so across later builds and a deleted output.
@Suite struct PermanentURLTests {
    static let export = """
        {"name": "Weekly Notes", "type": "public_channel", "id": 1000000088, "messages": [
        {"id": 1, "type": "message", "date": "2024-05-01T10:00:00", "date_unixtime": "1714557600", "from": "Weekly Notes", "from_id": "channel1000000088", "text": "First weekly note about gardens", "text_entities": [{"type": "plain", "text": "First weekly note about gardens"}]},
        {"id": 2, "type": "message", "date": "2024-06-01T10:00:00", "date_unixtime": "1717236000", "from": "Weekly Notes", "from_id": "channel1000000088", "text": "Second weekly note about rivers", "text_entities": [{"type": "plain", "text": "Second weekly note about rivers"}]}
        ]}
        """

    static let posts = [
        "Morning market prices rose again today across the northern district, traders said.",
        "Volunteers cleaned the old harbour beach on Sunday and collected forty bags of plastic.",
        "The library opens a new reading room for children next month with free courses.",
        "City council postponed the vote on the bridge repair until the autumn session.",
    ]

    static func dump(_ posts: [String]) -> String {
        (["Harbour Town News", "120 subscribers", "Download Telegram"]
            + posts.flatMap { [$0, "Please open Telegram to view this post", "VIEW IN TELEGRAM"] }).joined(separator: "\n") + "\n"
    }

    @Test func everyPublishedURLAnswersAfterRenameEditAndRemoval() throws {
        let project = try CLIRunner.temporaryProject(content: ["harbour.txt": Data(Self.dump(Self.posts).utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(#"{"language": "en"}"#.utf8).write(to: project.appendingPathComponent("chansite.json"))
        let exportFolder = project.appendingPathComponent("Content/weekly")
        try FileManager.default.createDirectory(at: exportFolder, withIntermediateDirectories: true)
        try Data(Self.export.utf8).write(to: exportFolder.appendingPathComponent("result.json"))
        let first = try CLIRunner.run(["build"], in: project)
        #expect(first.status == 0, "\(first.stderr)")
        let output = project.appendingPathComponent("Output")
        let published = try Self.pages(in: output)
        let firstTexts = try Dictionary(uniqueKeysWithValues: published.map { ($0, try Self.visibleText(output, $0)) })
        #expect(published.contains("channels/weekly-notes/1.html"))
        let editedPath = try #require(published.first { $0.hasPrefix("channels/harbour-town-news/volunteers") })
        let removedPath = try #require(published.first { $0.hasPrefix("channels/harbour-town-news/city-council") })

        // A handle for the export's channel (its folder is renamed), one word of a post's first
        // words changed, one post gone.
        try Data(#"{"language": "en", "channelHandles": {"1000000088": "weeklynotes"}}"#.utf8).write(
            to: project.appendingPathComponent("chansite.json"))
        var posts = Self.posts
        posts[1] = posts[1].replacingOccurrences(of: "old harbour", with: "historic harbour")
        posts.removeLast()
        try Data(Self.dump(posts).utf8).write(to: project.appendingPathComponent("Content/harbour.txt"))
        for round in 0..<3 {
            if round == 2 { try FileManager.default.removeItem(at: output) }
            let again = try CLIRunner.run(["build"], in: project)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("channels/weeklynotes/1.html").path))
            for page in published {
                let landed = try Self.follow(page, in: output)
                if page == removedPath {
                    #expect(landed.text.contains("This post was removed from the archive"), "\(page)")
                    continue
                }
                let want = firstTexts[page] ?? ""
                if page == editedPath {
                    #expect(landed.page != page && landed.text.contains("historic harbour"), "\(page) → \(landed.page)")
                } else if Self.isPostPage(page) {
                    // A post page lands on the same post.
                    let words = want.components(separatedBy: " ").prefix(12).joined(separator: " ")
                    #expect(landed.text.contains(String(words.suffix(40))), "\(page) → \(landed.page)")
                }
            }
        }
        let redirect = try String(contentsOf: output.appendingPathComponent("channels/weekly-notes/1.html"), encoding: .utf8)
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../../channels/weeklynotes/1.html">"#))
        #expect(redirect.contains(#"<link rel="canonical" href="../../channels/weeklynotes/1.html">"#))
        #expect(redirect.contains(#"<meta name="robots" content="noindex">"#))
    }

    /// A tag's numbered pages that a larger page size does away with redirect to the tag's own
    /// page, which lists their posts; a tag gone altogether sends its pages to the tag index.
    @Test func tagPagesThatNoLongerExistRedirectToTheirTag() throws {
        let posts = (1...7).map { "Post \($0) about the harbour and its boats, with more words to read. #boats" }
        let project = try CLIRunner.temporaryProject(content: ["harbour.txt": Data(Self.dump(posts + ["A post about #gulls only"]).utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("chansite.json")
        try Data(#"{"language": "en", "tagPostsPerPage": 2}"#.utf8).write(to: config)
        let first = try CLIRunner.run(["build"], in: project)
        #expect(first.status == 0, "\(first.stderr)")
        let output = project.appendingPathComponent("Output")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tags/boats/page-3.html").path))
        try Data(#"{"language": "en"}"#.utf8).write(to: config)
        try Data(Self.dump(posts).utf8).write(to: project.appendingPathComponent("Content/harbour.txt"))
        let again = try CLIRunner.run(["build"], in: project)
        #expect(again.status == 0, "\(again.stderr)")
        for page in 1...3 {
            let redirect = try String(contentsOf: output.appendingPathComponent("tags/boats/page-\(page).html"), encoding: .utf8)
            #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../../tags/boats/index.html">"#), "page \(page)")
        }
        let gone = try String(contentsOf: output.appendingPathComponent("tags/gulls/index.html"), encoding: .utf8)
        #expect(gone.contains(#"url=../../tags/index.html""#))
        let shown = try String(contentsOf: output.appendingPathComponent("tags/boats/index.html"), encoding: .utf8)
        #expect((1...7).allSatisfy { shown.contains("Post \($0) about") })
    }

    /// A damaged history loses only its bad lines, with a warning naming the file and line.
    @Test func aDamagedHistoryIsReportedAndSkipped() throws {
        let project = try CLIRunner.temporaryProject(content: ["harbour.txt": Data(Self.dump(Self.posts).utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(#"{"language": "en"}"#.utf8).write(to: project.appendingPathComponent("chansite.json"))
        #expect(try CLIRunner.run(["build"], in: project).status == 0)
        // A changed post, so the build is not the last one replayed.
        try Data(Self.dump(Array(Self.posts.dropLast())).utf8).write(to: project.appendingPathComponent("Content/harbour.txt"))
        let history = project.appendingPathComponent(".Output.chansite/urls.tsv")
        var text = try String(contentsOf: history, encoding: .utf8)
        text += "../../etc/passwd.html\tsite\t0123456789abcdef\t-\t-\n"
        text += "channels/gone/old.html\ttext\t0123456789abcdef\t0123456789abcdef\t-\n"
        try Data(text.utf8).write(to: history)
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0)
        #expect(result.stderr.contains("urls.tsv:"), "\(result.stderr)")
        #expect(result.stderr.contains("1 line of the URL history unreadable and skipped"), "\(result.stderr)")
        let gone = try String(contentsOf: project.appendingPathComponent("Output/channels/gone/old.html"), encoding: .utf8)
        #expect(gone.contains("This post was removed from the archive"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("etc/passwd.html").path))
        // The history is written again without the bad line.
        let kept = try String(contentsOf: history, encoding: .utf8)
        #expect(!kept.contains("etc/passwd") && kept.contains("channels/gone/old.html"))
    }

    /// A build whose pages are where they were leaves the history file as it was (8 MB at 100k
    /// posts); one that moves or removes a page writes it anew.
    @Test func anUnchangedHistoryIsNotWrittenAgain() throws {
        let project = try CLIRunner.temporaryProject(content: ["harbour.txt": Data(Self.dump(Self.posts).utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("chansite.json")
        try Data(#"{"language": "en"}"#.utf8).write(to: config)
        #expect(try CLIRunner.run(["build"], in: project).status == 0)
        let history = project.appendingPathComponent(".Output.chansite/urls.tsv")
        func inode() throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: history.path)[.systemFileNumber] as? Int) }
        let before = try inode()
        // Every page made again (another title), none moved.
        try Data(#"{"language": "en", "title": "Another title"}"#.utf8).write(to: config)
        let retitled = try CLIRunner.run(["build"], in: project)
        #expect(retitled.status == 0, "\(retitled.stderr)")
        #expect(try String(contentsOf: project.appendingPathComponent("Output/index.html"), encoding: .utf8).contains("Another title"))
        #expect(try inode() == before)
        // A post removed: its URL is kept (a "removed" page), which is what the history says
        // already. A post added: a new URL, the history written anew.
        try Data(Self.dump(Array(Self.posts.dropLast())).utf8).write(to: project.appendingPathComponent("Content/harbour.txt"))
        #expect(try CLIRunner.run(["build"], in: project).status == 0)
        #expect(try inode() == before)
        let added = Self.posts.dropLast() + ["Fishermen repaired the north pier after the winter storms damaged it badly."]
        try Data(Self.dump(Array(added)).utf8).write(to: project.appendingPathComponent("Content/harbour.txt"))
        #expect(try CLIRunner.run(["build"], in: project).status == 0)
        #expect(try inode() != before)
        let after = try String(contentsOf: history, encoding: .utf8)
        #expect(after.contains("channels/harbour-town-news/fishermen") && after.contains("channels/harbour-town-news/city-council"))
    }

    /// A post's page: in a channel's folder, not one of the channel's own pages.
    static func isPostPage(_ page: String) -> Bool {
        let name = page.split(separator: "/").last.map(String.init) ?? ""
        return page.hasPrefix("channels/") && name != "index.html" && !name.hasPrefix("page-") && !name.hasPrefix("archive")
    }

    static func pages(in output: URL) throws -> [String] {
        SiteFiles(root: output).html.filter { $0 != "404.html" }.sorted()
    }

    static func visibleText(_ output: URL, _ page: String) throws -> String {
        SiteFiles.visibleText(of: try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8))
    }

    /// The page a reader lands on from `page`, following redirect pages (at most 3).
    static func follow(_ page: String, in output: URL) throws -> (page: String, text: String) {
        var current = page
        for _ in 0..<3 {
            let html = try String(contentsOf: output.appendingPathComponent(current), encoding: .utf8)
            guard let range = html.range(of: #"content="0; url=([^"]+)""#, options: .regularExpression) else {
                return (current, SiteFiles.visibleText(of: html))
            }
            let url = html[range].dropFirst(#"content="0; url="#.count).dropLast()
            let base = URL(fileURLWithPath: "/" + current).deletingLastPathComponent()
            current = String(URL(fileURLWithPath: String(url), relativeTo: base).standardizedFileURL.path.dropFirst())
        }
        Issue.record("redirect loop from \(page)")
        return (current, "")
    }
}
