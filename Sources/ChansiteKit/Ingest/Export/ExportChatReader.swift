import Foundation

/// Turns one chat of an export into a parsed dump: messages become posts (an album's messages
/// one post), service messages mark pins or are left out with a note, and every media path is
/// resolved inside the export.
struct ExportChatReader {
    static let format = "telegram_desktop_export"

    let path: String
    let media: ExportMediaResolver
    /// The line of each message in `result.json`, when the scan matched the decoded list.
    let lines: [Int]?
    var notes = OnceNotes()

    init(path: String, media: ExportMediaResolver, lines: [Int]?) {
        self.path = path
        self.media = media
        self.lines = lines
    }

    mutating func read(_ chat: ExportJSON.Chat, handle: String?) -> ParsedDump {
        let channelID = chat.id?.text
        var parsed = ParsedDump(
            path: path, format: Self.format, channel: ChannelInfo(title: chat.name, handle: handle, channelID: channelID))
        var messages: [(ExportJSON.Message, line: Int)] = []
        var pinned = Set<String>()
        var services: [String: Int] = [:]
        for (index, entry) in chat.messages.enumerated() {
            let line = lines?[index] ?? 0
            switch entry.value {
            case .failure(let error):
                parsed.diagnostics.append(
                    .warning(
                        "message \(index + 1) of \(chat.name ?? "the chat") cannot be read (\(Self.describe(error))); skipped", at: location(line)))
            case .success(let message):
                for key in message.unknownKeys {
                    notes.add("unknown message key '\(key)' ignored", at: location(line))
                }
                switch message.type {
                case "message":
                    messages.append((message, line))
                case "service":
                    if message.action == "pin_message", let target = message.actionMessageID { pinned.insert(target) }
                    services[message.action ?? "unknown", default: 0] += 1
                case "unsupported":
                    notes.add("a message Telegram Desktop could not export ('unsupported') left out", at: location(line))
                default:
                    notes.add("unknown message type '\(message.type)' ignored", at: location(line))
                }
            }
        }
        if !services.isEmpty {
            let kinds = services.keys.sorted().map { "\($0) ×\(services[$0] ?? 0)" }.joined(separator: ", ")
            parsed.diagnostics.append(
                .note(
                    "\(services.values.reduce(0, +)) service messages are not posts (\(kinds)); pins mark their posts", at: SourceLocation(path: path)
                ))
        }
        for group in ExportAlbums.group(messages.map(\.0)) {
            let line = messages[group.lowerBound].line
            var post = makePost(messages[group].map(\.0), line: line, channelID: channelID)
            if pinned.contains(post.messageID ?? "") || (post.details?.albumIDs ?? []).contains(where: pinned.contains) {
                post.details?.pinned = true
            }
            parsed.posts.append(post)
        }
        parsed.diagnostics += notes.diagnostics
        return parsed
    }

    func location(_ line: Int) -> SourceLocation {
        SourceLocation(path: path, line: line > 0 ? line : nil)
    }

    static func describe(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "no '\(key.stringValue)'" }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }

    /// A post from one message, or from the messages of one album.
    mutating func makePost(_ album: [ExportJSON.Message], line: Int, channelID: String?) -> Post {
        let first = album[0]
        let captioned = album.first { !$0.text.isEmpty } ?? first
        let spans = captioned.text.map { part in
            TextSpan(kind: part.type, text: part.text, href: part.href, language: part.language, collapsed: part.collapsed ?? false)
        }
        for span in spans where !TextSpan.knownKinds.contains(span.kind) {
            notes.add("unknown text entity '\(span.kind)' shown as plain text", at: location(line))
        }
        var details = PostDetails(channelID: channelID)
        details.edited = album.compactMap { Self.date($0.editedUnixtime, local: $0.edited).date }.max()
        details.author = first.author
        details.viaBot = first.viaBot
        details.forwardedFromID = first.forwardedFromID
        details.albumIDs = album.dropFirst().map(\.id)
        details.poll = first.poll.map(Self.poll)
        if let location = first.location, let latitude = location.latitude, let longitude = location.longitude {
            details.location = .init(latitude: latitude, longitude: longitude, placeName: first.placeName, address: first.address)
        }
        if let contact = first.contact {
            let name = [contact.firstName, contact.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            details.contact = .init(name: name, phone: contact.phoneNumber)
        }
        let (date, isLocal) = Self.date(first.dateUnixtime, local: first.date)
        if isLocal {
            details.dateIsLocal = true
            notes.add(
                "no 'date_unixtime' (an export from before mid-2022): dates are the exporting machine's local time, shown as written",
                at: location(line))
        }
        var hashtags: [String] = []
        for span in spans where span.kind == "hashtag" && !hashtags.contains(span.text) { hashtags.append(span.text) }
        var post = Post(
            text: spans.map(\.text).joined(),
            hashtags: hashtags,
            forwardedFrom: first.forwardedFrom ?? first.savedFrom,
            reactions: first.reactions.isEmpty ? nil : first.reactions.compactMap(Self.reaction),
            date: date,
            media: album.flatMap { mediaFiles(of: $0, line: line) },
            messageID: first.id,
            replyTo: first.replyToPeer == nil ? first.replyTo : nil,
            source: SourceRange(path: path, firstLine: line, lastLine: line))
        post.spans = spans
        post.details = details
        return post
    }

    /// The instant of `unixtime`; else the local wall-clock `date`, read as if it were UTC.
    static func date(_ unixtime: String?, local: String?) -> (date: Date?, isLocal: Bool) {
        if let unixtime, let seconds = Double(unixtime) { return (Date(timeIntervalSince1970: seconds), false) }
        guard let local, let parsed = try? Date(local, strategy: localDateStyle) else { return (nil, false) }
        return (parsed, true)
    }

    static let localDateStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current)
        .year().month().day().dateTimeSeparator(.standard).time(includingFractionalSeconds: false)

    static func reaction(_ reaction: ExportJSON.Reaction) -> Reaction? {
        guard let count = reaction.count, count > 0 else { return nil }
        switch reaction.type {
        case "paid": return Reaction(emoji: "⭐", count: count)
        default:
            // A custom emoji's export names only its sticker file: shown by a generic sparkle.
            return Reaction(emoji: reaction.emoji ?? "✨", count: count)
        }
    }

    static func poll(_ poll: ExportJSON.Poll) -> PostDetails.Poll {
        PostDetails.Poll(
            question: poll.question.map { $0.parts.map(\.text).joined() } ?? "",
            closed: poll.closed ?? false, totalVoters: poll.totalVoters ?? 0,
            answers: (poll.answers ?? []).map {
                .init(text: $0.text.map { $0.parts.map(\.text).joined() } ?? "", voters: $0.voters ?? 0, chosen: $0.chosen ?? false)
            })
    }
}
