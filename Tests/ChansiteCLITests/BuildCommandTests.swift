import Foundation
import Testing

@Suite(.serialized) struct BuildCommandTests {
    @Test func buildsTheSampleContentAndPrintsOneSummaryLine() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLIRunner.run(["build", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("built 5 channels, 83 posts, ") == true)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// The summary counts the site's files (a build to disk counts them from its manifest
    /// without listing them), and a build that finds nothing changed says the same count.
    @Test func theSummaryCountsTheSitesFiles() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.\n\n#тег".utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("Output")
        func counted(_ stdout: String) -> Int? {
            guard let open = stdout.range(of: " ("), let end = stdout[open.upperBound...].firstIndex(of: " ") else { return nil }
            return Int(stdout[open.upperBound..<end])
        }
        let first = try CLIRunner.run(["build"], in: project)
        #expect(first.status == 0, "\(first.stderr)")
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])
        var files = 0
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.hasPrefix(".") { continue }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files += 1 }
        }
        #expect(files > 10 && counted(first.stdout) == files, "\(first.stdout): \(files) files")
        let again = try CLIRunner.run(["build"], in: project)
        #expect(again.stdout.contains("0 written") && counted(again.stdout) == files, "\(again.stdout)")
    }

    @Test func badFilesAreNamedAndTheBuildGoesOn() throws {
        let project = try CLIRunner.temporaryProject(content: [
            "good.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.\n\n#тег".utf8),
            "empty.txt": Data(),
            "binary.txt": Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]),
            "broken.txt": Data("Канал\n5 subscribers\nDownload Telegram\nok\n".utf8) + Data([0xC3, 0x28]) + Data("\n#x".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/empty.txt: warning: file is empty; skipped"))
        #expect(result.stderr.contains("Content/binary.txt: error: file looks binary"))
        #expect(result.stderr.contains("Content/broken.txt:5: warning: invalid UTF-8 on line 5"))
        #expect(result.stdout.contains("built 2 channels") || result.stdout.contains("built 1 channel,"))
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/index.html").path))
    }

    /// A build that fails says each problem once: those printed as their stage found them are
    /// not printed again with the failure.
    @Test func aFailedBuildNamesEachProblemOnce() throws {
        let project = try CLIRunner.temporaryProject(content: ["binary.txt": Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "Content/binary.txt: error: file looks binary").count == 2, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "error: nothing to publish").count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("build failed: 2 errors"), "\(result.stderr)")
    }

    @Test func aBrokenTemplateFailsWithFileAndLineAndKeepsOutput() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.".utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLIRunner.run(["build", "--quiet"], in: project).status == 0)
        let index = project.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        try Data("{{#posts}}\n{{/post}}".utf8).write(to: project.appendingPathComponent("Templates/tag.mustache"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("[templates] Templates/tag.mustache:2:"))
        #expect(result.stderr.contains("was left unchanged"))
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func missingContentFolderIsAnError() throws {
        let result = try CLIRunner.run(["build", "--content", "/nonexistent-chansite", "--output", "/tmp/chansite-never"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content folder '/nonexistent-chansite' does not exist"))
    }

    @Test func inputsAsUsersHaveThem() throws {
        let utf16 = "Канал\n5 subscribers\nDownload Telegram\nПост в UTF-16.\n\n#тег\n".utf16
        let project = try CLIRunner.temporaryProject(content: [
            "utf16.txt": Data([0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ".hidden.txt": Data("Hidden\n5 subscribers\nDownload Telegram\nНе читать.".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let content = project.appendingPathComponent("Content")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("self.txt").path, withDestinationPath: "self.txt")
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/x.txt")
        try fm.createDirectory(at: content.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("built 1 channel, 1 post,"), "the UTF-16 dump is read, the hidden one is not: \(result.stdout)")
        #expect(result.stderr.contains("Content/self.txt: warning: symlink to a missing or unreachable target"))
        #expect(result.stderr.contains("Content/gone.txt: warning: symlink to a missing or unreachable target"))
        #expect(result.stderr.contains("Content/sub/loop: warning: symlink loop"))
        let page = try String(contentsOf: project.appendingPathComponent("Output/channels/kanal/index.html"), encoding: .utf8)
        #expect(page.contains("Пост в UTF-16."))
    }

    @Test func withoutABaseURLTheBuildWarnsOnceAndLeavesOutTheSitemap() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.".utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("Output")
        let bare = try CLIRunner.run(["build"], in: project)
        #expect(bare.status == 0)
        #expect(bare.stderr.components(separatedBy: "no 'baseURL'").count == 2, "warned exactly once: \(bare.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
        #expect(try String(contentsOf: output.appendingPathComponent("robots.txt"), encoding: .utf8) == "User-agent: *\nAllow: /\n")

        try Data(#"{"baseURL": "https://example.org/archive"}"#.utf8).write(to: project.appendingPathComponent("chansite.json"))
        let based = try CLIRunner.run(["build"], in: project)
        #expect(based.status == 0 && !based.stderr.contains("baseURL"))
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://example.org/archive/channels/kanal/index.html</loc>"))
        let robots = try String(contentsOf: output.appendingPathComponent("robots.txt"), encoding: .utf8)
        #expect(robots.hasSuffix("Sitemap: https://example.org/archive/sitemap.xml\n"))
    }

    /// The build counts learned splits per dump: one note by default, each split with its reason
    /// under `--verbose`.
    @Test func buildReportsLearnedSplitsPerDump() throws {
        let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps/tme_seams_emoji_russian.txt")
        let project = try CLIRunner.temporaryProject(content: ["notes.txt": try Data(contentsOf: fixture)])
        defer { try? FileManager.default.removeItem(at: project) }
        let plain = try CLIRunner.run(["build"], in: project)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(
            plain.stderr.contains(
                "Content/notes.txt: 3 posts started where no marker showed a seam, learned from the copy's marked seams (use --verbose to see why)"))
        #expect(plain.stdout.contains("30 posts"))
        let verbose = try CLIRunner.run(["build", "--verbose"], in: project)
        #expect(verbose.stderr.contains("Content/notes.txt: format tme_s_text_placeholders, 30 posts, 62 lines dropped, 3 learned splits"))
        #expect(verbose.stderr.contains("Content/notes.txt:34: note: a new post starts here, learned from this copy's marked seams: opens with"))
    }

    /// Warnings are printed as the stage that finds them ends, each once, and still counted.
    @Test func warningsArePrintedOnceAsTheyHappen() throws {
        let project = try CLIRunner.temporaryProject(content: [
            "good.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.\n\n#тег".utf8),
            "empty.txt": Data(),
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let warning = "Content/empty.txt: warning: file is empty; skipped"
        #expect(result.stderr.components(separatedBy: warning).count == 2, "\(result.stderr)")
        #expect(result.stdout.contains("2 warnings"), "\(result.stdout)")
    }
}
