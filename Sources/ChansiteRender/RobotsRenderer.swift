import ChansiteCore

/// `robots.txt`: every page may be crawled; with a `baseURL`, it names the sitemap (which needs
/// absolute URLs, so there is none without one).
package struct RobotsRenderer: Sendable {
    /// The base URL with its slash (`SiteConfig.siteRoot`).
    package let siteRoot: String?

    package init(siteRoot: String?) {
        self.siteRoot = siteRoot
    }

    package func render() -> RenderedFile {
        var text = "User-agent: *\nAllow: /\n"
        if let siteRoot { text += "\nSitemap: " + siteRoot + SitePaths.sitemap + "\n" }
        return RenderedFile(path: "robots.txt", text: text)
    }
}
