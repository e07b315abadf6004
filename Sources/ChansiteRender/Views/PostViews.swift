import ChansiteCore
import ChansiteMedia
import ChansiteModel
import Foundation

/// Every post's view, made once per build on all cores, a channel at a time, with links
/// relative to the site root (`SitePaths.rootLink`), so one view and one rendered summary serve
/// pages of any depth. Without a cache, views let go of their bodies once their pages are
/// rendered (`PageRenderer` goes in ranges of a channel's posts) and are then let go of
/// themselves (`retire`), leaving a trace from which a later page (a month's, a tag's) makes
/// the view again without its body; summaries wait in a scratch file: memory holds one
/// range's views.
struct PostViews: Sendable {
    /// The variable through which `partials/post-summary` splices a post's summary.
    static let summaryVariable = "summaryHTML"

    /// A post's view, by its position in `site.allPosts`.
    enum Slot: Sendable {
        case unmade
        case live(PostView)
        case retired(PostView.Trace)
        /// Not made: the last build made this view with this fingerprint (from the build
        /// cache, by the post's key: `Builder.postKey`). A page fingerprinted from stubs is
        /// carried over without making its views; one that is rendered makes them (`stubbing` off).
        case stub(CompactText)
    }

    private var slots: [Slot]
    /// How many of each channel's views are made (the first ones).
    private var made: [Int]
    let dates: DateDisplay

    /// A fingerprint of each channel's views' inputs: its key, the site's tag links and what
    /// it reads outside itself (`Builder.outside`); nil for a channel without a cache key.
    let channelKeys: [String?]
    /// Whether views let go of their bodies between pages: without a cache (`serve` keeps them).
    let releasing: Bool
    private let builder: Builder
    private let memo: (any StageCache<[PostView]>)?
    /// Makes a body again for a view that let go of it (when `releasing`).
    private let source: BodySource?
    /// Each post's view's fingerprint, by the post's key (the build cache's; `serve` keeps
    /// the views themselves).
    private let fingerprints: (any StageCache<String>)?
    /// Each post's key (`Builder.postKey`), by position, when `fingerprints` are kept; nil
    /// for a post of a channel without a cache key.
    private let postKeys: [String?]
    /// Whether a stub is handed out as it is (a page's fingerprint needs no more of a post's
    /// view than its fingerprint) or its view is made (a page to render).
    var stubbing = false
    /// Whether any post is a stub (`stub(channel:summaries:)`).
    private(set) var hasStubs = false
    /// Renders the summary of a view made from a stub (`stub(channel:summaries:)` sets it).
    private var summaries: SummaryMaker?

    /// Ready to make the views; `memo` (with `bodies`, kept by `serve`) hands back the views of
    /// channels whose inputs did not change. A post's view reads its own channel (replies and
    /// quotes link within a channel), the site's tags, its media as published, and where its
    /// links to other channels' posts and its forwards lead: a channel's key holds all of them.
    init(
        site: Site, media: [String: [PublishedMedia]], links: LocalLinks, bodies: (any StageCache<String>)? = nil,
        memo: (any StageCache<[PostView]>)? = nil, languages: (any StageCache<[String?]>)? = nil,
        outside: (any StageCache<OutsideQueries>)? = nil, positions: (any StageCache<[String: Int]>)? = nil,
        fingerprints: (any StageCache<String>)? = nil, keys: (any StageCache<[String?]>)? = nil,
        avatars: [String: PublishedMedia.Variant] = [:], showsSource: Bool = true
    ) {
        builder = Builder(
            site: site, media: media, links: links, bodies: bodies, languages: languages, positions: positions, avatars: avatars,
            showsSource: showsSource)
        let tagLinks = builder.tagLinks
        let builder = builder
        channelKeys = site.channels.concurrentMap(chunk: 1) { channel in
            channel.cacheKey.map { Fingerprint($0, tagLinks, builder.outside(channel, memo: outside)).hex }
        }
        slots = Array(repeating: .unmade, count: builder.posts.count)
        made = Array(repeating: 0, count: site.channels.count)
        dates = builder.dates
        // Views kept for the next build keep their bodies; others let go of them as pages are done.
        releasing = memo == nil
        source = releasing ? BodySource(builder: builder) : nil
        self.memo = memo
        self.fingerprints = releasing ? fingerprints : nil
        postKeys = releasing && fingerprints != nil ? builder.postKeys(channelKeys: channelKeys, memo: keys) : []
    }

    /// The view of channel `c`'s post `p`: the one made, or one made again from its trace.
    func view(channel c: Int, post p: Int) -> PostView {
        view(at: builder.posts.starts[c] + p)
    }

    /// The view of the post with this id, when the site has it.
    subscript(id: String) -> PostView? { builder.positions[id].map(view(at:)) }

    subscript(post: SitePost) -> PostView? { self[post.id] }

    private func view(at position: Int) -> PostView {
        switch slots[position] {
        case .live(let view): return view
        case .retired(let trace):
            // Views are retired only when they can make their bodies again (`releasing`).
            guard let source else { return builder.view(of: builder.posts[position], position: position, trace: trace) }
            return PostView(trace: trace) {
                source.builder.view(of: source.builder.posts[position], position: position, source: source, trace: trace)
            }
        case .unmade: return builder.view(of: builder.posts[position], position: position, source: source)
        case .stub(let fingerprint):
            if stubbing { return PostView(stub: fingerprint.string) }
            // Made for a page being rendered, with its summary, and let go of with the page.
            let view = builder.view(of: builder.posts[position], position: position, source: source)
            summaries?.render(view)  // always set where a stub is
            return view
        }
    }

    /// Stubs for channel `c`'s posts whose views the build cache has the fingerprints of (by
    /// each post's key). Their views are made only for the pages that are rendered, each with
    /// its summary made by `summaries`.
    mutating func stub(channel c: Int, summaries: SummaryMaker) {
        let first = builder.posts.starts[c]
        let last = builder.posts.starts[c + 1]
        guard made[c] == 0, let fingerprints, postKeys.count == builder.posts.count else { return }
        self.summaries = summaries
        for position in first..<last {
            guard let key = postKeys[position], let known = fingerprints.known(key) else { continue }
            slots[position] = .stub(CompactText(known))
            hasStubs = true
        }
    }

    /// Makes the views of channel `c` (its index in `site.channels`) up to its post `end`
    /// (exclusive), from where the last call stopped, on all cores; the memo hands back a whole
    /// channel at once, stored when its last view is made.
    mutating func make(channel c: Int, upTo end: Int) {
        let all = builder.posts
        let first = all.starts[c]
        let count = all.starts[c + 1] - first
        let key = channelKeys[c]
        if made[c] == 0, let key, let known = memo?.known(key), known.count == count {
            for (p, view) in known.enumerated() { slots[first + p] = .live(view) }
            made[c] = count
            return
        }
        let last = min(end, count)
        guard made[c] < last else { return }
        let builder = builder
        let source = source
        // Stubs stay: their views are made only for a page that is rendered.
        let positions = (first + made[c]..<first + last).filter { if case .unmade = slots[$0] { true } else { false } }
        let views = positions.concurrentMap { builder.view(of: all[$0], position: $0, source: source) }
        for (position, view) in zip(positions, views) {
            slots[position] = .live(view)
            if let fingerprints, position < postKeys.count, let key = postKeys[position] { fingerprints.store(key, view.fingerprint) }
        }
        made[c] = last
        if last == count, let key { memo?.store(key, liveViews(channel: c, 0..<count)) }
        if last == count { builder.keepLanguages(channel: c) }
    }

    /// The key of channel `c`'s post `p`'s view (`Builder.postKey`), when the build cache keeps
    /// views' fingerprints and the channel has a cache key.
    func key(channel c: Int, post p: Int) -> String? {
        let position = builder.posts.starts[c] + p
        return position < postKeys.count ? postKeys[position] : nil
    }

    /// Channel `c`'s views of its posts in `range`, made again where they were let go of.
    func views(channel c: Int, _ range: Range<Int>) -> [PostView] {
        range.map { view(channel: c, post: $0) }
    }

    /// Channel `c`'s views of its posts in `range` that are made and not let go of.
    private func liveViews(channel c: Int, _ range: Range<Int>) -> [PostView] {
        let first = builder.posts.starts[c]
        return range.compactMap { if case .live(let view) = slots[first + $0] { view } else { nil } }
    }

    /// Lets the views of channel `c`'s posts in `range` go of their bodies (when `releasing`):
    /// the pages that show them are rendered.
    func releaseBodies(channel c: Int, _ range: Range<Int>) {
        guard releasing else { return }
        for view in liveViews(channel: c, range) { view.releaseBody() }
    }

    /// Lets go of the views of channel `c`'s posts in `range` (when `releasing`), keeping their
    /// traces: the pages that show their bodies are rendered; a page that shows them later
    /// makes them again.
    mutating func retire(channel c: Int, _ range: Range<Int>) {
        guard releasing else { return }
        let first = builder.posts.starts[c]
        for p in range {
            // A view with long lists is kept (bodies already let go): it is shown on a page per
            // tag, and making it again on each would cost its tags times its lists' length.
            if case .live(let view) = slots[first + p], !view.isCostlyToRemake { slots[first + p] = .retired(view.trace) }
        }
    }

    /// Renders the `partials/post-summary` of channel `c`'s posts in `range` once, on all cores.
    func renderSummaries(channel c: Int, _ range: Range<Int>, _ maker: SummaryMaker) {
        let views = liveViews(channel: c, range)
        Parallel.forEach(views.count) { index in maker.render(views[index]) }
    }

    /// Renders `partials/post-summary` of a view once, into a scratch file when given; with a
    /// memo, only when its post, the page-wide variables, the interface words (`words`, their
    /// fingerprint) or the templates changed since the last build.
    struct SummaryMaker: Sendable {
        let templates: TemplateSet
        let page: PageView
        let memo: (any StageCache<String>)?
        let scratch: ScratchFile?
        /// A fingerprint of the templates, the words and the page-wide variables.
        let context: String

        init(templates: TemplateSet, page: PageView, words: String, memo: (any StageCache<String>)?, scratch: ScratchFile?) {
            (self.templates, self.page, self.memo, self.scratch) = (templates, page, memo, scratch)
            var pageFingerprint = Fingerprint(templates.fingerprint, words, "summary")
            page.add(to: &pageFingerprint)
            context = pageFingerprint.hex
        }

        func render(_ view: PostView) {
            // A view kept from the last build still holds that build's summary: the summary
            // template sees the variable empty, as in a build from scratch.
            view.setSummary("")
            let render = { templates.renderSummary(of: view, on: page) }
            view.setSummary(memo.map { $0.value(context + view.fingerprint, render) } ?? render(), in: scratch)
        }
    }

    /// Makes a post's body again for a view that let go of it: a class, so each view holds one
    /// reference to the builder, not a copy of it.
    final class BodySource: Sendable {
        let builder: Builder
        init(builder: Builder) { self.builder = builder }
        func body(at position: Int) -> String { builder.body(of: builder.posts[position]) }
    }
}

extension PostViews {
    /// The lookup tables a post's view needs, and how each part of it is made. A class: a
    /// page's renderer copies `PostViews` (a page of stubs sets `stubbing` on its copy), and
    /// copying these tables' two dozen references for each of 100k pages was 0.2 s of CPU.
    final class Builder: Sendable {
        let site: Site
        let media: [String: [PublishedMedia]]
        let links: LocalLinks
        let dates: DateDisplay
        let bodies: PostBodies
        /// Each channel's picture, root-linked, by slug.
        let avatars: [String: String]
        /// The language each channel writes in (`channelLanguages`, else the site's), by slug.
        let languages: [String: String]
        let channelsBySlug: [String: Channel]
        let tagsByKey: [String: Tag]
        let posts: Site.AllPosts
        let positions: Site.Positions
        /// Post id → the id of the post it answers, when that is in the archive.
        let replyTarget: [String: String]
        /// Post id → the ids of the posts answering it, in reading order.
        let replies: [String: [String]]
        /// A copy's relative dates ("5 months ago") in the site's language, each distinct one
        /// worded once (a channel copy has a few dozen, shared by thousands of posts).
        let relativeDates: [String: String]
        /// Each post's language where it is not the site's (by position in `posts`), found
        /// once: a post's view is made for its page and again for each listing showing it,
        /// and reading its script each time was 3–4 % of a build. Kept by `serve` (a
        /// channel's at once, by its key); in a build, found a chunk at a time when a view
        /// asks (with the build cache, most posts' views are never made).
        let postLanguages: LazyChunks<String?>
        /// A fingerprint of the tag links a body can hold.
        var tagLinks: String { bodies.tagLinks }
        /// Whether the templates show a post's `source` (`file:line`): when none does, a view
        /// leaves it empty and its key leaves out the post's lines, so an edit that moves the
        /// lines of the messages after it in an export does not make their views again.
        let showsSource: Bool

        /// Keeps each keyed channel's `postLanguages` between builds (`serve`).
        let languageMemo: (any StageCache<[String?]>)?
        /// The key under which each channel's languages are kept, for the channels `languageMemo`
        /// did not know (nil for the others).
        let languageKeys: [String?]

        init(
            site: Site, media: [String: [PublishedMedia]], links: LocalLinks, bodies: (any StageCache<String>)? = nil,
            languages languageMemo: (any StageCache<[String?]>)? = nil, positions positionMemo: (any StageCache<[String: Int]>)? = nil,
            avatars: [String: PublishedMedia.Variant] = [:], showsSource: Bool = true
        ) {
            self.showsSource = showsSource
            self.avatars = avatars.mapValues { SitePaths.rootLink(to: $0.path) }
            self.site = site
            self.media = media
            self.links = links
            dates = DateDisplay(config: site.config, strings: site.strings)
            self.bodies = PostBodies(site: site, links: links, memo: bodies)
            channelsBySlug = Dictionary(site.channels.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
            let languages = Dictionary(site.channels.map { ($0.slug, site.config.language(of: $0)) }, uniquingKeysWith: { a, _ in a })
            self.languages = languages
            let posts = site.allPosts
            // A channel's key holds its posts and the configuration, which names the languages.
            let languageKeys = site.channels.map { channel in channel.cacheKey.map { Fingerprint($0, "languages").hex } }
            let kept = site.channels.indices.map { c -> [String?]? in
                guard let key = languageKeys[c], let known = languageMemo?.known(key), known.count == site.channels[c].posts.count else { return nil }
                return known
            }
            // The others' are found a chunk at a time when a view asks (the open pages first,
            // in `serve`: a whole changed channel's were a tenth of a second before them) and
            // kept when the channel's views are all made (`keepLanguages`).
            postLanguages = LazyChunks(count: posts.count) { range in
                var c = posts.location(of: range.lowerBound).channel
                return range.map { position in
                    while position >= posts.starts[c + 1] { c += 1 }
                    return kept[c]?[position - posts.starts[c]] ?? Self.language(of: posts[position], site: site, languages: languages)
                }
            }
            self.languageMemo = languageMemo
            self.languageKeys = languageKeys.indices.map { kept[$0] == nil ? languageKeys[$0] : nil }
            tagsByKey = Dictionary(site.tags.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            self.posts = posts
            positions = posts.positions(memo: positionMemo)
            var replyTarget: [String: String] = [:]
            var replies: [String: [String]] = [:]
            var relativeDates: [String: String] = [:]
            var seenDates: Set<String> = []
            var quoted = QuotedPosts(site: site)
            for channel in site.channels {
                // Each post read in place, and copied out of its channel only when it replies.
                for p in channel.posts.indices {
                    if let date = channel.posts[p].post.dateText, seenDates.insert(date).inserted, let span = RelativeDate.leadingSpan(date) {
                        let strings = site.strings
                        relativeDates[date] = strings.text("relativeDate", ["span": strings.count("unit." + span.unit, span.count)])
                    }
                    guard channel.posts[p].post.replyTo != nil || channel.posts[p].post.replyQuote != nil else { continue }
                    let post = channel.posts[p]
                    let target =
                        post.post.replyTo.flatMap { links.postID(channel: post.channelSlug, id: $0) }
                        ?? post.post.replyQuote.flatMap { quoted.post(quoting: $0, in: post.channelSlug, besides: post.id) }
                    guard let target else { continue }
                    replyTarget[post.id] = target
                    replies[target, default: []].append(post.id)
                }
            }
            self.replyTarget = replyTarget
            self.replies = replies
            self.relativeDates = relativeDates
        }

        /// The view of the post at `position` in `posts`; with `source`, one that can let go
        /// of its body and make it again.
        /// With a `trace` (and a `source`), the view is made again without its body, its
        /// fingerprint and summary taken from the trace.
        func view(of post: SitePost, position: Int, source: BodySource? = nil, trace: PostView.Trace? = nil) -> PostView {
            let p = post.post
            let channel = channelsBySlug[post.channelSlug]
            var remake: (@Sendable () -> String)?
            if let source { remake = { source.body(at: position) } }
            let again = remake == nil ? nil : trace
            let view = PostView(
                id: post.id, heading: post.heading, hasTitle: p.title != nil, headingInBody: post.headingInBody,
                url: url(of: post), body: again == nil ? body(of: post) : nil, hasBody: again?.hasBody, excerpt: post.excerpt,
                hasMedia: p.hasMediaPlaceholder,
                source: showsSource ? "\(p.source.path):\(p.source.firstLine)" : "",
                channel: LinkView(
                    name: channel?.displayName ?? post.channelSlug, url: SitePaths.rootLink(to: SitePaths.channel(post.channelSlug)),
                    image: avatars[post.channelSlug]),
                remakeBody: remake)
            view.hashtags = zip(p.hashtags, post.tagKeys).compactMap { name, key in
                tagsByKey[key].map { LinkView(name: name, url: SitePaths.rootLink(to: SitePaths.tag($0.slug))) }
            }
            // The body links the hashtags it holds: the list under a whole post shows the rest.
            if !view.hashtags.isEmpty {
                let body = post.body
                view.extraHashtags = zip(p.hashtags, post.tagKeys).compactMap { name, key in
                    Hashtags.shows(name.hasPrefix("#") ? name : "#" + name, in: body)
                        ? nil : tagsByKey[key].map { LinkView(name: name, url: SitePaths.rootLink(to: SitePaths.tag($0.slug))) }
                }
            }
            view.titleHTML = titleHTML(of: post)
            view.forwardedFrom = p.forwardedFrom
            if let date = p.dateText {
                // "5 months ago" was measured from when the page was copied, not from today.
                if let relative = relativeDates[date] {
                    view.dateText = relative
                    view.dateAsWritten = date
                } else {
                    view.dateText = date
                }
            }
            view.reactions = (p.reactions ?? []).map { ReactionView(emoji: $0.emoji, count: site.strings.number($0.count)) }
            view.linkPreviews = p.linkPreviews.map { LinkCardView(site: $0.site, title: $0.title, description: $0.description, url: $0.url) }
            addDates(of: p, to: view)
            view.language = postLanguages[position]
            addDetails(of: post, channel: channel, to: view)
            addReplies(of: post, to: view)
            // The caption names photos; a post without media needs no excerpt cut for it.
            let caption = p.media.isEmpty ? nil : p.excerpt(maxLength: 120)
            let shown = MediaView.views(of: p.media, published: media[post.id] ?? [], strings: site.strings, caption: caption)
            view.media = shown
            view.isAlbum = shown.filter { $0.isPhoto == true }.count > 1
            if let again { view.restore(again) } else { view.seal() }
            return view
        }

        /// Keeps channel `c`'s posts' languages for the next build, when the memo did not know
        /// them (its views are all made, so they are all found).
        func keepLanguages(channel c: Int) {
            guard let languageMemo, let key = languageKeys[c] else { return }
            languageMemo.store(key, (posts.starts[c]..<posts.starts[c + 1]).map { postLanguages[$0] })
        }

        /// The channel's configured language, unless the post's script says another one; nil
        /// when that is the site's.
        static func language(of post: SitePost, site: Site, languages: [String: String]) -> String? {
            let p = post.post
            let written = languages[post.channelSlug] ?? site.config.language
            // A poll without text is written in its question's language.
            let words = p.text.isEmpty ? p.details?.poll.map { $0.question + " " + $0.answers.map(\.text).joined(separator: " ") } ?? "" : p.text
            let language = ScriptLanguage.language(of: p.title ?? "", words, siteLanguage: written) ?? written
            return language == site.config.language ? nil : language
        }

        /// What the channel's views read beyond its posts: where each link to a post of the
        /// archive and each forward's channel leads in this site, and where its media went (a
        /// file another channel shares is published under that channel's name). The questions
        /// come from the channel's posts alone, so `memo` keeps them by the channel's key; the
        /// answers are looked up each build.
        func outside(_ channel: Channel, memo: (any StageCache<OutsideQueries>)? = nil) -> String {
            let queries = channel.kept("outside", in: memo) { OutsideQueries(channel) }
            var answers = Fingerprint("outside")
            PublishedMedia.add(media, of: channel.posts.lazy.map(\.id), to: &answers)
            for query in queries.links { answers.add(links.path(for: query) ?? "") }
            for source in queries.forwards { answers.add(links.channel(exportID: source) ?? "") }
            return answers.hex
        }

        func url(of post: SitePost) -> String {
            SitePaths.rootLink(to: post.path)
        }

        func body(of post: SitePost) -> String { bodies.html(of: post) }

        /// A title with a URL keeps it as a link on the post's page (a heading of a listing is a
        /// link itself, so it shows the title as text).
        func titleHTML(of post: SitePost) -> String? {
            guard let title = post.post.title, !Links.find(in: title).isEmpty else { return nil }
            let inline = RootLinks.restoringMarker(bodies.markdown.html(for: title)).trimmingCharacters(in: .whitespacesAndNewlines)
            return inline.hasPrefix("<p>") && inline.hasSuffix("</p>") ? String(inline.dropFirst(3).dropLast(4)) : inline
        }

        func addDates(of post: Post, to view: PostView) {
            guard let date = post.date else { return }
            let isLocal = post.details?.dateIsLocal == true
            view.dateText = isLocal ? dates.localText(date) : dates.text(date)
            if !isLocal { view.dateISO = dates.iso(date) }
            // An edit within minutes of posting is a typo fixed (or a reaction, which the client
            // also records as an edit): shown only when it came later.
            if let edited = post.details?.edited, edited.timeIntervalSince(date) >= PostView.meaningfulEdit {
                view.editedText = isLocal ? dates.localText(edited) : dates.text(edited)
            }
            if let deleted = post.details?.deletedAfter {
                view.deletedAfterText = site.strings.text("deletedAfter", ["date": dates.dayText(deleted)])
            }
            if let versions = post.details?.versions, !versions.isEmpty {
                view.versionsSummary = site.strings.count("earlierVersions", versions.count)
                view.versions = VersionView.views(of: versions, current: post.text, dates: dates, strings: site.strings)
            }
            if let forwarded = post.details?.forwardedDate {
                view.forwardedDateText = dates.text(forwarded)
                view.forwardedDateISO = dates.iso(forwarded)
            }
        }

        func addDetails(of post: SitePost, channel: Channel?, to view: PostView) {
            if let handle = channel?.info.handle, let id = post.post.messageID {
                view.telegramURL = "https://t.me/" + SitePaths.percentEncoded(handle) + "/" + id
            }
            guard let details = post.post.details else { return }
            view.author = details.author
            view.viaBot = details.viaBot.map { $0.hasPrefix("@") ? $0 : "@" + $0 }
            view.isPinned = details.pinned
            if let source = details.forwardedFromID {
                if let slug = links.channel(exportID: source) {
                    view.forwardedFromURL = SitePaths.rootLink(to: SitePaths.channel(slug))
                } else if let handle = site.config.channelHandles[String(source.drop { !$0.isNumber })] {
                    view.forwardedFromURL = "https://t.me/" + SitePaths.percentEncoded(handle)
                }
            }
            view.poll = details.poll.map { poll in
                PollView(
                    question: poll.question, closed: poll.closed, totalVoters: poll.totalVoters,
                    totalVotersText: site.strings.count("votes", poll.totalVoters),
                    answers: poll.answers.map { answer in
                        // Counts are range-checked when read; the share is clamped for a poll whose
                        // answers claim more voters than its total.
                        let (scaled, overflow) = answer.voters.multipliedReportingOverflow(by: 100)
                        let percent = poll.totalVoters > 0 && !overflow ? min(100, max(0, (scaled + poll.totalVoters / 2) / poll.totalVoters)) : 0
                        return PollAnswerView(text: answer.text, voters: answer.voters, percent: percent, chosen: answer.chosen)
                    })
            }
            view.location = details.location.map { location in
                let lat = String(format: "%.6f", location.latitude)
                let lon = String(format: "%.6f", location.longitude)
                return LocationView(
                    latitude: lat, longitude: lon, mapURL: "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=16/\(lat)/\(lon)",
                    placeName: location.placeName, address: location.address)
            }
            view.contact = details.contact.map { ContactView(contactName: $0.name, phone: $0.phone) }
            view.todo = details.todo.map { TodoView($0, strings: site.strings) }
            if let giveaway = details.giveaway {
                view.giveaway = GiveawayView(giveaway, strings: site.strings, dates: dates)
            } else if let results = details.giveawayResults {
                let launch = results.launchID.flatMap { id in channel.flatMap { self.post(withID: $0.slug + "/" + id) } }
                view.giveaway = GiveawayView(results, strings: site.strings, launchURL: launch.map { url(of: $0) })
            }
            view.paidText = details.paidStars.map { site.strings.text("paid.note", ["stars": site.strings.number($0)]) }
            view.eventsBefore = details.eventsBefore.map { EventView($0, strings: site.strings, dates: dates) }
            view.eventsAfter = details.eventsAfter.map { EventView($0, strings: site.strings, dates: dates) }
            if !details.comments.isEmpty {
                view.comments = details.comments.map { comment in
                    CommentView(
                        author: comment.author, commentDate: comment.date.map(dates.text), commentDateISO: comment.date.map(dates.iso),
                        text: comment.text)
                }
                view.commentCountText = site.strings.count("comments", details.comments.count)
            }
        }

        func post(withID id: String) -> SitePost? { positions[id].map { posts[$0] } }

        func addReplies(of post: SitePost, to view: PostView) {
            let target = replyTarget[post.id].flatMap { self.post(withID: $0) }
            if let quote = post.post.replyQuote, post.post.replyTo == nil {
                // A text copy's quote: its author and words, linked when the quoted post is here.
                view.replyTo = ReplyView(replyAuthor: quote.author, replyExcerpt: quote.text, replyURL: target.map { url(of: $0) })
            } else if post.post.replyTo != nil {
                view.replyTo =
                    target.map { ReplyView(replyExcerpt: $0.post.excerpt(maxLength: 120), replyURL: url(of: $0)) }
                    ?? ReplyView(replyMissing: true)
            } else if post.post.details?.repliesElsewhere == true {
                view.replyTo = ReplyView(replyElsewhere: true)
            }
            let answers = (replies[post.id] ?? []).compactMap { self.post(withID: $0) }
            view.replies = answers.map { LinkView(url: url(of: $0), heading: $0.heading) }
            if !answers.isEmpty { view.replyCountText = site.strings.count("replies", answers.count) }
        }
    }
}
