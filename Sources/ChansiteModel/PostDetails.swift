import ChansiteCore
import Foundation

/// What an export knows of a post beyond its text and media; text dumps leave it nil.
package struct PostDetails: Sendable, Hashable, Codable {
    package struct Poll: Sendable, Hashable, Codable {
        package struct Answer: Sendable, Hashable, Codable {
            package var text: String
            package var voters: Int
            package var chosen: Bool

            package init(text: String, voters: Int, chosen: Bool) {
                self.text = text
                self.voters = voters
                self.chosen = chosen
            }
        }
        package var question: String
        package var closed: Bool
        package var totalVoters: Int
        package var answers: [Answer]

        package init(question: String, closed: Bool, totalVoters: Int, answers: [Answer]) {
            self.question = question
            self.closed = closed
            self.totalVoters = totalVoters
            self.answers = answers
        }
    }

    package struct Location: Sendable, Hashable, Codable {
        package var latitude: Double
        package var longitude: Double
        package var placeName: String?
        package var address: String?

        package init(latitude: Double, longitude: Double, placeName: String? = nil, address: String? = nil) {
            self.latitude = latitude
            self.longitude = longitude
            self.placeName = placeName
            self.address = address
        }
    }

    package struct Contact: Sendable, Hashable, Codable {
        package var name: String
        package var phone: String?

        package init(name: String, phone: String? = nil) {
            self.name = name
            self.phone = phone
        }
    }

    package var edited: Date?
    /// The author's signature under a channel post.
    package var author: String?
    /// Who sent the message, when not the chat itself (a discussion group's members).
    package var sender: String?
    /// The comments on this post from its channel's discussion group, in order.
    package var comments: [Comment] = []
    package var viaBot: String?
    /// The id of the chat a forward came from (`channel123`), when the export names it.
    package var forwardedFromID: String?
    /// When the forwarded message was first sent (HTML exports show it; JSON ones do not).
    package var forwardedDate: Date?
    /// True when a service message pinned this post.
    package var pinned = false
    package var poll: Poll?
    package var location: Location?
    package var contact: Contact?
    /// The ids of the other messages of an album merged into this post.
    package var albumIDs: [String] = []
    /// True when the date is the exporting machine's local time, not an instant.
    package var dateIsLocal = false
    /// True when the post answers a message in another chat (the export names no message).
    package var repliesElsewhere = false
    /// The texts the post had before its current one, oldest first, from earlier exports of
    /// its channel (`ExportMerge`).
    package var versions: [PostVersion] = []
    package var todo: TodoList?
    package var giveaway: Giveaway?
    package var giveawayResults: GiveawayResults?
    /// A paid post's price in stars (the export has none of its media).
    package var paidStars: Int?
    /// Service events just before the post (before the channel's first post) and after it,
    /// in order.
    package var eventsBefore: [ServiceEvent] = []
    package var eventsAfter: [ServiceEvent] = []
    /// When a later export that covers the post no longer has it: the date of the last copy
    /// that did (the post was deleted from the channel after it).
    package var deletedAfter: Date?

    package init() {}

    /// True when nothing is known: a post then holds no details at all (a reference each
    /// would cost every plain post of a large export some 240 bytes).
    package var isEmpty: Bool { self == PostDetails() }
}

/// A message of a channel's discussion group under one of its posts: who wrote it (a name
/// only), when, and its text.
package struct Comment: Sendable, Hashable, Codable {
    package var author: String
    package var date: Date?
    package var text: String

    package init(author: String, date: Date?, text: String) {
        self.author = author
        self.date = date
        self.text = text
    }
}

/// An earlier text of a post, as an earlier export showed it.
package struct PostVersion: Sendable, Hashable, Codable {
    package var text: String
    /// The date of the last copy that showed this text (`ExportMerge.asOf`).
    package var seen: Date?
    /// The edit date that copy gave, when it gave one.
    package var edited: Date?

    package init(text: String, seen: Date?, edited: Date?) {
        self.text = text
        self.seen = seen
        self.edited = edited
    }
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
