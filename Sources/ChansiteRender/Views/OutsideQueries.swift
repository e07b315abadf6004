import ChansiteModel

/// What a channel's posts ask the rest of the site, in post order: the targets of links that
/// may lead to one of the archive's posts (`FormattedText.localLinkQueries`), and the export ids
/// of the channels its posts were forwarded from. They depend on the channel's posts alone.
package struct OutsideQueries: Sendable {
    package var links: [String] = []
    package var forwards: [String] = []

    /// As kept (the build cache reads them back).
    package init(links: [String], forwards: [String]) {
        self.links = links
        self.forwards = forwards
    }

    init(_ channel: Channel) {
        // Each post read in place: a copy of each retained a dozen references.
        for p in channel.posts.indices {
            // Most posts link nothing: their spans are not made to find that out.
            if channel.posts[p].post.hasSpan(of: FormattedText.linkingKinds), let spans = channel.posts[p].post.spans {
                links += FormattedText.localLinkQueries(spans)
            }
            if let source = channel.posts[p].post.details?.forwardedFromID { forwards.append(source) }
        }
    }
}
