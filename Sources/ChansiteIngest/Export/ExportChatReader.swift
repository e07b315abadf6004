import ChansiteCore
import ChansiteModel
import Foundation

/// Turns one chat of an export into a parsed dump: messages become posts (an album's messages
/// one post), service messages mark pins or are left out with a note, and every media path is
/// resolved inside the export.
struct ExportChatReader {
    static let format = "telegram_desktop_export"

    let path: String
    let media: ExportMediaResolver
    /// Where `JSONRepair` replaced bytes, in file order: each is said for the message holding it.
    let repairs: [JSONRepair.Repair]
    /// The file of the message being read (diagnostics and sources name it).
    var currentPath: String?
    var notes = OnceNotes()
    /// The chat's name: a message sent by anyone else names its sender.
    var chatName: String?
    /// Where the posts' texts wait as they are made (`Post.spillTexts`), a batch at a time:
    /// held until the whole chat was read, a large channel's texts were the parse's peak.
    var texts: ScratchFile?

    /// How many posts are made between two writes of their texts to `texts`.
    static let spillBatch = 256

    /// One message as the reader is given it: decoded or why not, where it starts (0: unknown)
    /// and where the next one starts (repairs between the two are said for this one).
    struct Entry {
        var message: Result<ExportJSON.Message, any Error>
        var line: Int
        var nextLine: Int
        /// The file it comes from when a chat spans several (an HTML export's pages); nil: `path`.
        var path: String?
        /// The message's out-of-range values and the post it makes alone, when they were found
        /// ahead of the reader (`draft`); nil: the reader finds them.
        var problems: [String]?
        var draft: Draft?
    }

    init(path: String, media: ExportMediaResolver, repairs: [JSONRepair.Repair] = []) {
        self.path = path
        self.media = media
        self.repairs = repairs
    }

    /// The repairs made between `line` and the next message's line, said for message `id`.
    func repairNotes(from line: Int, to next: Int, id: String, cursor: inout Int) -> [Diagnostic] {
        while cursor < repairs.count, repairs[cursor].line < line { cursor += 1 }
        var kinds: [JSONRepair.Kind] = []
        while cursor < repairs.count, repairs[cursor].line < next {
            if !kinds.contains(repairs[cursor].kind) { kinds.append(repairs[cursor].kind) }
            cursor += 1
        }
        guard !kinds.isEmpty else { return [] }
        let what = kinds.map(\.description).joined(separator: " and ")
        return [.warning("message \(id): \(what) in its text replaced with U+FFFD", at: location(line))]
    }

    /// Reads the messages as they come, one album at most held at a time: a large export's
    /// messages are never all decoded at once.
    mutating func read(_ chat: ExportJSON.Chat, handle: String?, messages: some Sequence<Entry>) -> ParsedDump {
        let channelID = chat.id?.text
        chatName = chat.name
        var parsed = ParsedDump(
            path: path, format: Self.format, channel: ChannelInfo(title: chat.name, handle: handle, channelID: channelID))
        var albums = ExportAlbums.Runs<(line: Int, path: String?, draft: Draft?)>()
        var pinned = Set<String>()
        var services: [String: Int] = [:]
        var rejectedFields = 0
        var repairCursor = 0
        var seenIDs = Set<String>()
        var kinds = KindState()
        var spilled = 0
        func add(_ run: ExportAlbums.Run<(line: Int, path: String?, draft: Draft?)>?) {
            guard let run else { return }
            currentPath = run.first.path
            if run.messages.count == 1, let draft = run.first.draft {
                notes.add(draft.notes)
                parsed.posts.append(draft.post)
            } else {
                parsed.posts.append(makePost(run.messages, line: run.first.line))
            }
            Self.registerTodo(at: parsed.posts.count - 1, of: parsed.posts, state: &kinds)
            // Posts placed or changed later (events, pins, to-do lists) read a spilled text back.
            if let texts, parsed.posts.count - spilled >= Self.spillBatch {
                Post.spillTexts(of: &parsed.posts, from: spilled, into: texts)
                spilled = parsed.posts.count
            }
        }
        for (index, entry) in messages.enumerated() {
            let line = entry.line
            currentPath = entry.path
            switch entry.message {
            case .failure(let malformed as ExportJSON.MalformedMessage):
                parsed.diagnostics.append(
                    .error(
                        "malformed JSON (\(malformed.reason)) in message \(index + 1) of \(chat.name ?? "the chat"); that message is skipped, the rest are read",
                        at: SourceLocation(path: currentPath ?? path, line: malformed.line, column: malformed.column)))
            case .failure(let error):
                parsed.diagnostics.append(
                    .warning(
                        "message \(index + 1) of \(chat.name ?? "the chat") cannot be read (\(ExportJSON.describe(error))); skipped",
                        at: location(line)))
            case .success(var message):
                message.rejected += entry.problems ?? Self.rangeProblems(of: message)
                for reason in message.rejected {
                    parsed.diagnostics.append(.warning("message \(message.id): \(reason)", at: location(line)))
                }
                rejectedFields += message.rejected.count
                if message.hasValidID, !seenIDs.insert(message.id).inserted {
                    parsed.diagnostics.append(
                        .warning("message \(message.id) appears twice in this chat; both are kept, each at its own address", at: location(line)))
                }
                if line > 0 {
                    parsed.diagnostics += repairNotes(from: line, to: entry.nextLine, id: message.id, cursor: &repairCursor)
                }
                for key in message.unknownKeys {
                    notes.add("unknown message key '\(key)' ignored", at: location(line))
                }
                switch message.type {
                case "message":
                    kinds.messageKinds[Self.kind(of: message), default: 0] += 1
                    add(albums.add(message, (line, entry.path, entry.draft)))
                case "service":
                    // A service message ends any album (its messages have consecutive ids).
                    if let event = Self.event(of: message, date: Self.date(message.dateUnixtime, local: message.date).date) {
                        add(albums.finish())
                        Self.place(event, in: &parsed.posts, state: &kinds)
                    } else if message.action == "todo_completions" || message.action == "todo_append_tasks" {
                        add(albums.finish())
                        Self.replayTodo(message, in: &parsed.posts, state: &kinds)
                    }
                    if message.action == "pin_message", let target = message.actionMessageID { pinned.insert(target) }
                    // Messages run oldest first: the last new photo is the channel's picture.
                    if message.action == "edit_group_photo", let photo = message.photo, case .file(let found) = media.resolve(photo) {
                        parsed.channel.avatar = MediaFile(kind: .photo, path: photo, sourcePath: found)
                    }
                    services[message.action ?? "unknown", default: 0] += 1
                case "unsupported":
                    // A story, a dice roll, …: noted where it was.
                    kinds.messageKinds["unsupported", default: 0] += 1
                    add(albums.finish())
                    Self.place(ServiceEvent(kind: .notExported), in: &parsed.posts, state: &kinds)
                default:
                    notes.add("unknown message type '\(message.type)' ignored", at: location(line))
                }
            }
        }
        add(albums.finish())
        if !kinds.pendingBefore.isEmpty, !parsed.posts.isEmpty {
            var details = parsed.posts[0].details ?? PostDetails()
            details.eventsBefore = kinds.pendingBefore
            parsed.posts[0].details = details
        }
        if !kinds.messageKinds.isEmpty {
            let listed = kinds.messageKinds.keys.sorted().map { "\($0) ×\(kinds.messageKinds[$0] ?? 0)" }.joined(separator: ", ")
            parsed.diagnostics.append(.note("messages by kind: \(listed)", at: SourceLocation(path: path)))
        }
        // A pin is a service message after the post it pins.
        for index in parsed.posts.indices {
            let post = parsed.posts[index]
            if pinned.contains(post.messageID ?? "") || (post.details?.albumIDs ?? []).contains(where: pinned.contains) {
                var details = post.details ?? PostDetails()
                details.pinned = true
                parsed.posts[index].details = details
            }
        }
        if rejectedFields > 0 {
            parsed.diagnostics.append(
                .warning(
                    "\(Counted.of(rejectedFields, "field")) of this chat's messages left out or repaired (each named above)",
                    at: SourceLocation(path: path)))
        }
        if !services.isEmpty {
            let kinds = services.keys.sorted().map { "\($0) ×\(services[$0] ?? 0)" }.joined(separator: ", ")
            parsed.diagnostics.append(
                .note(
                    "\(Counted.of(services.values.reduce(0, +), "service message")) \(Counted.verb(services.values.reduce(0, +))) not posts (\(kinds)); pins mark their posts",
                    at: SourceLocation(path: path)
                ))
        }
        parsed.diagnostics += notes.diagnostics
        if let texts { Post.spillTexts(of: &parsed.posts, from: spilled, into: texts) }
        return parsed
    }

    func location(_ line: Int) -> SourceLocation {
        SourceLocation(path: currentPath ?? path, line: line > 0 ? line : nil)
    }

    /// A post from one message, or from the messages of one album.
    mutating func makePost(_ album: [ExportJSON.Message], line: Int) -> Post {
        let first = album[0]
        let captioned = album.first { !$0.text.isEmpty } ?? first
        let spans = captioned.text.map { part in
            TextSpan(kind: part.type, text: part.text, href: part.href, language: part.language, collapsed: part.collapsed ?? false)
        }
        for span in spans where !TextSpan.knownKinds.contains(span.kind) {
            notes.add("unknown text entity '\(span.kind)' shown as plain text", at: location(line))
        }
        var details = PostDetails()
        details.edited = album.compactMap { Self.date($0.editedUnixtime, local: $0.edited).date }.max()
        details.repliesElsewhere = first.replyToPeer != nil
        details.author = first.author
        // A channel's posts come from the channel; a group's messages from its members.
        if let from = first.from, !from.isEmpty, from != chatName { details.sender = from }
        details.viaBot = first.viaBot
        details.forwardedFromID = first.forwardedFromID
        details.albumIDs = album.dropFirst().filter(\.hasValidID).map(\.id)
        details.forwardedDate = first.forwardedDate.flatMap(InputRange.date(unixTime:))
        details.poll = first.poll.map(Self.poll)
        details.todo = first.todoList.map(Self.todo)
        details.giveaway = first.giveaway.map(Self.giveaway)
        details.giveawayResults = first.giveawayResults.map(Self.results)
        details.paidStars = first.paidStars
        if let location = first.location, let latitude = location.latitude, let longitude = location.longitude,
            InputRange.latitude.contains(latitude), InputRange.longitude.contains(longitude)
        {
            details.location = .init(latitude: latitude, longitude: longitude, placeName: first.placeName, address: first.address)
        }
        if let contact = first.contact {
            let name = [contact.firstName, contact.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            details.contact = .init(name: name, phone: contact.phoneNumber)
        }
        let (date, isLocal) = Self.date(first.dateUnixtime, local: first.date)
        if isLocal, first.dateUnixtime == nil {
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
            messageID: first.hasValidID ? first.id : nil,
            replyTo: first.replyToPeer == nil ? first.replyTo : nil,
            source: SourceRange(path: currentPath ?? path, firstLine: line, lastLine: line))
        post.spans = spans
        post.details = details.isEmpty ? nil : details
        return post
    }

    /// The instant of `unixtime`; else the local wall-clock `date`, read as if it were UTC.
    static func date(_ unixtime: String?, local: String?) -> (date: Date?, isLocal: Bool) {
        if let unixtime, let date = InputRange.date(unixTime: unixtime) { return (date, false) }
        guard let local, let parsed = localDate(local) else { return (nil, false) }
        return (parsed, true)
    }

    /// A wall-clock `date` within years 1–9999; nil when it is not one (the caller says so).
    static func localDate(_ text: String) -> Date? {
        // A date that does not parse is reported by `dateProblems`, so the error itself adds nothing.
        guard let parsed = try? Date(text, strategy: localDateStyle), InputRange.contains(parsed) else { return nil }
        return parsed
    }

    /// The message's values that are present but out of range: dates outside years 1–9999,
    /// counts that are not Telegram's, coordinates off the globe.
    static func rangeProblems(of message: ExportJSON.Message) -> [String] {
        var problems: [String] = []
        var counts = message.reactions.compactMap { $0.count.map { ("reaction count", $0) } }
        if let poll = message.poll {
            counts +=
                (poll.totalVoters.map { [("poll total_voters", $0)] } ?? [])
                + (poll.answers ?? []).compactMap { $0.voters.map { ("poll voters", $0) } }
        }
        for (name, value) in counts where ExportJSON.integer(value.text, in: InputRange.count) == nil {
            problems.append("\(name) \(ExportJSON.FieldReader.shown(value.text)) is not a count; counted as 0")
        }
        if let location = message.location, let latitude = location.latitude, let longitude = location.longitude,
            !InputRange.latitude.contains(latitude) || !InputRange.longitude.contains(longitude)
        {
            problems.append("'location_information' (\(latitude), \(longitude)) is not a place on Earth; left out")
        }
        for (key, unixtime, local) in [
            ("date", message.dateUnixtime, message.date), ("edited", message.editedUnixtime, message.edited),
        ] {
            if let unixtime, InputRange.date(unixTime: unixtime) == nil {
                problems.append("'\(key)_unixtime' \(ExportJSON.FieldReader.shown(unixtime)) is not a time within years 1–9999; left out")
            }
            if let local, localDate(local) == nil {
                problems.append("'\(key)' \(ExportJSON.FieldReader.shown(local)) is not a date within years 1–9999; left out")
            }
        }
        return problems
    }

    static let localDateStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current)
        .year().month().day().dateTimeSeparator(.standard).time(includingFractionalSeconds: false)

    static func reaction(_ reaction: ExportJSON.Reaction) -> Reaction? {
        guard let raw = reaction.count?.text, let count = ExportJSON.integer(raw, in: InputRange.count), count > 0 else { return nil }
        switch reaction.type {
        case "paid": return Reaction(emoji: "⭐", count: count)
        default:
            // A custom emoji's export names only its sticker file: shown by a generic sparkle.
            return Reaction(emoji: reaction.emoji ?? "✨", count: count)
        }
    }

    /// The poll, its counts kept within `InputRange.count` (anything else counts as 0).
    static func poll(_ poll: ExportJSON.Poll) -> PostDetails.Poll {
        func count(_ value: ExportJSON.Flexible?) -> Int { value.flatMap { ExportJSON.integer($0.text, in: InputRange.count) } ?? 0 }
        return PostDetails.Poll(
            question: poll.question.map { $0.parts.map(\.text).joined() } ?? "",
            closed: poll.closed ?? false, totalVoters: count(poll.totalVoters),
            answers: (poll.answers ?? []).map {
                .init(text: $0.text.map { $0.parts.map(\.text).joined() } ?? "", voters: count($0.voters), chosen: $0.chosen ?? false)
            })
    }
}
