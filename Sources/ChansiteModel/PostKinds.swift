import Foundation

/// A to-do list post: its title and items, each done or not as the export's later
/// "completed"/"added" service messages left it.
package struct TodoList: Sendable, Hashable, Codable {
    package struct Item: Sendable, Hashable, Codable {
        package var id: Int
        package var text: String
        package var done: Bool

        package init(id: Int, text: String, done: Bool = false) {
            self.id = id
            self.text = text
            self.done = done
        }
    }

    package var title: String
    package var items: [Item]

    package init(title: String, items: [Item]) {
        self.title = title
        self.items = items
    }
}

/// A giveaway the channel launched: what is given, how many, until when, to whom. The
/// export also lists the channels taking part by id; only their count is kept.
package struct Giveaway: Sendable, Hashable, Codable {
    package var quantity: Int
    /// Months of Telegram Premium per winner, or stars shared among them.
    package var months: Int?
    package var stars: Int?
    package var until: Date?
    package var prize: String?
    package var countries: [String]
    package var onlyNewSubscribers: Bool
    package var channelCount: Int

    package init(
        quantity: Int, months: Int? = nil, stars: Int? = nil, until: Date? = nil, prize: String? = nil, countries: [String] = [],
        onlyNewSubscribers: Bool = false, channelCount: Int = 0
    ) {
        self.quantity = quantity
        self.months = months
        self.stars = stars
        self.until = until
        self.prize = prize
        self.countries = countries
        self.onlyNewSubscribers = onlyNewSubscribers
        self.channelCount = channelCount
    }
}

/// A giveaway's outcome: counts only (the export names winners by user id, which never
/// reaches the site).
package struct GiveawayResults: Sendable, Hashable, Codable {
    package var winners: Int
    package var unclaimed: Int
    package var months: Int?
    package var stars: Int?
    package var prize: String?
    package var refunded: Bool
    /// The giveaway's own message.
    package var launchID: String?

    package init(
        winners: Int, unclaimed: Int = 0, months: Int? = nil, stars: Int? = nil, prize: String? = nil, refunded: Bool = false,
        launchID: String? = nil
    ) {
        self.winners = winners
        self.unclaimed = unclaimed
        self.months = months
        self.stars = stars
        self.prize = prize
        self.refunded = refunded
        self.launchID = launchID
    }
}

/// Something that happened in the channel between posts, shown as a line where it happened
/// (Telegram's service messages): never a person's name, only what happened.
package struct ServiceEvent: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case starGift, boost, giveawayLaunch, giveawayResults, suggestedPostApproved, suggestedPostRejected, suggestedPostPaid
        case suggestedPostRefunded, paidMessagesPrice
        /// A message Telegram Desktop does not export (a story, a dice roll, …).
        case notExported
    }

    package var kind: Kind
    package var date: Date?
    /// Stars, boosts or winners, as the kind has them.
    package var count: Int?
    /// A price as written (`250`, `1.5`) and its currency (`Stars`, `TON`).
    package var amount: String?
    package var currency: String?

    package init(kind: Kind, date: Date? = nil, count: Int? = nil, amount: String? = nil, currency: String? = nil) {
        self.kind = kind
        self.date = date
        self.count = count
        self.amount = amount
        self.currency = currency
    }
}
