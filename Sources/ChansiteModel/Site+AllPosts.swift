import ChansiteCore

extension Site {
    /// Every post of every channel, in site order (channels by slug, posts in reading order).
    /// A view over the channels, not a copy: a post is several hundred bytes, and the index,
    /// the feeds and the views each walking a copy of 100k of them cost hundreds of megabytes.
    package var allPosts: AllPosts { AllPosts(channels) }

    /// The site's posts as one random-access collection over its channels' arrays.
    package struct AllPosts: RandomAccessCollection, Sendable {
        let channels: [Channel]
        /// Each channel's first position, and the total at the end.
        package let starts: [Int]

        init(_ channels: [Channel]) {
            self.channels = channels
            var starts = [0]
            for channel in channels { starts.append(starts[starts.count - 1] + channel.posts.count) }
            self.starts = starts
        }

        package var startIndex: Int { 0 }
        package var endIndex: Int { starts[starts.count - 1] }

        package subscript(position: Int) -> SitePost {
            let (channel, index) = location(of: position)
            return channels[channel].posts[index]
        }

        /// The channel number and the index in that channel of a position (binary search over
        /// the channels' starts).
        package func location(of position: Int) -> (channel: Int, index: Int) {
            var low = 0
            var high = channels.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= position { low = middle } else { high = middle - 1 }
            }
            return (low, position - starts[low])
        }

        /// Each post's position by its id, a channel at a time: a channel's part (its posts'
        /// indexes by slug, `Site.channelPositions`) depends on that channel alone, so `memo`
        /// keeps it by the channel's key.
        package func positions(memo: (any StageCache<[String: Int]>)? = nil) -> Positions {
            var parts: [String: (start: Int, bySlug: [String: Int])] = [:]
            for (c, channel) in channels.enumerated() {
                parts[channel.slug] = (starts[c], channel.kept("positions", in: memo) { Site.channelPositions(channel) })
            }
            return Positions(parts: parts)
        }
    }

    /// A channel's posts' indexes by slug (the first, when two share one).
    package static func channelPositions(_ channel: Channel) -> [String: Int] {
        var bySlug: [String: Int] = [:]
        bySlug.reserveCapacity(channel.posts.count)
        for index in channel.posts.indices where bySlug[channel.posts[index].slug] == nil {
            bySlug[channel.posts[index].slug] = index
        }
        return bySlug
    }

    /// Positions in `allPosts` by `SitePost.id` (`channel slug/post slug`), looked up channel first.
    package struct Positions: Sendable {
        let parts: [String: (start: Int, bySlug: [String: Int])]

        package subscript(id: String) -> Int? {
            // A channel's slug has no '/' (`Slug`); a post's slug follows the first one.
            guard let slash = id.firstIndex(of: "/"), let part = parts[String(id[..<slash])],
                let index = part.bySlug[String(id[id.index(after: slash)...])]
            else { return nil }
            return part.start + index
        }
    }
}
