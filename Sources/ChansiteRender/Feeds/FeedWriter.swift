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

    /// The HTML a feed at `path` carries for `post`, nil when the entry goes by its summary and
    /// link: a post too long for a feed (`FeedEntries.contentLimit`), or in a tag's feed, one
    /// with more tags than a summary names. Its whole text in each of its tags' feeds would
    /// grow as tags × text: sixty posts naming 400 tags each made 710 MB of feeds from 240 KB.
    func content(_ entry: FeedEntries.Entry, of post: SitePost, in spec: Feeds.Spec, path: String) -> String? {
        guard let html = entry.html, !(spec.isTag && post.post.hashtags.count > PostView.summaryTagLimit) else { return nil }
        return entries.html(html, feedPath: path)
    }

    /// The entry's summary as the HTML of a feed that must have some (RSS's description).
    func summaryHTML(_ entry: FeedEntries.Entry) -> String {
        "<p>\(HTMLText.escape(entry.summary))</p>\n"
    }

    func url(_ target: String, from feedPath: String) -> String {
        if let base = site.config.siteRoot { return base + SitePaths.percentEncoded(target) }
        return SitePaths.link(from: feedPath, to: target)
    }

    /// A stable entry id: the post's absolute URL with a base URL, else a URN of its site path.
    func id(_ target: String, from feedPath: String) -> String {
        site.config.baseURL == nil ? "urn:chansite:" + SitePaths.percentEncoded(target) : url(target, from: feedPath)
    }
}
