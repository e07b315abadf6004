import ChansiteCore
import ChansiteMedia
import ChansiteModel
import Foundation

/// What every feed (RSS, Atom, JSON Feed) says of a post: a plain summary, its HTML as the post
/// page shows it (media first, then the text), its files as enclosures, and its date. Each post
/// is made once however many feeds show it; links inside the HTML start with the root marker
/// until a feed resolves them (`html(_:root:)`).
package struct FeedEntries: Sendable {
    /// A published file of a post, for an enclosure or attachment.
    struct Attachment: Sendable {
        /// The file's path from the site root.
        var path: String
        var type: String
        /// Bytes as the export states them (range-checked when read), nil when it does not.
        var size: Int?
        var duration: Int?
    }

    struct Entry: Sendable {
        var summary: String
        /// The post's HTML, nil when it is longer than `contentLimit`: the entry then has its
        /// summary and its link.
        var html: String?
        var attachments: [Attachment]
        /// The post's last edit, else its date, or for an undated post the newest date of its own
        /// source file, else of its channel, else the Unix epoch (unknown): never a date of
        /// another channel. Only what the input says counts, so the same input gives the same
        /// feed wherever it is copied.
        var updated: Date
    }

    /// The most bytes of HTML (and of text before it is rendered) an entry carries. Far above
    /// any Telegram message (4,096 characters), it only stops a text copy's huge post from being
    /// copied whole into every feed that lists it, each made and held at once: a 35 MB post in
    /// seven feeds took 700 MB (`scripts/bench-large-inputs.sh`).
    static let contentLimit = 256 << 10

    let site: Site
    let media: [String: [PublishedMedia]]
    let bodies: PostBodies
    /// Channel slug, then source file path → the date an undated post of that channel and file
    /// takes (one export file can hold several channels).
    let fileDates: [String: [String: Date]]

    /// `links`: the render's; `cache`: its bodies, so a feed entry's body is the one its page
    /// showed, not rendered again.
    init(site: Site, media: [String: [PublishedMedia]], links: LocalLinks, cache: RenderCache?) {
        self.site = site
        self.media = media
        bodies = PostBodies(site: site, links: links, memo: cache?.bodies)
        var dates: [String: [String: Date]] = [:]
        for channel in site.channels {
            var newestInFile: [String: Date] = [:]
            // Read in place: a copy of each post retained a dozen references.
            for p in channel.posts.indices {
                guard let date = channel.posts[p].post.date else { continue }
                let path = channel.posts[p].post.source.path
                newestInFile[path] = max(newestInFile[path] ?? date, date)
            }
            let newestInChannel = newestInFile.values.max()
            for path in Set(channel.posts.map(\.post.source.path)) { dates[channel.slug, default: [:]][path] = newestInFile[path] ?? newestInChannel }
        }
        fileDates = dates
    }

    /// The entries of `posts`, by post id, made on all cores.
    func entries(_ posts: [SitePost]) -> [String: Entry] {
        var unique: [String: SitePost] = [:]
        for post in posts { unique[post.id] = post }
        let ordered = unique.values.sorted { $0.id < $1.id }
        let made = ordered.concurrentMap(entry)
        return Dictionary(zip(ordered.map(\.id), made), uniquingKeysWith: { a, _ in a })
    }

    func entry(_ post: SitePost) -> Entry {
        let files = post.post.media
        let published = media[post.id] ?? []
        let views = MediaView.views(of: files, published: published, strings: site.strings, caption: post.post.excerpt(maxLength: 120))
        var attachments: [Attachment] = []
        for (index, file) in files.enumerated() where file.kind != .placeholder && index < published.count {
            guard let path = published[index].path else { continue }
            attachments.append(
                Attachment(path: path, type: MediaPolicy.mimeType(of: path), size: file.fileSize, duration: file.durationSeconds))
        }
        let date = post.post.date ?? fileDates[post.channelSlug]?[post.post.source.path] ?? Date(timeIntervalSince1970: 0)
        var html: String?
        if post.post.textUTF8Count <= Self.contentLimit {
            let made = views.map(Self.html).joined() + bodies.html(of: post)
            if made.isEmpty {
                // Nothing empty: a post of media a copy did not capture is named by its heading ("Photo").
                html = "<p>\(HTMLText.escape(post.heading))</p>\n"
            } else if made.utf8.count <= Self.contentLimit {
                html = made
            }
        }
        var summary = post.post.excerpt(maxLength: 500)
        if summary.isEmpty { summary = post.heading }
        return Entry(summary: summary, html: html, attachments: attachments, updated: post.post.details?.edited ?? date)
    }

    /// A media file as a feed reader can show it: a photo or a video's poster as an image linked
    /// to the file, anything else as a link with its name.
    static func html(_ view: MediaView) -> String {
        let label = HTMLText.escape(view.label)
        guard let file = view.fileURL else {
            return "<p>\(label) — \(HTMLText.escape(view.missingReason ?? ""))</p>\n"
        }
        let link = "<a href=\"\(HTMLText.escape(file))\""
        // A spoiler stays hidden: a feed reader cannot blur it, so it is only a link.
        if view.isPhoto == true, view.isSpoiler != true, let thumb = view.thumbURL {
            return "<p>\(link)><img src=\"\(HTMLText.escape(thumb))\" alt=\"\(label)\"></a></p>\n"
        }
        if view.isVideo == true, view.isSpoiler != true, let poster = view.posterURL {
            return "<p>\(link)><img src=\"\(HTMLText.escape(poster))\" alt=\"\(label)\"></a></p>\n"
        }
        let name = HTMLText.escape(view.name ?? view.download ?? view.label)
        let extra = [view.duration, view.size].compactMap { $0 }.map(HTMLText.escape).joined(separator: ", ")
        return "<p>\(label): \(link)>\(name)</a>\(extra.isEmpty ? "" : " (\(extra))")</p>\n"
    }

    /// A feed's HTML with the site's links made to work from it: absolute with `baseURL`,
    /// else relative to the feed's own path.
    func html(_ html: String, feedPath: String) -> String {
        String(decoding: RootLinks.resolve(html, root: root(from: feedPath)), as: UTF8.self)
    }

    /// The way from a feed to the site's root: the base URL, or `../` per folder level.
    func root(from feedPath: String) -> String {
        if let base = site.config.siteRoot { return HTMLText.escape(base) }
        return SitePaths.root(of: feedPath)
    }
}
