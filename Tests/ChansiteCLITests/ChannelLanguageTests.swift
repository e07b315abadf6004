import Foundation
import Testing

/// `channelLanguages`: a channel's posts and header say the language it writes in; a post in
/// another script says its own; a tag that is not one stops the build with the key named.
@Suite struct ChannelLanguageTests {
    static let dump = """
        Kanal Neuigkeiten
        5 subscribers
        Download Telegram
        Heute gibt es neue Nachrichten aus der Stadt.
        Please open Telegram to view this post
        VIEW IN TELEGRAM
        Сегодня новости по-русски, для гостей.
        """

    @Test func postsCarryTheConfiguredLanguageUnlessTheirScriptSaysAnother() throws {
        let project = try CLIRunner.temporaryProject(content: ["kanal.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(#"{"language": "en", "channelLanguages": {"kanal-neuigkeiten": "de"}}"#.utf8)
            .write(to: project.appendingPathComponent("chansite.json"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: project.appendingPathComponent("Output/channels/kanal-neuigkeiten/index.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("<h1 lang=\"de\">"))
        let articles = page.components(separatedBy: "<article").dropFirst().map { String($0.prefix(120)) }
        #expect(articles.count == 2)
        #expect(articles.contains { $0.contains("lang=\"de\"") } && articles.contains { $0.contains("lang=\"ru\"") }, "\(articles)")
    }

    @Test func aWrongTagIsAnErrorNamingTheChannel() throws {
        let project = try CLIRunner.temporaryProject(content: ["kanal.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(#"{"channelLanguages": {"kanal-neuigkeiten": "German language"}}"#.utf8).write(to: project.appendingPathComponent("chansite.json"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("'channelLanguages' 'kanal-neuigkeiten': 'German language' is not a language tag"), "\(result.stderr)")
    }
}
