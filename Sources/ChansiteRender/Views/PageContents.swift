import ChansiteCore

/// The views of each page kind, under `PageView`'s common variables.

/// The home page: every channel with its newest posts, and the most used tags.
struct HomeView: TemplateView {
    var channels: [ChannelView]
    var topTags: [LinkView]
    var channelCount: Int
    var postCount: Int
    var tagCount: Int
    var channelCountText: String
    var postCountText: String
    var tagCountText: String
    /// "On this day": each calendar day with the years it has posts in (`03-05:2021,2023;…`),
    /// for the home page's script, and the page of every day (its link without the script).
    var onThisDay: String?
    var daysURL: String?

    static let fields = ViewFields<Self>([
        "onThisDay": { $0.onThisDay }, "daysURL": { $0.daysURL },
        "dayURLPattern": { $0.daysURL == nil ? nil : SitePaths.rootLink(to: SitePaths.day("MM-DD")) },
        "channels": { $0.channels }, "topTags": { $0.topTags }, "hasTopTags": { !$0.topTags.isEmpty },
        "channelCount": { $0.channelCount }, "postCount": { $0.postCount }, "tagCount": { $0.tagCount },
        "channelCountText": { $0.channelCountText }, "postCountText": { $0.postCountText }, "tagCountText": { $0.tagCountText },
    ])
}

/// The tag index: every tag with its count.
struct TagsView: TemplateView {
    var tags: [LinkView]
    var tagCount: Int
    var tagCountText: String

    static let fields = ViewFields<Self>(["tags": { $0.tags }, "tagCount": { $0.tagCount }, "tagCountText": { $0.tagCountText }])
}

/// The search page: the script's interface words, as JSON.
struct SearchView: TemplateView {
    var searchStrings: String

    static let fields = ViewFields<Self>(["searchStrings": { $0.searchStrings }])
}

/// The 404 page: with a known base URL its links are pinned to the site root.
struct NotFoundView: TemplateView {
    var baseHref: String?

    static let fields = ViewFields<Self>(["baseHref": { $0.baseHref }])
}

/// A page of a channel's posts.
struct ChannelPageView: TemplateView {
    var channel: ChannelView
    var posts: [PostView]
    var pagination: PaginationView

    static let fields = ViewFields<Self>(["channel": { $0.channel }, "posts": { $0.posts }, "pagination": { $0.pagination }])
}

/// A post's own page, with its neighbours.
struct PostPageView: TemplateView {
    var post: PostView
    var channel: ChannelView
    var channelPageURL: String
    var description: String
    var ogImage: String?
    var prev: PostView?
    var next: PostView?

    static let fields = ViewFields<Self>([
        "post": { $0.post }, "channel": { $0.channel }, "channelPageURL": { $0.channelPageURL }, "description": { $0.description },
        "ogImage": { $0.ogImage }, "prev": { $0.prev }, "next": { $0.next },
    ])
}

/// A channel's archive: its years and months.
struct ArchiveView: TemplateView {
    var channel: ChannelView
    var years: [YearView]
    var monthCount: Int

    static let fields = ViewFields<Self>(["channel": { $0.channel }, "years": { $0.years }, "monthCount": { $0.monthCount }])
}

/// One month of a channel's posts.
struct MonthPageView: TemplateView {
    var channel: ChannelView
    var monthName: String
    var count: String
    var countText: String
    var posts: [PostView]
    var archiveURL: String
    var prevMonth: MonthLinkView?
    var nextMonth: MonthLinkView?
    /// The month's pages, when it has more posts than one page shows.
    var pagination: PaginationView

    static let fields = ViewFields<Self>([
        "channel": { $0.channel }, "monthName": { $0.monthName }, "count": { $0.count }, "countText": { $0.countText },
        "posts": { $0.posts }, "archiveURL": { $0.archiveURL }, "prevMonth": { $0.prevMonth }, "nextMonth": { $0.nextMonth },
        "pagination": { $0.pagination },
    ])
}

/// A page of a tag's posts.
struct TagPageView: TemplateView {
    var tag: TagInfoView
    var posts: [PostView]
    var pagination: PaginationView

    static let fields = ViewFields<Self>(["tag": { $0.tag }, "posts": { $0.posts }, "pagination": { $0.pagination }])
}

struct TagInfoView: TemplateView {
    var name: String
    /// Only on the tag's own page (its newest posts).
    var count: String?
    var countText: String?
    var atomURL: String

    static let fields = ViewFields<Self>(["name": { $0.name }, "count": { $0.count }, "countText": { $0.countText }, "atomURL": { $0.atomURL }])
}

/// No variables of its own: the page a post's summary is rendered on.
struct EmptyView: TemplateView {
    static let fields = ViewFields<Self>([:])
}
