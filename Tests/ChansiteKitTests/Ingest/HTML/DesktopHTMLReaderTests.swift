import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// Pages are ordered by their first message, found in their bytes before any is parsed.
struct DesktopHTMLReaderTests {
    @Test func theFirstMessageNumberSkipsDateSeparatorsAndOtherIds() {
        let page = #"<div class="message service" id="message-1"><div id="messages"></div><div class="message default" id="message72">"#
        #expect(DesktopHTMLReader.firstMessageNumber(in: Data(page.utf8)) == 72)
        #expect(DesktopHTMLReader.firstMessageNumber(in: Data(#"<div id="message-5"></div><i>id="message12x"</i>"#.utf8)) == nil)
        #expect(DesktopHTMLReader.firstMessageNumber(in: Data()) == nil)
        #expect(DesktopHTMLReader.firstMessageNumber(in: Data(#"id="message"#.utf8)) == nil)
    }

    @Test func pagesAreReadInMessageOrderWhateverTheirNames() throws {
        func page(_ ids: ClosedRange<Int>) -> Data {
            let messages = ids.map { id in
                """
                <div class="message default clearfix" id="message\(id)"><div class="body"><div class="pull_right date details" \
                title="01.01.2024 10:00:0\(id % 10) UTC+00:00">10:00</div><div class="from_name">Chan</div>\
                <div class="text">post \(id)</div></div></div>
                """
            }
            return Data(
                ("<html><body><div class=\"page_wrap\"><div class=\"page_header\"><div class=\"text bold\">Chan</div></div>"
                    + "<div class=\"history\">" + messages.joined() + "</div></div></body></html>").utf8)
        }
        let pages = [("export/b.html", page(1...3)), ("export/a.html", page(7...9)), ("export/index.html", page(4...6))]
        let read = DesktopHTMLReader().read(folder: "export", pages: pages.map { (path: $0.0, data: $0.1) })
        let posts = try #require(read.dumps.first?.posts)
        #expect(posts.map(\.text) == (1...9).map { "post \($0)" })
        #expect(read.dumps.first?.channel.title == "Chan")
        #expect(read.dumps.first?.diagnostics.first?.message.contains("(3 pages, 9 messages)") == true)
    }

    /// The newer kinds in the client's HTML: a giveaway's sections, its results (counts and the
    /// giveaway's message; the "Winners" section names people and is never read), a to-do list
    /// written as a poll, and media of a kind the reader does not know said, not dropped.
    @Test func giveawaysTodoListsAndUnknownMediaInHTML() throws {
        func message(_ id: Int, _ media: String, text: String = "") -> String {
            """
            <div class="message default clearfix" id="message\(id)"><div class="body"><div class="pull_right date details" \
            title="01.03.2025 10:00:0\(id) UTC+00:00">10:00</div><div class="from_name">Chan</div>\
            <div class="media_wrap clearfix">\(media)</div><div class="text">\(text)</div></div></div>
            """
        }
        let giveaway = """
            <div class="media_giveaway"><div class="section_title bold">Giveaway Prizes</div><div class="section_body"><b>3</b> A signed poster</div>\
            <div class="section_title bold">with</div><div class="section_body"><b>3</b> Telegram Premium Subscriptions for <b>12</b> months.</div>\
            <div class="section_title bold">Participants</div><div class="section_body">All users who joined the channel below after this date:<b>Chan</b></div>\
            <div class="section_body">from 🇩🇪\t DE and 🇫🇷\t FR</div><div class="section_title bold">Winners Selection Date</div>\
            <div class="section_body">Mar 20, 2025</div></div>
            """
        let results = """
            <div class="media_giveaway"><div class="section_title bold">Winners Selected!</div><div class="section_body"><b>3</b> winners of the \
            <a href="#go_to_message1" onclick="return GoToMessage(1)">Giveaway</a> was randomly selected by Telegram.</div>\
            <div class="section_title bold">Winners</div><div class="section_body"><b>Secret Winner</b>, <b>Other Person</b> and 1 more!</div></div>
            """
        let todo = """
            <div class="media_poll"><div class="question bold">Spring launch</div><div class="details">To-do List</div>\
            <div class="answer">- Write the notes</div><div class="answer">- Record the video</div></div>
            """
        let body = [
            message(1, giveaway, text: "Win!"), message(2, results), message(3, todo), message(4, #"<div class="media_future_thing">?</div>"#),
        ]
        let page = Data(
            ("<html><body><div class=\"page_wrap\"><div class=\"page_header\"><div class=\"text bold\">Chan</div></div>"
                + "<div class=\"history\">" + body.joined() + "</div></div></body></html>").utf8)
        let read = DesktopHTMLReader().read(folder: "export", pages: [(path: "export/messages.html", data: page)])
        let posts = try #require(read.dumps.first?.posts)
        #expect(posts.count == 4)
        let start = try #require(posts[0].details?.giveaway)
        #expect(start.quantity == 3)
        #expect(start.months == 12)
        #expect(start.prize == "A signed poster")
        #expect(start.countries == ["DE", "FR"])
        #expect(start.onlyNewSubscribers)
        #expect(start.channelCount == 1)
        let end = try #require(posts[1].details?.giveawayResults)
        #expect(end.winners == 3)
        #expect(end.launchID == "1")
        #expect(!"\(posts)".contains("Secret Winner"))
        let list = try #require(posts[2].details?.todo)
        #expect(list.title == "Spring launch")
        #expect(list.items.map(\.text) == ["Write the notes", "Record the video"])
        #expect(posts[2].details?.poll == nil)
        let warnings = (read.dumps.first?.diagnostics ?? []).map(\.message)
        #expect(warnings.contains { $0.contains("media of a kind this reader does not know ('media_future_thing')") }, "\(warnings)")
    }
}
