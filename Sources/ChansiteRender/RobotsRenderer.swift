import ChansiteCore

/// `robots.txt`: every page may be crawled; with a `baseURL`, it names the sitemap (which needs
/// absolute URLs, so there is none without one).
package struct RobotsRenderer: Sendable {
    package let baseURL: String?

    package init(baseURL: String?) {
        self.baseURL = baseURL
    }

    package func render() -> RenderedFile {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL {
            text += "\nSitemap: " + (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + SitePaths.sitemap + "\n"
        }
        return RenderedFile(path: "robots.txt", text: text)
    }
}
