import ChansiteCore
import Foundation

/// Pages rendered ahead of the rest of the site: `serve` asks for the pages open in a browser,
/// so an edit reaches them while the other hundred thousand are still being checked.
extension PageRenderer {
    /// The paths wanted first and what to hand their bytes to (from the render's thread).
    package struct FirstPages: Sendable {
        package var paths: Set<String>
        package var ready: @Sendable ([String: Data]) -> Void

        package init(paths: Set<String>, ready: @escaping @Sendable ([String: Data]) -> Void) {
            self.paths = paths
            self.ready = ready
        }
    }

    /// The post and listing pages among `paths` (each one's view is made from its channel's
    /// posts alone; a page that lists other pages' summaries waits for the whole render).
    func pages(at paths: Set<String>) -> [Page] {
        var found: [Page] = []
        for (c, channel) in site.channels.enumerated() where paths.contains(where: { $0.hasPrefix(SitePaths.channelFolder(channel.slug)) }) {
            let count = Pagination(itemCount: channel.posts.count, perPage: site.config.postsPerPage).pageCount
            let pages = channel.posts.indices.map { Page.post(c, $0) } + (1...count).map { Page.channel(c, page: $0) }
            found += pages.filter { path(of: $0).map(paths.contains) == true }
        }
        return found
    }

    /// Renders the pages `first` asks for and hands over their bytes, as the whole render
    /// would make them (none, when no page it asks for is one made first).
    func renderFirst(_ first: FirstPages, views: Views) {
        let pages = pages(at: first.paths)
        guard !pages.isEmpty else { return first.ready([:]) }
        let made = pages.concurrentMap { page -> (String, Data) in
            var (path, view) = self.view(of: page, views: views)
            view.canonicalURL = canonicalURL(of: path)
            return (path, html(view, of: page, at: path))
        }
        first.ready(Dictionary(made, uniquingKeysWith: { a, _ in a }))
    }

    /// A page's bytes: its template filled in, its root links made relative to where it lies.
    func html(_ view: PageView, of page: Page, at path: String) -> Data {
        RootLinks.resolve(templates.renderPage(view), root: root(of: page, at: path))
    }
}
