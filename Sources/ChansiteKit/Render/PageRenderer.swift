import Foundation

/// Renders every page of the site through the templates, in parallel, and returns the files
/// sorted by path. Returns values; writing is the output stage's job.
public struct PageRenderer: Sendable {
    /// One page to render.
    enum Page: Sendable {
        case home, tagIndex, search, notFound
        case channel(Int, page: Int)
        case post(Int, Int)
        case tag(Int, page: Int)
        case archive(Int)
        case month(Int, Int)
    }

    public let site: Site
    public let templates: TemplateSet
    /// Told how many pages are done, now and then, from any thread (a progress line).
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    /// The posts' media as `MediaPublisher` put it into the site.
    public let media: [String: [PublishedMedia]]
    let links: LocalLinks
    let months: ChannelMonths
    /// The interface words in the site's language.
    var strings: SiteStrings { site.strings }

    public init(site: Site, templates: TemplateSet, media: [String: [PublishedMedia]] = [:]) {
        self.site = site
        self.templates = templates
        self.media = media
        self.links = LocalLinks(site: site)
        self.months = ChannelMonths(site: site, dates: DateDisplay(config: site.config, strings: site.strings))
    }

    /// Renders every page into `sink`, in parallel. A page whose context (everything its
    /// template can see) and templates are those of the last build is carried over by the sink
    /// without rendering. Returns the pages' paths, sorted.
    /// - Throws: `DiagnosticError` when a file cannot be stored.
    public func render(into sink: any OutputSink) throws -> [String] {
        let bodies = renderBodies()
        let posts = PostContext(site: site, bodies: bodies, media: media, links: links)
        let pages = allPages()
        let paths = LockedBox<[String]>([])
        let failures = LockedBox<[String]>([])
        let postsByID = posts.postsByID
        let channels = ChannelContext(site: site, archived: Set(months.byChannel.keys))
        var words = Fingerprint("strings")
        words.add(any: strings.texts)
        let wordsFingerprint = words.hex
        let done = LockedBox(0)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let (path, template, context) = self.context(pages[index], posts: posts, channels: channels, postsByID: postsByID)
            paths.mutate { $0.append(path) }
            var finished = 0
            done.mutate {
                $0 += 1
                finished = $0
            }
            if finished % 500 == 0 { progress(finished, pages.count) }
            // The interface words are the same on every page: hashed once, not once a page.
            var fingerprint = Fingerprint(templates.fingerprint, template, wordsFingerprint)
            var hashed = context
            hashed["t"] = nil
            fingerprint.add(any: hashed)
            guard !sink.reuse(path, fingerprint: fingerprint.hex) else { return }
            do {
                try sink.write(path, contents: Data(templates.render(template, context).utf8), fingerprint: fingerprint.hex)
            } catch {
                failures.mutate { $0.append((error as? DiagnosticError)?.description ?? "\(error)") }
            }
        }
        if let first = failures.value.sorted().first { throw DiagnosticError(.error(first)) }
        return paths.value.sorted()
    }

    /// Every page rendered into memory (tests and tools).
    public func render() -> [RenderedFile] {
        let sink = MemorySink()
        _ = try? render(into: sink)
        return sink.files
    }

    /// Post bodies as HTML. Channel, tag and post pages all sit two folders deep, so one
    /// rendering with `../../` links serves all of them.
    func renderBodies() -> [String: String] {
        let tagSlugs = Dictionary(site.tags.map { ($0.key, $0.slug) }, uniquingKeysWith: { a, _ in a })
        let tagURL: @Sendable (String) -> String? = { hashtag in
            tagSlugs[Tag.key(for: hashtag)].map { "../../" + SitePaths.tag($0) }
        }
        let markdown = MarkdownRenderer(tagURL: tagURL)
        let links = self.links
        let formatted = FormattedText(
            tagURL: tagURL, localURL: { url in links.path(for: url).map { "../../" + SitePaths.percentEncoded($0) } },
            spoilerLabel: strings.text("showHiddenText"))
        let all = site.allPosts
        let results = LockedBox<[String: String]>([:])
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            let post = all[index]
            let html =
                post.post.spans.map { formatted.html($0) }
                ?? markdown.html(for: post.body, paragraphPerLine: post.post.paragraphPerLine)
            results.mutate { $0[post.id] = html }
            // A title with a URL keeps it as a link on the post's page (a heading of a listing is
            // a link itself, so it shows the title as text).
            if let title = post.post.title, !Links.find(in: title).isEmpty {
                let inline = markdown.html(for: title).trimmingCharacters(in: .whitespacesAndNewlines)
                let bare = inline.hasPrefix("<p>") && inline.hasSuffix("</p>") ? String(inline.dropFirst(3).dropLast(4)) : inline
                results.mutate { $0["title:" + post.id] = bare }
            }
        }
        return results.value
    }

    func allPages() -> [Page] {
        var pages: [Page] = [.home, .tagIndex, .search, .notFound]
        let perPage = site.config.postsPerPage
        for (c, channel) in site.channels.enumerated() {
            let pagination = Pagination(itemCount: channel.posts.count, perPage: perPage)
            pages += (1...pagination.pageCount).map { Page.channel(c, page: $0) }
            pages += channel.posts.indices.map { Page.post(c, $0) }
            if let months = months.byChannel[channel.slug] {
                pages.append(.archive(c))
                pages += months.indices.map { Page.month(c, $0) }
            }
        }
        for (t, tag) in site.tags.enumerated() {
            let pagination = Pagination(itemCount: tag.postIDs.count, perPage: perPage)
            pages += (1...pagination.pageCount).map { Page.tag(t, page: $0) }
        }
        return pages
    }

    /// A page's path, template and context.
    func context(_ page: Page, posts: PostContext, channels: ChannelContext, postsByID: [String: SitePost]) -> (String, String, [String: Any]) {
        let perPage = site.config.postsPerPage
        switch page {
        case .home:
            return file(SitePaths.home, "index", title: site.config.title) { path in
                HomeContext.context(site: site, posts: posts, channels: channels, from: path)
            }
        case .tagIndex:
            return file(SitePaths.tagIndex, "tags", title: strings.text("tags")) { path in
                [
                    "tags": site.tags.sorted { ($0.postIDs.count, $1.name) > ($1.postIDs.count, $0.name) }.map {
                        ["name": $0.name, "count": strings.number($0.postIDs.count), "url": SitePaths.link(from: path, to: SitePaths.tag($0.slug))]
                            as [String: Any]
                    }, "tagCount": site.tags.count, "tagCountText": strings.count("tags", site.tags.count),
                ]
            }
        case .search:
            return file(SitePaths.search, "search", title: strings.text("search")) { _ in
                [
                    "searchStrings": strings.scriptJSON(
                        keys: ["searching", "showing", "noResults", "indexDamaged", "rebuild"], countedKeys: ["found"])
                ]
            }
        case .notFound:
            // A host serves 404.html at whatever path was asked for, where relative links would
            // point nowhere; with a known base URL the page pins its links to the site root.
            return file(SitePaths.notFound, "404", title: strings.text("notFoundTitle")) { _ in
                site.config.baseURL.map { ["baseHref": $0.hasSuffix("/") ? $0 : $0 + "/"] } ?? [:]
            }
        case .channel(let c, let number):
            let channel = site.channels[c]
            let pagination = Pagination(itemCount: channel.posts.count, perPage: perPage)
            let path = SitePaths.channel(channel.slug, page: number)
            let title = number > 1 ? strings.text("pageOf", ["title": channel.displayName, "n": strings.number(number)]) : channel.displayName
            return file(path, "channel", title: title) { path in
                [
                    "channel": channels.context(channel, from: path),
                    "posts": channel.posts[pagination.range(ofPage: number)].map { posts.context($0, from: path) },
                    "pagination": pagination.context(page: number, from: path) { SitePaths.channel(channel.slug, page: $0) },
                ]
            }
        case .post(let c, let p):
            let channel = site.channels[c]
            let post = channel.posts[p]
            let page = Pagination(itemCount: channel.posts.count, perPage: perPage).page(ofItem: p)
            return file(SitePaths.post(channel: channel.slug, slug: post.slug), "post", title: post.heading) { path in
                var context: [String: Any] = [
                    "post": posts.context(post, from: path),
                    "channel": channels.context(channel, from: path),
                    "channelPageURL": SitePaths.link(from: path, to: SitePaths.channel(channel.slug, page: page)),
                    "description": post.excerpt,
                ]
                // Link previews want an absolute image URL: the post's first photo, with a base URL.
                if let base = site.config.baseURL, let thumbnail = media[post.id]?.lazy.compactMap(\.thumbnailPath).first {
                    context["ogImage"] = (base.hasSuffix("/") ? base : base + "/") + SitePaths.percentEncoded(thumbnail)
                }
                if p > 0 { context["prev"] = posts.context(channel.posts[p - 1], from: path) }
                if p + 1 < channel.posts.count { context["next"] = posts.context(channel.posts[p + 1], from: path) }
                return context
            }
        case .archive(let c):
            let channel = site.channels[c]
            return file(SitePaths.archive(channel.slug), "archive", title: strings.text("archiveOf", ["channel": channel.displayName])) { path in
                var context = months.archiveContext(channel: channel.slug, dates: posts.dates, from: path)
                context["channel"] = channels.context(channel, from: path)
                return context
            }
        case .month(let c, let m):
            let channel = site.channels[c]
            let list = months.byChannel[channel.slug] ?? []
            let month = list[m]
            let name = posts.dates.monthName(year: month.year, month: month.month)
            return file(
                SitePaths.month(channel.slug, month.key), "month", title: strings.text("monthOf", ["channel": channel.displayName, "month": name])
            ) { path in
                var context: [String: Any] = [
                    "channel": channels.context(channel, from: path), "monthName": name, "count": strings.number(month.posts.count),
                    "countText": strings.count("posts", month.posts.count),
                    "posts": month.posts.map { posts.context(channel.posts[$0], from: path) },
                    "archiveURL": SitePaths.link(from: path, to: SitePaths.archive(channel.slug)),
                ]
                if m > 0 {
                    context["prevMonth"] = [
                        "url": SitePaths.link(from: path, to: SitePaths.month(channel.slug, list[m - 1].key)),
                        "monthName": posts.dates.monthName(year: list[m - 1].year, month: list[m - 1].month),
                    ]
                }
                if m + 1 < list.count {
                    context["nextMonth"] = [
                        "url": SitePaths.link(from: path, to: SitePaths.month(channel.slug, list[m + 1].key)),
                        "monthName": posts.dates.monthName(year: list[m + 1].year, month: list[m + 1].month),
                    ]
                }
                return context
            }
        case .tag(let t, let number):
            let tag = site.tags[t]
            let pagination = Pagination(itemCount: tag.postIDs.count, perPage: perPage)
            let title = number > 1 ? strings.text("pageOf", ["title": tag.name, "n": strings.number(number)]) : tag.name
            return file(SitePaths.tag(tag.slug, page: number), "tag", title: title) { path in
                [
                    "tag": [
                        "name": tag.name, "count": strings.number(tag.postIDs.count), "countText": strings.count("posts", tag.postIDs.count),
                        "atomURL": SitePaths.link(from: path, to: SitePaths.tagAtom(tag.slug)),
                    ] as [String: Any],
                    "posts": tag.postIDs[pagination.range(ofPage: number)].compactMap { postsByID[$0] }.map { posts.context($0, from: path) },
                    "pagination": pagination.context(page: number, from: path) { SitePaths.tag(tag.slug, page: $0) },
                ]
            }
        }
    }

    /// A page's context with the variables every page has (`root`, `site`, `pageTitle`, nav links).
    func file(_ path: String, _ template: String, title: String, _ build: (String) -> [String: Any]) -> (String, String, [String: Any]) {
        var context = build(path)
        context["root"] = SitePaths.root(of: path)
        context["pageTitle"] = title
        context["site"] =
            [
                "title": site.config.title, "description": site.config.description,
                "language": site.config.language,
            ] as [String: Any]
        context["nav"] = [
            "home": SitePaths.link(from: path, to: SitePaths.home),
            "tags": SitePaths.link(from: path, to: SitePaths.tagIndex),
            "search": SitePaths.link(from: path, to: SitePaths.search),
            "feed": SitePaths.link(from: path, to: SitePaths.feed),
            "atom": SitePaths.link(from: path, to: SitePaths.atom),
        ]
        context["is_" + template] = true
        context["t"] = strings.texts
        return (path, template, context)
    }
}
