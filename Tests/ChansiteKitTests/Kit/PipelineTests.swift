import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteModel
@testable import ChansiteOutput
@testable import ChansiteRender

@Suite struct PipelineTests {
    /// Builds the real `Content/` with the real templates into a temporary folder.
    func buildSamples(into output: URL, config: String? = nil) throws -> BuildResult {
        let root = TestSupport.repositoryRoot
        var configPath: String?
        if let config {
            let file = output.deletingLastPathComponent().appendingPathComponent("chansite.json")
            try Data(config.utf8).write(to: file)
            configPath = file.path
        }
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path,
                templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: output.path, configPath: configPath))
        let result = try pipeline.build()
        try pipeline.write(result)
        return result
    }

    /// Also with channels split into post subfolders (`postsPerFolder` below the samples' sizes):
    /// pages one folder deeper link back just as well.
    @Test(arguments: [nil, #"{"postsPerFolder": 20}"#])
    func everyInternalLinkResolvesAndIsRelative(config: String?) throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("Output")
        let result = try buildSamples(into: output, config: config)
        #expect(result.errorCount == 0)
        let files = TestSupport.tree(output)
        let pattern = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: pattern) {
                let link = String(match.output[1].substring ?? "")
                #expect(!link.hasPrefix("/"), "\(path) links to root-absolute '\(link)'")
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("#") || link.hasPrefix("mailto:") { continue }
                let target = link.split(separator: "#").first.map(String.init) ?? ""
                let resolved = output.appendingPathComponent(path).deletingLastPathComponent()
                    .appendingPathComponent(target.removingPercentEncoding ?? target).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links to missing '\(link)'")
                checked += 1
            }
        }
        #expect(checked > 1000)
        for channel in try #require(result.site).channels {
            #expect(files[SitePaths.channel(channel.slug)] != nil)
            let sharded = config != nil && channel.posts.count > 20
            for post in channel.posts {
                #expect(files[SitePaths.post(channel: channel.slug, slug: post.slug, sharded: sharded)] != nil)
                #expect(post.path.split(separator: "/").count == (sharded ? 4 : 3), "\(post.path)")
            }
        }
        for tag in try #require(result.site).tags { #expect(files[SitePaths.tag(tag.slug)] != nil) }
        for page in ["index.html", "404.html", "tags/index.html", "search.html", "feed.xml", "robots.txt", "search/manifest.js"] {
            #expect(files[page] != nil, "missing \(page)")
        }
    }

    @Test func buildingTwiceGivesIdenticalTrees() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        _ = try buildSamples(into: temp.appendingPathComponent("a"))
        _ = try buildSamples(into: temp.appendingPathComponent("b"))
        let a = TestSupport.tree(temp.appendingPathComponent("a"))
        let b = TestSupport.tree(temp.appendingPathComponent("b"))
        #expect(a.count > 100)
        #expect(a == b)
    }

    @Test func hostileDumpRendersAsText() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.copyTemplates(to: temp)
        try TestSupport.write(
            [
                "Content/evil.txt": """
                Evil "Channel" <b>
                5 subscribers
                Download Telegram
                <script>alert(1)</script>
                "><img src=x onerror=alert(1)>
                [x](javascript:alert(1))

                #tag"><script>
                """
            ], under: temp)
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: temp.appendingPathComponent("Content").path,
                templatesPath: temp.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path))
        let result = try pipeline.build()
        let post = try #require(result.site?.allPosts.first)
        let html = try #require(result.files.first { $0.path == SitePaths.post(channel: post.channelSlug, slug: post.slug) })
        let text = String(decoding: html.contents, as: UTF8.self)
        #expect(!text.contains("<script>alert"))
        #expect(!text.contains("<img src=x"))
        #expect(!text.contains("href=\"javascript"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("[x](javascript:alert(1))"))
        #expect(text.contains("Evil &quot;Channel&quot; &lt;b&gt;"))
        for file in result.files where file.path.hasPrefix("search/") {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains("</script"))
        }
    }

    /// A build lets each channel's bodies go once its pages are done and keeps the posts' texts
    /// and summaries in scratch files; `serve` keeps them all in memory. The sites are the same,
    /// even with a tag template that shows every post's body (made again after the bodies were
    /// let go).
    @Test func textsAndSummariesOnDiskGiveTheSameSiteAsKeptOnes() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.copyTemplates(to: temp)
        let tag = temp.appendingPathComponent("Templates/tag.mustache")
        let template = try String(contentsOf: tag, encoding: .utf8)
        // Tag pages come after every channel's pages, from views made again after being let go
        // of: every variable must come back as it was.
        let shown =
            "<div class=\"b\">{{{body}}}</div><i>{{id}}|{{#hasBody}}B{{/hasBody}}|{{excerpt}}|{{#hashtags}}{{name}}{{/hashtags}}|{{dateText}}</i>"
        try template.replacingOccurrences(of: "{{> partials/post-summary}}", with: "{{> partials/post-summary}}" + shown)
            .write(to: tag, atomically: true, encoding: .utf8)
        func build(_ name: String, cache: BuildCache?) throws -> (files: [String: Data], spilled: Int, long: Int) {
            var pipeline = Pipeline(
                options: BuildOptions(
                    contentPath: TestSupport.repositoryRoot.appendingPathComponent("Content").path,
                    templatesPath: temp.appendingPathComponent("Templates").path, outputPath: temp.appendingPathComponent(name).path))
            pipeline.cache = cache
            let result = try pipeline.buildAndWrite()
            let posts = try #require(result.site).allPosts
            let long = posts.filter { PostText.spills(utf8Count: $0.post.textUTF8Count) }.count
            return (TestSupport.tree(temp.appendingPathComponent(name)), posts.filter(\.post.isTextSpilled).count, long)
        }
        let (released, spilled, long) = try build("Released", cache: nil)
        let (kept, held, _) = try build("Kept", cache: BuildCache())
        #expect(released == kept)
        // Every long text waits on disk in a build, none in `serve`.
        #expect(long > 50 && spilled == long && held == 0, "\(spilled) of \(long) long texts spilled by the build, \(held) by serve's")
        let tagPage = try #require(released.first { $0.key.hasPrefix("tags/") && $0.key.hasSuffix(".html") && $0.key != "tags/index.html" })
        #expect(String(decoding: tagPage.value, as: UTF8.self).contains(#"<div class="b"><p>"#))
        let work = try FileManager.default.contentsOfDirectory(atPath: temp.appendingPathComponent(".Released.chansite").path)
        #expect(!work.contains { $0.hasPrefix("scratch") }, "scratch files left behind: \(work)")
    }

    /// Every reader's long texts wait on disk in a build: a JSON export's and an HTML export's
    /// (spilled as they are read) and saved web pages' (spilled once read).
    @Test func everyKindOfInputLetsItsLongTextsWaitOnDisk() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let fixtures = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures")
        let content = temp.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (from, to) in [("exports/rtl", "json"), ("html-exports/rtl", "html"), ("html-exports/saved-pages", "pages")] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(from), to: content.appendingPathComponent(to))
        }
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: content.path, templatesPath: TestSupport.repositoryRoot.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path)
        ).buildAndWrite()
        let posts = try #require(result.site).allPosts
        for prefix in ["Content/json/", "Content/html/", "Content/pages/"] {
            let read = posts.filter { $0.post.source.path.contains(prefix) && PostText.spills(utf8Count: $0.post.textUTF8Count) }
            #expect(!read.isEmpty && read.allSatisfy(\.post.isTextSpilled), "\(prefix): \(read.filter(\.post.isTextSpilled).count) of \(read.count)")
        }
    }

    @Test func aTitleKeepsItsLinkOnThePostPageAndUntitledPostsShowTheirWholeText() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let fixture = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps/heading_double_pin.txt")
        let dump = try String(contentsOf: fixture, encoding: .utf8).replacingOccurrences(
            of: "Heading one\n", with: "Heading one https://example.org/x\n")
        try TestSupport.write(["Content/c.txt": dump], under: temp)
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: temp.appendingPathComponent("Content").path, templatesPath: temp.appendingPathComponent("none").path,
                outputPath: temp.appendingPathComponent("Output").path, templatesRequired: false))
        let result = try pipeline.build()
        let posts = try #require(result.site?.allPosts)
        let titled = try #require(posts.first { $0.post.title != nil })
        let page = String(
            decoding: try #require(result.files.first { $0.path == SitePaths.post(channel: titled.channelSlug, slug: titled.slug) }).contents,
            as: UTF8.self)
        #expect(page.contains(#"<h1 class="post-heading">Heading one <a href="https://example.org/x">https://example.org/x</a></h1>"#))
        let untitled = try #require(posts.first { $0.post.title == nil && !$0.post.text.isEmpty })
        #expect(untitled.body == untitled.post.text)
        let channel = String(
            decoding: try #require(result.files.first { $0.path == SitePaths.channel(untitled.channelSlug) }).contents, as: UTF8.self)
        #expect(channel.contains(#"<h2 class="post-heading visually-hidden">\#(untitled.heading)</h2>"#))
    }

    @Test func aFailedWriteLeavesThePreviousOutputUnchanged() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("Output")
        _ = try buildSamples(into: output)
        let before = TestSupport.tree(output)
        // The 300th file's folder is a file: writing fails midway through the site.
        var files = (0..<600).map { RenderedFile(path: "page-\($0).html", text: "new \($0)") }
        files.insert(RenderedFile(path: "page-1.html/x.html", text: "conflict"), at: 300)
        #expect(throws: DiagnosticError.self) { try OutputWriter(outputPath: output.path).write(files) }
        #expect(TestSupport.tree(output) == before)
        let work = temp.appendingPathComponent(".Output.chansite")
        // The abandoned staging folder is kept as the next build's spare (`SpareSite`), nothing else.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter {
            $0 != ".chansite-work" && $0 != "lock" && $0 != "manifest.json" && $0 != "spare"
        }
        #expect(leftovers.isEmpty, "scratch folders left behind: \(leftovers)")
    }

    /// One post page and the channel page of a fixture, through the real templates, against golden HTML.
    @Test func renderedPagesMatchTheGolden() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.copyTemplates(to: temp)
        let fixture = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps/tme_english.txt")
        try FileManager.default.createDirectory(at: temp.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: temp.appendingPathComponent("Content/space.txt"))
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: temp.appendingPathComponent("Content").path,
                templatesPath: temp.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path))
        let result = try pipeline.build()
        let forwarded = try #require(result.site?.allPosts.first { $0.post.forwardedFrom != nil })
        for path in [SitePaths.post(channel: forwarded.channelSlug, slug: forwarded.slug), SitePaths.channel(forwarded.channelSlug)] {
            let file = try #require(result.files.first { $0.path == path })
            try GoldenFile.assertMatches(
                String(decoding: file.contents, as: UTF8.self),
                named: "PipelineTests/" + path.replacingOccurrences(of: "/", with: "__"))
        }
    }

    @Test func templateErrorsNameFileAndLine() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.copyTemplates(to: temp)
        let broken = temp.appendingPathComponent("Templates/post.mustache")
        try Data("<p>\n{{#post}}\n{{/postt}}\n".utf8).write(to: broken)
        #expect {
            try TemplateSet(folder: temp.appendingPathComponent("Templates").path)
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.location?.path.hasSuffix("Templates/post.mustache") == true && diagnostic?.location?.line == 3
        }
    }
}
