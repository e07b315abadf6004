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
        func location(of position: Int) -> (channel: Int, index: Int) {
            var low = 0
            var high = channels.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= position { low = middle } else { high = middle - 1 }
            }
            return (low, position - starts[low])
        }

        /// Each post's position by its id (the first, when two share one).
        package func positionsByID() -> [String: Int] {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(count)
            var position = 0
            // By index: a post is read in place, not copied whole (a third of this loop's time).
            for channel in channels {
                for index in channel.posts.indices {
                    let id = channel.posts[index].id
                    if positions[id] == nil { positions[id] = position }
                    position += 1
                }
            }
            return positions
        }
    }
}
