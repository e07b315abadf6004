import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteOutput
@testable import ChansiteRender

@Suite struct PageRendererTests {
    /// A channel rendered in ranges of a few listing pages gives the same pages as in one range:
    /// each range's first and last posts link to neighbours made in the ranges around it.
    @Test(arguments: [1, 4, 7])
    func aChannelInRangesGivesTheSamePagesAsInOne(postsPerRange: Int) throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.write(["chansite.json": #"{"postsPerPage": 3}"#], under: temp)
        let root = TestSupport.repositoryRoot
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path, configPath: temp.appendingPathComponent("chansite.json").path)
        ).build()
        let site = try #require(result.site)
        let templates = try TemplateSet(folder: root.appendingPathComponent("Templates").path)
        var ranged = PageRenderer(site: site, templates: templates)
        ranged.postsPerRange = postsPerRange
        #expect(ranged.postRanges(0).count > 1)
        let whole = PageRenderer(site: site, templates: templates).render()
        let parts = ranged.render()
        #expect(parts.count == ranged.allPages().count)
        #expect(parts.map(\.path) == whole.map(\.path))
        let wholeByPath = Dictionary(uniqueKeysWithValues: whole.map { ($0.path, $0.contents) })
        #expect(parts.filter { $0.contents != wholeByPath[$0.path] }.map(\.path) == [])
    }

    /// A `Content` folder under `temp` holding the named export fixtures.
    static func content(exports names: [String], under temp: URL) throws -> URL {
        let content = temp.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(
                at: TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports/" + name),
                to: content.appendingPathComponent(name))
        }
        return content
    }

    /// A listing page made after its posts' views were let go of (a month's, a tag's, a
    /// day's, the home page) shows them as a page made from the views kept whole does (as
    /// `serve` keeps them), when its template reads their variables, not only their summaries.
    @Test func listingsOfLetGoViewsShowEveryVariableTheirTemplatesRead() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let content = try Self.content(exports: ["entities", "replies", "media"], under: temp)
        let list = "{{#posts}}[{{heading}}|{{url}}|{{dateText}}|{{#hashtags}}{{name}} {{/hashtags}}|{{excerpt}}]{{/posts}}"
        try TestSupport.write(
            [
                "Templates/month.mustache": list, "Templates/tag.mustache": list,
                "Templates/day.mustache": "{{#years}}{{year}}: {{#posts}}[{{heading}}|{{url}}]{{/posts}}{{/years}}",
            ], under: temp)
        let templatesPath = temp.appendingPathComponent("Templates").path
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: content.path, templatesPath: templatesPath, outputPath: temp.appendingPathComponent("Output").path)
        ).build()
        let site = try #require(result.site)
        let templates = try TemplateSet(folder: templatesPath)
        var released = PageRenderer(site: site, templates: templates)
        released.postsPerRange = 1
        let pages = released.render()
        let kept = MemorySink()
        _ = try PageRenderer(site: site, templates: templates).render(into: kept, cache: RenderCache())
        let keptByPath = Dictionary(uniqueKeysWithValues: kept.files.map { ($0.path, $0.contents) })
        #expect(pages.map(\.path).sorted() == kept.files.map(\.path).sorted())
        #expect(pages.filter { $0.contents != keptByPath[$0.path] }.map(\.path) == [])
        let listings = pages.filter { $0.path.contains("/archive-") || $0.path.hasPrefix("tags/") || $0.path.hasPrefix("days/") }
        #expect(listings.count > 3)
        let shown = listings.map { String(decoding: $0.contents, as: UTF8.self) }
        #expect(shown.allSatisfy { !$0.contains("[|") }, "a listed post without its heading")
        #expect(shown.contains { $0.contains(".html|") })
    }

    /// A month with more posts than a page shows is split into linked pages, each post on
    /// exactly one of them in the month's order; a month that fits is one page, as before.
    @Test func aLargeMonthIsSplitIntoLinkedPages() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let root = TestSupport.repositoryRoot
        // Exports of dated posts: 16 messages of one month, and five over two months.
        let content = try Self.content(exports: ["media", "replies"], under: temp)
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: content.path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path)
        ).build()
        let site = try #require(result.site)
        let templates = try TemplateSet(folder: root.appendingPathComponent("Templates").path)
        var paged = PageRenderer(site: site, templates: templates)
        paged.postsPerMonthPage = 3
        let month = /channels\/[^\/]+\/archive-(\d{4}-\d{2})(?:-page-(\d+))?\.html/
        func ids(_ files: [RenderedFile], perPage: Int) -> [String: [String]] {
            var byMonth: [String: [(page: Int, ids: [String])]] = [:]
            for file in files {
                guard let match = file.path.wholeMatch(of: month) else { continue }
                let html = String(decoding: file.contents, as: UTF8.self)
                let ids = html.matches(of: /<article class="post post-summary" id="([^"]+)"/).map { String($0.output.1) }
                let key = file.path.replacing(/(-page-\d+)?\.html$/, with: "")
                byMonth[key, default: []].append((match.output.2.flatMap { Int($0) } ?? 1, ids))
                #expect(ids.count <= perPage, "\(file.path)")
            }
            return byMonth.mapValues { $0.sorted { $0.page < $1.page }.flatMap(\.ids) }
        }
        let whole = ids(PageRenderer(site: site, templates: templates).render(), perPage: ChannelMonths.postsPerPage)
        let split = paged.render()
        #expect(!whole.isEmpty && ids(split, perPage: 3) == whole, "\(ids(split, perPage: 3)) \(whole)")
        #expect(split.contains { $0.path.contains("-page-2.html") })
        let second = try #require(split.first { $0.path.hasSuffix("-page-2.html") })
        #expect(String(decoding: second.contents, as: UTF8.self).contains("class=\"pagination\""))
    }

    /// A sink that refuses every post page, as a full disk would, with a diagnostic of its own.
    final class RefusingSink: OutputSink {
        let memory = MemorySink()
        func reuse(_ path: String, fingerprint: String) -> Bool { false }
        func reuseGroup(_ prefix: String, fingerprint: String) -> Bool { false }
        func recordGroup(_ prefix: String, fingerprint: String) {}
        func copy(_ path: String, from source: String) throws {}
        func write(_ path: String, contents: Data, fingerprint: String?) throws {
            guard !path.hasPrefix("channels/") || path.hasSuffix("index.html") || path.contains("archive") else {
                throw DiagnosticError(.error("disk full", at: SourceLocation(path: path)))
            }
            try memory.write(path, contents: contents, fingerprint: fingerprint)
        }
    }

    /// Pages that cannot be written are reported with their own diagnostics (their paths as
    /// locations), in path order, a few of them and a count of the rest.
    @Test func pagesThatCannotBeWrittenAreReportedWhole() throws {
        let root = TestSupport.repositoryRoot
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path)
        ).build()
        let site = try #require(result.site)
        let renderer = PageRenderer(site: site, templates: try TemplateSet(folder: root.appendingPathComponent("Templates").path))
        #expect {
            _ = try renderer.render(into: RefusingSink())
        } throws: { error in
            guard let diagnostics = (error as? DiagnosticError)?.diagnostics else { return false }
            let refused = diagnostics.dropLast()
            let paths = refused.compactMap { $0.location?.path }
            return refused.count == PageRenderer.failuresShown && refused.allSatisfy { $0.message == "disk full" }
                && paths == paths.sorted() && diagnostics.last?.message.hasSuffix("more pages could not be written") == true
        }
    }
}

/// What a post page shows and leaves out of what the export holds.
@Suite struct PostDetailsShownTests {
    func pages(_ messages: String) throws -> [String: String] {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.write(
            ["Content/export/result.json": #"{"name": "Edits", "type": "public_channel", "id": 5, "messages": [\#(messages)]}"#], under: temp)
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: temp.appendingPathComponent("Content").path,
                templatesPath: TestSupport.repositoryRoot.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path)
        ).build()
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// An edit minutes after posting (a typo, or a reaction the client records as an edit) is
    /// not shown; a later one is.
    @Test func onlyALaterEditIsShown() throws {
        let pages = try pages(
            #"""
            {"id": 1, "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "1709632800",
             "edited": "2024-03-05T10:02:00", "edited_unixtime": "1709632920", "text": "Fixed a typo"},
            {"id": 2, "type": "message", "date": "2024-03-05T11:00:00", "date_unixtime": "1709636400",
             "edited": "2024-03-06T09:00:00", "edited_unixtime": "1709715600", "text": "Rewritten the next day"}
            """#)
        let quick = try #require(pages["channels/edits/1.html"])
        let later = try #require(pages["channels/edits/2.html"])
        #expect(!quick.contains("class=\"post-edited\""))
        #expect(later.contains("class=\"post-edited\""))
    }

    /// A reply to a message in another chat says so; the exporter's own poll vote is not singled out.
    @Test func aReplyElsewhereSaysSoAndTheExportersVoteIsNotShown() throws {
        let pages = try pages(
            #"""
            {"id": 1, "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "1709632800",
             "reply_to_message_id": 77, "reply_to_peer_id": "channel123", "text": "Answering over there"},
            {"id": 2, "type": "message", "date": "2024-03-05T11:00:00", "date_unixtime": "1709636400", "text": "",
             "poll": {"question": "Which?", "closed": false, "total_voters": 3,
                      "answers": [{"text": "This", "voters": 2, "chosen": true}, {"text": "That", "voters": 1, "chosen": false}]}}
            """#)
        #expect(try #require(pages["channels/edits/1.html"]).contains("↩ В ответ на сообщение из другого чата"))
        let poll = try #require(pages["channels/edits/2.html"])
        #expect(poll.contains("This") && !poll.contains("chosen"))
    }

    /// Hashtags the body shows (and links) are not listed again under the post.
    @Test func hashtagsInTheTextAreNotRepeatedBelowIt() throws {
        let pages = try pages(
            #"""
            {"id": 1, "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "1709632800",
             "text": ["News of the day ", {"type": "hashtag", "text": "#news"}],
             "text_entities": [{"type": "plain", "text": "News of the day "}, {"type": "hashtag", "text": "#news"}]}
            """#)
        let page = try #require(pages["channels/edits/1.html"])
        #expect(page.components(separatedBy: "tags/news/index.html").count == 2, "linked once, in the text")
        #expect(!page.contains("<ul class=\"tags\">"))
    }
}

/// A channel opens at its newest posts, as Telegram does; earlier pages keep their addresses.
@Suite struct ChannelOpensAtTheNewestTests {
    @Test func theChannelPageIsItsNewestPostsAndEarlierPagesAreNumbered() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let messages = (1...45).map { n in
            #"{"id": \#(n), "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "\#(1_709_632_800 + n * 60)", "text": "Post number \#(n)"}"#
        }
        let pages = try busyChannel(messages, config: #"{"postsPerPage": 20, "language": "en"}"#, in: temp)
        let listings = pages.keys.filter { $0.hasPrefix("channels/busy/") && ($0.contains("/page-") || $0.hasSuffix("/index.html")) }
        #expect(Set(listings) == ["channels/busy/page-1.html", "channels/busy/page-2.html", "channels/busy/index.html"])
        let home = try #require(pages["channels/busy/index.html"])
        #expect(home.contains("Post number 45") && home.contains("Post number 41") && !home.contains("Post number 40<"))
        #expect(home.contains("<a rel=\"prev\" href=\"../../channels/busy/page-2.html\">← Older</a>"))
        let first = try #require(pages["channels/busy/page-1.html"])
        #expect(first.contains("Post number 1<") && first.contains("<a rel=\"next\" href=\"../../channels/busy/page-2.html\">Newer →</a>"))
        // A post page links back to the listing page that holds it.
        #expect(try #require(pages["channels/busy/3.html"]).contains("href=\"../../channels/busy/page-1.html\">← Busy"))
        #expect(try #require(pages["channels/busy/44.html"]).contains("href=\"../../channels/busy/index.html\">← Busy"))
    }
}

/// Tag pages list summaries, as month pages do, so they take their own page size
/// (`tagPostsPerPage`, 100 by default) rather than the channel pages' whole posts' one.
@Suite struct TagPageSizeTests {
    /// The tag's pages of a channel of 45 tagged posts, listed (path → the post numbers shown).
    func tagPages(config: String) throws -> [String: [Int]] {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let messages = (1...45).map { n in
            ##"{"id": \##(n), "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "\##(1_709_632_800 + n * 60)", "text": ["Post number \##(n)< ", {"type": "hashtag", "text": "#news"}]}"##
        }
        var shown: [String: [Int]] = [:]
        for (path, html) in try busyChannel(messages, config: config, in: temp) where path.hasPrefix("tags/news/") && path.hasSuffix(".html") {
            // A summary names its post twice (heading and excerpt): each post once.
            let numbers = html.components(separatedBy: "Post number ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            shown[path] = numbers.enumerated().filter { $0.offset == 0 || numbers[$0.offset - 1] != $0.element }.map(\.element)
        }
        return shown
    }

    @Test func tagPagesHoldTheirOwnPageSize() throws {
        let paged = try tagPages(config: #"{"postsPerPage": 20, "tagPostsPerPage": 10}"#)
        #expect(paged.keys.sorted() == ["tags/news/index.html"] + (1...4).map { "tags/news/page-\($0).html" })
        // Each post on exactly one page, in the site's order: pages numbered from the oldest,
        // the newest on the tag's own page (as a channel's), so an append leaves the others.
        let order = (1...4).map { "tags/news/page-\($0).html" } + ["tags/news/index.html"]
        #expect(order.flatMap { paged[$0] ?? [] } == Array(1...45))
        #expect(paged["tags/news/page-1.html"]?.count == 10 && paged["tags/news/index.html"]?.count == 5)
    }

    @Test func byDefaultATagPageListsAHundredPosts() throws {
        let whole = try tagPages(config: #"{"postsPerPage": 20}"#)
        #expect(whole.keys.sorted() == ["tags/news/index.html"])
        #expect(whole["tags/news/index.html"]?.count == 45)
    }
}

/// With a base URL every page names its own address for sharing and search engines.
@Suite struct CanonicalAddressTests {
    @Test func pagesNameTheirAddressWhenTheSiteHasABaseURL() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.write(
            [
                "Content/export/result.json":
                    #"{"name": "Shared", "type": "public_channel", "id": 5, "messages": [{"id": 1, "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "1709632800", "text": "Hello"}]}"#,
                "chansite.json": #"{"baseURL": "https://example.org/archive"}"#,
            ], under: temp)
        func build(config: Bool) throws -> [String: String] {
            let result = try Pipeline(
                options: BuildOptions(
                    contentPath: temp.appendingPathComponent("Content").path,
                    templatesPath: TestSupport.repositoryRoot.appendingPathComponent("Templates").path,
                    outputPath: temp.appendingPathComponent("Output").path,
                    configPath: config ? temp.appendingPathComponent("chansite.json").path : nil)
            ).build()
            return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        }
        let pages = try build(config: true)
        let post = try #require(pages["channels/shared/1.html"])
        #expect(post.contains(#"<link rel="canonical" href="https://example.org/archive/channels/shared/1.html">"#))
        #expect(post.contains(#"<meta property="og:url" content="https://example.org/archive/channels/shared/1.html">"#))
        #expect(try #require(pages["index.html"]).contains(#"<link rel="canonical" href="https://example.org/archive/index.html">"#))
        #expect(!(try #require(pages["404.html"]).contains("canonical")), "the 404 page is served at every address")
        #expect(!(try build(config: false)["channels/shared/1.html"] ?? "").contains("canonical"))
    }
}

/// Builds a channel "Busy" of the export `messages` (JSON objects) under `folder` with the
/// configuration `config`; returns every page's text by path.
private func busyChannel(_ messages: [String], config: String, in folder: URL) throws -> [String: String] {
    try TestSupport.write(
        [
            "Content/export/result.json": #"{"name": "Busy", "type": "public_channel", "id": 5, "messages": [\#(messages.joined(separator: ","))]}"#,
            "chansite.json": config,
        ], under: folder)
    let result = try Pipeline(
        options: BuildOptions(
            contentPath: folder.appendingPathComponent("Content").path,
            templatesPath: TestSupport.repositoryRoot.appendingPathComponent("Templates").path,
            outputPath: folder.appendingPathComponent("Output").path, configPath: folder.appendingPathComponent("chansite.json").path)
    ).build()
    return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
}
