import ChansiteCore

/// A post placed in the site: the parsed post plus where it lives and what surrounds it.
package struct SitePost: Sendable, Hashable {
    package var post: Post
    /// The channel's slug.
    package var channelSlug: String
    /// The post's stable file name inside its channel folder, without extension.
    package var slug: String
    /// The post page's site path (`SitePaths.post`): in its channel's folder, or in one of 256
    /// subfolders of it when the channel is too large for one folder.
    package var path: String
    /// Position in the channel's reading order (0-based).
    package var index: Int
    /// Tag keys (normalised hashtags) of the post, in the order the post lists them.
    package var tagKeys: [String]
    /// `post.heading`, computed once: every listing, feed and index shows it.
    package var heading: String
    /// `post.excerpt()`, made when asked: twice a build (the post's view and page), and kept
    /// it would be a tenth of a large site's model. A post without text is summed up by its
    /// heading ("Photo", a poll's question, a file's name): no listing, feed or description
    /// shows an empty one.
    package var excerpt: String {
        let excerpt = post.excerpt()
        return excerpt.isEmpty ? heading : excerpt
    }

    package init(
        post: Post, channelSlug: String, slug: String, index: Int, tagKeys: [String], strings: SiteStrings? = nil, sharded: Bool = false
    ) {
        self.post = post
        self.channelSlug = channelSlug
        self.slug = slug
        self.path = SitePaths.post(channel: channelSlug, slug: slug, sharded: sharded)
        self.index = index
        self.tagKeys = tagKeys
        self.heading = post.heading(in: strings)
    }

    /// The text shown as the post's body: the whole text, or (for a post with a title) the text
    /// below the title (see `Post.body(below:)`). Made when asked (a few times a build), not
    /// kept: it is most of the text again.
    package var body: String {
        // A post without a title in its source shows its whole text, as Telegram does; its
        // heading (its first words) is for page titles, feeds and links.
        post.title == nil ? post.text : post.body(below: heading)
    }

    /// True when the body starts with the heading's words (the post has no title of its own).
    package var headingInBody: Bool { post.title == nil }

    /// Identifies the post across the site (`channel/slug`).
    package var id: String { channelSlug + "/" + slug }

    /// Adds everything a view of the post can read of it (its place in the channel's order
    /// aside: an append must not change the older posts' keys) to a key; its lines in its
    /// source only with `lines`.
    package func addViewInputs(to fingerprint: inout Fingerprint, lines: Bool = true) {
        fingerprint.add(channelSlug)
        fingerprint.add(slug)
        fingerprint.add(path)
        fingerprint.add(heading)
        fingerprint.add(tagKeys)
        post.add(to: &fingerprint, lines: lines)
    }
}
