import ChansiteCore

/// What templates see of a post (docs/templates.md). Made once per post and build by
/// `PostViews`, with root-relative links, and shared by every page that shows the post: its
/// own page, its channel's page, its tags' and month's pages, its neighbours and the home page.
final class PostView: TemplateView, @unchecked Sendable {
    let id: String
    let heading: String
    let hasTitle: Bool
    let headingInBody: Bool
    let url: String
    let hasBody: Bool
    let excerpt: String
    let hasMedia: Bool
    let source: String
    let channel: LinkView
    var hashtags: [LinkView] = []
    /// The hashtags the body does not show (it links the ones it holds).
    var extraHashtags: [LinkView] = []
    var titleHTML: String?
    var forwardedFrom: String?
    var forwardedFromURL: String?
    /// When the forwarded message was first sent (HTML exports show it).
    var forwardedDateText: String?
    var forwardedDateISO: String?
    var dateText: String?
    var dateAsWritten: String?
    var dateISO: String?
    var editedText: String?
    /// "deleted from the channel after 5 Mar 2024", for a post a later export no longer had.
    var deletedAfterText: String?
    /// "2 earlier versions" and the versions, for a post an earlier export showed otherwise.
    var versionsSummary: String?
    var versions: [VersionView] = []
    var reactions: [ReactionView] = []
    var linkPreviews: [LinkCardView] = []
    var author: String?
    var viaBot: String?
    var isPinned = false
    var telegramURL: String?
    var poll: PollView?
    var location: LocationView?
    var contact: ContactView?
    var todo: TodoView?
    var giveaway: GiveawayView?
    /// "Paid post · 25 ★ — …", for a paid post (the export has none of its media).
    var paidText: String?
    /// Service events just before and just after the post, as lines.
    var eventsBefore: [EventView] = []
    var eventsAfter: [EventView] = []
    /// The discussion group's comments under the post, and "3 comments".
    var comments: [CommentView] = []
    var commentCountText: String?
    var replyTo: ReplyView?
    var replies: [LinkView] = []
    var replyCountText: String?
    var media: [MediaView] = []
    var isAlbum = false
    /// The post's language when it is not the site's (`lang` on its article).
    var language: String?
    /// A hash of every variable above, set once the view is complete.
    private(set) var fingerprint = ""
    /// The body as HTML: kept while the pages that show it are rendered, else made again when
    /// asked (`releaseBody`), so a large site never holds every body at once.
    var body: String { keptBody ?? remakeBody?() ?? "" }
    private var keptBody: String?
    private let remakeBody: (@Sendable () -> String)?
    /// `partials/post-summary` rendered with this post, once per build (`PostViews.renderSummaries`):
    /// tag and month pages splice it in instead of rendering the partial again.
    var summaryHTML: String {
        switch summary {
        case .kept(let html): html
        case .spilled(let file, let slice): file.read(slice)
        }
    }
    private var summary = Summary.kept("")

    /// Where a rendered summary waits: in memory, or in a scratch file.
    enum Summary: Sendable {
        case kept(String)
        case spilled(ScratchFile, ScratchFile.Slice)
    }

    /// What a view that was let go of leaves behind (`PostViews.retire`), for making it again
    /// without rendering its body or summary a second time: a few dozen bytes, where the view
    /// holds hundreds.
    struct Trace: Sendable {
        /// Packed (a fingerprint is hex): a large channel keeps a trace per post.
        let fingerprint: CompactText
        let hasBody: Bool
        let summary: Summary
    }

    var trace: Trace { Trace(fingerprint: CompactText(fingerprint), hasBody: hasBody, summary: summary) }

    // The variables are set while `PostViews` builds the view, on one thread; from then on the
    // view is only read (the summary is set by its own task before any page is rendered).
    /// With `body` nil (a view made again from its trace), `hasBody` says whether it has one.
    init(
        id: String, heading: String, hasTitle: Bool, headingInBody: Bool, url: String, body: String?, hasBody: Bool? = nil,
        excerpt: String, hasMedia: Bool, source: String, channel: LinkView, remakeBody: (@Sendable () -> String)? = nil
    ) {
        self.id = id
        self.heading = heading
        self.hasTitle = hasTitle
        self.headingInBody = headingInBody
        self.url = url
        self.keptBody = body
        self.hasBody = hasBody ?? !(body ?? "").isEmpty
        self.remakeBody = remakeBody
        self.excerpt = excerpt
        self.hasMedia = hasMedia
        self.source = source
        self.channel = channel
    }

    /// A stand-in that holds only the fingerprint of the view it stands for
    /// (`PostViews.Slot.stub`): a page's fingerprint takes no more of a post than that; a page
    /// built from stubs is never rendered.
    convenience init(stub fingerprint: String) {
        self.init(
            id: "", heading: "", hasTitle: false, headingInBody: false, url: "", body: "", excerpt: "", hasMedia: false, source: "",
            channel: LinkView(name: "", url: ""))
        self.fingerprint = fingerprint
        isStub = true
    }

    /// True for a stand-in made by `init(stub:)`.
    private(set) var isStub = false

    /// A view made again from its trace for a page (`PostViews.retire`): its fingerprint and
    /// summary, which are all a listing page's fingerprint and its spliced summaries read; the
    /// rest of it (`Whole`) is made only when a template asks for another variable. A month,
    /// day, tag and home page each made every view they list again in full: half of the views
    /// a build made.
    convenience init(trace: Trace, whole: @escaping @Sendable () -> PostView) {
        self.init(
            id: "", heading: "", hasTitle: false, headingInBody: false, url: "", body: nil, hasBody: trace.hasBody, excerpt: "",
            hasMedia: false, source: "", channel: LinkView(name: "", url: ""))
        restore(trace)
        self.whole = Whole(make: whole)
    }

    /// The full view behind one made from a trace, made once, when first asked for.
    private var whole: Whole?

    final class Whole: Sendable {
        private let make: @Sendable () -> PostView
        private let made = LockedBox<PostView?>(nil)

        init(make: @escaping @Sendable () -> PostView) { self.make = make }

        var view: PostView {
            made.mutate { made in
                if let made { return made }
                let view = make()
                made = view
                return view
            }
        }
    }

    /// Lets go of the body when it can be made again; the next page that asks makes it anew.
    /// Called when no page is being rendered from the view.
    /// True when the view's lists are long enough that making it again for every page that
    /// shows it would grow with their square (`PostViews.retire` keeps such views).
    var isCostlyToRemake: Bool {
        hashtags.count + reactions.count + linkPreviews.count + replies.count + media.count > 32
    }

    func releaseBody() {
        if remakeBody != nil { keptBody = nil }
    }

    /// Sets the rendered summary, kept in `file` when given (and writable), else in memory.
    /// Called when no page is being rendered from the view.
    func setSummary(_ html: String, in file: ScratchFile? = nil) {
        if let file, let slice = file.append(html) {
            summary = .spilled(file, slice)
        } else {
            summary = .kept(html)
        }
    }

    /// Completes a view made again from `trace`: its fingerprint and summary are the first
    /// view's (the same inputs made them).
    func restore(_ trace: Trace) {
        fingerprint = trace.fingerprint.string
        summary = trace.summary
    }

    /// Fixes the fingerprint; called once the view's variables are all set.
    func seal() {
        var hash = Fingerprint("post")
        hash.add(viewValues: self)
        fingerprint = hash.hex
    }

    /// An edit at least this long after posting is shown ("edited 5 Mar 2024, 10:00"); earlier
    /// ones are not: most are typos fixed at once, and the client also marks a post edited when
    /// it gets a reaction (one export: 689 of 702 posts "edited", most within two minutes).
    static let meaningfulEdit: Double = 10 * 60  // seconds

    /// Tags shown on a post's summary; the rest are on its own page. A summary is shown on each
    /// of its tags' pages, so all N tags there would write N² links (a post of 4,000 tags: 1.3 GB).
    static let summaryTagLimit = 10

    static let fields = ViewFields<PostView>([
        "id": { $0.id }, "heading": { $0.heading }, "hasTitle": { $0.hasTitle }, "headingInBody": { $0.headingInBody },
        "url": { $0.url }, "body": { $0.body }, "hasBody": { $0.hasBody }, "excerpt": { $0.excerpt },
        "hasMedia": { $0.hasMedia }, "source": { $0.source }, "channel": { $0.channel },
        "hashtags": { $0.hashtags.isEmpty ? nil : $0.hashtags }, "hasHashtags": { $0.hashtags.isEmpty ? nil : true },
        "extraHashtags": { $0.extraHashtags.isEmpty ? nil : $0.extraHashtags },
        "hasExtraHashtags": { $0.extraHashtags.isEmpty ? nil : true },
        "summaryHashtags": { $0.hashtags.isEmpty ? nil : Array($0.hashtags.prefix(PostView.summaryTagLimit)) },
        "moreHashtags": { $0.hashtags.count > PostView.summaryTagLimit ? "+\($0.hashtags.count - PostView.summaryTagLimit)" : nil },
        "titleHTML": { $0.titleHTML }, "forwardedFrom": { $0.forwardedFrom }, "forwardedFromURL": { $0.forwardedFromURL },
        "forwardedDateText": { $0.forwardedDateText }, "forwardedDateISO": { $0.forwardedDateISO },
        "dateText": { $0.dateText }, "dateAsWritten": { $0.dateAsWritten }, "dateISO": { $0.dateISO },
        "editedText": { $0.editedText }, "deletedAfterText": { $0.deletedAfterText }, "versionsSummary": { $0.versionsSummary },
        "versions": { $0.versions.isEmpty ? nil : $0.versions },
        "reactions": { $0.reactions.isEmpty ? nil : $0.reactions }, "hasReactions": { $0.reactions.isEmpty ? nil : true },
        "linkPreviews": { $0.linkPreviews.isEmpty ? nil : $0.linkPreviews },
        "author": { $0.author }, "viaBot": { $0.viaBot }, "isPinned": { $0.isPinned ? true : nil },
        "telegramURL": { $0.telegramURL }, "poll": { $0.poll }, "location": { $0.location }, "contact": { $0.contact },
        "comments": { $0.comments.isEmpty ? nil : $0.comments }, "commentCountText": { $0.commentCountText },
        "todo": { $0.todo }, "giveaway": { $0.giveaway }, "paidText": { $0.paidText },
        "eventsBefore": { $0.eventsBefore.isEmpty ? nil : $0.eventsBefore }, "eventsAfter": { $0.eventsAfter.isEmpty ? nil : $0.eventsAfter },
        "replyTo": { $0.replyTo },
        "replyCount": { $0.replies.isEmpty ? nil : $0.replies.count },
        "replyCountText": { $0.replies.isEmpty ? nil : $0.replyCountText },
        "replies": { $0.replies.isEmpty ? nil : $0.replies },
        "media": { $0.media.isEmpty ? nil : $0.media }, "hasMediaFiles": { $0.media.isEmpty ? nil : true },
        "isAlbum": { $0.isAlbum ? true : nil }, "contentLanguage": { $0.language },
        // The first picture of the post (a photo's thumbnail, never one behind a spoiler), for listings.
        "summaryThumbnail": { $0.media.first { $0.thumbURL != nil && $0.isSpoiler != true } },
    ])

    static let summaryName = ViewName(PostViews.summaryVariable)

    /// The variables, and the spliced summary for `partials/post-summary` on list pages.
    func value(named name: ViewName) -> ViewValue? {
        if name == Self.summaryName { return .text(summaryHTML) }
        if let whole { return whole.view.value(named: name) }
        return Self.fields.getter(name)?(self)?.viewValue
    }
}
