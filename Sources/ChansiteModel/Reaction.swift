import ChansiteCore

/// One reaction chip: an emoji (possibly several code points, like `❤🔥`) and its count.
package struct Reaction: Sendable, Hashable, Codable {
    package var emoji: String
    package var count: Int

    package init(emoji: String, count: Int) {
        self.emoji = emoji
        self.count = count
    }
}
