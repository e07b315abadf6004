import Foundation
import Testing

/// The binary works in any folder: built-in templates, file-by-file overrides, `chansite init`.
@Suite(.serialized) struct TemplatesAndInitTests {
    static func folderWithOnlyContent() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-anywhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        return root
    }

    @Test func aFolderWithOnlyContentGetsTheFullSite() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["build"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("built 5 channels, 83 posts"))
        for path in ["index.html", "search.html", "tags/index.html", "assets/style.css", "assets/search.js", "feed.xml", "404.html"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/" + path).path), "\(path) missing")
        }
        // The same site as the repository's own templates make.
        let reference = try CLIRunner.run(["build", "-q", "--output", root.appendingPathComponent("Reference").path])
        #expect(reference.status == 0)
        #expect(OutputSafetyTests.tree(root.appendingPathComponent("Output")) == OutputSafetyTests.tree(root.appendingPathComponent("Reference")))
    }

    @Test func oneOverriddenTemplateLeavesTheRestBuiltIn() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try Data("{{<base}}{{$content}}<p class=\"custom\">CUSTOM {{post.heading}}</p>{{/content}}{{/base}}\n".utf8)
            .write(to: root.appendingPathComponent("Templates/post.mustache"))
        #expect(try CLIRunner.run(["build", "-q"], in: root).status == 0)
        let channel = root.appendingPathComponent("Output/channels/dl_stories")
        let posts = try FileManager.default.contentsOfDirectory(atPath: channel.path).filter {
            $0 != "index.html" && $0.hasSuffix(".html") && !$0.hasPrefix("page-")
        }
        let post = try String(contentsOf: channel.appendingPathComponent(try #require(posts.first)), encoding: .utf8)
        #expect(post.contains("<p class=\"custom\">CUSTOM "), "the override is used")
        #expect(post.contains("<link rel=\"stylesheet\""), "the built-in base layout still wraps it")
        let index = try String(contentsOf: channel.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!index.contains("CUSTOM"), "channel pages still use the built-in template")
    }

    @Test func aNamedTemplatesFolderMustExist() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["build", "--templates", "Themes"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates folder 'Themes' does not exist"))
    }

    @Test func aBrokenBuiltInStyleErrorNamesTheOverridingFile() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates/partials"), withIntermediateDirectories: true)
        try Data("<p>\n{{#x}}\n".utf8).write(to: root.appendingPathComponent("Templates/partials/footer.mustache"))
        let result = try CLIRunner.run(["build"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Templates/partials/footer.mustache:"), "\(result.stderr)")
    }

    @Test func initThenBuildWorksAndNeverOverwrites() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CLIRunner.run(["init", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let config = try String(contentsOf: root.appendingPathComponent("chansite.json"), encoding: .utf8)
        for key in [
            "title", "description", "baseURL", "language", "postsPerPage", "tagPostsPerPage", "homePostsPerChannel", "timeZone", "channelOrder",
            "exportChatTypes",
            "channelHandles",
        ] {
            #expect(config.contains("\"\(key)\""), "chansite.json lacks \(key)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Templates").path))
        let built = try CLIRunner.run(["build"], in: root)
        #expect(built.status == 0 && built.stdout.hasPrefix("built 1 channel, 2 posts"), "\(built.stdout) \(built.stderr)")

        try Data("{\"title\": \"Mine\"}".utf8).write(to: root.appendingPathComponent("chansite.json"))
        let again = try CLIRunner.run(["init", root.path, "--templates"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("kept the existing"))
        #expect(try String(contentsOf: root.appendingPathComponent("chansite.json"), encoding: .utf8) == "{\"title\": \"Mine\"}")
        let copied = try String(contentsOf: root.appendingPathComponent("Templates/post.mustache"), encoding: .utf8)
        let original = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Templates/post.mustache"), encoding: .utf8)
        #expect(copied == original)
    }

    @Test func anUnknownVariableIsAWarningWithFileAndLineAndAMissingPartialAnError() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        let post = root.appendingPathComponent("Templates/post.mustache")
        try Data("{{<base}}{{$content}}\n<h1>{{post.headng}}</h1>\n{{/content}}{{/base}}\n".utf8).write(to: post)
        let warned = try CLIRunner.run(["build"], in: root)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("Templates/post.mustache:2: warning: unknown variable 'post.headng'"), "\(warned.stderr)")

        try Data("{{<base}}{{$content}}\n\n{{> partials/nope}}\n{{/content}}{{/base}}\n".utf8).write(to: post)
        let failed = try CLIRunner.run(["build"], in: root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Templates/post.mustache:3: error: partial 'partials/nope' does not exist"), "\(failed.stderr)")
    }

    /// A partial that includes itself, here through another, stops the build with the file and
    /// line of the include (it crashed the build with a stack overflow before).
    @Test func aTemplateIncludingItselfIsAnErrorNotACrash() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates/partials"), withIntermediateDirectories: true)
        try Data("<footer>\n{{> partials/credits}}</footer>\n".utf8).write(to: root.appendingPathComponent("Templates/partials/footer.mustache"))
        try Data("{{#site}}{{> partials/footer}}{{/site}}\n".utf8).write(to: root.appendingPathComponent("Templates/partials/credits.mustache"))
        let result = try CLIRunner.run(["build"], in: root)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Templates/partials/credits.mustache:1: error: template 'partials/footer' includes itself (partials/footer → partials/credits → partials/footer)"
            ), "\(result.stderr)")
    }

    @Test func aNamedConfigurationFileMustExist() throws {
        let root = try Self.folderWithOnlyContent()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["build", "--config", "site.json"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("configuration file 'site.json' does not exist"))
        #expect(try CLIRunner.run(["build", "-q"], in: root).status == 0, "the default file may be absent")
    }
}
