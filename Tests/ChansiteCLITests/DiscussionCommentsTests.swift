import Foundation
import Testing

/// A channel's discussion group, included by the user, becomes comments under the posts it
/// discusses: the group's automatic forward of a post is the thread's root, replies follow the
/// reply chain; authors by name only, numbers masked; a message in no thread, the members'
/// ids and the group itself never reach the site; without the setting the group is skipped.
@Suite struct DiscussionCommentsTests {
    static let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports/discussion")

    /// The same channel and group as two HTML exports, each in its own folder, as the client
    /// writes them (`scripts/make-html-fixtures.sh`).
    static let htmlFixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/html-exports/discussion")

    static func build(_ config: String, from source: URL = fixture) throws -> (project: URL, result: CLIRunner.Output) {
        let project = try CLIRunner.temporaryProject(content: [:])
        try FileManager.default.copyItem(at: source, to: project.appendingPathComponent("Content/discussion"))
        try Data(config.utf8).write(to: project.appendingPathComponent("chansite.json"))
        return (project, try CLIRunner.run(["build", "--verbose"], in: project))
    }

    @Test func aListedGroupsThreadsBecomeCommentsUnderTheirPosts() throws {
        let (project, result) = try Self.build(#"{"language": "en", "discussionGroups": ["1000000052"]}"#)
        defer { try? FileManager.default.removeItem(at: project) }
        try Self.expectComments(in: project, result)
    }

    /// An HTML export names no ids: the group is listed by its name, and the automatic
    /// forwards name their channel by title.
    @Test func aListedGroupFromHTMLExportsGivesTheSameComments() throws {
        let (project, result) = try Self.build(#"{"language": "en", "discussionGroups": ["Garden Club Chat"]}"#, from: Self.htmlFixture)
        defer { try? FileManager.default.removeItem(at: project) }
        try Self.expectComments(in: project, result)
    }

    static func expectComments(in project: URL, _ result: CLIRunner.Output) throws {
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "discussion group Garden Club Chat: 3 comments under 2 posts; 1 message in no thread of a post not published"),
            "\(result.stderr)")
        let output = project.appendingPathComponent("Output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("channels").path) == ["garden-club"])
        let first = try String(contentsOf: output.appendingPathComponent("channels/garden-club/1.html"), encoding: .utf8)
        #expect(first.contains(#"<details class="comments" id="comments">"#) && first.contains("💬 2 comments"))
        let authors = first.components(separatedBy: #"<span class="comment-author">"#).dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(authors == ["Ann Gardener", "Bo Planter"])
        #expect(first.contains("Mine are already out! Call me at +• ••• •••• ••••"))
        let second = try String(contentsOf: output.appendingPathComponent("channels/garden-club/2.html"), encoding: .utf8)
        #expect(second.contains("💬 1 comment<") && second.contains("Heirloom beans\nand two kinds of kale."))
        let third = try String(contentsOf: output.appendingPathComponent("channels/garden-club/3.html"), encoding: .utf8)
        #expect(!third.contains(#"class="comments""#))
        let listing = try String(contentsOf: output.appendingPathComponent("channels/garden-club/index.html"), encoding: .utf8)
        #expect(listing.contains(#"<a href="../../channels/garden-club/1.html#comments">🗨 2 comments</a>"#))
        for path in SiteFiles(root: output).all where !path.hasPrefix("assets/") {
            let text = (try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)) ?? ""
            for secret in ["Dee Private", "wheelbarrow", "user5001", "user5002", "555 0100", "Garden Club Chat"] {
                #expect(!text.contains(secret), "\(path) contains \(secret)")
            }
        }
    }

    @Test func anUnlistedHTMLGroupIsNotPublished() throws {
        let (project, result) = try Self.build(#"{"language": "en"}"#, from: Self.htmlFixture)
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("'Garden Club Chat' is not published"), "\(result.stderr)")
        let first = try String(contentsOf: project.appendingPathComponent("Output/channels/garden-club/1.html"), encoding: .utf8)
        #expect(!first.contains("Ann Gardener") && !first.contains(#"class="comments""#))
    }

    @Test func anUnlistedGroupIsSkipped() throws {
        let (project, result) = try Self.build(#"{"language": "en"}"#)
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 chat that is not a channel skipped (public_supergroup ×1)"), "\(result.stderr)")
        let first = try String(contentsOf: project.appendingPathComponent("Output/channels/garden-club/1.html"), encoding: .utf8)
        #expect(!first.contains("Ann Gardener") && !first.contains(#"class="comments""#))
    }
}
