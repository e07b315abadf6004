import Foundation
import Testing

/// What the command line says: counts in their number, hints that fit the folder, a named
/// command for a typo, and a failure when nothing could be published.
@Suite(.serialized) struct CommandLineTests {
    @Test func aMistypedCommandIsNamedWithTheOneMeant() throws {
        let typo = try CLIRunner.run(["biuld"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command 'biuld'; did you mean 'build'?"), "\(typo.stderr)")
        let unknown = try CLIRunner.run(["publish-everything"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown command 'publish-everything' (the commands are build, serve, inspect, search, init"))
        #expect(!unknown.stderr.contains("did you mean"))
        // Options and real commands pass untouched.
        #expect(try CLIRunner.run(["--version"]).status == 0)
        #expect(try CLIRunner.run(["help", "build"]).stdout.contains("USAGE: chansite build"))
    }

    @Test func countsAreInTheirNumber() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.\n\n#тег".utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("built 1 channel, 1 post, 1 tag: "), "\(result.stdout)")
        #expect(result.stdout.contains(" · 0 errors, 1 warning\n"), "\(result.stdout)")
    }

    @Test func aBuildThatReadsNoPostFailsAndLeavesTheSiteAlone() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data("Канал\n5 subscribers\nDownload Telegram\nПост.".utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLIRunner.run(["build", "--quiet"], in: project).status == 0)
        let index = project.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        // Now only a private chat is left: nothing to publish.
        let content = project.appendingPathComponent("Content")
        try FileManager.default.removeItem(at: content.appendingPathComponent("a.txt"))
        try FileManager.default.createDirectory(at: content.appendingPathComponent("chat"), withIntermediateDirectories: true)
        let chat =
            #"{"name": "Ann", "type": "personal_chat", "id": 5, "messages": [{"id": 1, "type": "message", "date": "2024-01-02T03:04:05", "text": "a private word"}]}"#
        try Data(chat.utf8).write(to: content.appendingPathComponent("chat/result.json"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: nothing to publish: no post was read from the content folder 'Content'"), "\(result.stderr)")
        #expect(result.stderr.contains("Content/chat/result.json: note: 1 chat that is not a channel skipped (personal_chat ×1)"), "\(result.stderr)")
        #expect(result.stderr.contains("build failed: 1 error; 'Output' was left unchanged"))
        #expect(try Data(contentsOf: index) == before)
        // An empty content folder says what it looks for.
        try FileManager.default.removeItem(at: content.appendingPathComponent("chat"))
        let empty = try CLIRunner.run(["build"], in: project)
        #expect(empty.status == 1)
        #expect(
            empty.stderr.contains(
                "no Telegram Desktop export (messages*.html or result.json), no saved t.me/s page (*.html) and no text copy (*.txt)"))
    }

    @Test func aMissingContentFolderPointsToInit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-bare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["build"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content folder 'Content' does not exist; put your exports and dumps there, or run 'chansite init'"))
    }

    @Test func initSaysHowToBuildFromWhereTheUserIsAndSpeaksTheirLanguage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let here = try CLIRunner.run(["init", "."], in: root, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(here.status == 0)
        #expect(here.stdout.contains("build the site with: chansite build\n"), "\(here.stdout)")
        #expect(here.stdout.contains("saved pages of a channel's web preview"))
        #expect(try String(contentsOf: root.appendingPathComponent("chansite.json"), encoding: .utf8).contains(#""language": "en","#))

        let spaced = try CLIRunner.run(["init", "my archive"], in: root, environment: ["LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(spaced.stdout.contains("build the site with: cd 'my archive' && chansite build"), "\(spaced.stdout)")
        let config = try String(contentsOf: root.appendingPathComponent("my archive/chansite.json"), encoding: .utf8)
        #expect(config.contains(#""language": "ru","#))
        // A locale without built-in interface words gives English.
        let other = try CLIRunner.run(["init", "other"], in: root, environment: ["LANG": "xx_YY.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(other.status == 0)
        #expect(try String(contentsOf: root.appendingPathComponent("other/chansite.json"), encoding: .utf8).contains(#""language": "en","#))
    }
}
