/// The site's URL scheme, in one place. Every page links relatively, so each URL is built
/// from the linking page's depth: the site works at any sub-path and from `file://`.
package enum SitePaths {
    package static let home = "index.html"
    package static let tagIndex = "tags/index.html"
    package static let search = "search.html"
    package static let notFound = "404.html"
    package static let feed = "feed.xml"
    package static let sitemap = "sitemap.xml"
    package static let atom = "atom.xml"
    package static let jsonFeed = "feed.json"

    /// A channel's page `page` of `pages` (its posts in order, oldest first). The last page,
    /// the newest posts, is the channel's `index.html`, so a channel opens where Telegram does;
    /// every earlier page keeps its `page-N.html` as posts are added after it.
    package static func channel(_ slug: String, page: Int = 1, of pages: Int = 1) -> String {
        page >= pages ? "channels/\(slug)/index.html" : "channels/\(slug)/page-\(page).html"
    }

    /// The folder holding all of a channel's pages, with its slash.
    package static func channelFolder(_ slug: String) -> String { "channels/\(slug)/" }

    /// A channel's archive: its months with their counts.
    package static func archive(_ slug: String) -> String { "channels/\(slug)/archive.html" }

    /// The posts of one month (`2024-03`), a page of them when the month has many; post slugs
    /// never look like this.
    package static func month(_ slug: String, _ key: String, page: Int = 1) -> String {
        page <= 1 ? "channels/\(slug)/archive-\(key).html" : "channels/\(slug)/archive-\(key)-page-\(page).html"
    }

    /// A channel's year: its months, busiest days, top tags and most-reacted posts.
    package static func year(_ slug: String, _ year: Int) -> String { "channels/\(slug)/archive-\(year).html" }

    /// Every calendar day with posts, and one day's posts across the years (`03-05`).
    package static let dayIndex = "days/index.html"
    package static func day(_ key: String, page: Int = 1) -> String {
        page <= 1 ? "days/\(key).html" : "days/\(key)-page-\(page).html"
    }

    /// A channel's media gallery: one of its kinds (`photos` is the gallery's first page,
    /// `gallery.html`; the others `gallery-files.html`, …), a page of it.
    package static func gallery(_ slug: String, kind: String, page: Int = 1) -> String {
        let name = kind == "photos" ? "gallery" : "gallery-" + kind
        return "channels/\(slug)/" + (page <= 1 ? name : "\(name)-\(page)") + ".html"
    }

    /// Whether `slug` is the name of one of a channel's own pages (`index`, `page-2`,
    /// `archive`, `archive-2024-03`, `gallery`, `gallery-files-2`); a post's slug never is
    /// (`SiteAssembler` makes sure).
    package static func isChannelPageName(_ slug: String) -> Bool {
        if slug == "index" || slug == "archive" || slug == "gallery" { return true }
        if slug.hasPrefix("gallery-") {
            let parts = slug.dropFirst("gallery-".count).split(separator: "-", omittingEmptySubsequences: false)
            if parts.allSatisfy({ ["files", "audio", "links"].contains($0) || (!$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber }) }) {
                return true
            }
        }
        for prefix in ["page-", "archive-"] where slug.hasPrefix(prefix) {
            let rest = slug.dropFirst(prefix.count)
            if !rest.isEmpty, rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) { return true }
        }
        return false
    }

    package static func channelFeed(_ slug: String) -> String { "channels/\(slug)/feed.xml" }

    package static func channelAtom(_ slug: String) -> String { "channels/\(slug)/atom.xml" }
    package static func channelJSONFeed(_ slug: String) -> String { "channels/\(slug)/feed.json" }
    /// A channel's posts as data (`ChannelPostsJSON`).
    package static func channelPostsJSON(_ slug: String) -> String { "channels/\(slug)/posts.json" }

    package static func tagAtom(_ slug: String) -> String { "tags/\(slug)/atom.xml" }

    /// A post's page; `sharded` (a channel too large for one folder) puts it in one of 256
    /// subfolders named by two hex digits of a hash of its slug, stable as long as the slug is.
    package static func post(channel: String, slug: String, sharded: Bool = false) -> String {
        sharded ? "channels/\(channel)/\(shard(of: slug))/\(slug).html" : "channels/\(channel)/\(slug).html"
    }

    /// Two hex digits of FNV-1a of the slug.
    static func shard(of slug: String) -> String {
        let value = Int(FNV1a.hash(slug) & 0xFF)
        return (value < 16 ? "0" : "") + String(value, radix: 16)
    }

    /// A tag's page `page` of `pages`: as a channel's, its own page (`index.html`) is the last,
    /// with its newest posts, and the pages before it are numbered from its oldest.
    package static func tag(_ slug: String, page: Int = 1, of pages: Int = 1) -> String {
        page >= pages ? "tags/\(slug)/index.html" : "tags/\(slug)/page-\(page).html"
    }

    /// The prefix that leads from a page back to the site root (`../../` for `channels/x/y.html`).
    package static func root(of path: String) -> String {
        String(repeating: "../", count: path.filter { $0 == "/" }.count)
    }

    /// Stands for the root prefix in views made once for pages of every depth; each page swaps
    /// it for its own `root(of:)` as it is written (`RootLinks`). No input can hold it: dumps,
    /// exports, templates and configuration lose their control characters when read.
    package static let rootMarker = "\u{1}"

    /// A link to the site path `to` from a page of any depth (see `rootMarker`).
    package static func rootLink(to: String) -> String {
        rootMarker + percentEncoded(to)
    }

    /// A link from the page at `from` to the site path `to`.
    package static func link(from: String, to: String) -> String {
        root(of: from) + percentEncoded(to)
    }

    /// Encodes what is not safe in a URL path (slugs are ASCII already; this guards the rest).
    package static func percentEncoded(_ path: String) -> String {
        let safe = path.utf8.allSatisfy { b in
            (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
                || b == 0x2F
        }
        if safe { return path }
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
