import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

/// Reads the fixture exports (`Fixtures/exports/<name>/result.json`), each made to exercise one
/// part of the format.
@Suite struct ExportReaderTests {
    static let fixtures = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports")

    static func read(_ name: String, reader: ExportReader = ExportReader()) throws -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        let path = fixtures.appendingPathComponent(name + "/result.json").path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return reader.read(path: path, data: data)
    }

    static func all(_ read: (dumps: [ParsedDump], diagnostics: [Diagnostic])) -> [Diagnostic] {
        read.diagnostics + read.dumps.flatMap(\.diagnostics)
    }

    @Test func everyEntityTypeBecomesASpanAndUnknownOnesAreNotedOnce() throws {
        let read = try Self.read("entities")
        let post = try #require(read.dumps.first?.posts.first)
        let kinds = Set(post.spans?.map(\.kind) ?? [])
        #expect(TextSpan.knownKinds.subtracting(["unknown"]).isSubset(of: kinds))
        #expect(post.text.hasPrefix("Every entity: bold, italic"))
        #expect(post.text.hasSuffix("The end <script>alert('x')</script>."))
        #expect(post.hashtags == ["#formatting"])
        #expect(post.reactions == [Reaction(emoji: "👍", count: 12), Reaction(emoji: "✨", count: 3), Reaction(emoji: "⭐", count: 5)])
        let messages = Self.all(read).map(\.message)
        #expect(messages.filter { $0.contains("unknown text entity 'fancy_future_entity'") }.count == 1)
        #expect(messages.filter { $0.contains("unknown message key 'future_key'") }.count == 1)
        let edited = try #require(read.dumps.first?.posts.last)
        #expect(edited.details?.author == "Ada Editor")
        #expect(edited.details?.edited == Date(timeIntervalSince1970: 1_709_370_000))
    }

    /// Decoding ahead (`serve` re-reading one export) reads what decoding on demand reads:
    /// the same posts and diagnostics, across batches, with a broken message among them.
    @Test func decodingAheadReadsTheSame() {
        let messages = (1...1_300).map { id in
            id == 700
                ? #"{"id": 700, "text": nope}"#
                : #"{"id": \#(id), "type": "message", "date_unixtime": "\#(1_700_000_000 + id * 60)", "text": "post \#(id)"}"#
        }
        let json = #"{"name": "C", "type": "public_channel", "id": 5, "messages": [\#n"# + messages.joined(separator: ",\n") + "\n]}"
        var ahead = ExportReader()
        ahead.decodesAhead = true
        let (plain, early) = (
            ExportReader().read(path: "e/result.json", data: Data(json.utf8)), ahead.read(path: "e/result.json", data: Data(json.utf8))
        )
        #expect(plain.dumps.flatMap(\.posts).count > 1_000)
        #expect(plain.dumps.map(\.posts) == early.dumps.map(\.posts))
        #expect(Self.all(plain).map(\.description) == Self.all(early).map(\.description))
    }

    /// With a scratch file (a build's), a chat's long texts wait there from when their posts
    /// are read, a batch at a time: the posts read the same as a read holding them, including
    /// posts a later service message changes (a pin) and short texts, which stay in memory.
    @Test func aReadWithAScratchFileHoldsItsTextsThereAndReadsTheSame() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let count = 3 * ExportChatReader.spillBatch + 17
        var messages = (1...count).map { id in
            let text = id % 5 == 0 ? "short \(id)" : "Длинный пост \(id): " + String(repeating: "слово ", count: 20)
            return #"{"id": \#(id), "type": "message", "date_unixtime": "\#(1_700_000_000 + id * 60)", "text": "\#(text)"}"#
        }
        messages.append(#"{"id": 9000, "type": "service", "date_unixtime": "1800000000", "action": "pin_message", "message_id": 3}"#)
        let json = #"{"name": "C", "type": "public_channel", "id": 5, "messages": [\#n"# + messages.joined(separator: ",\n") + "\n]}"
        var spilling = ExportReader()
        spilling.texts = try #require(ScratchFile(in: temp.path))
        let held = ExportReader().read(path: "e/result.json", data: Data(json.utf8))
        let spilled = spilling.read(path: "e/result.json", data: Data(json.utf8))
        let posts = spilled.dumps.flatMap(\.posts)
        #expect(posts.count == count)
        #expect(posts == held.dumps.flatMap(\.posts))
        #expect(posts.map(\.text) == held.dumps.flatMap(\.posts).map(\.text))
        #expect(posts.allSatisfy { $0.isTextSpilled == PostText.spills(utf8Count: $0.textUTF8Count) })
        #expect(posts.filter(\.isTextSpilled).count == count - count / 5)
        #expect(posts[2].details?.pinned == true)
    }

    /// A memo of decoded messages (`serve`'s) makes a re-read decode only the messages whose
    /// bytes changed, and the read is the one without it: posts, lines and diagnostics.
    @Test func aReadReusesMessagesDecodedFromTheSameBytes() {
        func message(_ id: Int, _ text: String) -> String {
            // Every tenth message has a date out of range: its note comes from the reader, each read.
            let date = id % 10 == 0 ? "99999999999999999" : String(1_700_000_000 + id * 60)
            return
                ##"{"id": \##(id), "type": "message", "date_unixtime": "\##(date)", "text": ["\##(text) ", {"type": "hashtag", "text": "#t\##(id % 7)"}]}"##
        }
        func export(_ messages: [String]) -> Data {
            Data((#"{"name": "C", "type": "public_channel", "id": 5, "messages": [\#n"# + messages.joined(separator: ",\n") + "\n]}").utf8)
        }
        var messages = (1...300).map { message($0, "post \($0)") }
        let memo = CountingMemo<ExportReader.Decoded>()
        let first = ExportReader().read(path: "e/result.json", data: export(messages), messages: memo)
        #expect(memo.hits.value == 0)
        #expect(first.dumps.flatMap(\.posts).count == 300)
        // One edited, one inserted (every later message moves a line down), one deleted.
        messages[149] = message(150, "post 150, edited")
        messages.insert(message(1_000, "a new post"), at: 10)
        messages.remove(at: 201)
        let data = export(messages)
        let again = ExportReader().read(path: "e/result.json", data: data, messages: memo)
        let plain = ExportReader().read(path: "e/result.json", data: data)
        #expect(memo.hits.value == 298)
        let samePosts = again.dumps.map(\.posts) == plain.dumps.map(\.posts)
        #expect(samePosts)
        #expect(again.dumps.flatMap(\.posts).map(\.source.firstLine) == Array(2...301))
        #expect(Self.all(again).map(\.description) == Self.all(plain).map(\.description))
        #expect(Self.all(plain).filter { $0.message.contains("is not a time") }.count == 31)
    }

    @Test func linesNameWhereEachMessageStarts() throws {
        let read = try Self.read("entities")
        #expect(read.dumps.first?.posts.map(\.source.firstLine) == [6, 76])
    }

    @Test func anOldExportReadsWithLocalDatesAndSaysSo() throws {
        let read = try Self.read("old-version")
        let posts = try #require(read.dumps.first?.posts)
        #expect(posts.count == 2)
        #expect(posts[0].details?.dateIsLocal == true)
        #expect(posts[0].date == Date(timeIntervalSince1970: 1_583_019_000))  // 2020-02-29T23:30:00 as written
        #expect(posts[1].spans?.map(\.kind) == ["plain", "bold", "plain", "hashtag", "plain"])
        #expect(posts[1].hashtags == ["#history"])
        #expect(Self.all(read).filter { $0.message.contains("no 'date_unixtime'") }.count == 1)
    }

    @Test func serviceMessagesAreNotPostsAndAPinMarksItsPost() throws {
        let read = try Self.read("service")
        let posts = try #require(read.dumps.first?.posts)
        #expect(posts.map(\.messageID) == ["3", "7"])
        #expect(posts[0].details?.pinned == true)
        #expect(posts[1].details?.pinned != true)
        let messages = Self.all(read).map(\.message)
        #expect(messages.contains { $0.contains("4 service messages are not posts") && $0.contains("pin_message ×1") })
        #expect(messages.contains { $0.contains("messages by kind:") && $0.contains("unsupported ×1") })
        #expect(messages.contains { $0.contains("unknown message type 'story_reply_of_the_future'") })
        let events: [ServiceEvent] = posts.flatMap { post -> [ServiceEvent] in
            let details = post.details ?? PostDetails()
            return details.eventsBefore + details.eventsAfter
        }
        #expect(events.map(\.kind) == [.notExported])
    }

    /// Newer kinds: a to-do list's done state replayed from the completions and additions that
    /// follow it; a giveaway and its results (counts only, never the winners' ids); a paid
    /// post; gifts, boosts and suggested-post outcomes as events after the post before them,
    /// never naming who; a message the export could not include noted where it was.
    @Test func newerKindsOfMessagesAreRead() throws {
        let read = try Self.read("kinds")
        let posts = try #require(read.dumps.first?.posts)
        #expect(posts.map(\.messageID) == ["2", "4", "8", "10", "12", "17"])
        let todo = try #require(posts[1].details?.todo)
        #expect(todo.title == "Spring launch")
        #expect(todo.items.map(\.text) == ["Write the notes", "Record the video", "Publish everything", "Thank the volunteers"])
        #expect(todo.items.map(\.done) == [true, false, false, true])
        #expect(posts[1].heading == "To-do list: Spring launch")
        let giveaway = try #require(posts[2].details?.giveaway)
        #expect(
            giveaway
                == Giveaway(
                    quantity: 3, months: 12, until: giveaway.until, prize: "A signed poster", countries: ["DE", "FR"], onlyNewSubscribers: true,
                    channelCount: 2))
        #expect(giveaway.until != nil)
        let results = try #require(posts[3].details?.giveawayResults)
        #expect(results == GiveawayResults(winners: 3, unclaimed: 1, months: 12, prize: "A signed poster", launchID: "8"))
        #expect(posts[4].details?.paidStars == 25)
        #expect(posts[4].text == "Behind the scenes, for supporters.")
        #expect(posts[0].details?.eventsAfter == [ServiceEvent(kind: .boost, date: Date(timeIntervalSince1970: 1_740_826_800), count: 4)])
        #expect(posts[2].details?.eventsAfter.map(\.kind) == [.giveawayLaunch])
        #expect(posts[3].details?.eventsAfter == [ServiceEvent(kind: .giveawayResults, date: posts[3].details?.eventsAfter.first?.date, count: 3)])
        #expect(posts[4].details?.eventsAfter.map(\.kind) == [.starGift, .suggestedPostApproved, .suggestedPostRefunded, .notExported])
        let after = posts[4].details?.eventsAfter ?? []
        #expect(after.count == 4)
        #expect(after.first?.count == 500)
        #expect(after.dropFirst().first?.amount == "250")
        #expect(after.dropFirst().first?.currency == "Stars")
        let messages = Self.all(read).map(\.message)
        #expect(messages.contains { $0 == "messages by kind: giveaway ×1, giveaway_results ×1, paid ×1, text ×2, todo_list ×1, unsupported ×1" })
        #expect(!messages.contains { $0.contains("unknown message key") }, "\(messages)")
    }

    @Test func anAlbumBecomesOnePostWithItsCaption() throws {
        let posts = try #require(try Self.read("album").dumps.first?.posts)
        #expect(posts.count == 2)
        #expect(posts[0].media.map(\.kind) == [.photo, .photo, .photo])
        #expect(posts[0].details?.albumIDs == ["41", "42"])
        #expect(posts[0].text == "Three photos from the spring walk.")
        #expect(posts[1].messageID == "43")
    }

    @Test func aFullAccountExportGivesEachChannelAndSkipsPersonalChats() throws {
        let read = try Self.read("account")
        #expect(read.dumps.map(\.channel.title) == ["Account Channel One", "Account Channel Two"])
        #expect(read.dumps.map(\.channel.channelID) == ["1000000007", "1000000008"])
        #expect(!read.dumps.flatMap(\.posts).contains { $0.text.contains("private message") })
        #expect(read.diagnostics.contains { $0.message.contains("personal_chat ×1") })
        // Media paths of a full export carry the chat's folder, relative to result.json.
        #expect(read.dumps[0].posts[0].media.first?.sourcePath?.hasSuffix("account/chats/chat_01/photos/photo_1@02-02-2023_12-00-00.jpg") == true)
        let withGroups = try Self.read("account", reader: ExportReader(chatTypes: ["public_channel", "private_channel", "personal_chat"]))
        #expect(withGroups.dumps.count == 3)
    }

    @Test func pathsOutOfTheExportAreRefusedWithAWarning() throws {
        let read = try Self.read("traversal")
        let posts = try #require(read.dumps.first?.posts)
        #expect(posts[0...2].allSatisfy { $0.media.first?.unavailable == .refused && $0.media.first?.sourcePath == nil })
        #expect(posts[3].media.first?.sourcePath?.hasSuffix("photos/ok photo (1).jpg") == true)
        let warnings = Self.all(read).filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.contains("message 3") && $0.contains("symlink") })
    }

    @Test func placeholdersAndMissingFilesAreMarkedAndAMissingFileWarnsWithItsMessage() throws {
        let read = try Self.read("media")
        let byID = Dictionary(uniqueKeysWithValues: try #require(read.dumps.first).posts.map { ($0.messageID ?? "", $0) })
        #expect(byID["18"]?.media.first?.unavailable == .notExported)
        #expect(byID["19"]?.media.first?.unavailable == .tooLarge)
        #expect(byID["20"]?.media.first?.unavailable == .failed)
        #expect(byID["21"]?.media.first?.unavailable == .missing)
        #expect(
            Self.all(read).filter { $0.severity == .warning }.map(\.message) == [
                "message 21: media file 'photos/photo_2@05-03-2024_10-13-00.jpg' is not in the export folder; shown as not in this export"
            ])
        #expect(byID["11"]?.media.first?.thumbnailPath?.hasSuffix("clip.mp4_thumb.jpg") == true)
        #expect(byID["15"]?.media.first?.title == "😺")
        #expect(byID["22"]?.details?.poll?.answers.map(\.voters) == [20, 10])
        #expect(byID["23"]?.details?.location?.placeName == "Alexanderplatz")
        #expect(byID["24"]?.details?.contact == PostDetails.Contact(name: "Grace Hopper", phone: "+1 555 0199"))
        #expect(byID["25"]?.details?.viaBot == "@gif")
        #expect(byID["25"]?.media.first?.spoiler == true)
    }

    @Test func aMalformedMessageIsNamedByLineAndColumnAndTheRestAreRead() throws {
        let read = try Self.read("malformed")
        #expect(read.dumps.first?.posts.map(\.text) == ["fine"])
        let error = try #require(read.dumps.first?.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 7)
        #expect(error.location?.column == 51)  // the second comma of ",,"
        #expect(error.message.hasPrefix("malformed JSON"))
        #expect(error.message.contains("in message 2 of Broken"))
    }

    @Test func aFileCutShortIsMalformedAtItsEnd() throws {
        let data = Data(
            "{\n \"name\": \"Cut\",\n \"type\": \"public_channel\",\n \"messages\": [\n  {\"id\": 1, \"type\": \"message\", \"text\": \"a\"},\n  {\"id\": 2"
                .utf8)
        let read = ExportReader().read(path: "cut/result.json", data: data)
        #expect(read.dumps.isEmpty)
        let error = try #require(read.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix("malformed JSON"))
        #expect(error.location?.line == 6)
    }

    @Test func jsonThatIsNoExportIsSkippedClearly() {
        let read = ExportReader().read(path: "x/result.json", data: Data(#"{"hello": [1, 2]}"#.utf8))
        #expect(read.dumps.isEmpty)
        #expect(read.diagnostics.first?.message.contains("not a Telegram Desktop export") == true)
    }

    @Test func aMessageThatCannotBeReadIsNamedAndTheRestKept() {
        let json =
            #"{"name": "X", "type": "public_channel", "id": 1, "messages": [{"type": "message", "text": "no id"}, {"id": 2, "type": "message", "text": "kept"}]}"#
        let read = ExportReader().read(path: "x/result.json", data: Data(json.utf8))
        #expect(read.dumps.first?.posts.map(\.text) == ["kept"])
        #expect(read.dumps.first?.diagnostics.contains { $0.severity == .warning && $0.message.contains("message 1 of X cannot be read") } == true)
    }
}
