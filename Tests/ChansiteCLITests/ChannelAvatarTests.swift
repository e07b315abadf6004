import Foundation
import Testing

/// A channel's picture, from the export's last "channel photo changed" message, in the JSON form
/// and the HTML form alike: published as chansite's own small JPEG and shown on the home,
/// channel and post pages.
@Suite struct ChannelAvatarTests {
    static let photo = CLIRunner.repositoryRoot.appendingPathComponent(
        "Tests/ChansiteKitTests/Fixtures/exports/media/photos/photo_1@05-03-2024_10-00-00.jpg")

    static func html(name: String, messages: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"/><title>Exported Data</title></head><body>
        <div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">\(name)</div></div></div>
        <div class="page_body chat_page"><div class="history">
        \(messages)
        </div></div></div></body></html>
        """
    }

    @Test(arguments: ["json", "html"])
    func theChannelsPhotoIsShownOnItsPages(form: String) throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let export = project.appendingPathComponent("Content/pictured")
        try FileManager.default.createDirectory(at: export.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.photo, to: export.appendingPathComponent("photos/new.jpg"))
        if form == "json" {
            let json = """
                {"name":"Pictured","type":"public_channel","id":42,"messages":[
                {"id":1,"type":"service","date":"2024-01-01T10:00:00","actor":"Pictured","action":"edit_group_photo","photo":"photos/missing.jpg","text":""},
                {"id":2,"type":"service","date":"2024-01-02T10:00:00","actor":"Pictured","action":"edit_group_photo","photo":"photos/new.jpg","text":""},
                {"id":3,"type":"message","date":"2024-01-03T10:00:00","from":"Pictured","text":"Hello"}]}
                """
            try Data(json.utf8).write(to: export.appendingPathComponent("result.json"))
        } else {
            let messages = """
                <div class="message service" id="message2"><div class="body details">Channel photo changed</div>
                <div class="userpic_wrap"><a class="userpic_link" href="photos/new.jpg"><img class="userpic" src="photos/new.jpg" style="width: 60px; height: 60px"/></a></div></div>
                <div class="message default clearfix" id="message3"><div class="body">
                <div class="pull_right date details" title="03.01.2024 10:00:00 UTC+00:00">10:00</div>
                <div class="from_name">Pictured</div><div class="text">Hello</div></div></div>
                """
            try Data(Self.html(name: "Pictured", messages: messages).utf8).write(to: export.appendingPathComponent("messages.html"))
        }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let output = project.appendingPathComponent("Output")
        let slug = try #require(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("channels").path).first)
        let avatar = output.appendingPathComponent("media/\(slug)/avatar.jpg")
        #expect(FileManager.default.fileExists(atPath: avatar.path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<img class=\"avatar\" src=\"media/\(slug)/avatar.jpg\" width=\"48\" height=\"48\" alt=\"\">"))
        let channel = try String(contentsOf: output.appendingPathComponent("channels/\(slug)/index.html"), encoding: .utf8)
        #expect(channel.contains("<img class=\"avatar\" src=\"../../media/\(slug)/avatar.jpg\" width=\"64\" height=\"64\" alt=\"\">"))
        // The channel's pages take its picture as their icon.
        #expect(channel.contains("<link rel=\"icon\" href=\"../../media/\(slug)/avatar.jpg\" type=\"image/jpeg\">"))
        let post = try String(contentsOf: output.appendingPathComponent("channels/\(slug)/3.html"), encoding: .utf8)
        #expect(post.contains("class=\"avatar avatar-small\" src=\"../../media/\(slug)/avatar.jpg\""))
    }

    /// A saved `t.me/s` page's header picture is used when the browser saved it beside the page;
    /// a Telegram address (it expires) is left alone.
    @Test(arguments: [true, false])
    func aSavedPagesPictureIsUsedWhenSavedBesideIt(saved: Bool) throws {
        let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/html-exports/saved-pages/kotiki_news.html")
        var page = try String(contentsOf: fixture, encoding: .utf8)
        if saved { page = page.replacingOccurrences(of: "https://cdn4.telesco.pe/file/avatar.jpg", with: "./kotiki_news_files/avatar%201.jpg") }
        let project = try CLIRunner.temporaryProject(content: ["kotiki_news.html": Data(page.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let files = project.appendingPathComponent("Content/kotiki_news_files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.photo, to: files.appendingPathComponent("avatar 1.jpg"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let avatar = project.appendingPathComponent("Output/media/kotiki_news/avatar.jpg")
        #expect(FileManager.default.fileExists(atPath: avatar.path) == saved)
        let channel = try String(contentsOf: project.appendingPathComponent("Output/channels/kotiki_news/index.html"), encoding: .utf8)
        #expect(channel.contains("class=\"avatar\"") == saved)
        #expect(!channel.contains("telesco.pe"))
    }
}
