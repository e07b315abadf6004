import Foundation
import Testing

@testable import ChansiteCore
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

    /// A build lets long texts wait in its scratch file: each reads back as it was, equals and
    /// hashes as its copy held in memory, and an edit holds the new text without touching a
    /// copy of the post made before.
    @Test func aSpilledTextReadsBackAsItWasAndEqualsItsHeldCopy() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = try #require(ScratchFile(in: temp.path))
        let texts = [
            "short", String(repeating: "Длинный текст поста 🙂 ", count: 20), "", "Title\n\n" + String(repeating: "body ", count: 30),
            String(repeating: "ش", count: PostText.spillFrom / 2),
            // Over `spillUpTo`: held, as each read back would be a copy of its own.
            String(repeating: "line of a huge text copy\n", count: PostText.spillUpTo / 25 + 1),
        ]
        let held = texts.map(Self.post)
        var posts = held
        Post.spillTexts(of: &posts, into: file)
        for (index, post) in posts.enumerated() {
            #expect(post.text == texts[index])
            #expect(post.textUTF8Count == texts[index].utf8.count)
            #expect(post.isTextSpilled == PostText.spills(utf8Count: texts[index].utf8.count), "\(index)")
            #expect(post == held[index] && held[index] == post)
            #expect(Set([post]).contains(held[index]))
            #expect(post.body(below: "Title") == held[index].body(below: "Title"))
        }
        #expect(posts[1] != posts[3])
        let before = posts[1]
        posts[1].text += "!"
        #expect(!posts[1].isTextSpilled && posts[1].text == texts[1] + "!")
        #expect(before.isTextSpilled && before.text == texts[1])
        // Spilled again, a spilled text stays where it is.
        var again = posts
        Post.spillTexts(of: &again, into: file)
        #expect(again == posts)
        guard case .spilled(_, let first) = posts[3].fields.text, case .spilled(_, let second) = again[3].fields.text else {
            Issue.record("not spilled")
            return
        }
        #expect(first.offset == second.offset)
    }
}

extension Post {
    /// True when the text waits in a scratch file rather than in memory.
    var isTextSpilled: Bool {
        if case .spilled = fields.text { return true }
        return false
    }
}
