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
public struct DesktopHTMLReader: Sendable {
    public var chatTypes: Set<String>

    public init(chatTypes: Set<String> = ExportReader.channelTypes) {
        self.chatTypes = chatTypes
    }

    /// Whether the first bytes of an `.html` file are a Desktop export page.
    public static func isExportPage(_ head: Data) -> Bool { DesktopHTMLPage.isExportPage(head) }

    /// The export pages of a folder, or of the folder holding an export page; empty when
    /// `path` is neither.
    public static func pages(of path: String) -> [String] { htmlPages(of: path).export }

    /// The saved web-preview pages of a folder, or the page `path` names.
    public static func previewPages(of path: String) -> [String] {
        if !FileSystem.isDirectory(path) {
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
    public func read(folder: String, pages: [(path: String, data: Data)]) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        let parsed = pages.indices.concurrentMap(chunk: 1) { index in Self.parse(pages[index].path, pages[index].data) }
        var diagnostics = parsed.flatMap(\.diagnostics)
        // Pages in the order of their first message: files may be renamed or missing.
        let ordered = parsed.compactMap { read in read.page.map { (read.path, $0) } }
            .filter { !$0.1.messages.isEmpty }
            .sorted { (Int($0.1.messages[0].message.id) ?? 0, $0.0) < (Int($1.1.messages[0].message.id) ?? 0, $1.0) }
        guard let first = ordered.first else {
            diagnostics.append(.warning("an HTML export page with no messages; skipped", at: SourceLocation(path: pages.first?.path ?? folder)))
            return ([], diagnostics)
        }
        let name = ordered.lazy.compactMap(\.1.chatName).first
        let senders = ordered.reduce(into: Set<String>()) { $0.formUnion($1.1.senders) }
        let proven = ordered.contains { $0.1.saysChannel || $0.1.hasSignature }
        let inAccount = FileSystem.exists(FileSystem.join(PathName.parent(PathName.parent(folder)), "export_results.html"))
        let soleSender = !senders.isEmpty && senders == Set([name ?? ""])
        let isChannel = proven || (soleSender && !inAccount)
        let type = isChannel ? "public_channel" : ExportReader.untypedChat
        guard chatTypes.contains(type) else {
            diagnostics.append(
                .warning(
                    "'\(name ?? "this chat")' is not published: an HTML export does not say what a chat is, and nothing in this one shows "
                        + "a channel (\(senders.count) senders\(inAccount ? ", in a full-account export" : "")); add \"\(ExportReader.untypedChat)\" "
                        + "to 'exportChatTypes' to publish it",
                    at: SourceLocation(path: first.0)))
            return ([], diagnostics)
        }
        let entries = ordered.lazy.flatMap { path, page in
            page.messages.lazy.map { ExportChatReader.Entry(message: .success($0.message), line: $0.line, nextLine: Int.max, path: path) }
        }
        let messageCount = ordered.reduce(0) { $0 + $1.1.messages.count }
        let chat = ExportJSON.Chat(name: name, type: type, id: nil)
        var reader = ExportChatReader(path: first.0, media: ExportMediaResolver(folder: folder.isEmpty ? "." : folder))
        var dump = reader.read(chat, handle: nil, messages: entries)
        dump.diagnostics.insert(
            .note(
                "read as a Telegram Desktop export in HTML (\(ordered.count) pages, \(messageCount) messages)", at: SourceLocation(path: first.0)),
            at: 0)
        if isChannel, !proven {
            dump.diagnostics.insert(
                .note(
                    "published as a channel: every message is sent in its name, as a channel's posts are (an HTML export does not say "
                        + "what a chat is); if it is not a channel, take it out of the content folder",
                    at: SourceLocation(path: first.0)), at: 1)
        }
        return ([dump], diagnostics)
    }

    /// One page parsed (its tree let go of when this returns), or why it could not be.
    static func parse(_ path: String, _ data: Data) -> (path: String, page: DesktopHTMLPage?, diagnostics: [Diagnostic]) {
        let (document, diagnostics) = HTMLDocument.parse(data, path: path)
        guard let document, document.root != nil else { return (path, nil, diagnostics) }
        return (path, DesktopHTMLPage(document: document), diagnostics)
    }
}
