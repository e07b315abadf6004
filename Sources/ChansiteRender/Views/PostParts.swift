import ChansiteCore

/// The small records a post shows (docs/templates.md: hashtags, reactions, link cards, the
/// post it answers, polls, places, contacts). Links are root-relative (`SitePaths.rootLink`).

/// A named link: a hashtag, a tag in a cloud, a reply.
struct LinkView: TemplateView {
    var name: String?
    var url: String
    var count: String?
    var heading: String?
    /// A picture beside the link (a post's channel: its avatar).
    var image: String?

    static let fields = ViewFields<Self>([
        "name": { $0.name }, "url": { $0.url }, "count": { $0.count }, "heading": { $0.heading }, "image": { $0.image },
    ])
}

struct ReactionView: TemplateView {
    var emoji: String
    var count: String

    static let fields = ViewFields<Self>(["emoji": { $0.emoji }, "count": { $0.count }])
}

/// A link preview card under a post.
struct LinkCardView: TemplateView {
    var site: String
    var title: String
    var description: String
    var url: String?

    static let fields = ViewFields<Self>([
        "site": { $0.site }, "title": { $0.title }, "description": { $0.description }, "url": { $0.url },
    ])
}

/// The post a post answers: a text copy's quote (author and words), or an export's link.
struct ReplyView: TemplateView {
    var replyAuthor: String?
    var replyExcerpt: String?
    var replyURL: String?
    var replyMissing: Bool?
    /// The post answers a message in another chat.
    var replyElsewhere: Bool?

    static let fields = ViewFields<Self>([
        "replyAuthor": { $0.replyAuthor }, "replyExcerpt": { $0.replyExcerpt }, "replyURL": { $0.replyURL },
        "replyMissing": { $0.replyMissing }, "replyElsewhere": { $0.replyElsewhere },
    ])
}

struct PollView: TemplateView {
    var question: String
    var closed: Bool
    var totalVoters: Int
    var totalVotersText: String
    var answers: [PollAnswerView]

    static let fields = ViewFields<Self>([
        "question": { $0.question }, "closed": { $0.closed }, "totalVoters": { $0.totalVoters },
        "totalVotersText": { $0.totalVotersText }, "answers": { $0.answers },
    ])
}

struct PollAnswerView: TemplateView {
    var text: String
    var voters: Int
    var percent: Int
    var chosen: Bool

    static let fields = ViewFields<Self>(["text": { $0.text }, "voters": { $0.voters }, "percent": { $0.percent }, "chosen": { $0.chosen }])
}

struct LocationView: TemplateView {
    var latitude: String
    var longitude: String
    var mapURL: String
    var placeName: String?
    var address: String?

    static let fields = ViewFields<Self>([
        "latitude": { $0.latitude }, "longitude": { $0.longitude }, "mapURL": { $0.mapURL }, "placeName": { $0.placeName },
        "address": { $0.address },
    ])
}

struct ContactView: TemplateView {
    var contactName: String
    var phone: String?

    static let fields = ViewFields<Self>(["contactName": { $0.contactName }, "phone": { $0.phone }])
}
