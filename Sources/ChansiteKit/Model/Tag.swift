/// A hashtag across all channels: how it is written, where its page is, and which posts use it.
public struct Tag: Sendable, Hashable {
    /// The normalised key: lower-cased, `ё` folded to `е`, without `#`.
    public var key: String
    /// The spelling shown to readers (the first one met), with `#`.
    public var name: String
    /// The file name of the tag's page, without extension.
    public var slug: String
    /// Post ids (`channel/slug`) in site order.
    public var postIDs: [String]

    public init(key: String, name: String, slug: String, postIDs: [String]) {
        self.key = key
        self.name = name
        self.slug = slug
        self.postIDs = postIDs
    }

    /// Normalises a hashtag to its key, so `#ML`, `#ml` and `ml` meet on one page.
    public static func key(for hashtag: String) -> String { Hashtags.key(for: hashtag) }
}
