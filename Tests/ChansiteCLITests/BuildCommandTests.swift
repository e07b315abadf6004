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
        #expect(result.stdout.contains("built 2 channels") || result.stdout.contains("built 1 channels"))
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/index.html").path))
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
}
