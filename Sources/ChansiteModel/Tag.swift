import ChansiteCore

/// A hashtag across all channels: how it is written, where its page is, and which posts use it.
package struct Tag: Sendable, Hashable {
    /// The normalised key: lower-cased, `ё` folded to `е`, without `#`.
    package var key: String
    /// The spelling shown to readers (the first one met), with `#`.
    package var name: String
    /// The file name of the tag's page, without extension.
    package var slug: String
    /// Post ids (`channel/slug`) in site order.
    package var postIDs: [String]

    package init(key: String, name: String, slug: String, postIDs: [String]) {
        self.key = key
        self.name = name
        self.slug = slug
        self.postIDs = postIDs
    }

    /// Normalises a hashtag to its key, so `#ML`, `#ml` and `ml` meet on one page.
    package static func key(for hashtag: String) -> String { Hashtags.key(for: hashtag) }
}
