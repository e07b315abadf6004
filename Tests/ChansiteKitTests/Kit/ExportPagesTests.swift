import Foundation
import Testing

@testable import ChansiteKit
@testable import ChansiteOutput

/// The pages made from the fixture exports, against golden files: formatting, media of every
/// kind, an album, replies and links across pages, service messages, right-to-left text.
@Suite struct ExportPagesTests {
    static func build(config: String = #"{"language": "en", "channelHandles": {"1000000005": "replychain"}}"#) throws -> BuildResult {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Data(config.utf8).write(to: temp.appendingPathComponent("chansite.json"))
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: ExportReaderTests.fixtures.path, templatesPath: TestSupport.repositoryRoot.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path, configPath: temp.appendingPathComponent("chansite.json").path))
        return try pipeline.build()
    }

    static func page(_ result: BuildResult, _ path: String) throws -> String {
        String(decoding: try #require(result.files.first { $0.path == path }).contents, as: UTF8.self)
    }

    @Test(arguments: [
        "channels/formatting-lab/1.html", "channels/media-shelf/index.html", "channels/album-walk/40.html",
        "channels/replychain/102.html", "channels/replychain/100.html", "channels/service-desk/index.html",
        "channels/channel-1000000011/1.html", "channels/overlap-news/archive.html", "channels/archive-watch/2.html",
        "channels/archive-watch/3.html", "channels/media-shelf/gallery.html", "channels/media-shelf/gallery-files.html",
        "channels/media-shelf/gallery-audio.html", "channels/archive-watch/archive-2024.html", "days/01-05.html", "days/index.html",
        "channels/kinds-lab/index.html", "channels/kinds-lab/10.html",
    ])
    func pagesMatchTheGolden(path: String) throws {
        let result = try Self.build()
        try GoldenFile.assertMatches(try Self.page(result, path), named: "ExportPagesTests/" + path.replacingOccurrences(of: "/", with: "__"))
    }

    @Test func repliesAndTelegramLinksPointAtLocalPages() throws {
        let result = try Self.build()
        let page = try Self.page(result, "channels/replychain/102.html")
        #expect(page.contains(#"<a href="../../channels/replychain/100.html">↩ In reply to: <span>The first announcement"#))
        #expect(page.contains(#"<a href="../../channels/replychain/101.html">https://t.me/c/1000000005/101</a>"#))
        #expect(page.contains(#"<a href="../../channels/replychain/100.html">the first post</a>"#))
        #expect(page.contains(#"href="https://t.me/replychain/102""#))
        let first = try Self.page(result, "channels/replychain/100.html")
        #expect(first.contains("2 replies"))
        let orphan = try Self.page(result, "channels/replychain/103.html")
        #expect(orphan.contains("In reply to a message that is not in this archive"))
        let forward = try Self.page(result, "channels/replychain/104.html")
        #expect(forward.contains(#"Forwarded from <a href="../../channels/media-shelf/index.html">Media Shelf</a>"#))
    }

    @Test func datesFollowTheConfiguredZoneAndOrder() throws {
        let result = try Self.build(config: #"{"language": "en", "timeZone": "Asia/Tokyo", "channelOrder": "newest"}"#)
        let channel = try Self.page(result, "channels/overlap-news/index.html")
        let seven = try #require(channel.range(of: "overlap-news/7.html"))
        let five = try #require(channel.range(of: "overlap-news/5.html"))
        #expect(seven.lowerBound < five.lowerBound)
        // 2023-01-10 08:00 UTC is 17:00 in Tokyo.
        #expect(try Self.page(result, "channels/overlap-news/5.html").contains("5:00"))
        let old = try Self.page(result, "channels/old-times/1.html")
        #expect(old.contains("11:30") && !old.contains("datetime="))  // local time as written, no instant
    }
}
