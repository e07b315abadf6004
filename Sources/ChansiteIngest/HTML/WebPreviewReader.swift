import ChansiteCore
import ChansiteModel
import Foundation

/// Reads saved pages of Telegram's web preview (`t.me/s/<channel>`, saved from a browser,
/// often several scrolled back with `?before=`) and single-post embed pages: any number of
/// them make one channel per handle, posts keyed by their `data-post` id, so overlapping pages
/// give each post once (the copy with the most text wins). The pages carry what text copies
/// lose: post ids, UTC dates, boundaries.
package struct WebPreviewReader: Sendable {
    package static let format = "tme_web_preview_html"

    package init() {}

    /// Whether the first bytes of an `.html` file are a saved web-preview or embed page.
    package static func isPreviewPage(_ head: Data) -> Bool {
        String(decoding: head.prefix(262_144), as: UTF8.self).contains("tgme_widget_message")
    }

    package func read(pages: [(path: String, data: Data)]) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        let parsed = pages.indices.concurrentMap(chunk: 1) { index in Self.parse(pages[index].path, pages[index].data) }
        var diagnostics = parsed.flatMap(\.diagnostics)
        var channels: [String: (info: ChannelInfo, path: String, posts: [String: Post], services: Int)] = [:]
        var order: [String] = []
        for page in parsed {
            for post in page.posts {
                let key = post.handle.lowercased()
                if channels[key] == nil {
                    channels[key] = (ChannelInfo(handle: post.handle), page.path, [:], 0)
                    order.append(key)
                }
                if post.isService {
                    channels[key]?.services += 1
                    continue
                }
                let id = post.post.messageID ?? ""
                if let known = channels[key]?.posts[id], known.text.count >= post.post.text.count { continue }
                channels[key]?.posts[id] = post.post
            }
            if let info = page.channel, let handle = info.handle?.lowercased(), let known = channels[handle]?.info {
                channels[handle]?.info = info.merged(with: known)
            }
        }
        let dumps = order.compactMap { key -> ParsedDump? in
            guard let channel = channels[key] else { return nil }
            var dump = ParsedDump(path: channel.path, format: Self.format, channel: channel.info)
            dump.posts = channel.posts.values.sorted { (Int($0.messageID ?? "") ?? 0) < (Int($1.messageID ?? "") ?? 0) }
            // Album members are one block on the page; the others' ids are only in its links.
            let members = Set(dump.posts.flatMap { $0.details?.albumIDs ?? [] })
            dump.posts.removeAll { members.contains($0.messageID ?? "") && $0.text.isEmpty }
            if channel.services > 0 {
                dump.diagnostics.append(.note("\(channel.services) service posts are not posts", at: SourceLocation(path: channel.path)))
            }
            return dump
        }
        if dumps.isEmpty, let first = pages.first {
            diagnostics.append(.warning("a saved web-preview page with no posts; skipped", at: SourceLocation(path: first.path)))
        }
        return (dumps, diagnostics)
    }

    /// One page: its channel header (a `t.me/s` page has one, an embed page does not) and posts.
    static func parse(_ path: String, _ data: Data) -> (path: String, channel: ChannelInfo?, posts: [WebPreviewPost], diagnostics: [Diagnostic]) {
        let (document, diagnostics) = HTMLDocument.parse(data, path: path)
        guard let document, let root = document.root else { return (path, nil, [], diagnostics) }
        // Elements do not keep their document: it is held until every element is read.
        return withExtendedLifetime(document) {
            let all = root.descendants()
            let records = all.filter { $0.hasClass("tgme_widget_message") && $0.attribute("data-post") != nil }
            // A post nested in another (only a hostile page does it) is read alone.
            document.detach(records)
            let posts = records.compactMap {
                WebPreviewPost(element: $0, path: path)
            }
            return (path, channelInfo(all, page: path), posts, diagnostics)
        }
    }

    /// The header of a `t.me/s` page: title, @handle, description, subscribers, and the picture
    /// when the browser saved it beside the page (a `…_files/` file; a Telegram address is left
    /// alone: it expires, and loading it would tell Telegram who reads the archive).
    static func channelInfo(_ all: [HTMLElement], page: String) -> ChannelInfo? {
        guard let header = all.first(where: { $0.hasClass("tgme_channel_info") }) else { return nil }
        let parts = header.descendants()
        func text(_ name: String) -> String? {
            parts.first { $0.hasClass(name) }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let handle = text("tgme_channel_info_header_username").map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        let subscribers = parts.filter { $0.hasClass("tgme_channel_info_counter") }.first { $0.text.contains("subscriber") }
            .flatMap { counter in counter.descendants().first { $0.hasClass("counter_value") }?.text }
        var info = ChannelInfo(
            title: text("tgme_channel_info_header_title"), handle: handle, subscribers: subscribers,
            description: text("tgme_channel_info_description"))
        let photo = parts.first { $0.hasClass("tgme_page_photo_image") }.flatMap { frame in
            ([frame] + frame.descendants()).first { $0.isTag("img") }?.attribute("src")
        }
        if let photo, let local = localFile(photo), case .file(let found) = ExportMediaResolver(folder: PathName.parent(page)).resolve(local) {
            info.avatar = MediaFile(kind: .photo, path: local, sourcePath: found)
        }
        return info
    }

    /// A saved page's own file from an `src` (`./Channel_files/photo.jpg`, percent-encoded); nil
    /// for an address on the web or in the page (`https:`, `data:`).
    static func localFile(_ src: String) -> String? {
        let trimmed = src.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.contains(":") || trimmed.hasPrefix("//") { return nil }
        // The query and fragment go before decoding: `%3F` is part of a file's name.
        let raw = trimmed.prefix { $0 != "?" && $0 != "#" }
        let path = raw.removingPercentEncoding ?? String(raw)
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
