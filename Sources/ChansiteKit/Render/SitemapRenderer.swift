/// `sitemap.xml` listing every HTML page. The sitemap protocol wants absolute URLs, so they are
/// absolute when `baseURL` is configured; without it the entries are paths relative to the site root.
public struct SitemapRenderer: Sendable {
    public let baseURL: String?

    public init(baseURL: String?) {
        self.baseURL = baseURL
    }

    public func render(pages: [String]) -> RenderedFile {
        let prefix = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page.hasSuffix(".html") && page != SitePaths.notFound {
            xml += "<url><loc>\(XML.escape(prefix + SitePaths.percentEncoded(page)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return RenderedFile(path: SitePaths.sitemap, text: xml)
    }
}
