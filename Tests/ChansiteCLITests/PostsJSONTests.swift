import Foundation
import Testing

/// `posts.json` per channel, through the real binary on the fixture exports: valid JSON, every
/// post of the channel once with a URL that exists, text as the page shows it, formatting as
/// entities, media paths that exist, earlier versions and deletion marks; nothing withheld.
@Suite struct PostsJSONTests {
    @Test func everyChannelsPostsAreDataThatMatchesThePages() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-posts-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        _ = try ExportSiteTests.build(into: project)
        let output = project.appendingPathComponent("Output")
        let channels = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("channels").path)
        #expect(channels.count >= 8)
        var total = 0
        for channel in channels {
            let url = output.appendingPathComponent("channels/\(channel)/posts.json")
            let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], "\(channel)")
            #expect(root["version"] as? Int == 1)
            #expect((root["channel"] as? [String: Any])?["slug"] as? String == channel)
            let posts = try #require(root["posts"] as? [[String: Any]])
            let pages = SiteFiles(root: output).html.filter { page in
                let name = (page as NSString).lastPathComponent
                return page.hasPrefix("channels/\(channel)/") && name != "index.html"
                    && !["archive", "page-", "gallery"].contains { name.hasPrefix($0) }
            }
            #expect(posts.count == pages.count, "\(channel): \(posts.count) posts, \(pages.count) pages")
            #expect(Set(posts.compactMap { $0["id"] as? String }).count == posts.count, "ids are unique")
            for post in posts {
                total += 1
                let page = try #require(post["url"] as? String)
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page)")
                for media in post["media"] as? [[String: Any]] ?? [] {
                    for key in ["file", "thumbnail"] {
                        guard let path = media[key] as? String else { continue }
                        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
                    }
                }
            }
        }
        #expect(total > 40)

        let history = try Self.posts(output, "archive-watch")
        let edited = try #require(history.first { $0["id"] as? String == "2" })
        let versions = try #require(edited["versions"] as? [[String: Any]])
        #expect(
            versions.map { $0["text"] as? String } == [
                "The museum opens on Monday at nine, with free entry for children.",
                "The museum opens on Tuesday at nine, with free entry for children.",
            ])
        #expect(versions.first?["seen"] as? String == "2024-01-10T00:00:00Z")
        #expect(history.first { $0["id"] as? String == "3" }?["deletedAfter"] as? String == "2024-01-10T00:00:00Z")
        let formatted = try Self.posts(output, "formatting-lab")
        let entities = formatted.first?["entities"] as? [[String: Any]] ?? []
        let kinds = Set(entities.compactMap { $0["type"] as? String })
        #expect(kinds.isSuperset(of: ["bold", "italic", "text_link", "spoiler", "phone"]), "\(kinds)")
        // Each entity is a range of the text in UTF-16 units: the bold one covers "bold".
        let formattedText = (formatted.first?["text"] as? String ?? "") as NSString
        let bold = try #require(entities.first { $0["type"] as? String == "bold" })
        let range = NSRange(location: bold["offset"] as? Int ?? -1, length: bold["length"] as? Int ?? 0)
        #expect(range.location >= 0 && NSMaxRange(range) <= formattedText.length)
        #expect(formattedText.substring(with: range) == "bold", "\(formattedText)")
        let text = try String(contentsOf: output.appendingPathComponent("channels/formatting-lab/posts.json"), encoding: .utf8)
        #expect(!text.contains("555 0199"), "a contact's or entity's phone number stays masked")
    }

    static func posts(_ output: URL, _ channel: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: output.appendingPathComponent("channels/\(channel)/posts.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["posts"] as? [[String: Any]] ?? []
    }
}
