import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

/// Exports written by someone hostile: every value out of range, ids that are not numbers,
/// bytes that are not text. Each case is the minimal input of a failure found by attacking
/// chansite; none may crash, lose a message's text or collide with another page.
@Suite struct HostileExportTests {
    static func read(messages: String, type: String = "\"public_channel\"") -> (posts: [Post], diagnostics: [Diagnostic]) {
        let json = "{\"name\":\"Hostile\",\"type\":\(type),\"id\":1,\"messages\":[\n\(messages)\n]}"
        return read(Data(json.utf8))
    }

    static func read(_ data: Data) -> (posts: [Post], diagnostics: [Diagnostic]) {
        let (dumps, diagnostics) = ExportReader().read(path: "x/result.json", data: data)
        return (dumps.flatMap(\.posts), diagnostics + dumps.flatMap(\.diagnostics))
    }

    static func message(_ id: String, _ extra: String = "", text: String = "\"post\"") -> String {
        "{\"id\":\(id),\"type\":\"message\",\"date_unixtime\":\"1709632800\",\"text\":\(text)\(extra)}"
    }

    @Test func aPollOfMoreVotersThanTelegramCountsIsCountedAsZeroAndSaid() throws {
        let poll = #",\"poll\":{\"question\":\"q\",\"total_voters\":92233720368547759,\"answers\":[{\"text\":\"a\",\"voters\":9223372036854775807}]}"#
        let read = Self.read(messages: Self.message("1", poll.replacingOccurrences(of: "\\\"", with: "\"")))
        let details = try #require(read.posts.first?.details?.poll)
        #expect(details.totalVoters == 0 && details.answers.map(\.voters) == [0])
        #expect(read.diagnostics.contains { $0.message.contains("message 1: poll total_voters '92233720368547759' is not a count") })
    }

    @Test(arguments: ["\"nan\"", "\"inf\"", "\"1e30\"", "\"-1e20\"", "\"253402300800\""])
    func aTimeThatIsNoDateInYearsOneToNineThousandIsLeftOutAndSaid(unixtime: String) throws {
        let read = Self.read(messages: "{\"id\":5,\"type\":\"message\",\"date_unixtime\":\(unixtime),\"text\":\"kept\"}")
        let post = try #require(read.posts.first)
        #expect(post.date == nil)
        #expect(post.text == "kept")
        #expect(read.diagnostics.contains { $0.message.hasPrefix("message 5: 'date_unixtime'") && $0.location?.line == 2 })
    }

    @Test func sizesSidesDurationsAndPlacesOutOfRangeAreLeftOut() throws {
        let extra =
            #",\"file\":\"f.mp4\",\"file_size\":1e30,\"width\":-3,\"height\":100001,\"duration_seconds\":\"forever\","#
            + #"\"location_information\":{\"latitude\":91,\"longitude\":0}"#
        let read = Self.read(messages: Self.message("1", extra.replacingOccurrences(of: "\\\"", with: "\"")))
        let file = try #require(read.posts.first?.media.first)
        #expect(file.fileSize == nil && file.width == nil && file.height == nil && file.durationSeconds == nil)
        #expect(read.posts.first?.details?.location == nil)
        let said = read.diagnostics.map(\.message).joined(separator: "\n")
        for key in ["'file_size'", "'width'", "'height'", "'duration_seconds'", "'location_information'"] {
            #expect(said.contains(key), "\(key) not named")
        }
    }

    /// Ids are numbers as the client writes them; anything else keeps its message, named by its
    /// text, and can never take a listing page's name or collide with another message.
    @Test func idsThatAreNotMessageNumbersGetPagesOfTheirOwn() throws {
        let ids = ["\"index\"", "\"archive\"", "\"\"", "\"!!!\"", "1.5", "1e30", "18446744073709551616", "\"page-2\"", "7"]
        let read = Self.read(messages: ids.enumerated().map { Self.message($1, text: "\"text \($0)\"") }.joined(separator: ",\n"))
        #expect(read.posts.count == ids.count)
        #expect(read.posts.compactMap(\.messageID) == ["7"])
        let (site, _) = SiteAssembler(config: SiteConfig()).assemble([ParsedDump(path: "x/result.json", format: "t", posts: read.posts)])
        let slugs = site.allPosts.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        #expect(!slugs.contains { SitePaths.isChannelPageName($0) || $0.isEmpty || $0.hasPrefix(".") })
        #expect(read.diagnostics.filter { $0.message.contains("is not a message number") }.count == ids.count - 1)
    }

    @Test func aSecondMessageWithTheSameIDIsKeptAndSaid() {
        let read = Self.read(messages: [Self.message("3"), Self.message("3.0")].joined(separator: ",\n"))
        #expect(read.posts.count == 2)
        #expect(read.diagnostics.contains { $0.message == "message 3 appears twice in this chat; both are kept, each at its own address" })
    }

    /// Text bytes with one bad part, and the kind of repair a diagnostic names.
    static let badTexts: [([UInt8], String)] = {
        let notUTF8: [UInt8] = Array("GOOD ".utf8) + [0xFF] + Array(" BAD".utf8)
        let lone: [UInt8] = Array("lone \\ud800 half".utf8)
        let nul: [UInt8] = Array("nul".utf8) + [0x00] + Array("here".utf8)
        let tab: [UInt8] = Array("tab".utf8) + [0x09] + Array("inside".utf8)
        return [
            (notUTF8, "bytes that are not UTF-8"), (lone, "lone UTF-16 surrogates"), (nul, "characters no page may show"),
            (tab, "raw control characters"),
        ]
    }()

    /// One bad byte used to drop a message's whole text without a word.
    @Test(arguments: badTexts)
    func aMessageWithBadBytesKeepsItsTextAndIsNamed(bytes: [UInt8], kind: String) throws {
        let head = Array("{\"name\":\"H\",\"type\":\"public_channel\",\"id\":1,\"messages\":[\n".utf8)
        let message = Array("{\"id\":12,\"type\":\"message\",\"date_unixtime\":\"1709632800\",\"text\":\"".utf8) + bytes + Array("\"},\n".utf8)
        let other = Array("{\"id\":13,\"type\":\"message\",\"date_unixtime\":\"1709632860\",\"text\":\"fine\"}]}".utf8)
        let read = Self.read(Data(head + message + other))
        #expect(read.posts.count == 2)
        let text = try #require(read.posts.first?.text)
        #expect(text.count >= 8, "the text was lost: '\(text)'")
        #expect(text.contains("\u{FFFD}") || kind == "raw control characters")
        #expect(read.diagnostics.contains { $0.message == "message 12: \(kind) in its text replaced with U+FFFD" && $0.location?.line == 2 })
        #expect(read.posts.last?.text == "fine")
    }

    @Test(arguments: ["", "\"type\":null,"])
    func aChatThatDoesNotSayItIsAChannelIsNotPublished(type: String) {
        let json = "{\"name\":\"Maybe private\",\(type)\"id\":1,\"messages\":[\(Self.message("1"))]}"
        let read = Self.read(Data(json.utf8))
        #expect(read.posts.isEmpty)
        #expect(read.diagnostics.contains { $0.severity == .warning && $0.message.contains("add \"unknown\" to 'exportChatTypes'") })
        let included = ExportReader(chatTypes: ["unknown"]).read(path: "x/result.json", data: Data(json.utf8))
        #expect(included.dumps.flatMap(\.posts).count == 1)
    }
}
