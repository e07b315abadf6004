/// A post placed in the site: the parsed post plus where it lives and what surrounds it.
public struct SitePost: Sendable, Hashable {
    public var post: Post
    /// The channel's slug.
    public var channelSlug: String
    /// The post's stable file name inside its channel folder, without extension.
    public var slug: String
    /// Position in the channel's reading order (0-based).
    public var index: Int
    /// Tag keys (normalised hashtags) of the post, in the order the post lists them.
    public var tagKeys: [String]
    /// `post.heading`, computed once: every listing, feed and index shows it.
    public var heading: String
    /// `post.excerpt()`, computed once.
    public var excerpt: String
    /// The body shown under the heading (see `Post.body(below:)`), computed once.
    public var body: String

    public init(post: Post, channelSlug: String, slug: String, index: Int, tagKeys: [String]) {
        self.post = post
        self.channelSlug = channelSlug
        self.slug = slug
        self.index = index
        self.tagKeys = tagKeys
        self.heading = post.heading
        self.excerpt = post.excerpt()
        self.body = post.body(below: heading)
    }

    /// Identifies the post across the site (`channel/slug`).
    public var id: String { channelSlug + "/" + slug }
}
