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
}
