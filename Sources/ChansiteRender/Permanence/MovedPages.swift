import ChansiteCore
import ChansiteModel
import Foundation

/// The pages at URLs an earlier build published and this one does not: a small redirect page
/// where the page went (its identity found again, or, for a text copy's post edited since, its
/// words), a "removed from the archive" page where it is gone. Returns the history to keep.
package struct MovedPages: Sendable {
    package let site: Site

    package init(site: Site) { self.site = site }

    package struct Outcome: Sendable {
        package var files: [RenderedFile] = []
        package var history = URLHistory()
        package var redirects = 0
        package var removed = 0
        /// Whether `history` differs from the history handed in (else it need not be written).
        package var changed = false
    }

    /// Slots of two sketches that must agree for an edited post to be the same post (about
    /// 60 % of its words shared), and the most posts one sketch value may lead to before it is
    /// too common to say anything (keeps the search linear).
    static let agreement = 5
    static let bucketLimit = 64

    /// The pages at vanished URLs, and the history to keep: the old one updated in place (a
    /// site of 100k posts holds it once, not beside a copy).
    package func make(history: consuming URLHistory, current: [String: PageIdentity]) -> Outcome {
        var outcome = Outcome()
        var pages = history.pages
        history = URLHistory()
        // Grown once: grown by doubling, the old and new tables were held at once.
        pages.reserveCapacity(max(pages.count, current.count))
        let vanished = pages.keys.filter { current[$0] == nil }.sorted().compactMap { path in pages[path].map { (path, $0) } }
        // Where a vanished page's identity went (the first path in order that has it now), and
        // which of the changed text posts' identities are new: asked only about the vanished
        // pages' and the changed posts' identities, each a pass over every page with no sort.
        let byKey = Self.firstPaths(of: Set(vanished.map(\.1.key)), in: current)
        let sketches = textSketches(current: current, history: pages)
        let knownKeys = vanished.isEmpty ? [] : Self.known(Set(sketches.keys.compactMap { current[$0]?.key }), in: pages)
        for (path, identity) in current {
            let entry = URLHistory.Entry(identity, sketch: sketches[path] ?? pages[path]?.sketch)
            if pages.updateValue(entry, forKey: path) != entry { outcome.changed = true }
        }
        let edited = matchEdited(vanished, current: current, sketches: sketches, fresh: { !knownKeys.contains($0.key) })
        let channelIndex = Dictionary(
            site.channels.map { (PageIdentity.channelKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        for (path, old) in vanished {
            var entry = old
            if let target = byKey[entry.key] ?? edited[path] {
                if let moved = current[target], moved.key != entry.key { entry = URLHistory.Entry(moved, sketch: sketches[target]) }
                outcome.files.append(redirect(from: path, to: target))
                outcome.redirects += 1
            } else if entry.kind == .channelPage, let channel = entry.channel.flatMap({ channelIndex[$0] }) {
                outcome.files.append(redirect(from: path, to: SitePaths.channel(channel.slug, page: 1, of: 1)))
                outcome.redirects += 1
            } else if entry.kind == .tagPage, let first = Self.firstPage(ofTagPage: path), current[first] != nil {
                // A later page of a tag that still has pages (they now hold more posts each).
                outcome.files.append(redirect(from: path, to: first))
                outcome.redirects += 1
            } else if entry.kind == .tagPage || entry.kind == .sitePage {
                outcome.files.append(redirect(from: path, to: entry.kind == .tagPage ? SitePaths.tagIndex : SitePaths.home))
                outcome.redirects += 1
            } else {
                outcome.files.append(removed(at: path, channel: entry.channel.flatMap { channelIndex[$0] }))
                outcome.removed += 1
            }
            if entry != old {
                pages[path] = entry
                outcome.changed = true
            }
        }
        outcome.history = URLHistory(pages: pages)
        return outcome
    }

    /// For each of `keys`, the first path (in `String` order) of a page that has it in `current`.
    static func firstPaths(of keys: Set<UInt64>, in current: [String: PageIdentity]) -> [UInt64: String] {
        var first: [UInt64: String] = [:]
        guard !keys.isEmpty else { return first }
        for (path, identity) in current where keys.contains(identity.key) {
            if let held = first[identity.key], held < path { continue }
            first[identity.key] = path
        }
        return first
    }

    /// Those of `keys` some page of the history has.
    static func known(_ keys: Set<UInt64>, in pages: [String: URLHistory.Entry]) -> Set<UInt64> {
        guard !keys.isEmpty else { return [] }
        var known = Set<UInt64>()
        for entry in pages.values where keys.contains(entry.key) { known.insert(entry.key) }
        return known
    }

    /// The first page of the tag whose folder holds `path` (a tag page, as `PageIdentity` reads one).
    static func firstPage(ofTagPage path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "tags" else { return nil }
        return SitePaths.tag(String(parts[1]))
    }

    /// Sketches of the text copies' posts whose page is new or whose content changed (the
    /// others keep the sketch the history has).
    func textSketches(current: [String: PageIdentity], history pages: [String: URLHistory.Entry]) -> [String: WordSketch] {
        // Positions, not copies of the posts: at 100k posts the copies were 27 MB of the
        // build's peak (this runs while the index may still be at work).
        var wanted: [(channel: Int, post: Int)] = []
        for (c, channel) in site.channels.enumerated() {
            for p in channel.posts.indices {
                let path = channel.posts[p].path
                guard let identity = current[path], identity.kind == .textPost else { continue }
                if pages[path]?.key != identity.key || pages[path]?.sketch == nil { wanted.append((c, p)) }
            }
        }
        let channels = site.channels
        let made = wanted.concurrentMap { at in
            let post = channels[at.channel].posts[at.post]
            return (post.path, WordSketch(text: [post.post.title ?? "", post.post.text].joined(separator: "\n")))
        }
        var sketches: [String: WordSketch] = [:]
        for case (let path, let sketch?) in made { sketches[path] = sketch }
        return sketches
    }

    /// Vanished text posts matched to new posts of their channel whose words they mostly share:
    /// each new post taken once, the best agreement first, ties by path (deterministic).
    func matchEdited(
        _ vanished: [(String, URLHistory.Entry)], current: [String: PageIdentity], sketches: [String: WordSketch],
        fresh: (PageIdentity) -> Bool
    ) -> [String: String] {
        // Most builds lose no text post: no buckets (a full build's would be 17 MB of its peak).
        guard vanished.contains(where: { $0.1.kind == .textPost && $0.1.channel != nil && $0.1.sketch != nil }) else { return [:] }
        var buckets: [Bucket: [String]] = [:]
        for path in sketches.keys.sorted() {
            guard let identity = current[path], fresh(identity), let channel = identity.channel, let sketch = sketches[path] else { continue }
            for slot in 0..<WordSketch.slots { buckets[Bucket(channel: channel, slot: slot, value: sketch.values[slot]), default: []].append(path) }
        }
        var taken = Set<String>()
        var matches: [String: String] = [:]
        for (path, entry) in vanished {
            guard entry.kind == .textPost, let channel = entry.channel, let sketch = entry.sketch else { continue }
            var candidates = Set<String>()
            for slot in 0..<WordSketch.slots {
                guard let bucket = buckets[Bucket(channel: channel, slot: slot, value: sketch.values[slot])], bucket.count <= Self.bucketLimit
                else { continue }
                candidates.formUnion(bucket)
            }
            let best = candidates.subtracting(taken).compactMap { candidate in
                sketches[candidate].map { (candidate, $0.agreement(with: sketch)) }
            }.filter { $0.1 >= Self.agreement }.max { ($0.1, $1.0) < ($1.1, $0.0) }
            if let best {
                matches[path] = best.0
                taken.insert(best.0)
            }
        }
        return matches
    }

    /// Posts of one channel whose sketches hold one value in one slot.
    struct Bucket: Hashable {
        var channel: UInt64
        var slot: Int
        var value: UInt32
    }

    /// A page that sends the reader on at once: a refresh, the canonical address, and a link
    /// for a browser that does not follow the refresh.
    func redirect(from path: String, to target: String) -> RenderedFile {
        let link = HTMLText.escape(SitePaths.link(from: path, to: target))
        let canonical = site.config.siteRoot.map { HTMLText.escape($0 + SitePaths.percentEncoded(target)) } ?? link
        // The address as a reader would say it: absolute with a base URL, else the site path.
        let shown = site.config.siteRoot == nil ? HTMLText.escape(target) : canonical
        let strings = site.strings
        let html = """
            <!doctype html>
            <html lang="\(HTMLText.escape(site.config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLText.escape(strings.text("moved.title")))</title>
            <meta http-equiv="refresh" content="0; url=\(link)">
            <link rel="canonical" href="\(canonical)">
            <meta name="robots" content="noindex">
            </head>
            <body>
            <p>\(HTMLText.escape(strings.text("moved.text"))) <a href="\(link)">\(shown)</a></p>
            </body>
            </html>

            """
        return RenderedFile(path: path, text: html)
    }

    /// A page saying the post was removed from the archive, linking its channel (when the
    /// channel is still there) and the home page.
    func removed(at path: String, channel: Channel?) -> RenderedFile {
        let strings = site.strings
        let root = SitePaths.root(of: path)
        var links = ""
        if let channel {
            let href = HTMLText.escape(SitePaths.link(from: path, to: SitePaths.channel(channel.slug, page: 1, of: 1)))
            links += "<a href=\"\(href)\">\(HTMLText.escape(channel.displayName))</a> · "
        }
        links += "<a href=\"\(HTMLText.escape(root + SitePaths.home))\">\(HTMLText.escape(strings.text("channelList")))</a>"
        let html = """
            <!doctype html>
            <html lang="\(HTMLText.escape(site.config.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(strings.text("removed.title"))) · \(HTMLText.escape(site.config.title))</title>
            <meta name="robots" content="noindex">
            <link rel="stylesheet" href="\(HTMLText.escape(root))assets/style.css">
            </head>
            <body>
            <main id="main" class="main">
            <h1 class="page-title">\(HTMLText.escape(strings.text("removed.title")))</h1>
            <p>\(HTMLText.escape(strings.text("removed.text")))</p>
            <p>\(links)</p>
            </main>
            </body>
            </html>

            """
        return RenderedFile(path: path, text: html)
    }
}
