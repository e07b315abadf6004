/// One reaction chip: an emoji (possibly several code points, like `❤🔥`) and its count.
public struct Reaction: Sendable, Hashable, Codable {
    public var emoji: String
    public var count: Int

    public init(emoji: String, count: Int) {
        self.emoji = emoji
        self.count = count
    }
}
