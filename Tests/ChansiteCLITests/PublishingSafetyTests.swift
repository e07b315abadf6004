import Foundation
import Testing

/// The privacy pass through the real binary: reactors' names, the user ids behind name
/// mentions, phone and bank-card numbers and contacts' phones never reach any output file;
/// withheld posts (by hashtag or id) are nowhere, the build says what it withheld, and a
/// `noindexChannels` channel asks not to be indexed and is out of the sitemap.
@Suite struct PublishingSafetyTests {
    static func message(_ id: Int, _ fields: String) -> String {
        """
        {"id": \(id), "type": "message", "date": "2024-05-0\(id)T10:00:00", "date_unixtime": "\(1_714_557_600 + id * 86400)",
         "from": "Safe Channel", "from_id": "channel1000000077", \(fields)}
        """
    }

    static let export = """
        {"name": "Safe Channel", "type": "public_channel", "id": 1000000077, "messages": [
        \(message(1, #""text": ["Call ", {"type": "phone", "text": "+1 555 0100 2233"}, " or pay to ", {"type": "bank_card", "text": "4111 1111 1111 1111"}, ", thanks ", {"type": "mention_name", "text": "Anna", "user_id": 987654321}, "."], "text_entities": [{"type": "plain", "text": "Call "}, {"type": "phone", "text": "+1 555 0100 2233"}, {"type": "plain", "text": " or pay to "}, {"type": "bank_card", "text": "4111 1111 1111 1111"}, {"type": "plain", "text": ", thanks "}, {"type": "mention_name", "text": "Anna", "user_id": 987654321}, {"type": "plain", "text": "."}]"#)),
        \(message(2, ##""text": ["Draft plans, do not keep ", {"type": "hashtag", "text": "#NoArchive"}], "text_entities": [{"type": "plain", "text": "Draft plans, do not keep "}, {"type": "hashtag", "text": "#NoArchive"}]"##)),
        \(message(3, #""contact_information": {"first_name": "Carla", "last_name": "Contact", "phone_number": "+44 7700 900123"}, "text": "", "text_entities": []"#)),
        \(message(4, #""text": "Loved by many", "text_entities": [{"type": "plain", "text": "Loved by many"}], "reactions": [{"type": "emoji", "count": 2, "emoji": "👍", "recent": [{"from": "Bob Reactor", "from_id": "user5555", "date": "2024-05-04T11:00:00"}]}]"#)),
        \(message(5, #""text": "Listed away by the owner", "text_entities": [{"type": "plain", "text": "Listed away by the owner"}]"#)),
        \(message(6, #""text": "An ordinary post stays", "text_entities": [{"type": "plain", "text": "An ordinary post stays"}]"#))
        ]}
        """

    @Test func privateNumbersAndWithheldPostsReachNoFile() throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let folder = project.appendingPathComponent("Content/safe")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.export.utf8).write(to: folder.appendingPathComponent("result.json"))
        let config = """
            {"language": "en", "baseURL": "https://example.org/", "withholdPosts": ["@safechannel/9", "1000000077/5"],
             "noindexChannels": ["1000000077"]}
            """
        try Data(config.utf8).write(to: project.appendingPathComponent("chansite.json"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "withheld 1 post carrying a withheld hashtag and 1 post listed in withholdPosts; masked 1 phone number and 1 bank card number; left out 1 contact's phone number"
            ), "\(result.stderr)")

        let output = project.appendingPathComponent("Output")
        let files = SiteFiles(root: output)
        let secrets = ["555", "0100", "2233", "4111", "987654321", "Bob Reactor", "user5555", "Draft plans", "7700", "900123", "Listed away"]
        for path in files.all where !path.hasPrefix("assets/") {
            guard let text = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) else { continue }
            for secret in secrets { #expect(!text.contains(secret), "\(path) contains \(secret)") }
        }
        let channel = output.appendingPathComponent("channels/safe-channel")
        let post1 = try String(contentsOf: channel.appendingPathComponent("1.html"), encoding: .utf8)
        #expect(post1.contains("+• ••• •••• ••••") && post1.contains("•••• •••• •••• ••••") && post1.contains("Anna"))
        #expect(!FileManager.default.fileExists(atPath: channel.appendingPathComponent("2.html").path))
        #expect(!FileManager.default.fileExists(atPath: channel.appendingPathComponent("5.html").path))
        #expect(try String(contentsOf: channel.appendingPathComponent("6.html"), encoding: .utf8).contains("An ordinary post stays"))
        #expect(post1.contains(#"<meta name="robots" content="noindex">"#))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("noindex"))
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("https://example.org/index.html") && !sitemap.contains("safe-channel"))

        let verbose = try CLIRunner.run(["build", "--verbose"], in: project)
        #expect(verbose.stderr.contains("withheld: the post carries #NoArchive (withholdTags)"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("withheld: '5' is listed in withholdPosts"))
    }
}
