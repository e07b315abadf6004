import ChansiteCore
import ChansiteModel
import Foundation

/// One page (`messages*.html`) of a Telegram Desktop HTML export, read into the same message
/// values the JSON reader decodes, so both forms become posts through one path
/// (`ExportChatReader`). The markup is the client's (docs/formats-html.md): messages are found
/// by a descendant search and detached from each other before each is read (client versions
/// 4.15–5.8 never close a bot-button table, so every later message of the file nests in the one
/// before).
struct DesktopHTMLPage {
    /// The chat's name from the page header (the client adds a trailing space; trimmed).
    var chatName: String?
    /// The messages in document order, each with the line it starts on.
    var messages: [(message: ExportJSON.Message, line: Int)] = []
    /// The senders of messages that are not forwards, as the page shows them.
    var senders: Set<String> = []
    /// True when a service message says the chat is a channel ("Channel «…» created").
    var saysChannel = false
    /// True when a post carries an author's signature (only channel posts do).
    var hasSignature = false

    /// Whether `data` looks like a page of a Telegram Desktop HTML export (its first bytes).
    static func isExportPage(_ head: Data) -> Bool {
        let text = String(decoding: head.prefix(65_536), as: UTF8.self)
        return text.contains("class=\"page_wrap\"") && (text.contains("class=\"history\"") || text.contains("chat_page"))
    }

    init(document: HTMLDocument) {
        guard let root = document.root else { return }
        let all = root.descendants()
        if let header = all.first(where: { $0.hasClass("page_header") }) {
            let name = (header.first(class: "text") ?? header).text.trimmingCharacters(in: .whitespacesAndNewlines)
            chatName = name.isEmpty ? nil : name
        }
        var sender: String?
        let records = all.filter { $0.isTag("div") && $0.hasClass("message") }
        // Client versions 4.15–5.8 nest every later message in the one before; taken apart,
        // each message's own walks see only itself.
        document.detach(records)
        for element in records {
            guard let rawID = element.attribute("id"), rawID.hasPrefix("message") else { continue }
            let id = String(rawID.dropFirst("message".count))
            // Date separators carry negative ids: they are not messages.
            if id.hasPrefix("-") { continue }
            let parts = Self.ownParts(of: element)
            if element.hasClass("service") {
                messages.append((service(id: id, parts: parts), element.line))
            } else {
                var message = DesktopHTMLMessage(id: id, parts: parts, sender: sender).message
                if element.hasClass("joined") == false, let from = message.from { sender = from }
                message.from = message.from ?? sender
                if message.forwardedFrom == nil, let from = message.from { senders.insert(from) }
                if message.author != nil { hasSignature = true }
                messages.append((message, element.line))
            }
        }
    }

    /// The elements of a message: everything below it (messages were detached from each other,
    /// so none holds another's).
    static func ownParts(of message: HTMLElement) -> [HTMLElement] {
        message.descendants()
    }

    /// A service message: pins name their target; channel changes prove a channel; the
    /// sentences chansite shows or replays are read back (`DesktopHTMLService`); the rest are
    /// counted by kind.
    mutating func service(id: String, parts: [HTMLElement]) -> ExportJSON.Message {
        guard let body = parts.first(where: { $0.hasClass("body") }) else { return ExportJSON.Message(id: id, type: "service") }
        let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("This message is not supported") { return ExportJSON.Message(id: id, type: "unsupported") }
        var message = ExportJSON.Message(id: id, type: "service")
        let link = parts.first { $0.isTag("a") && ($0.attribute("href") ?? "").contains("go_to_message") }
        if text.contains(" pinned "), let link, let target = Self.messageNumber(in: link.attribute("href") ?? "") {
            message.action = "pin_message"
            message.actionMessageID = target
        } else if text.hasPrefix("Channel photo changed"),
            let photo = parts.first(where: { $0.isTag("a") && $0.hasClass("userpic_link") })?.attribute("href")
        {
            // The new photo, linked from its userpic, as the JSON export's `edit_group_photo`.
            saysChannel = true
            message.action = "edit_group_photo"
            message.photo = photo
        } else if text.hasPrefix("Channel «") || text.hasPrefix("Channel title changed") || text.hasPrefix("Channel photo changed") {
            saysChannel = true
            message.action = text.hasSuffix("created") ? "create_channel" : "edit_channel"
        } else if !DesktopHTMLService.read(text, into: &message) {
            message.action = "other"
        }
        // A to-do list's completions link the list they change.
        if message.action == "todo_completions", let link, let target = Self.messageNumber(in: link.attribute("href") ?? "") {
            message.replyTo = target
        }
        return message
    }

    /// The message number a `#go_to_message72` (or `messages2.html#go_to_message72`) link names.
    static func messageNumber(in href: String) -> String? {
        guard let range = href.range(of: "go_to_message") else { return nil }
        let digits = href[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return ExportJSON.integer(String(digits), in: InputRange.messageID).map(String.init)
    }
}
