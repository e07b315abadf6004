import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteRender

@Suite struct RootLinksTests {
    @Test func eachPageFillsInItsOwnWayToTheRoot() {
        let html = "<a href=\"\u{1}tags/x/index.html\">é</a><img src=\"\u{1}a.png\">"
        #expect(
            String(decoding: RootLinks.resolve(html, root: "../../"), as: UTF8.self)
                == "<a href=\"../../tags/x/index.html\">é</a><img src=\"../../a.png\">")
        #expect(String(decoding: RootLinks.resolve(html, root: ""), as: UTF8.self) == "<a href=\"tags/x/index.html\">é</a><img src=\"a.png\">")
        #expect(RootLinks.resolve("no links", root: "../") == Data("no links".utf8))
        for (page, resolved) in [("\u{1}", "../"), ("\u{1}\u{1}", "../../"), ("a\u{1}", "a../"), ("\u{1}b", "../b"), ("", "")] {
            #expect(String(decoding: RootLinks.resolve(page, root: "../"), as: UTF8.self) == resolved)
        }
    }

    /// cmark percent-encodes the marker in links it makes; only such a link starts with `%01`.
    @Test func cmarkLinksGetTheirMarkerBack() {
        let html = MarkdownRenderer { _ in SitePaths.rootLink(to: "tags/x/index.html") }.html(for: "see #x and https://e.org/%01")
        let restored = RootLinks.restoringMarker(html)
        #expect(restored.contains("href=\"\u{1}tags/x/index.html\""), "\(restored)")
        #expect(restored.contains("https://e.org/%01"))
    }

    /// Every view names each variable once, and the template check knows them all.
    @Test func viewsListTheirVariablesOnce() {
        for names in [PostView.fields.names, MediaView.fields.names, ChannelView.fields.names, PageView.fields.names, HomeView.fields.names] {
            #expect(Set(names).count == names.count)
            #expect(Set(names).isSubset(of: TemplateCheck.variables))
        }
    }
}
