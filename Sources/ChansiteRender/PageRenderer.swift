import Algorithms
import ChansiteCore
import ChansiteMedia
import ChansiteModel
import Foundation

/// Renders every page of the site through the templates, in parallel, and returns the files
/// sorted by path. Returns values; writing is the output stage's job.
package struct PageRenderer: Sendable {
    /// One page to render.
    enum Page: Sendable {
        case home, tagIndex, search, notFound
        case channel(Int, page: Int)
        case post(Int, Int)
        case tag(Int, page: Int)
        case archive(Int)
        /// Channel, kind, page of the kind.
        case gallery(Int, ChannelGalleries.Kind, page: Int)
        /// Channel, year.
        case year(Int, Int)
        /// Every calendar day; one of them (an index into `CalendarDays.byDay`), a page of it.
        case dayIndex
        case day(Int, page: Int)
        /// Channel, month (an index into its months), page of the month.
        case month(Int, Int, page: Int)
    }

    package let site: Site
    package let templates: TemplateSet
    /// Told how many pages are done, now and then, from any thread (a progress line).
    package var progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    /// The posts' media as `MediaPublisher` put it into the site.
    package let media: [String: [PublishedMedia]]
    /// Each channel's published picture, by slug.
    package var avatars: [String: PublishedMedia.Variant] = [:]
    /// How many pages that could not be written are reported one by one.
    static let failuresShown = 20
    /// About how many of a channel's posts are rendered together (whole listing pages): a
    /// range's bodies are what memory holds of them.
    var postsPerRange = 2000
    /// The most posts a month page shows (`ChannelMonths.postsPerPage`; smaller in tests).
    var postsPerMonthPage = ChannelMonths.postsPerPage
    let links: LocalLinks
    let months: ChannelMonths
    let galleries: ChannelGalleries
    let days: CalendarDays
    /// Each dated post's day, shared by the month, day and year pages.
    let calendar: PostCalendar
    /// Tag key → tag, for the year pages' top tags.
    let tagsByKey: [String: Tag]
    /// The interface words in the site's language.
    var strings: SiteStrings { site.strings }

    /// `cache` keeps what the pages' tables read of each keyed channel between builds (`serve`).
    package init(site: Site, templates: TemplateSet, media: [String: [PublishedMedia]] = [:], cache: RenderCache? = nil) {
        self.site = site
        self.templates = templates
        self.media = media
        // Each reads every post of a channel that changed: two at a time (`serve`'s edit waits
        // for them before its open page).
        let (dated, linked) = Parallel.both(
            {
                let calendar = PostCalendar(site: site, dates: DateDisplay(config: site.config, strings: site.strings), memo: cache?.calendar)
                return (calendar, ChannelMonths(site: site, calendar: calendar), CalendarDays(calendar: calendar))
            },
            { (LocalLinks(site: site, memo: cache?.localLinks), ChannelGalleries(site: site, media: media, memo: cache?.galleries)) })
        (calendar, months, days) = dated
        (links, galleries) = linked
        self.tagsByKey = Dictionary(site.tags.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// About how many files a build writes besides the pages: each published file with its
    /// thumbnails and poster, and the search index's (15,556 for 100k posts). Too many doubles
    /// the manifest's table (300k tiny messages: 117 MB where 60 MB did), too few grows it once.
    static func otherFiles(site: Site, media: [String: [PublishedMedia]]) -> Int {
        let published = media.values.reduce(0) { sum, files in
            sum + files.reduce(0) { $0 + 2 + $1.smallerThumbnails.count }
        }
        return published + site.allPosts.count / 5 + 64
    }

    /// Renders every page into `sink`, in parallel. Each post's view is made once, and its
    /// summary rendered once, for pages of every depth (links are root-relative until a page is
    /// written). Channel by channel, in ranges of whole listing pages: a range's views and
    /// summaries, then its listing and post pages, then its views let go of their bodies; a
    /// channel's archive and months follow its ranges, and the pages that list posts of every
    /// channel come last. A
    /// page whose view (everything its template can see) and templates are those of the last
    /// build is carried over by the sink without rendering. `first` names pages to render and
    /// hand over before all others (`serve`'s open pages). Returns the pages' paths, sorted.
    /// - Throws: `DiagnosticError` when a file cannot be stored.
    package func render(into sink: any OutputSink, cache: RenderCache? = nil, first: FirstPages? = nil) throws -> [String] {
        var words = Fingerprint("strings")
        words.add(any: strings.texts)
        let run = Run(sink: sink, words: words.hex, total: allPages().count, cache: cache)
        sink.expect(files: run.total + Self.otherFiles(site: site, media: media))
        var posts = PostViews(
            site: site, media: media, links: links, bodies: cache?.bodies, memo: cache?.postViews, languages: cache?.languages,
            outside: cache?.outside, positions: cache?.positions, fingerprints: cache?.viewFingerprints, keys: cache?.viewKeys, avatars: avatars,
            showsSource: templates.reads("source"))
        var channels = ChannelView.views(site: site, archived: Set(months.byChannel.keys), avatars: avatars)
        for index in channels.indices {
            channels[index].galleryURL = galleries.firstPage(of: channels[index].slug).map(SitePaths.rootLink(to:))
        }
        let steady = channels.map { $0.withoutCounts() }
        let steadyKeys = steady.map { view in
            var key = Fingerprint("steady channel")
            key.add(view: view)
            return key.hex
        }
        let archiveKeys = archiveKeys(posts: posts, channels: channels, steadyKeys: steadyKeys)
        // The views as they stand: `posts` changes as channels are made and let go of.
        func current() -> Views { Views(posts: posts, channels: channels, steady: steady, steadyKeys: steadyKeys, archiveKeys: archiveKeys) }
        if let first {
            renderFirst(first, views: current())
            FaultPoint.stall("first-pages")
        }
        // Summaries wait on disk beside the staging folder when views let go of their bodies.
        let scratch = posts.releasing ? sink.scratchFolder.flatMap { ScratchFile(in: $0) } : nil
        let summaries = PostViews.SummaryMaker(
            templates: templates, page: page(nil, title: "", EmptyView()), words: run.words, memo: cache?.summaries, scratch: scratch)
        for c in site.channels.indices {
            // Posts whose views' fingerprints the build cache has (their keys are the last
            // build's) are stubs: their views are made only for the pages that are rendered.
            posts.stub(channel: c, summaries: summaries)
            // A large channel goes in ranges of its listing pages, so memory holds a range's
            // bodies; each range's last post page needs the next post's view made too.
            for range in postRanges(c) {
                posts.make(channel: c, upTo: range.upperBound + 1)
                posts.renderSummaries(channel: c, range, summaries)
                render(channelPages(c, posts: range), views: current(), run: run)
                posts.releaseBodies(channel: c, range)
                // The last stays: the next range's first post page shows it as its neighbour.
                posts.retire(channel: c, range.dropLast())
            }
            render(archivePages(c), views: current(), run: run)
            posts.retire(channel: c, 0..<site.channels[c].posts.count)
        }
        render(sitePages(), views: current(), run: run)
        // A summary that could not be read back was shown empty: those pages are wrong.
        try scratch?.check("the posts' summaries")
        let failures = run.failures.value.sorted { $0.path < $1.path }
        if !failures.isEmpty {
            // Each page's own diagnostics, kept whole; a full disk fails every page, so a few
            // stand for the rest.
            var shown = failures.prefix(Self.failuresShown).flatMap(\.diagnostics)
            if failures.count > Self.failuresShown {
                shown.append(.error("… and \(failures.count - Self.failuresShown) more pages could not be written"))
            }
            throw DiagnosticError(shown)
        }
        return run.paths.value.sorted()
    }

    /// One render's shared state: where files go and what has been done, from many threads.
    final class Run: Sendable {
        let sink: any OutputSink
        /// The fingerprint of the interface words, the same on every page: hashed once.
        let words: String
        let total: Int
        let paths = LockedBox<[String]>([])
        /// Each page that could not be written, with what writing it reported.
        let failures = LockedBox<[(path: String, diagnostics: [Diagnostic])]>([])
        let done = LockedBox(0)
        /// Bodies, summaries and page fingerprints made by earlier builds (`serve`'s, or the build cache).
        let cache: RenderCache?

        init(sink: any OutputSink, words: String, total: Int, cache: RenderCache?) {
            self.sink = sink
            self.words = words
            self.total = total
            self.cache = cache
        }
    }

    /// Renders `pages` on all cores into the run's sink.
    func render(_ pages: [Page], views: Views, run: Run) {
        Parallel.forEach(pages.count) { index in
            var finished = 0
            run.done.mutate {
                $0 += 1
                finished = $0
            }
            if finished % 500 == 0 { progress(finished, run.total) }
            render(pages[index], views: views, run: run)
        }
    }

    /// How a page's links reach the site root: the way back up from its folder; for the 404
    /// page, which a host serves at any address, the base URL when there is one (a `<base>`
    /// would send its `#main` skip link to the home page), else its script finds the root.
    func root(of page: Page, at path: String) -> String {
        if case .notFound = page, let base = site.config.siteRoot { return base }
        return SitePaths.root(of: path)
    }

    func render(_ page: Page, views: Views, run: Run) {
        // A page of a channel whose inputs are those of the last build (its key, which the
        // manifest keeps with the file) is carried over without making its view.
        let memoKey = run.cache == nil ? nil : self.memoKey(of: page, views: views, words: run.words)
        if let memoKey, let path = path(of: page), run.sink.reuse(path, key: memoKey) {
            run.cache?.pagesByKey.mutate { $0 += 1 }
            return run.paths.mutate { $0.append(path) }
        }
        // A page listing posts the cache knows the views of (stubs) is fingerprinted from
        // their fingerprints first: when it is the last build's page, no view is made.
        if views.posts.hasStubs {
            var stubbed = views
            stubbed.posts.stubbing = true
            let (path, _, fingerprint) = fingerprinted(page, views: stubbed, words: run.words)
            if run.sink.reuse(path, fingerprint: fingerprint, key: memoKey) {
                return run.paths.mutate { $0.append(path) }
            }
        }
        let (path, view, fingerprint) = fingerprinted(page, views: views, words: run.words)
        run.paths.mutate { $0.append(path) }
        guard !run.sink.reuse(path, fingerprint: fingerprint, key: memoKey) else { return }
        do {
            try run.sink.write(path, contents: html(view, of: page, at: path), fingerprint: fingerprint, key: memoKey)
        } catch {
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? [.error("cannot write '\(path)': \(error)")]
            run.failures.mutate { $0.append((path, diagnostics)) }
        }
    }

    /// A page's path, view and fingerprint (everything its template can see, the templates and
    /// the interface words).
    func fingerprinted(_ page: Page, views: Views, words: String) -> (path: String, view: PageView, fingerprint: String) {
        var (path, view) = self.view(of: page, views: views)
        if case .notFound = page {} else { view.canonicalURL = canonicalURL(of: path) }
        var fingerprint = Fingerprint(templates.fingerprint, words)
        view.add(to: &fingerprint)
        return (path, view, fingerprint.hex)
    }

    /// Every page rendered into memory (tests and tools).
    package func render() -> [RenderedFile] {
        let sink = MemorySink()
        // try?: only a sink's write throws, and a MemorySink's never does.
        _ = try? render(into: sink)
        return sink.files
    }

    /// For a post, listing or archive page of a channel with a cache key: a fingerprint of
    /// everything its view and template read (they read only that channel, the site's
    /// configuration and tag links, which the channel's key holds, and the templates and
    /// interface words; archive pages also `archiveKeys`).
    func memoKey(of page: Page, views: Views, words: String) -> String? {
        /// The key of what the page reads (`base`), the templates, the words, and which page it is.
        func key(_ base: String?, _ page: String...) -> String? {
            guard let base else { return nil }
            var key = Fingerprint(base, templates.fingerprint, words)
            for part in page { key.add(part) }
            return key.hex
        }
        switch page {
        case .post(let c, let p):
            return postPageKey(channel: c, post: p, views: views, words: words) ?? key(views.posts.channelKeys[c], "post", String(p))
        case .channel(let c, let n): return key(views.posts.channelKeys[c], "channel", String(n))
        case .archive(let c): return key(views.archiveKeys[c], "archive")
        case .month(let c, let m, let n): return key(views.archiveKeys[c], "month", String(m), String(n))
        case .year(let c, let year): return key(views.archiveKeys[c], "year", String(year))
        case .gallery(let c, let kind, let n): return key(views.archiveKeys[c], "gallery", kind.rawValue, String(n))
        default: return nil
        }
    }

    /// For each channel whose posts all have keys (the build cache's, `PostViews.key`), what its
    /// archive, month, year and gallery pages read: its key, its views (with and without
    /// counts), every post's key in order (the posts those pages list, their dates, tags,
    /// reactions and media as published), and the names and slugs of the site's tags (a
    /// year's top tags are shown by name, which another channel's post may have set). A page
    /// whose key is the last build's is carried over without its view made.
    func archiveKeys(posts: PostViews, channels: [ChannelView], steadyKeys: [String]) -> [String?] {
        var tags = Fingerprint("tag names")
        for tag in site.tags { tags.add([tag.key, tag.name, tag.slug]) }
        let tagNames = tags.hex
        return site.channels.indices.map { c -> String? in
            guard let channelKey = posts.channelKeys[c] else { return nil }
            var key = Fingerprint("archive pages", channelKey, steadyKeys[c], tagNames)
            key.add(view: channels[c])
            key.add(site.channels[c].posts.count)
            for p in site.channels[c].posts.indices {
                guard let post = posts.key(channel: c, post: p) else { return nil }
                key.add(post)
            }
            return key.hex
        }
    }

    /// A post page's key from its post's and neighbours' view keys (`PostViews.key`), when the
    /// build cache has them: the page shows those views, its channel's steady view, and the
    /// link to its channel's page; its path, title, description and image come from its post,
    /// and the rest from the configuration, which every post key holds. A page whose key is
    /// the last build's is carried over without making a view or a page view.
    func postPageKey(channel c: Int, post p: Int, views: Views, words: String) -> String? {
        guard let post = views.posts.key(channel: c, post: p) else { return nil }
        let count = site.channels[c].posts.count
        let neighbours = [p - 1, p + 1].map { $0 >= 0 && $0 < count ? views.posts.key(channel: c, post: $0) : "\u{0}none" }
        guard let prev = neighbours[0], let next = neighbours[1] else { return nil }
        let pagination = Pagination(itemCount: count, perPage: site.config.postsPerPage)
        let listing = SitePaths.channel(site.channels[c].slug, page: pagination.page(ofItem: p), of: pagination.pageCount)
        return Fingerprint(templates.fingerprint, words, "post page", views.steadyKeys[c], listing, post, prev, next).hex
    }

    /// The path of a page with a key (`memoKey`) without making its view (nil for other pages).
    func path(of page: Page) -> String? {
        switch page {
        case .post(let c, let p): return site.channels[c].posts[p].path
        case .channel(let c, let n):
            let pages = Pagination(itemCount: site.channels[c].posts.count, perPage: site.config.postsPerPage).pageCount
            return SitePaths.channel(site.channels[c].slug, page: n, of: pages)
        case .archive(let c): return SitePaths.archive(site.channels[c].slug)
        case .month(let c, let m, let n):
            let slug = site.channels[c].slug
            return months.byChannel[slug].flatMap { m < $0.count ? SitePaths.month(slug, $0[m].key, page: n) : nil }
        case .year(let c, let year): return SitePaths.year(site.channels[c].slug, year)
        case .gallery(let c, let kind, let n): return SitePaths.gallery(site.channels[c].slug, kind: kind.rawValue, page: n)
        default: return nil
        }
    }

    /// The views made once per build and shared by the pages.
    struct Views {
        var posts: PostViews
        /// Each channel's view, in `site.channels`' order.
        let channels: [ChannelView]
        /// The same without the counts (`ChannelView.withoutCounts`): for the pages an append
        /// to the channel leaves as they were.
        let steady: [ChannelView]
        /// A fingerprint of each of `steady`.
        let steadyKeys: [String]
        /// What each channel's archive, month, year and gallery pages read (`archiveKeys`).
        let archiveKeys: [String?]
    }

    func allPages() -> [Page] {
        site.channels.indices.flatMap { c in postRanges(c).flatMap { channelPages(c, posts: $0) } + archivePages(c) } + sitePages()
    }

    /// Channel `c`'s posts in ranges of whole listing pages, about 2,000 posts each.
    func postRanges(_ c: Int) -> [Range<Int>] {
        let count = site.channels[c].posts.count
        let perPage = site.config.postsPerPage
        let step = max(1, postsPerRange / perPage) * perPage
        // A channel without posts still has its one (empty) listing page.
        return count == 0 ? [0..<0] : Array((0..<count).chunks(ofCount: step))
    }

    /// Channel `c`'s listing pages and post pages for its posts in `range` (whole listing pages).
    func channelPages(_ c: Int, posts range: Range<Int>) -> [Page] {
        let perPage = site.config.postsPerPage
        let pageCount = Pagination(itemCount: site.channels[c].posts.count, perPage: perPage).pageCount
        let listing = range.isEmpty ? 1...1 : (range.lowerBound / perPage + 1)...min(pageCount, (range.upperBound - 1) / perPage + 1)
        return listing.map { Page.channel(c, page: $0) } + range.map { Page.post(c, $0) }
    }

    /// Channel `c`'s archive, month and gallery pages (they show summaries, not bodies).
    func archivePages(_ c: Int) -> [Page] {
        galleryPages(c) + monthPages(c)
    }

    func galleryPages(_ c: Int) -> [Page] {
        guard let kinds = galleries.byChannel[site.channels[c].slug] else { return [] }
        return ChannelGalleries.Kind.allCases.flatMap { kind -> [Page] in
            guard let items = kinds[kind] else { return [] }
            return (1...Pagination(itemCount: items.count, perPage: kind.perPage).pageCount).map { Page.gallery(c, kind, page: $0) }
        }
    }

    func monthPages(_ c: Int) -> [Page] {
        guard let months = months.byChannel[site.channels[c].slug] else { return [] }
        return [.archive(c)] + Set(months.map(\.year)).sorted().map { Page.year(c, $0) }
            + months.indices.flatMap { m in
                (1...Pagination(itemCount: months[m].posts.count, perPage: postsPerMonthPage).pageCount).map { Page.month(c, m, page: $0) }
            }
    }

    /// The pages that show posts of every channel, and the site's own pages.
    func sitePages() -> [Page] {
        var pages: [Page] = [.home, .tagIndex, .search, .notFound]
        if !days.byDay.isEmpty { pages.append(.dayIndex) }
        for (d, day) in days.byDay.enumerated() {
            pages += (1...Pagination(itemCount: day.posts.count, perPage: CalendarDays.postsPerPage).pageCount).map { Page.day(d, page: $0) }
        }
        for (t, tag) in site.tags.enumerated() {
            let pagination = Pagination(itemCount: tag.postIDs.count, perPage: site.config.tagPostsPerPage)
            pages += (1...pagination.pageCount).map { Page.tag(t, page: $0) }
        }
        return pages
    }

    /// A page's path and view.
    func view(of page: Page, views: Views) -> (String, PageView) {
        let perPage = site.config.postsPerPage
        switch page {
        case .home:
            var home = HomeView(site: site, posts: views.posts, channels: views.channels)
            if !days.byDay.isEmpty {
                home.onThisDay = days.yearsByDay
                home.daysURL = SitePaths.rootLink(to: SitePaths.dayIndex)
            }
            return (SitePaths.home, self.page(.index, title: site.config.title, home))
        case .tagIndex:
            return (SitePaths.tagIndex, self.page(.tags, title: strings.text("tags"), TagsView(site: site)))
        case .search:
            let words = strings.scriptJSON(
                keys: [
                    "searching", "showing", "noResults", "noResultsTry", "withoutQuotes", "without", "allChannels", "anyTag", "indexDamaged",
                    "rebuild",
                    "years", "allYears",
                ], countedKeys: ["found"])
            return (SitePaths.search, self.page(.search, title: strings.text("search"), SearchView(searchStrings: words)))
        case .notFound:
            // A host serves 404.html at whatever path was asked for, where relative links would
            // point nowhere: with a known base URL the page's links are absolute (`root(of:at:)`).
            let base = site.config.siteRoot
            return (SitePaths.notFound, self.page(.notFound, title: strings.text("notFoundTitle"), NotFoundView(baseHref: base)))
        case .channel(let c, let number):
            let channel = site.channels[c]
            let pagination = Pagination(itemCount: channel.posts.count, perPage: perPage)
            // The last page is the channel's own page (its newest posts); the others are numbered.
            let title =
                number < pagination.pageCount
                ? strings.text("pageOf", ["title": channel.displayName, "n": strings.number(number)]) : channel.displayName
            let isFront = number == pagination.pageCount
            let view = ChannelPageView(
                channel: isFront ? views.channels[c] : views.steady[c], posts: views.posts.views(channel: c, pagination.range(ofPage: number)),
                pagination: pagination.view(page: number, openEnded: true) { SitePaths.channel(channel.slug, page: $0, of: pagination.pageCount) })
            return (SitePaths.channel(channel.slug, page: number, of: pagination.pageCount), self.page(.channel, title: title, view))
        case .post(let c, let p):
            let channel = site.channels[c]
            let post = channel.posts[p]
            let pagination = Pagination(itemCount: channel.posts.count, perPage: perPage)
            let page = pagination.page(ofItem: p)
            let shown = views.posts.view(channel: c, post: p)
            var view = PostPageView(
                post: shown, channel: views.steady[c],
                channelPageURL: SitePaths.rootLink(to: SitePaths.channel(channel.slug, page: page, of: pagination.pageCount)),
                // A stub has no excerpt of its own: a view's is its post's.
                description: shown.isStub ? post.excerpt : shown.excerpt)
            // Link previews want an absolute image URL: the post's first photo, with a base URL.
            if let base = site.config.siteRoot, let thumbnail = media[post.id]?.lazy.compactMap(\.thumbnailPath).first {
                view.ogImage = base + SitePaths.percentEncoded(thumbnail)
            }
            if p > 0 { view.prev = views.posts.view(channel: c, post: p - 1) }
            if p + 1 < channel.posts.count { view.next = views.posts.view(channel: c, post: p + 1) }
            return (post.path, self.page(.post, title: post.heading, view))
        case .archive(let c):
            let channel = site.channels[c]
            let view = ArchiveView(
                channel: views.channels[c], years: months.years(channel: channel.slug, dates: views.posts.dates),
                monthCount: months.byChannel[channel.slug]?.count ?? 0)
            return (SitePaths.archive(channel.slug), self.page(.archive, title: strings.text("archiveOf", ["channel": channel.displayName]), view))
        case .month(let c, let m, let number):
            return monthPage(channel: c, index: m, page: number, views: views)
        case .gallery(let c, let kind, let number):
            return galleryPage(channel: c, kind: kind, page: number, views: views)
        case .year(let c, let year):
            return yearPage(channel: c, year: year, views: views)
        case .dayIndex:
            return dayIndexPage(views: views)
        case .day(let d, let number):
            return dayPage(d, page: number, views: views)
        case .tag(let t, let number):
            let tag = site.tags[t]
            let pagination = Pagination(itemCount: tag.postIDs.count, perPage: site.config.tagPostsPerPage)
            // Numbered from the oldest posts, the newest on the tag's own page, which alone
            // shows the count: a tag that grows leaves its other pages as they were.
            let isFront = number == pagination.pageCount
            let title = isFront ? tag.name : strings.text("pageOf", ["title": tag.name, "n": strings.number(number)])
            let view = TagPageView(
                tag: TagInfoView(
                    name: tag.name, count: isFront ? strings.number(tag.postIDs.count) : nil,
                    countText: isFront ? strings.count("posts", tag.postIDs.count) : nil, atomURL: SitePaths.rootLink(to: SitePaths.tagAtom(tag.slug))
                ),
                posts: tag.postIDs[pagination.range(ofPage: number)].compactMap { views.posts[$0] },
                pagination: pagination.view(page: number, chronological: false, openEnded: true) {
                    SitePaths.tag(tag.slug, page: $0, of: pagination.pageCount)
                })
            return (SitePaths.tag(tag.slug, page: number, of: pagination.pageCount), self.page(.tag, title: title, view))
        }
    }

    func galleryPage(channel c: Int, kind: ChannelGalleries.Kind, page number: Int, views: Views) -> (String, PageView) {
        let channel = site.channels[c]
        let kinds = galleries.byChannel[channel.slug] ?? [:]
        let items = kinds[kind] ?? []
        let pagination = Pagination(itemCount: items.count, perPage: kind.perPage)
        let dates = views.posts.dates
        let shown = items[pagination.range(ofPage: number)].map { item -> GalleryItemView in
            let post = channel.posts[item.post]
            let published = media[post.id] ?? []
            let file = item.media.map { m in
                MediaView(post.post.media[m], published: m < published.count ? published[m] : PublishedMedia(), strings: strings)
            }
            return GalleryItemView(
                media: file, linkURL: item.link, postURL: SitePaths.rootLink(to: post.path), postHeading: post.heading,
                dateText: post.post.date.map(dates.text))
        }
        let tabs = ChannelGalleries.Kind.allCases.compactMap { other -> GalleryTabView? in
            guard let count = kinds[other]?.count else { return nil }
            return GalleryTabView(
                name: strings.text(other.titleKey), url: SitePaths.rootLink(to: SitePaths.gallery(channel.slug, kind: other.rawValue)),
                countText: strings.number(count), isCurrent: other == kind ? true : nil)
        }
        let heading = strings.text(kind.titleKey)
        let view = GalleryPageView(
            channel: views.steady[c], heading: heading, tabs: tabs, tiles: kind == .photos ? shown : nil,
            entries: kind == .photos ? nil : shown,
            pagination: pagination.view(page: number, chronological: false) { SitePaths.gallery(channel.slug, kind: kind.rawValue, page: $0) })
        let title = strings.text("galleryOf", ["channel": channel.displayName, "kind": heading])
        return (
            SitePaths.gallery(channel.slug, kind: kind.rawValue, page: number),
            page(.gallery, title: number > 1 ? strings.text("pageOf", ["title": title, "n": strings.number(number)]) : title, view)
        )
    }

    func monthPage(channel c: Int, index m: Int, page number: Int, views: Views) -> (String, PageView) {
        let channel = site.channels[c]
        let list = months.byChannel[channel.slug] ?? []
        let month = list[m]
        let dates = views.posts.dates
        func link(_ other: ChannelMonths.Month) -> MonthLinkView {
            MonthLinkView(
                monthName: dates.monthName(year: other.year, month: other.month),
                url: SitePaths.rootLink(to: SitePaths.month(channel.slug, other.key)))
        }
        let name = dates.monthName(year: month.year, month: month.month)
        let pagination = Pagination(itemCount: month.posts.count, perPage: postsPerMonthPage)
        let view = MonthPageView(
            channel: views.steady[c], monthName: name, count: strings.number(month.posts.count),
            countText: strings.count("posts", month.posts.count),
            posts: month.posts[pagination.range(ofPage: number)].map { views.posts.view(channel: c, post: $0) },
            archiveURL: SitePaths.rootLink(to: SitePaths.archive(channel.slug)), prevMonth: m > 0 ? link(list[m - 1]) : nil,
            nextMonth: m + 1 < list.count ? link(list[m + 1]) : nil,
            pagination: pagination.view(page: number) { SitePaths.month(channel.slug, month.key, page: $0) })
        let title = strings.text("monthOf", ["channel": channel.displayName, "month": name])
        return (
            SitePaths.month(channel.slug, month.key, page: number),
            page(.month, title: number > 1 ? strings.text("pageOf", ["title": title, "n": strings.number(number)]) : title, view)
        )
    }

    /// A page's view: the variables every page has over `content`.
    /// A page's own absolute address, with a base URL (`<link rel="canonical">`, `og:url`).
    func canonicalURL(of path: String) -> String? {
        site.config.siteRoot.map { $0 + SitePaths.percentEncoded(path) }
    }

    func page(_ template: PageTemplate?, title: String, _ content: any TemplateView) -> PageView {
        PageView(
            template: template, pageTitle: title,
            site: SiteInfoView(title: site.config.title, description: site.config.description, language: site.config.language),
            strings: strings.texts, content: content)
    }
}
