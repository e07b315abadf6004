import Testing

@testable import ChansiteAssemble
@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel
@testable import ChansiteRender

@Suite struct ChannelViewTests {
    @Test func descriptionsLinkURLsAndHandlesKeepLinesAndEscapeTheRest() throws {
        let info = ChannelInfo(title: "Канал", description: "Admin: @someone_here\nSite https://example.org/x\n<script>alert(1)</script>")
        let dump = ParsedDump(
            path: "a.txt", format: "generic", channel: info,
            posts: [Post(text: "Пост", source: SourceRange(path: "a.txt", firstLine: 4, lastLine: 4))])
        let site = SiteAssembler(config: SiteConfig()).assemble([dump]).site
        let html = try #require(ChannelView.views(site: site).first?.descriptionHTML)
        #expect(html.contains(#"<a href="https://t.me/someone_here">@someone_here</a>"#), "\(html)")
        #expect(html.contains(#"<a href="https://example.org/x">https://example.org/x</a>"#))
        #expect(html.components(separatedBy: "<p>").count == 4, "a paragraph per line")
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
    }
}
