import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

/// One export read from its JSON and from its HTML (written as the client writes it, by
/// `scripts/export-html.py`, in `Fixtures/html-exports/`) gives the same posts: ids, dates,
/// text and formatting, replies, signatures, forwards, reactions, polls, media and placeholders
/// — all but what the HTML does not carry (edits, peer ids, code-block languages, collapsed
/// quotes, media sizes and types).
@Suite struct HTMLExportParityTests {
    static let fixtures = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures")

    static func json(_ name: String) throws -> [Post] {
        let path = fixtures.appendingPathComponent("exports/\(name)/result.json").path
        return ExportReader().read(path: path, data: try Data(contentsOf: URL(fileURLWithPath: path))).dumps.flatMap(\.posts)
    }

    static func html(_ name: String, chatTypes: Set<String> = ExportReader.channelTypes) throws -> (posts: [Post], diagnostics: [Diagnostic]) {
        let folder = fixtures.appendingPathComponent("html-exports/\(name)").path
        let pages = try DesktopHTMLReader.pages(of: folder).map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) }
        let read = DesktopHTMLReader(chatTypes: chatTypes).read(folder: folder, pages: pages)
        return (read.dumps.flatMap(\.posts), read.diagnostics + read.dumps.flatMap(\.diagnostics))
    }

    /// Entity kinds the HTML export writes as markup of their own.
    static let htmlKinds: Set<String> = [
        "plain", "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link", "link", "mention",
        "mention_name", "hashtag", "cashtag", "bot_command", "email", "phone", "blockquote", "custom_emoji",
    ]

    /// What both forms carry, as comparable text (one line per field, so a failure shows it).
    static func comparable(_ post: Post) -> [String] {
        var spans: [String] = []
        for span in post.spans ?? [] {
            // `text_link` and `url` can only be told apart when the text is the target; bank
            // cards and entities the client does not know are plain text in HTML.
            var kind = span.kind == "text_link" && span.href == span.text ? "link" : span.kind
            if !htmlKinds.contains(kind) { kind = "plain" }
            // A mention is told from a link to t.me by its '@'; one without (no client writes it)
            // reads back as that link.
            let toTelegram = kind == "text_link" && (span.href ?? "").hasPrefix("https://t.me/")
            if kind == "mention" || toTelegram, !span.text.hasPrefix("@") { kind = "mention*" }
            if kind == "plain", let last = spans.last, last.hasPrefix("plain:") {
                spans[spans.count - 1] += span.text
            } else {
                spans.append("\(kind):\(span.text)" + (kind == "text_link" ? "→\(span.href ?? "")" : ""))
            }
        }
        let details = post.details
        // A file's own name shows in HTML only for files, and for audio without performer and title.
        let media = post.media.map { file in
            let named = file.kind == .file || (file.kind == .audioFile && (file.performer == nil || file.title == nil))
            return [
                file.kind.name, file.path ?? "-", file.unavailable?.rawValue ?? "", named ? file.fileName ?? "" : "", "\(file.durationSeconds ?? -1)",
            ]
            .joined(separator: "|")
        }
        return [
            "id \(post.messageID ?? "-")", "date \(post.date?.timeIntervalSince1970 ?? -1)", "text \(post.text)",
            "spans \(spans)", "tags \(post.hashtags)", "forward \(post.forwardedFrom ?? "-")", "reply \(post.replyTo ?? "-")",
            "reactions \((post.reactions ?? []).map { "\($0.emoji)\($0.count)" })", "media \(media)",
            "author \(details?.author ?? "-")", "pinned \(details?.pinned ?? false)", "album \(details?.albumIDs ?? [])",
            "poll \(details?.poll.map { "\($0.question) \($0.closed) \($0.totalVoters) \($0.answers.map { "\($0.text)=\($0.voters)\($0.chosen ? "*" : "")" })" } ?? "-")",
            "location \(details?.location.map { "\($0.latitude),\($0.longitude)" } ?? "-")",
            "contact \(details?.contact.map { "\($0.name) \($0.phone ?? "")" } ?? "-")", "local \(details?.dateIsLocal ?? false)",
        ]
    }

    @Test(arguments: ["entities", "media", "album", "replies", "service", "rtl", "overlap-2023", "overlap-2024", "traversal", "old-version"])
    func anExportReadFromHTMLGivesTheSamePostsAsFromJSON(name: String) throws {
        let fromJSON = try Self.json(name).map(Self.comparable)
        let fromHTML = try Self.html(name).posts.map(Self.comparable)
        #expect(fromHTML.count == fromJSON.count)
        for (a, b) in zip(fromJSON, fromHTML) {
            for (field, other) in zip(a, b) where field != other {
                Issue.record("\(name): JSON \(field)\n      HTML \(other)")
            }
        }
    }

    /// Pages of client versions 4.15–5.8 never close a button table: every later message nests
    /// in the one before, and each must still keep only its own text.
    @Test func nestedMessagesFromTheUnclosedButtonTableKeepTheirOwnText() throws {
        let read = try Self.html("buttons")
        #expect(read.posts.map(\.messageID) == ["1", "2", "3", "4"])
        #expect(
            read.posts.map(\.text) == [
                "A post with buttons. Версия 5.8 не закрывала таблицу.", "Second post, nested inside the first by the bug.",
                "Third post, with its own buttons.", "Fourth and last: مرحبا بالعالم",
            ])
        #expect(read.posts[1].details?.author == "Signed Editor" && read.posts[0].details?.author == nil)
        #expect(read.posts[2].reactions == [Reaction(emoji: "❤", count: 4)] && read.posts[3].reactions == nil)
        #expect(read.posts[3].replyTo == "1")
        #expect(read.posts[0].date == Date(timeIntervalSince1970: 1_714_554_000))
    }

    /// The newer kinds as both forms carry them: a to-do list with its done state replayed
    /// from the service sentences, a giveaway and its results, a paid post's stars, the
    /// service lines between posts and a message the client could not export.
    static func kinds(_ post: Post) -> [String] {
        let details = post.details
        let todo = details?.todo.map { list in
            "\(list.title): " + list.items.map { "\($0.id)\($0.done ? "✓" : "·")\($0.text)" }.joined(separator: ", ")
        }
        let giveaway = details?.giveaway.map {
            "\($0.quantity)×\($0.months ?? 0)m \($0.stars ?? 0)★ until \($0.until?.timeIntervalSince1970 ?? -1) \($0.prize ?? "-") "
                + "\($0.countries) new-only \($0.onlyNewSubscribers)"
        }
        // The HTML results name their giveaway and count the winners; their prize is only in JSON.
        let results = details?.giveawayResults.map { "\($0.winners) of \($0.launchID ?? "-")" }
        // "Some winners of the giveaway were randomly selected" gives no count.
        func events(_ list: [ServiceEvent]) -> [String] {
            list.map { "\($0.kind)\($0.kind == .giveawayResults ? "" : " \($0.count ?? -1)") \($0.amount ?? "-")\($0.currency ?? "")" }
        }
        return [
            "id \(post.messageID ?? "-")", "text \(post.text)", "todo \(todo ?? "-")", "giveaway \(giveaway ?? "-")",
            "results \(results ?? "-")", "paid \(details?.paidStars ?? -1)", "before \(events(details?.eventsBefore ?? []))",
            "after \(events(details?.eventsAfter ?? []))",
        ]
    }

    @Test func theNewerKindsReadFromHTMLAsFromJSON() throws {
        let fromJSON = try Self.json("kinds").map(Self.kinds)
        let fromHTML = try Self.html("kinds").posts.map(Self.kinds)
        #expect(fromHTML == fromJSON)
        // The fixture has every kind: a failure above is not an empty match.
        let joined = fromHTML.flatMap { $0 }.joined(separator: "\n")
        for part in [
            "1✓Write the notes", "2·Record the video", "4✓Thank the volunteers", "3×12m", "[\"DE\", \"FR\"]", "3 of 8", "paid 25",
            "boost 4", "starGift 500", "giveawayLaunch", "suggestedPostApproved -1 250Stars", "suggestedPostRefunded", "notExported",
        ] {
            #expect(joined.contains(part), "\(part)")
        }
    }

    @Test func theOlderDivReactionsReadAsTheNewerSpans() throws {
        #expect(try Self.html("rtl-old-reactions").posts.map(Self.comparable) == Self.json("rtl").map(Self.comparable))
    }

    @Test func aChatWhoseMarkupShowsNoChannelIsNeverPublished() throws {
        let group = try Self.html("group")
        #expect(group.posts.isEmpty)
        #expect(group.diagnostics.contains { $0.severity == .warning && $0.message.contains("'Friends Group' is not published") })
        #expect(try Self.html("group", chatTypes: ["unknown"]).posts.count == 2)
        // In a full-account export every chat needs proof: a personal chat whose messages are
        // all from the other person looks like a channel otherwise.
        for chat in ["chat_01", "chat_02", "chat_03"] {
            #expect(try Self.html("account/chats/\(chat)").posts.isEmpty, "\(chat)")
        }
    }

    /// A hostile page nesting each message inside the text and media of the one before: every
    /// post keeps only its own words (each read alone), however deep the nesting goes.
    @Test func messagesNestedInsideTextAndMediaKeepOnlyTheirOwnWords() {
        var page = "<html><body><div class=\"page_wrap\"><div class=\"page_header\"><div class=\"text bold\">Deep </div></div><div class=\"history\">"
        for id in 1...2000 {
            page += "<div class=\"message default clearfix\" id=\"message\(id)\"><div class=\"body\"><div class=\"from_name\">Deep</div>"
            page += "<div class=\"media_wrap clearfix\"><div class=\"reactions\"><div class=\"text\">word\(id) "
        }
        let read = DesktopHTMLReader().read(folder: "n", pages: [("n/messages.html", Data(page.utf8))])
        let posts = read.dumps.flatMap(\.posts)
        #expect(posts.count == 2000)
        #expect(posts.allSatisfy { $0.text == "word\($0.messageID ?? "") " })
    }

    @Test func deepNestingAndBrokenMarkupNeverCrashAndKeepWhatTheyCan() throws {
        let head = "<html><body><div class=\"page_wrap\"><div class=\"page_header\"><div class=\"text bold\">Deep </div></div><div class=\"history\">"
        var deep = head
        for id in 1...3000 {
            deep += "<div class=\"message default clearfix\" id=\"message\(id)\"><div class=\"body\"><div class=\"from_name\">Deep </div>"
            deep += "<div class=\"text\">post \(id)</div><table class=\"bot_buttons_table\"><tbody><tr><td>"
        }
        let read = DesktopHTMLReader().read(folder: "deep", pages: [("deep/messages.html", Data(deep.utf8))])
        let posts = read.dumps.flatMap(\.posts)
        #expect(posts.count == 3000)
        #expect(posts.last?.text == "post 3000")
        let page = head + "<div class=\"message default\" id=\"message7\"><div class=\"from_name\">Deep</div><div class=\"text\">x<<<>>\u{0}&#1;</"
        let broken = DesktopHTMLReader().read(folder: "b", pages: [("b/messages.html", Data(page.utf8))])
        #expect(broken.dumps.flatMap(\.posts).first?.text.contains("x") == true)
    }
}
