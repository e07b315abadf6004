import Foundation

/// What an export knows of a post beyond its text and media; text dumps leave it nil.
public struct PostDetails: Sendable, Hashable, Codable {
    public struct Poll: Sendable, Hashable, Codable {
        public struct Answer: Sendable, Hashable, Codable {
            public var text: String
            public var voters: Int
            public var chosen: Bool
        }
        public var question: String
        public var closed: Bool
        public var totalVoters: Int
        public var answers: [Answer]
    }

    public struct Location: Sendable, Hashable, Codable {
        public var latitude: Double
        public var longitude: Double
        public var placeName: String?
        public var address: String?
    }

    public struct Contact: Sendable, Hashable, Codable {
        public var name: String
        public var phone: String?
    }

    public var edited: Date?
    /// The author's signature under a channel post.
    public var author: String?
    public var viaBot: String?
    /// The id of the chat a forward came from (`channel123`), when the export names it.
    public var forwardedFromID: String?
    /// When the forwarded message was first sent (HTML exports show it; JSON ones do not).
    public var forwardedDate: Date?
    /// True when a service message pinned this post.
    public var pinned = false
    public var poll: Poll?
    public var location: Location?
    public var contact: Contact?
    /// The ids of the other messages of an album merged into this post.
    public var albumIDs: [String] = []
    /// True when the date is the exporting machine's local time, not an instant.
    public var dateIsLocal = false

    public init() {}

    /// True when nothing is known: a post then holds no details at all (a reference each
    /// would cost every plain post of a large export some 240 bytes).
    public var isEmpty: Bool { self == PostDetails() }
}

extension PostDetails {
    /// Details behind an immutable reference (`Post.details`); compared and hashed by value.
    final class Box: Sendable, Hashable {
        let value: PostDetails

        init(_ value: PostDetails) { self.value = value }

        static func == (a: Box, b: Box) -> Bool { a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }
}
