import ChansiteCore
import ChansiteModel
import ChansiteOutput
import ChansiteRender
import Foundation

extension Pipeline {
    /// Every URL an earlier build published answers still: a page that moved leaves a
    /// redirect, a post no longer in the archive a "removed" page (`MovedPages`). The history
    /// of URLs lives in the work folder; the new one replaces it when the site is swapped in.
    ///
    /// A build whose history, channels, tags and pages are the last build's (`cache`, by
    /// `publishedKey`) carries the last build's moved pages over without reading the history:
    /// finding every page's identity again was 0.4 s of CPU at the end of a 100k-post rebuild.
    static func keepPublishedURLs(site: Site, pages: [String], into sink: any OutputSink, cache: RenderCache?) throws
        -> [Diagnostic]
    {
        guard let folder = sink.scratchFolder else { return [] }
        let path = FileSystem.join(folder, WorkFolder.urlHistoryName)
        var data: Data?
        if FileSystem.exists(path) {
            guard let read = FileManager.default.contents(atPath: path) else {
                throw DiagnosticError(.error("cannot read the list of published URLs: \(FileSystem.lastError)", at: SourceLocation(path: path)))
            }
            data = read
        }
        let memo = cache?.publishedURLs
        let key = memo == nil ? nil : publishedKey(site: site, pages: pages, history: data, memo: cache?.pageIdentities)
        var carried: Set<String> = []
        if let key, let kept = memo?.known(key) {
            switch carryOver(kept, key: key, into: sink, carried: &carried) {
            case .some(let note): return note
            case .none: break  // A file of the last build's changed: the pages are made again.
            }
        }
        var diagnostics: [Diagnostic] = []
        var history = URLHistory()
        if let data { (history, diagnostics) = URLHistory.parse(data, path: path) }
        // Handed over, not copied: updated in place, the history is held once.
        let outcome = MovedPages(site: site).make(history: consume history, current: PageIdentity.of(site: site, pages: pages))
        for file in outcome.files where !carried.contains(file.path) {
            try sink.write(file.path, contents: file.contents, fingerprint: key.map { movedFingerprint($0, file.path) })
        }
        // The same history as read (8 MB at 100k posts) stays as it is: without a next one,
        // the finished build leaves the file in place. One read with damaged lines is written
        // again, without them.
        guard outcome.changed || !diagnostics.isEmpty || data == nil else {
            // Kept only now: a history written again is another key for the next build.
            if let key, carried.isEmpty {
                memo?.store(key, ["\(outcome.redirects)", "\(outcome.removed)"] + outcome.files.map(\.path))
            }
            return movedNote(outcome.redirects, outcome.removed)
        }
        let next = FileSystem.join(folder, WorkFolder.nextURLHistoryName)
        do {
            guard FileManager.default.createFile(atPath: next, contents: nil), let handle = FileHandle(forWritingAtPath: next) else {
                throw DiagnosticError(.error("cannot create it: \(FileSystem.lastError)", at: SourceLocation(path: next)))
            }
            defer { try? handle.close() }  // try?: a failed write already threw; the next build rewrites the file.
            try outcome.history.write { try handle.write(contentsOf: $0) }
        } catch {
            throw DiagnosticError(.error("cannot write the list of published URLs: \(FileSystem.describe(error))", at: SourceLocation(path: next)))
        }
        return diagnostics + movedNote(outcome.redirects, outcome.removed)
    }

    /// Links the moved pages the last build made under `key` (`kept`: the counts of redirects
    /// and removed pages, then the pages' paths), adding each to `carried`; the note, or nil
    /// when one could not be carried over (or `kept` is not such a list).
    private static func carryOver(_ kept: [String], key: String, into sink: any OutputSink, carried: inout Set<String>) -> [Diagnostic]? {
        guard kept.count >= 2, let redirects = Int(kept[0]), let removed = Int(kept[1]), redirects >= 0, removed >= 0,
            redirects + removed == kept.count - 2
        else { return nil }
        for path in kept.dropFirst(2) {
            guard sink.reuse(path, fingerprint: movedFingerprint(key, path)) else { return nil }
            carried.insert(path)
        }
        return movedNote(redirects, removed)
    }

    /// Everything `MovedPages` and `PageIdentity` read: the history's bytes, the configuration
    /// and interface words the pages show, each channel's posts' identities (`identities`) with
    /// what names the channel, the tags and every page's path. Nil when a channel has no key.
    static func publishedKey(site: Site, pages: [String], history: Data?, memo: (any StageCache<[String]>)?) -> String? {
        var key = Fingerprint("published urls")
        if let history { key.add(bytes: history) } else { key.add("no history") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // try?: SiteConfig holds strings, numbers and maps of strings, which JSONEncoder always encodes.
        key.add(bytes: (try? encoder.encode(site.config)) ?? Data())
        key.add(any: site.strings.texts)
        for channel in site.channels {
            guard channel.cacheKey != nil else { return nil }
            key.add(channel.keptList("page identities", count: 1, in: memo) { [identities(of: channel)] })
            key.add(String(PageIdentity.channelKey(channel)))
            key.add(channel.slug)
            key.add(channel.displayName)
        }
        key.add("tags")
        for tag in site.tags {
            key.add(tag.slug)
            key.add(tag.key)
        }
        key.add("pages")
        for page in pages { key.add(page) }
        return key.hex
    }

    /// A fingerprint of what each of a channel's posts is known by: its page and its message
    /// id, or a text copy's post its words (`Post.contentFingerprint`, which an edit changes).
    static func identities(of channel: Channel) -> String {
        var key = Fingerprint("page identities")
        for post in channel.posts {
            key.add(post.path)
            if let id = post.post.messageID { key.add("m:" + id) } else { key.add("f:" + post.post.contentFingerprint) }
        }
        return key.hex
    }

    /// The fingerprint a moved page is written with: the key of all it was made from, and its path.
    static func movedFingerprint(_ key: String, _ path: String) -> String {
        Fingerprint("moved page", key, path).hex
    }

    /// What became of the URLs earlier builds published and this one does not, when any.
    static func movedNote(_ redirects: Int, _ removed: Int) -> [Diagnostic] {
        guard redirects + removed > 0 else { return [] }
        return [
            .note(
                "kept \(Counted.of(redirects + removed, "URL")) earlier builds published: \(redirects) now redirect to where their page went, \(removed) say the post was removed from the archive"
            )
        ]
    }
}
