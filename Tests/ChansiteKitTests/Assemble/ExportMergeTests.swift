import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

@Suite struct ExportMergeTests {
    static func posts(_ name: String) throws -> [ParsedDump] {
        try ExportReaderTests.read(name).dumps
    }

    @Test func overlappingExportsMergeByIDWithTheNewestTextAndTheOlderMedia() throws {
        let dumps = try Self.posts("overlap-2024") + Self.posts("overlap-2023")
        let (site, diagnostics) = SiteAssembler(config: SiteConfig()).assemble(dumps)
        #expect(site.channels.count == 1)
        let posts = site.channels[0].posts.map(\.post)
        #expect(posts.map(\.messageID) == ["5", "6", "7"])
        #expect(posts[1].text == "Post six, corrected: the.")
        #expect(posts[0].media.first?.sourcePath?.hasSuffix("overlap-2023/photos/photo_5@10-01-2023_08-00-00.jpg") == true)
        #expect(diagnostics.contains { $0.message.contains("2 exports of this channel merged by message id: 2 messages") })
    }

    static func history() throws -> [ParsedDump] {
        try ["ChatExport_2024-01-10", "ChatExport_2024-03-15", "ChatExport_2024-06-01"].flatMap { try Self.posts("history/" + $0) }
    }

    /// Three exports of one channel: an edited post keeps each earlier text with the export
    /// date that showed it; a reaction-only edit is no version; a post a later export covering
    /// its id lacks is kept, marked deleted after the last export that had it. The order the
    /// exports are read in changes nothing.
    @Test func exportsAtThreeDatesKeepEditsAndDeletions() throws {
        let dumps = try Self.history()
        let (site, diagnostics) = SiteAssembler(config: SiteConfig()).assemble(dumps)
        let posts = Dictionary(uniqueKeysWithValues: site.channels[0].posts.map { ($0.post.messageID ?? "", $0.post) })
        #expect(posts.keys.sorted() == ["2", "3", "4", "5", "7", "8"])
        let edited = try #require(posts["2"])
        #expect(edited.text == "The museum opens on Tuesday at ten, with free entry for children.")
        #expect(
            edited.details?.versions.map(\.text) == [
                "The museum opens on Monday at nine, with free entry for children.",
                "The museum opens on Tuesday at nine, with free entry for children.",
            ])
        #expect(edited.details?.versions.map { $0.seen.map { Int($0.timeIntervalSince1970) } } == [1_704_844_800, 1_710_460_800])
        #expect(edited.details?.deletedAfter == nil)
        #expect(posts["4"]?.details?.versions == [], "a reaction-only edit is no version")
        #expect(posts["3"]?.details?.deletedAfter == Date(timeIntervalSince1970: 1_704_844_800))
        #expect(posts["7"]?.details?.deletedAfter == nil && posts["8"]?.details?.deletedAfter == nil)
        #expect(diagnostics.contains { $0.message.contains("1 post edited (earlier texts kept), 1 post deleted") })
        for order in [dumps.reversed(), [dumps[1], dumps[2], dumps[0]]] {
            let again = SiteAssembler(config: SiteConfig()).assemble(Array(order)).site
            #expect(again.channels[0].posts.map(\.post) == site.channels[0].posts.map(\.post))
        }
        let hidden = SiteAssembler(config: SiteConfig(hideDeletedPosts: true)).assemble(dumps).site
        #expect(hidden.channels[0].posts.map { $0.post.messageID ?? "" } == ["2", "4", "5", "7", "8"])
        #expect(hidden.withheld.deletedPosts == 1)
    }

    /// A post missing from a later export that does not reach its id (a partial export of
    /// later months) is not deleted.
    @Test func aLaterExportThatDoesNotCoverAPostDoesNotDeleteIt() throws {
        let dumps = try Self.history()
        var later = dumps[2]
        later.posts = later.posts.filter { Int($0.messageID ?? "") ?? 0 >= 7 }
        let site = SiteAssembler(config: SiteConfig()).assemble([dumps[0], later]).site
        #expect(site.channels[0].posts.allSatisfy { $0.post.details?.deletedAfter == nil })
    }

    @Test func aTextCopyOfTheSameChannelMergesWithItsExportByContent() throws {
        var export = try Self.posts("replies")
        export[0].channel.handle = nil
        let copy = TestSupport.parse(
            """
            Reply Chain
            10 subscribers
            Download Telegram
            The first announcement: the archive opens in May, with every post since 2019.
            Please open Telegram to view this post
            VIEW IN TELEGRAM
            A post only the copy has.
            """, path: "copy.txt")
        #expect(copy.channel.title == "Reply Chain")
        let (site, diagnostics) = SiteAssembler(config: SiteConfig()).assemble(export + [copy])
        #expect(site.channels.count == 1)
        let texts = site.channels[0].posts.map(\.post.text)
        #expect(texts.filter { $0.hasPrefix("The first announcement") }.count == 1)
        #expect(texts.contains("A post only the copy has."))
        #expect(site.channels[0].info.subscribers == "10")
        #expect(diagnostics.contains { $0.message.contains("the export's copy is kept") })
    }

    @Test func albumsGroupOnlyConsecutiveMediaOfOneSenderAndSecond() throws {
        func message(_ id: Int, time: String = "100", photo: Bool = true, text: String = "", from: String = "channel1") throws -> ExportJSON.Message {
            var json: [String: Any] = ["id": id, "type": "message", "date_unixtime": time, "from_id": from, "text": text]
            if photo { json["photo"] = "photos/\(id).jpg" }
            return try JSONDecoder().decode(ExportJSON.Message.self, from: JSONSerialization.data(withJSONObject: json))
        }
        let runs = ExportAlbums.group([
            try message(1, text: "caption"), try message(2), try message(3),  // an album
            try message(4, text: "second caption"), try message(5, text: "a third caption"),  // two captions: split
            try message(7), try message(8, time: "101"),  // a gap in ids, then another second
            try message(9, from: "channel2"), try message(10, photo: false),
        ])
        #expect(runs == [0..<3, 3..<4, 4..<5, 5..<6, 6..<7, 7..<8, 8..<9])
    }
}
