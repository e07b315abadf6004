import Foundation
import Testing

@testable import ChansiteModel

@Suite struct PostTextTests {
    static func post(_ text: String) -> Post {
        Post(text: text, source: SourceRange(path: "a.txt", firstLine: 1, lastLine: 1))
    }

    /// The body under a heading cut from the text's first line, compared as bytes.
    @Test func theBodyIsWhatFollowsTheHeadingLine() {
        for (text, heading, body) in [
            ("Title\nBody", "Title", "Body"), ("Title", "Title", ""), ("Заголовок\n\nТекст\n\n", "Заголовок", "Текст"),
            ("Title2\nx", "Title", "Title2\nx"), ("Title\r\nBody", "Title", "Title\r\nBody"), ("Title\n\n", "Title", ""),
            ("é\u{301}\nb", "é\u{301}", "b"), ("Tit", "Title", "Tit"), ("Title\n\u{2028}x\u{85}", "Title", "x"),
        ] {
            #expect(Self.post(text).body(below: heading) == body, "\(text)")
        }
    }
}
