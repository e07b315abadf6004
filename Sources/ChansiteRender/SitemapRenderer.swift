import Algorithms
import ChansiteCore

/// `sitemap.xml` listing every HTML page. The sitemap protocol wants absolute URLs, so they are
/// absolute when `baseURL` is configured (`siteRoot`: it with its slash); without it the entries
/// are paths relative to the site root. It allows 50,000 URLs a file: a larger site gets `sitemap-1.xml`, `sitemap-2.xml`, …
/// and `sitemap.xml` becomes their sitemap index.
package struct SitemapRenderer: Sendable {
    package let siteRoot: String?
    /// URLs per sitemap file (the protocol's limit; smaller in tests).
    package let limit: Int

    package init(siteRoot: String?, limit: Int = 50_000) {
        self.siteRoot = siteRoot
        self.limit = max(1, limit)
    }

    /// - Parameter modified: page path → its `lastmod` (`2024-03-05`), where known.
    package func render(pages: [String], modified: [String: String] = [:]) -> [RenderedFile] {
        let prefix = siteRoot ?? ""
        let urls = pages.filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound }
            .map { page in
                "<url><loc>\(XML.escape(prefix + SitePaths.percentEncoded(page)))</loc>" + (modified[page].map { "<lastmod>\($0)</lastmod>" } ?? "")
                    + "</url>\n"
            }
        let header = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        let namespace = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        func urlset(_ part: ArraySlice<String>) -> String {
            header + "<urlset \(namespace)>\n" + part.joined() + "</urlset>\n"
        }
        guard urls.count > limit else { return [RenderedFile(path: SitePaths.sitemap, text: urlset(urls[...]))] }
        var files: [RenderedFile] = []
        var index = header + "<sitemapindex \(namespace)>\n"
        for (n, part) in urls.chunks(ofCount: limit).enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append(RenderedFile(path: name, text: urlset(part)))
            index += "<sitemap><loc>\(XML.escape(prefix + name))</loc></sitemap>\n"
        }
        files.append(RenderedFile(path: SitePaths.sitemap, text: index + "</sitemapindex>\n"))
        return files
    }
}
