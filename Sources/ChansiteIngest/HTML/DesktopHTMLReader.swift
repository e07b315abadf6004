import ChansiteCore
import Foundation

/// Reads a Telegram Desktop export in HTML (the client's default format): the pages of one
/// export folder (`messages.html`, `messages2.html`, … whatever they are named), each parsed on
/// its own and let go of, in parallel, then read in message-id order into the same messages a
/// `result.json` gives, and made into posts by the JSON reader's own code (`ExportChatReader`).
///
/// An HTML export does not say what kind of chat it is, and a personal chat must never be
/// published. A chat is a channel when its markup proves it: a service message says so
/// ("Channel «…» created", "Channel title changed…"), or a post carries an author's signature
/// (only channel posts do). A chat exported alone whose every message that is not a forward is
/// sent in the chat's own name (as a channel's posts are) is published too, with a note saying
/// why; inside a full-account export (`chats/chat_NN/`, beside `export_results.html`), where
/// one-sided personal and service chats are common, that is not enough. Any other chat counts
/// as of unknown type: published only when `exportChatTypes` lists `unknown`.
///
/// A chat the user lists by name in `discussionGroups` is read as a channel's discussion group
/// (its messages become comments, never posts of their own).
package struct DesktopHTMLReader: Sendable {
    package var chatTypes: Set<String>
    package var discussionGroups: Set<String>
    /// Where the posts' texts wait as they are read (`ExportChatReader.texts`); nil: in memory.
    package var texts: ScratchFile?

    package init(chatTypes: Set<String> = ExportReader.channelTypes, discussionGroups: Set<String> = []) {
        self.chatTypes = chatTypes
        self.discussionGroups = discussionGroups
    }

    /// Whether the first bytes of an `.html` file are a Desktop export page.
    package static func isExportPage(_ head: Data) -> Bool { DesktopHTMLPage.isExportPage(head) }

    /// The export pages of a folder, or of the folder holding an export page; empty when
    /// `path` is neither.
    package static func pages(of path: String) -> [String] { htmlPages(of: path).export }

    /// The saved web-preview pages of a folder, or the page `path` names.
    package static func previewPages(of path: String) -> [String] {
        if !FileSystem.isDirectory(path) {
            // try?: a page that cannot be read is not a page here; reading it reports the error.
            let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 262_144) } ?? Data()
            return WebPreviewReader.isPreviewPage(head) ? [path] : []
        }
        return htmlPages(of: path).preview
    }

    static func htmlPages(of path: String) -> (export: [String], preview: [String]) {
        let folder = FileSystem.isDirectory(path) ? path : PathName.parent(path)
        guard FileSystem.isDirectory(path) || ["html", "htm"].contains(PathName.extension(path).lowercased()) else { return ([], []) }
        var walk = ContentWalk(excluded: [])
        // A folder that cannot be listed has no pages; the caller says it found none.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []).sorted()
        return walk.htmlPages(in: folder.isEmpty ? "." : folder, names: names)
    }

    /// - Parameters:
    ///   - folder: the export's folder (media paths are relative to it).
    ///   - pages: each page's path as the user should see it, and its bytes.
    package func read(folder: String, pages: [(path: String, data: Data)]) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        // Pages in the order of their first message (files may be renamed or missing), told by
        // a byte search so that pages can be parsed a few at a time and their messages read
        // as they come: an export's messages are never all held at once.
        let keys = pages.map { Self.firstMessageNumber(in: $0.data) ?? Int.max }
        let ordered = pages.indices.sorted { (keys[$0], pages[$0].path) < (keys[$1], pages[$1].path) }.map { pages[$0] }
        let facts = PageFacts()
        let entries = PageEntries(pages: ordered, facts: facts, batch: 2 * ProcessInfo.processInfo.activeProcessorCount)
        var reader = ExportChatReader(path: ordered.first?.path ?? folder, media: ExportMediaResolver(folder: folder.isEmpty ? "." : folder))
        reader.texts = texts
        var dump = reader.read(ExportJSON.Chat(name: nil, type: nil, id: nil), handle: nil, messages: entries)
        var diagnostics = facts.diagnostics
        guard let first = facts.firstPath else {
            diagnostics.append(.warning("an HTML export page with no messages; skipped", at: SourceLocation(path: pages.first?.path ?? folder)))
            return ([], diagnostics)
        }
        let name = facts.chatName
        let proven = facts.saysChannel || facts.hasSignature
        let inAccount = FileSystem.exists(FileSystem.join(PathName.parent(PathName.parent(folder)), "export_results.html"))
        let soleSender = !facts.senders.isEmpty && facts.senders == Set([name ?? ""])
        let isChannel = proven || (soleSender && !inAccount)
        let type = isChannel ? "public_channel" : ExportReader.untypedChat
        // A discussion group is named by the user; a channel never is one.
        let isDiscussion = !isChannel && name.map(discussionGroups.contains) == true
        guard chatTypes.contains(type) || isDiscussion else {
            diagnostics.append(
                .warning(
                    "'\(name ?? "this chat")' is not published: an HTML export does not say what a chat is, and nothing in this one shows "
                        + "a channel (\(Counted.of(facts.senders.count, "sender"))\(inAccount ? ", in a full-account export" : "")); add \"\(ExportReader.untypedChat)\" "
                        + "to 'exportChatTypes' to publish it",
                    at: SourceLocation(path: first)))
            return ([], diagnostics)
        }
        dump.channel.title = name
        dump.isDiscussion = isDiscussion
        dump.diagnostics.insert(
            .note(
                "read as a Telegram Desktop export in HTML (\(Counted.of(facts.pagesWithMessages, "page")), \(Counted.of(facts.messages, "message")))",
                at: SourceLocation(path: first)),
            at: 0)
        if isChannel, !proven {
            dump.diagnostics.insert(
                .note(
                    "published as a channel: every message is sent in its name, as a channel's posts are (an HTML export does not say "
                        + "what a chat is); if it is not a channel, take it out of the content folder",
                    at: SourceLocation(path: first)), at: 1)
        }
        return ([dump], diagnostics)
    }

    /// The number of the first message a page holds (`id="message123"`; date separators'
    /// negative ids skipped), found in its bytes without parsing them; nil when there is none.
    static func firstMessageNumber(in data: Data) -> Int? {
        let marker = Array(#"id="message"#.utf8)
        return data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress, bytes.count > marker.count else { return nil }
            var from = 0
            // memchr from one `i` to the next, then the rest of the marker compared in place.
            while from < bytes.count, let found = memchr(base + from, Int32(marker[0]), bytes.count - from) {
                let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard start + marker.count <= bytes.count, marker.indices.allSatisfy({ bytes[start + $0] == marker[$0] }) else {
                    from = start + 1
                    continue
                }
                var i = start + marker.count
                var number = 0
                var digits = 0
                while i < bytes.count, (0x30...0x39).contains(bytes[i]), digits < 10 {
                    number = number * 10 + Int(bytes[i] - 0x30)
                    digits += 1
                    i += 1
                }
                if digits > 0, i < bytes.count, bytes[i] == 0x22 { return number }
                from = i
            }
            return nil
        }
    }

    /// One page parsed (its tree let go of when this returns), or why it could not be.
    static func parse(_ path: String, _ data: Data) -> (path: String, page: DesktopHTMLPage?, diagnostics: [Diagnostic]) {
        let (document, diagnostics) = HTMLDocument.parse(data, path: path)
        guard let document, document.root != nil else { return (path, nil, diagnostics) }
        // Elements do not keep their document: it is held until the page is read.
        return withExtendedLifetime(document) { (path, DesktopHTMLPage(document: document), diagnostics) }
    }
}
