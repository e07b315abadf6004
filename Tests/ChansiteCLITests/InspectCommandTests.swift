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

    /// A post the seam model started shows why, in the report and in the JSON contract.
    @Test func learnedSeamsShowTheirReasonAndScore() throws {
        let fixture = "Tests/ChansiteKitTests/Fixtures/dumps/tme_seams_signature_english.txt"
        let text = try CLIRunner.run(["inspect", fixture])
        #expect(text.status == 0)
        #expect(text.stdout.contains("22 posts, 44 lines dropped, 3 learned splits"))
        #expect(text.stdout.contains("starts at a learned seam (score 0.86)"))
        #expect(text.stdout.contains(":22: note: a new post starts here, learned from this copy's marked seams: follows the line"))
        let json = try CLIRunner.run(["inspect", fixture, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let posts = try #require(object["posts"] as? [[String: Any]])
        let learned = posts.compactMap { post in (post["learned_seam"] as? [String: Any]).map { (post["lines"] as? [Int] ?? [], $0) } }
        #expect(learned.map(\.0.first) == [22, 83, 129])
        #expect(learned.allSatisfy { ($0.1["score"] as? Double) == 0.86 && ($0.1["reason"] as? String)?.contains("18 of 18 marked seams") == true })
        #expect(posts.filter { $0["learned_seam"] == nil }.count == 19)
    }
}
