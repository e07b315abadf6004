import ChansiteCore
import ChansiteModel

/// Makes a post's body as HTML, the same for its page, every listing and the feeds: formatted
/// text (exports) through `FormattedText`, text from copies through Markdown and cmark. Links
/// inside the site start with the root marker (`RootLinks`); each page or feed resolves it.
struct PostBodies: Sendable {
    let markdown: MarkdownRenderer
    let formatted: FormattedText
    /// Bodies made by earlier builds (`serve`'s, or the build cache), by their text and the tag links they can hold.
    let memo: (any StageCache<String>)?
    /// A fingerprint of the tag links a body can hold.
    let tagLinks: String

    init(site: Site, links: LocalLinks, memo: (any StageCache<String>)? = nil) {
        self.memo = memo
        let tagSlugs = Dictionary(site.tags.map { ($0.key, $0.slug) }, uniquingKeysWith: { a, _ in a })
        let tagURL: @Sendable (String) -> String? = { hashtag in
            tagSlugs[Tag.key(for: hashtag)].map { SitePaths.rootLink(to: SitePaths.tag($0)) }
        }
        markdown = MarkdownRenderer(tagURL: tagURL)
        var tagLinks = Fingerprint("tags")
        for key in tagSlugs.keys.sorted() {
            tagLinks.add(key)
            tagLinks.add(tagSlugs[key] ?? "")
        }
        self.tagLinks = tagLinks.hex
        formatted = FormattedText(
            tagURL: tagURL, localURL: { url in links.path(for: url).map { SitePaths.rootLink(to: $0) } },
            spoilerLabel: site.strings.text("showHiddenText"))
    }

    /// The body as HTML. cmark percent-encodes the root marker in the links it makes
    /// (`%01`); only a generated link can start with it, so it is put back.
    func html(of post: SitePost) -> String {
        if let spans = post.post.spans { return formatted.html(spans) }
        let make = { RootLinks.restoringMarker(markdown.html(for: post.body, paragraphPerLine: post.post.paragraphPerLine)) }
        guard let memo else { return make() }
        // The body is the text below the heading when there is a title: keyed by both, so
        // a memo hit does not cut the body out first.
        var key = Fingerprint(tagLinks, post.post.paragraphPerLine ? "lines" : "paragraphs", post.headingInBody ? "" : post.heading)
        key.add(post.post.text)
        return memo.value(key.hex, make)
    }
}
