import ChansiteCore
import ChansiteModel

extension PostViews.Builder {
    /// Each post's key (`postKey`), by position in `posts`, on all cores; nil for the posts of
    /// channels without a key (`channelKeys`, `PostViews.channelKeys`). A channel's key holds
    /// everything its posts' keys read besides their context, so `memo` keeps a channel's keys
    /// under it: after an edit only the edited channel's posts are keyed again (keying all of
    /// them was a second of CPU at 100k posts).
    func postKeys(channelKeys: [String?], memo: (any StageCache<[String?]>)? = nil) -> [String?] {
        var site = Fingerprint("post view")
        site.add(encodable: self.site.config)
        site.add(self.site.strings.language)
        site.add(any: self.site.strings.texts)
        site.add(any: self.site.strings.counted)
        let siteContext = site.hex
        let posts = posts
        return self.site.channels.indices.flatMap { c -> [String?] in
            let range = posts.starts[c]..<posts.starts[c + 1]
            guard let channelKey = channelKeys[c] else { return Array(repeating: nil, count: range.count) }
            let context = channelContext(c, site: siteContext)
            // The views' channel key adds what the views read outside the channel.
            return self.site.channels[c].keptList(
                "post keys", context: [channelKey, context, showsSource ? "source" : "no source"], count: range.count, in: memo
            ) {
                range.concurrentMap(chunk: 256) { postKey(position: $0, context: context) }
            }
        }
    }

    /// What every view of channel `c`'s posts reads besides the post: the site's
    /// configuration and words (`site`), the channel's name, handle, picture and language.
    func channelContext(_ c: Int, site: String) -> String {
        let channel = self.site.channels[c]
        var key = Fingerprint(site, channel.slug, channel.displayName, channel.info.handle ?? "\u{0}")
        key.add(avatars[channel.slug] ?? "\u{0}")
        key.add(languages[channel.slug] ?? "\u{0}")
        return key.hex
    }

    /// Where the hashtags the view links lead: its own tags (listed under it) and every
    /// hashtag its body and title link — an export's hashtag entities, or what
    /// `Hashtags.ranges` finds in a copy's text, as `PostMarkdown` does. A tag added elsewhere
    /// in the site changes only the keys of posts that name it (or whose tag's slug it takes).
    func addTagLinks(of sitePost: SitePost, spans: [TextSpan]?, to key: inout Fingerprint) {
        var named = sitePost.tagKeys
        if let spans {
            named += spans.lazy.filter { $0.kind == "hashtag" }.map { Tag.key(for: $0.text) }
        } else {
            let body = sitePost.body
            named += Hashtags.ranges(in: body).map { Tag.key(for: String(body[$0])) }
        }
        if let title = sitePost.post.title { named += Hashtags.ranges(in: title).map { Tag.key(for: String(title[$0])) } }
        key.add(named.count)
        for name in named {
            key.add(name)
            key.add(tagsByKey[name]?.slug ?? "\u{0}")
        }
    }

    /// A key naming everything the view of the post at `position` reads (`view(of:)`): the
    /// post (`SitePost.addViewInputs`), where its reply target, replies and giveaway launch are
    /// and what they show of themselves, where its links to the archive's posts, its forward's
    /// channel and its hashtags lead, its media as published, and its channel's `context`. Its place
    /// in the channel is not part of it: an append leaves the older posts' keys as they were,
    /// so a build after one makes only the new posts' views (`PostViews.stub`).
    func postKey(position: Int, context: String) -> String {
        let sitePost = posts[position]
        let post = sitePost.post
        var key = Fingerprint(context)
        sitePost.addViewInputs(to: &key, lines: showsSource)
        if let target = replyTarget[sitePost.id].flatMap { self.post(withID: $0) } {
            key.add(target.path)
            key.add(target.post.excerpt(maxLength: 120))
        } else {
            key.add("\u{0}no target")
        }
        let answers = (replies[sitePost.id] ?? []).compactMap { self.post(withID: $0) }
        key.add(answers.count)
        for answer in answers {
            key.add(answer.path)
            key.add(answer.heading)
        }
        if let launch = post.details?.giveawayResults?.launchID {
            key.add(self.post(withID: sitePost.channelSlug + "/" + launch)?.path ?? "\u{0}")
        }
        let spans = post.spans
        if let spans {
            for query in FormattedText.localLinkQueries(spans) { key.add(links.path(for: query) ?? "\u{0}") }
        }
        addTagLinks(of: sitePost, spans: spans, to: &key)
        if let source = post.details?.forwardedFromID { key.add(links.channel(exportID: source) ?? "\u{0}") }
        let published = media[sitePost.id] ?? []
        key.add(published.count)
        for file in published { file.add(to: &key) }
        return key.hex
    }
}
