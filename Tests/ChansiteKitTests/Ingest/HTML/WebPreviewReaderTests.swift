import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteKit
@testable import ChansiteModel
@testable import ChansiteOutput

/// Saved pages of Telegram's web preview (`Fixtures/html-exports/saved-pages/`: two overlapping
/// `t.me/s` pages of one channel and a single post's embed page, written from the markup the
/// scrapers read) make one channel with each post once.
@Suite struct WebPreviewReaderTests {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/html-exports/saved-pages").path

    static func read() throws -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        let pages = try DesktopHTMLReader.previewPages(of: folder).map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) }
        #expect(pages.count == 3)
        return WebPreviewReader().read(pages: pages)
    }

    @Test func overlappingPagesAndAnEmbedPageMakeOneChannelWithEachPostOnce() throws {
        let read = try Self.read()
        let dump = try #require(read.dumps.first)
        #expect(read.dumps.count == 1)
        #expect(dump.channel.title == "Новости котиков" && dump.channel.handle == "kotiki_news" && dump.channel.subscribers == "8.01K")
        #expect(dump.channel.description == "Канал о кошках.\nКаждый день.")
        #expect(dump.posts.map(\.messageID) == ["100", "101", "102", "105", "106", "107", "110"])
        #expect(dump.posts.first?.date == Date(timeIntervalSince1970: 1_709_280_060))
        #expect(dump.diagnostics.contains { $0.message == "1 service posts are not posts" })
    }

    @Test func aPostKeepsItsFormattingAndEverythingTheBubbleShows() throws {
        let posts = try #require(try Self.read().dumps.first?.posts)
        let first = posts[0]
        #expect(first.text == "Первый пост: жирный, курсив и #котики 🐱\nВторая строка с @durov и тайной.")
        #expect(
            first.spans?.map(\.kind) == ["plain", "bold", "plain", "italic", "plain", "hashtag", "plain", "mention", "plain", "spoiler", "plain"])
        #expect(first.hashtags == ["#котики"] && first.details?.author == "Мария")
        #expect(first.media.map(\.kind) == [.photo] && first.media.allSatisfy { $0.sourcePath == nil && $0.unavailable == .remote })
        #expect(posts[1].replyTo == "100")
        #expect(posts[1].spans?.last == TextSpan(kind: "text_link", text: "ссылка", href: "https://example.org/a?b=1&c=2"))
        #expect(posts[2].text == "Альбом из трёх фото: مرحبا بالقطط" && posts[2].details?.albumIDs == ["103", "104"] && posts[2].media.count == 3)
        #expect(posts[3].forwardedFrom == "Luxta TV" && posts[3].media.first?.durationSeconds == 14)
        #expect(posts[4].reactions == [Reaction(emoji: "👍", count: 2400), Reaction(emoji: "✨", count: 12), Reaction(emoji: "⭐", count: 5)])
        #expect(posts[4].details?.poll?.answers.map(\.text) == ["Рыжий", "Чёрный"])
        #expect(posts[5].media.map(\.kind) == [.videoFile, .file] && posts[5].media.last?.fileName == "кошки.pdf")
        #expect(posts[5].hasMediaPlaceholder && posts[5].linkPreviews.first?.title == "Всё о кошках")
        #expect(posts[6].text == "Пост из встраиваемой страницы.")
    }

    @Test func hostileAndBrokenPagesNeverCrash() {
        let deep =
            String(repeating: "<div>", count: 10_000)
            + "<div class=\"tgme_widget_message\" data-post=\"x/1\"><div class=\"tgme_widget_message_text js-message_text\">deep</div></div>"
        let pages: [(path: String, data: Data)] = [
            ("deep.html", Data(deep.utf8)), ("bad.html", Data([0xFF, 0x00, 0x3C] + Array("tgme_widget_message data-post=\"x/99999999999\"".utf8))),
            (
                "ids.html",
                Data("<div class=\"tgme_widget_message\" data-post=\"x/abc\"></div><div class=\"tgme_widget_message\" data-post=\"\"></div>".utf8)
            ),
        ]
        let read = WebPreviewReader().read(pages: pages)
        #expect(read.dumps.flatMap(\.posts).map(\.text) == ["deep"])
    }

    @Test func aPollShareThatIsNotAPercentCountsAsZero() throws {
        func option(_ percent: String) -> String {
            "<div class=\"tgme_widget_message_poll_option\"><div class=\"tgme_widget_message_poll_option_percent\">\(percent)</div>"
                + "<div class=\"tgme_widget_message_poll_option_text\">a</div></div>"
        }
        let page =
            "<div class=\"tgme_widget_message\" data-post=\"x/1\"><div class=\"tgme_widget_message_poll\">"
            + option("9000000000000000000%") + option("9000000000000000000%") + option("40%") + "</div></div>"
        let read = WebPreviewReader().read(pages: [("poll.html", Data(page.utf8))])
        let poll = try #require(read.dumps.first?.posts.first?.details?.poll)
        #expect(poll.answers.map(\.voters) == [0, 0, 40])
        #expect(poll.totalVoters == 40)
    }

    /// Each voice message has the duration beside it (a grouped post holds several).
    @Test func eachVoiceMessageKeepsItsOwnDuration() throws {
        func voice(_ duration: String) -> String {
            "<audio class=\"tgme_widget_message_voice\" src=\"https://cdn/x.ogg\"></audio>"
                + "<time class=\"tgme_widget_message_voice_duration\">\(duration)</time>"
        }
        let page = "<div class=\"tgme_widget_message\" data-post=\"x/1\">" + voice("0:07") + voice("1:05") + "</div>"
        let read = WebPreviewReader().read(pages: [("voice.html", Data(page.utf8))])
        let media = try #require(read.dumps.first?.posts.first?.media)
        #expect(media.map(\.kind) == [.voiceMessage, .voiceMessage])
        #expect(media.map(\.durationSeconds) == [7, 65])
    }
}

extension WebPreviewReaderTests {
    /// Saved pages and an export of one channel are one channel: posts merge by id, and the
    /// export's copy (which has the files) wins.
    @Test func savedPagesAndAnExportOfOneChannelAreOneChannel() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: root.appendingPathComponent("Content/pages").path)
        let export = """
            {"name": "Новости котиков", "type": "public_channel", "id": 1500, "messages": [
              {"id": 100, "type": "message", "date_unixtime": "1709280060", "text": "Первый пост из экспорта."},
              {"id": 200, "type": "message", "date_unixtime": "1709980060", "text": "Пост, которого нет на страницах."}]}
            """
        try TestSupport.write(["Content/export/result.json": export], under: root)
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: root.appendingPathComponent("Output").path, templatesRequired: false))
        let site = try #require(try pipeline.build().site)
        #expect(site.channels.count == 1)
        let posts = try #require(site.channels.first?.posts)
        #expect(posts.compactMap(\.post.messageID) == ["100", "101", "102", "105", "106", "107", "110", "200"])
        #expect(posts.first?.post.text == "Первый пост из экспорта.")
    }
}
