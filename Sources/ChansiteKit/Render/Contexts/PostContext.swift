import Foundation

/// What templates see of a post (documented in the README's template variables).
struct PostContext {
    let site: Site
    /// Post bodies as HTML, rendered once for the depth of channel, tag and post pages.
    let bodies: [String: String]
    /// Each post's media as published (post id → one entry per `Post.media`).
    let media: [String: [PublishedMedia]]
    let channelsBySlug: [String: Channel]
    let tagsByKey: [String: Tag]
    let postsByID: [String: SitePost]
    let links: LocalLinks
    let dates: DateDisplay
    /// Post id → the id of the post it answers, when that is in the archive.
    let replyTarget: [String: String]
    /// Post id → the ids of the posts answering it, in reading order.
    let replies: [String: [String]]

    init(site: Site, bodies: [String: String], media: [String: [PublishedMedia]], links: LocalLinks) {
        self.site = site
        self.bodies = bodies
        self.media = media
        self.links = links
        self.dates = DateDisplay(config: site.config, strings: site.strings)
        channelsBySlug = Dictionary(site.channels.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        tagsByKey = Dictionary(site.tags.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        postsByID = site.postsByID()
        var replyTarget: [String: String] = [:]
        var replies: [String: [String]] = [:]
        var quoted = QuotedPosts(site: site)
        for post in site.allPosts {
            let target =
                post.post.replyTo.flatMap { links.postID(channel: post.channelSlug, id: $0) }
                ?? post.post.replyQuote.flatMap { quoted.post(quoting: $0, in: post.channelSlug, besides: post.id) }
            guard let target else { continue }
            replyTarget[post.id] = target
            replies[target, default: []].append(post.id)
        }
        self.replyTarget = replyTarget
        self.replies = replies
    }

    /// The post as a listing or page shows it, with links relative to `path`.
    func context(_ post: SitePost, from path: String) -> [String: Any] {
        let p = post.post
        let channel = channelsBySlug[post.channelSlug]
        var context: [String: Any] = [
            "id": post.id,
            "heading": post.heading,
            "hasTitle": p.title != nil,
            "headingInBody": post.headingInBody,
            "url": url(of: post, from: path),
            "body": bodies[post.id] ?? "",
            "hasBody": !(bodies[post.id] ?? "").isEmpty,
            "excerpt": post.excerpt,
            "hasMedia": p.hasMediaPlaceholder,
            "source": "\(p.source.path):\(p.source.firstLine)",
            "channel": [
                "name": channel?.displayName ?? post.channelSlug,
                "url": SitePaths.link(from: path, to: SitePaths.channel(post.channelSlug)),
            ],
        ]
        let tags = zip(p.hashtags, post.tagKeys).compactMap { name, key -> [String: Any]? in
            guard let tag = tagsByKey[key] else { return nil }
            return ["name": name, "url": SitePaths.link(from: path, to: SitePaths.tag(tag.slug))]
        }
        if !tags.isEmpty {
            context["hashtags"] = tags
            context["hasHashtags"] = true
        }
        if let title = bodies["title:" + post.id] { context["titleHTML"] = title }
        if let forwarded = p.forwardedFrom { context["forwardedFrom"] = forwarded }
        if let date = p.dateText {
            // "5 months ago" was measured from when the page was copied, not from today.
            if let span = RelativeDate.leadingSpan(date) {
                let strings = site.strings
                context["dateText"] = strings.text("relativeDate", ["span": strings.count("unit." + span.unit, span.count)])
                context["dateAsWritten"] = date
            } else {
                context["dateText"] = date
            }
        }
        if let reactions = p.reactions, !reactions.isEmpty {
            context["reactions"] = reactions.map { ["emoji": $0.emoji, "count": site.strings.number($0.count)] as [String: Any] }
            context["hasReactions"] = true
        }
        if !p.linkPreviews.isEmpty {
            context["linkPreviews"] = p.linkPreviews.map { card -> [String: Any] in
                var item: [String: Any] = ["site": card.site, "title": card.title, "description": card.description]
                if let url = card.url { item["url"] = url }
                return item
            }
        }
        addDates(of: p, to: &context)
        addDetails(of: post, channel: channel, to: &context, from: path)
        addReplies(of: post, to: &context, from: path)
        let shown = MediaContext(file: p.media, published: media[post.id] ?? [], strings: site.strings, from: path)
        if !shown.items.isEmpty {
            context["media"] = shown.items
            context["hasMediaFiles"] = true
            if shown.photoCount > 1 { context["isAlbum"] = true }
        }
        return context
    }

    func url(of post: SitePost, from path: String) -> String {
        SitePaths.link(from: path, to: SitePaths.post(channel: post.channelSlug, slug: post.slug))
    }

    func addDates(of post: Post, to context: inout [String: Any]) {
        guard let date = post.date else { return }
        let isLocal = post.details?.dateIsLocal == true
        context["dateText"] = isLocal ? dates.localText(date) : dates.text(date)
        if !isLocal { context["dateISO"] = dates.iso(date) }
        if let edited = post.details?.edited {
            context["editedText"] = isLocal ? dates.localText(edited) : dates.text(edited)
        }
    }

    func addDetails(of post: SitePost, channel: Channel?, to context: inout [String: Any], from path: String) {
        guard let details = post.post.details else { return }
        if let author = details.author { context["author"] = author }
        if let bot = details.viaBot { context["viaBot"] = bot.hasPrefix("@") ? bot : "@" + bot }
        if details.pinned { context["isPinned"] = true }
        if let source = details.forwardedFromID {
            if let slug = links.channel(exportID: source) {
                context["forwardedFromURL"] = SitePaths.link(from: path, to: SitePaths.channel(slug))
            } else if let handle = site.config.channelHandles[String(source.drop { !$0.isNumber })] {
                context["forwardedFromURL"] = "https://t.me/" + SitePaths.percentEncoded(handle)
            }
        }
        if let handle = channel?.info.handle, let id = post.post.messageID {
            context["telegramURL"] = "https://t.me/" + SitePaths.percentEncoded(handle) + "/" + id
        }
        if let poll = details.poll {
            context["poll"] =
                [
                    "question": poll.question, "closed": poll.closed, "totalVoters": poll.totalVoters,
                    "totalVotersText": site.strings.count("votes", poll.totalVoters),
                    "answers": poll.answers.map { answer -> [String: Any] in
                        let percent = poll.totalVoters > 0 ? (answer.voters * 100 + poll.totalVoters / 2) / poll.totalVoters : 0
                        return ["text": answer.text, "voters": answer.voters, "percent": percent, "chosen": answer.chosen]
                    },
                ] as [String: Any]
        }
        if let location = details.location {
            let lat = String(format: "%.6f", location.latitude)
            let lon = String(format: "%.6f", location.longitude)
            var item: [String: Any] = [
                "latitude": lat, "longitude": lon,
                "mapURL": "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=16/\(lat)/\(lon)",
            ]
            if let name = location.placeName { item["placeName"] = name }
            if let address = location.address { item["address"] = address }
            context["location"] = item
        }
        if let contact = details.contact {
            var item: [String: Any] = ["contactName": contact.name]
            if let phone = contact.phone { item["phone"] = phone }
            context["contact"] = item
        }
    }

    func addReplies(of post: SitePost, to context: inout [String: Any], from path: String) {
        if let quote = post.post.replyQuote, post.post.replyTo == nil {
            // A text copy's quote: its author and words, linked when the quoted post is here.
            var reply: [String: Any] = ["replyAuthor": quote.author, "replyExcerpt": quote.text]
            if let target = replyTarget[post.id].flatMap({ postsByID[$0] }) { reply["replyURL"] = url(of: target, from: path) }
            context["replyTo"] = reply
        } else if post.post.replyTo != nil {
            if let target = replyTarget[post.id].flatMap({ postsByID[$0] }) {
                context["replyTo"] = ["replyURL": url(of: target, from: path), "replyExcerpt": target.post.excerpt(maxLength: 120)] as [String: Any]
            } else {
                context["replyTo"] = ["replyMissing": true] as [String: Any]
            }
        }
        let answers = (replies[post.id] ?? []).compactMap { postsByID[$0] }
        if !answers.isEmpty {
            context["replyCount"] = answers.count
            context["replyCountText"] = site.strings.count("replies", answers.count)
            context["replies"] = answers.map { ["url": url(of: $0, from: path), "heading": $0.heading] as [String: Any] }
        }
    }
}
