import Foundation
import FoundationXML
import Testing

@testable import ChansiteCore
@testable import ChansiteModel
@testable import ChansiteRender

@Suite struct SitemapRendererTests {
    let pages = ["index.html", "404.html", "tags/index.html", "channels/a/p1.html", "channels/a/p2.html", "search/manifest.js"]

    @Test func aSmallSiteHasOneSitemap() {
        let files = SitemapRenderer(siteRoot: SiteConfig(baseURL: "https://example.org/a").siteRoot).render(pages: pages)
        #expect(files.map(\.path) == ["sitemap.xml"])
        let text = String(decoding: files[0].contents, as: UTF8.self)
        #expect(text.contains("<loc>https://example.org/a/channels/a/p1.html</loc>"))
        #expect(!text.contains("404.html") && !text.contains("manifest.js"))
    }

    @Test func aLargeSiteGetsASitemapIndex() throws {
        let files = SitemapRenderer(siteRoot: SiteConfig(baseURL: "https://example.org/").siteRoot, limit: 2).render(pages: pages)
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"])
        let index = String(decoding: files[2].contents, as: UTF8.self)
        #expect(index.contains("<sitemapindex") && index.contains("<loc>https://example.org/sitemap-2.xml</loc>"))
        let urls = files.dropLast().map { String(decoding: $0.contents, as: UTF8.self).components(separatedBy: "<url>").count - 1 }
        #expect(urls == [2, 2])
        for file in files { #expect(XMLParser(data: file.contents).parse(), "\(file.path)") }
    }
}
