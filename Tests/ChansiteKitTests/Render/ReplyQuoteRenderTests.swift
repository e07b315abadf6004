import Foundation
import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteModel
@testable import ChansiteRender

/// A text copy's reply quote on the page: author and quote shown (escaped), linked to the
/// quoted post when it is in the archive, and the quoted post lists the reply.
@Suite struct ReplyQuoteRenderTests {
    static func render(_ dump: String) throws -> (site: Site, files: [String: String]) {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.copyTemplates(to: root)
        let templates = try TemplateSet(folder: root.appendingPathComponent("Templates").path)
        let site = SiteAssembler(config: SiteConfig()).assemble([TestSupport.parse(dump, path: "orbit.txt")]).site
        let files = PageRenderer(site: site, templates: templates).render()
        return (site, Dictionary(files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a }))
    }

    static let dump = """
        Orbit Log
        3.4K subscribers
        Launches and dockings.
        Download Telegram
        Static fire test completed at the coastal pad this morning.
        #tests
        Mary <script>alert(1)</script>
        Static fire test completed at the coastal pad…
        The launch stays on Friday.
        """

    @Test func aReplyShowsItsQuoteAndLinksToTheQuotedPost() throws {
        let (site, files) = try Self.render(Self.dump)
        let posts = site.channels[0].posts
        #expect(posts.count == 2)
        let quoted = try #require(posts.first)
        let reply = try #require(posts.last)
        #expect(reply.post.replyQuote?.author == "Mary <script>alert(1)</script>")
        let page = try #require(files[SitePaths.post(channel: site.channels[0].slug, slug: reply.slug)])
        #expect(page.contains(#"<b>Mary &lt;script&gt;alert(1)&lt;/script&gt;</b>"#), "escaped author")
        #expect(!page.contains("<script>alert"))
        let channel = site.channels[0].slug
        #expect(page.contains(#"<a href="../../channels/\#(channel)/\#(quoted.slug).html">↩"#), "linked to the quoted post")
        let quotedPage = try #require(files[SitePaths.post(channel: channel, slug: quoted.slug)])
        #expect(quotedPage.contains(#"href="../../channels/\#(channel)/\#(reply.slug).html""#), "the quoted post lists its reply")
    }

    @Test func aQuoteThatStartsTwoPostsIsShownUnlinked() throws {
        let dump = """
            Orbit Log
            3.4K subscribers
            Download Telegram
            Weather update from the coastal pad: wind is calm.
            #weather
            Weather update from the coastal pad: rain at noon.
            #weather
            Mary
            Weather update from the coastal pad…
            Which of the two did you mean?
            """
        let (site, files) = try Self.render(dump)
        let reply = try #require(site.channels[0].posts.last)
        #expect(reply.post.replyQuote?.author == "Mary")
        let page = try #require(files[SitePaths.post(channel: site.channels[0].slug, slug: reply.slug)])
        #expect(page.contains(#"<p class="reply-to">↩ "#) && page.contains("<b>Mary</b>"), "shown, not linked: two posts start so")
    }
}
