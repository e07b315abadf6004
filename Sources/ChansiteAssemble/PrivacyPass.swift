import ChansiteCore
import ChansiteModel

/// What must never reach the site, taken out before anything is rendered or indexed: posts the
/// configuration withholds (by hashtag or id), and the private numbers a post can carry —
/// phone numbers and bank cards marked as such by Telegram, a shared contact's phone.
///
/// Names of people who reacted (an export's `recent` lists) and the user ids behind name
/// mentions are never read by the export readers, so nothing here has to remove them.
struct PrivacyPass: Sendable {
    /// Tag keys whose posts are withheld.
    let tagKeys: Set<String>
    /// `withholdPosts` entries naming this channel: their post part (a message id or a slug).
    let postIDs: Set<String>
    let hidesDeleted: Bool

    init(config: SiteConfig, slug: String, info: ChannelInfo) {
        tagKeys = Set(config.withholdTags.map(Tag.key(for:)).filter { !$0.isEmpty })
        var ids = Set<String>()
        for entry in config.withholdPosts {
            guard let slash = entry.lastIndex(of: "/") else { continue }
            if SiteConfig.names(String(entry[..<slash]), slug: slug, info: info) { ids.insert(String(entry[entry.index(after: slash)...])) }
        }
        postIDs = ids
        hidesDeleted = config.hideDeletedPosts
    }

    /// Why a post is left out, when it is.
    enum Reason: Sendable, Equatable {
        case tag(String)
        case listed(String)
        case deleted

        var description: String {
            switch self {
            case .tag(let name): "withheld: the post carries \(name) (withholdTags)"
            case .listed(let id): "withheld: '\(id)' is listed in withholdPosts"
            case .deleted: "withheld: the post was deleted from its channel (hideDeletedPosts)"
            }
        }
    }

    /// The reason `post` (whose page would be `slug`) is withheld, or nil.
    func reason(_ post: Post, slug: String) -> Reason? {
        if hidesDeleted, post.details?.deletedAfter != nil { return .deleted }
        if !tagKeys.isEmpty, let tag = post.hashtags.first(where: { tagKeys.contains(Tag.key(for: $0)) }) { return .tag(tag) }
        if postIDs.isEmpty { return nil }
        if let id = post.messageID, postIDs.contains(id) { return .listed(id) }
        return postIDs.contains(slug) ? .listed(slug) : nil
    }

    /// True when the post holds a number `masking` takes out.
    static func needsMasking(_ post: Post) -> Bool {
        if post.details?.contact?.phone != nil { return true }
        return post.hasSpan(of: TextSpan.privateNumberKinds)
    }

    /// The post with its private numbers masked; `masked` counts what was.
    static func masking(_ post: Post, masked: inout Withheld) -> Post {
        var post = post
        if var details = post.details, details.contact?.phone != nil {
            details.contact?.phone = nil
            post.details = details
            masked.contactPhones += 1
        }
        guard post.hasSpan(of: TextSpan.privateNumberKinds), var spans = post.spans else { return post }
        for index in spans.indices {
            switch spans[index].kind {
            case "phone": masked.phoneNumbers += 1
            case "bank_card": masked.bankCards += 1
            default: continue
            }
            spans[index].text = mask(spans[index].text)
        }
        post.text = spans.map(\.text).joined()
        post.spans = spans
        return post
    }

    /// Every digit replaced by a dot: the shape of a number stays (a reader sees one was
    /// there), the number does not.
    static func mask(_ text: String) -> String {
        String(text.map { $0.isNumber ? "•" : $0 })
    }
}
