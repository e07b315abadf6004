import ChansiteCore
import ChansiteModel

/// Finds the post a text copy's reply quote shows: the post of the same channel whose text
/// starts with the quote (or whose whole text the quote starts with).
struct QuotedPosts {
    private let posts: Site.AllPosts
    /// Channel slug → posts (positions in `site.allPosts`) by the first characters of their
    /// text; built on first use.
    private var starts: [String: [String: [Int]]]?

    static let keyLength = 16
    static let maxCandidates = 64

    init(site: Site) {
        posts = site.allPosts
    }

    /// The id of the quoted post, or nil when it is not in the archive (or not one post).
    mutating func post(quoting quote: ReplyQuote, in channel: String, besides id: String) -> String? {
        if starts == nil { starts = Self.index(posts) }
        var text = quote.text
        if text.hasSuffix("…") { text.removeLast() }
        if text.hasSuffix("...") { text.removeLast(3) }
        text = text.normalizedSpaces
        let bucket = starts?[channel]?[Self.key(text)] ?? []
        // Many posts starting alike make any match a guess (and scanning them all for every
        // reply would grow with the square of the archive): no link then.
        guard bucket.count <= Self.maxCandidates else { return nil }
        let found = bucket.map { posts[$0] }.filter { candidate in
            guard candidate.id != id else { return false }
            let start = Self.flat(candidate.post.text)
            return start.hasPrefix(text) || text.hasPrefix(start)
        }
        return found.count == 1 ? found.first?.id : nil
    }

    private static func index(_ posts: Site.AllPosts) -> [String: [String: [Int]]] {
        var starts: [String: [String: [Int]]] = [:]
        for (position, post) in zip(posts.indices, posts) where post.post.replyTo == nil {
            starts[post.channelSlug, default: [:]][key(flat(post.post.text)), default: []].append(position)
        }
        return starts
    }

    /// The text with its line breaks as spaces (a quote shows the text on one line).
    private static func flat(_ text: String) -> String {
        String(text.prefix(2000)).replacingOccurrences(of: "\n", with: " ").normalizedSpaces
    }

    private static func key(_ flat: String) -> String { String(flat.unicodeScalars.prefix(keyLength)) }
}
