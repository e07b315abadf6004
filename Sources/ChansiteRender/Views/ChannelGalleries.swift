import ChansiteCore
import ChansiteMedia
import ChansiteModel

/// Each channel's media as a gallery, newest first: photos and videos as a grid of thumbnails,
/// files, voice and audio, and links as lists, each item leading to its post. A kind with
/// nothing has no page; a channel with nothing has no gallery.
package struct ChannelGalleries {
    package enum Kind: String, CaseIterable, Sendable {
        case photos, files, audio, links

        /// Items a page shows: a grid of small thumbnails holds more than a list.
        var perPage: Int { self == .photos ? 60 : 100 }
        var titleKey: String { "gallery." + rawValue }
    }

    /// One item: a post's media file (its index in `Post.media`), or a link the post holds.
    package struct Item: Sendable, Equatable {
        package var post: Int
        package var media: Int?
        package var link: String?

        package init(post: Int, media: Int? = nil, link: String? = nil) {
            self.post = post
            self.media = media
            self.link = link
        }
    }

    /// Whether every item names a post of the channel (and a media file of that post).
    static func fit(_ kinds: [Kind: [Item]], _ channel: Channel) -> Bool {
        kinds.values.allSatisfy { items in
            items.allSatisfy { item in
                channel.posts.indices.contains(item.post) && item.media.map { channel.posts[item.post].post.media.indices.contains($0) } != false
            }
        }
    }

    /// Channel slug → its kinds with items (kinds with none absent).
    let byChannel: [String: [Kind: [Item]]]

    /// The most links one post adds, so a post of thousands of links is not the whole list.
    static let linksPerPost = 20

    /// `memo` keeps the items of channels with a key and no media files (text copies: their
    /// key holds all their posts and the configuration) between builds.
    init(site: Site, media: [String: [PublishedMedia]], memo: (any StageCache<[Kind: [Item]]>)? = nil) {
        var byChannel: [String: [Kind: [Item]]] = [:]
        for channel in site.channels {
            let make = { Self.items(of: channel, media: media, newestFirst: site.config.channelOrder == .newest) }
            var kinds = channel.kept("gallery", in: channel.posts.allSatisfy({ $0.post.media.isEmpty }) ? memo : nil, make)
            // Kept items name posts by index: ones that do not fit the channel are made again.
            if !Self.fit(kinds, channel) { kinds = make() }
            if !kinds.isEmpty { byChannel[channel.slug] = kinds }
        }
        self.byChannel = byChannel
    }

    /// A channel's items of each kind, newest first.
    static func items(of channel: Channel, media: [String: [PublishedMedia]], newestFirst: Bool) -> [Kind: [Item]] {
        var kinds: [Kind: [Item]] = [:]
        // Finding links reads every post's text: on all cores.
        let posts = channel.posts
        let links = posts.indices.concurrentMap(chunk: 256) { Self.links(of: posts[$0].post) }
        for index in newestFirst ? Array(posts.indices) : posts.indices.reversed() {
            // Read in place (`posts[index]`): a copy of each post retained a dozen references.
            let published = posts[index].post.media.isEmpty ? [] : media[posts[index].id] ?? []
            for (m, file) in posts[index].post.media.enumerated() {
                guard let kind = Self.kind(of: file, published: m < published.count ? published[m] : nil) else { continue }
                kinds[kind, default: []].append(Item(post: index, media: m))
            }
            for link in links[index] { kinds[.links, default: []].append(Item(post: index, link: link)) }
        }
        return kinds
    }

    /// Where a file belongs: a picture with a thumbnail in the grid (never one behind a
    /// spoiler), a file or a sound in its list when it was published.
    static func kind(of file: MediaFile, published: PublishedMedia?) -> Kind? {
        switch file.kind {
        case .photo, .videoFile, .animation, .videoMessage:
            guard !file.spoiler, published?.thumbnailPath ?? published?.posterPath != nil else { return nil }
            return .photos
        case .voiceMessage, .audioFile: return published?.path == nil ? nil : .audio
        case .file: return published?.path == nil ? nil : .files
        default: return nil
        }
    }

    /// The web links a post holds, each once, in order: its link cards', its formatted links',
    /// and those written in its text.
    static func links(of post: Post) -> [String] {
        var found: [String] = post.linkPreviews.compactMap(\.url)
        if post.isFormatted {
            // Most posts link nothing: their spans are not made to find that out.
            for span in post.hasSpan(of: TextSpan.linkKinds) ? post.spans ?? [] : [] {
                if span.kind == "text_link", let href = span.href { found.append(href) }
                if span.kind == "link" { found.append(span.text.contains("://") ? span.text : "https://" + span.text) }
            }
        } else {
            found += Links.find(in: post.text).map(\.url)
        }
        var seen = Set<String>()
        return found.filter { link in
            let lower = link.lowercased()
            return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && seen.insert(link).inserted
        }.prefix(linksPerPost).map { $0 }
    }

    /// The gallery's first page of a channel, when it has one: its first kind's.
    func firstPage(of slug: String) -> String? {
        guard let kinds = byChannel[slug], let kind = Kind.allCases.first(where: { kinds[$0] != nil }) else { return nil }
        return SitePaths.gallery(slug, kind: kind.rawValue)
    }
}

/// A page of a channel's gallery: the kinds as tabs, then a grid of thumbnails or a list.
struct GalleryPageView: TemplateView {
    var channel: ChannelView
    var heading: String
    var tabs: [GalleryTabView]
    var tiles: [GalleryItemView]?
    var entries: [GalleryItemView]?
    var pagination: PaginationView

    static let fields = ViewFields<Self>([
        "channel": { $0.channel }, "heading": { $0.heading }, "tabs": { $0.tabs }, "tiles": { $0.tiles }, "entries": { $0.entries },
        "pagination": { $0.pagination }, "isGrid": { $0.tiles == nil ? nil : true }, "isList": { $0.entries == nil ? nil : true },
    ])
}

/// A kind of the gallery, as a tab: its name and count, marked when it is the page's.
struct GalleryTabView: TemplateView {
    var name: String
    var url: String
    var countText: String
    var isCurrent: Bool?

    static let fields = ViewFields<Self>(["name": { $0.name }, "url": { $0.url }, "countText": { $0.countText }, "isCurrent": { $0.isCurrent }])
}

/// One item of the gallery: a file (`media`) or a link, with the post it is from.
struct GalleryItemView: TemplateView {
    var media: MediaView?
    var linkURL: String?
    var postURL: String
    var postHeading: String
    var dateText: String?

    static let fields = ViewFields<Self>([
        "media": { $0.media }, "linkURL": { $0.linkURL }, "postURL": { $0.postURL }, "postHeading": { $0.postHeading },
        "dateText": { $0.dateText },
    ])
}
