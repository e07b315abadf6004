import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func jsonFollowsTheContract() throws {
        let result = try CLIRunner.run(["inspect", "Content/knowledge_accumulator.txt", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "tg_heading_doublebody_reactions")
        let posts = try #require(json["posts"] as? [[String: Any]])
        #expect(posts.count == 20)
        for key in ["title", "text", "hashtags", "forwarded_from", "reactions", "date_text", "has_media", "lines"] {
            #expect(posts[0].keys.contains(key), "missing \(key)")
        }
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("pin notice skipped") == true && $0["line"] as? Int == 268 })
    }

    @Test func humanReadableShowsFormatAndPosts() throws {
        let result = try CLIRunner.run(["inspect", "Content/dl_stories.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("format tg_aggregator_name_readmore"))
        #expect(result.stdout.contains("channel: DLStories @dl_stories, 14835 subscribers"))
        #expect(result.stdout.contains("30 posts, 1 line dropped"))
    }
}
