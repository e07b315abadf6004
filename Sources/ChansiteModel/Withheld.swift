import ChansiteCore

/// What the privacy pass kept off the site, for the build's report.
package struct Withheld: Sendable, Hashable, Codable {
    /// Posts left out because they carry a `withholdTags` hashtag.
    package var taggedPosts = 0
    /// Posts left out because `withholdPosts` lists them.
    package var listedPosts = 0
    /// Posts deleted from their channel, left out (`hideDeletedPosts`).
    package var deletedPosts = 0
    /// Phone numbers and bank-card numbers Telegram marked in posts' text, masked.
    package var phoneNumbers = 0
    package var bankCards = 0
    /// Shared contacts' phone numbers, left out.
    package var contactPhones = 0

    package init() {}

    package var isEmpty: Bool { self == Withheld() }

    package mutating func add(_ other: Withheld) {
        taggedPosts += other.taggedPosts
        listedPosts += other.listedPosts
        deletedPosts += other.deletedPosts
        phoneNumbers += other.phoneNumbers
        bankCards += other.bankCards
        contactPhones += other.contactPhones
    }

    /// "withheld 2 posts carrying a withheld hashtag; masked 3 phone numbers; left out 1
    /// contact's phone number" — nil when nothing was.
    package var summary: String? {
        var parts: [String] = []
        var posts: [String] = []
        if taggedPosts > 0 { posts.append("\(Counted.of(taggedPosts, "post")) carrying a withheld hashtag") }
        if listedPosts > 0 { posts.append("\(Counted.of(listedPosts, "post")) listed in withholdPosts") }
        if deletedPosts > 0 { posts.append("\(Counted.of(deletedPosts, "post")) deleted from its channel (hideDeletedPosts)") }
        if !posts.isEmpty { parts.append("withheld " + posts.joined(separator: " and ")) }
        var masked: [String] = []
        if phoneNumbers > 0 { masked.append(Counted.of(phoneNumbers, "phone number")) }
        if bankCards > 0 { masked.append(Counted.of(bankCards, "bank card number")) }
        if !masked.isEmpty { parts.append("masked " + masked.joined(separator: " and ")) }
        if contactPhones > 0 { parts.append("left out " + Counted.of(contactPhones, "contact's phone number", plural: "contacts' phone numbers")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
