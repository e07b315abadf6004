import ChansiteCore
import ChansiteModel
import Foundation

/// Writes one feed in one of the three forms from the entries `Feeds` made. Links are absolute
/// when `baseURL` is configured and relative to the feed otherwise.
struct FeedWriter: Sendable {
    enum Kind: Sendable {
        case rss, atom, json
    }

    let site: Site
    let entries: FeedEntries
    let made: [String: FeedEntries.Entry]

    func file(_ kind: Kind, path: String, spec: Feeds.Spec) throws -> RenderedFile {
        switch kind {
        case .rss: return RenderedFile(path: path, text: RSSFeed(writer: self, path: path).text(spec))
        case .atom: return RenderedFile(path: path, text: AtomFeed(writer: self, path: path).text(spec))
        case .json: return RenderedFile(path: path, contents: try JSONFeed(writer: self, path: path).data(spec))
        }
    }

    func entry(_ post: SitePost) -> FeedEntries.Entry { made[post.id] ?? entries.entry(post) }

    func url(_ target: String, from feedPath: String) -> String {
        if let base = site.config.siteRoot { return base + SitePaths.percentEncoded(target) }
        return SitePaths.link(from: feedPath, to: target)
    }

    /// A stable entry id: the post's absolute URL with a base URL, else a URN of its site path.
    func id(_ target: String, from feedPath: String) -> String {
        site.config.baseURL == nil ? "urn:chansite:" + SitePaths.percentEncoded(target) : url(target, from: feedPath)
    }
}
