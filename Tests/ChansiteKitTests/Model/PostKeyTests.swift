import ChansiteCore
import ChansiteModel
import Foundation
import Testing

/// `Post.add(to:)`, the part of a post's view key that names the post: it covers every stored
/// field (a field added to `Post` and not to the key would leave pages stale), and a change in
/// any of them changes the key.
@Suite struct PostKeyTests {
    @Test func theKeyNamesEveryStoredField() {
        let post = Post(text: "x", source: SourceRange(path: "a.json", firstLine: 1, lastLine: 1))
        let fields = Mirror(reflecting: post.fields).children.compactMap(\.label)
        #expect(fields == Post.fingerprinted, "Post's fields changed: add the new ones to Post.add(to:) and Post.fingerprinted")
    }

    static func key(_ post: Post) -> String {
        var key = Fingerprint()
        post.add(to: &key)
        return key.hex
    }

    @Test func aChangeInAnyFieldChangesTheKey() {
        let base = Post(text: "Words #tag", hashtags: ["#tag"], source: SourceRange(path: "a.json", firstLine: 1, lastLine: 2))
        var variants: [Post] = [base]
        func variant(_ change: (inout Post) -> Void) {
            var post = base
            change(&post)
            variants.append(post)
        }
        variant { $0.title = "" }
        variant { $0.text = "Words #tag." }
        variant { $0.hashtags = [] }
        variant { $0.forwardedFrom = "Someone" }
        variant { $0.reactions = [] }
        variant { $0.reactions = [Reaction(emoji: "👍", count: 2)] }
        variant { $0.dateText = "May 1" }
        variant { $0.date = Date(timeIntervalSince1970: 0) }
        variant { $0.hasMediaPlaceholder = true }
        variant { $0.media = [MediaFile(kind: .photo, path: "photos/1.jpg")] }
        variant { $0.linkPreviews = [LinkPreview(site: "s", title: "t", description: "d")] }
        variant { $0.messageID = "1" }
        variant { $0.replyTo = "1" }
        variant { $0.replyQuote = ReplyQuote(author: "A", text: "q") }
        variant { $0.source = SourceRange(path: "a.json", firstLine: 2, lastLine: 2) }
        variant { $0.spans = [TextSpan(kind: "bold", text: "Words #tag")] }
        variant {
            var details = PostDetails()
            details.author = "A"
            $0.details = details
        }
        variant { $0.paragraphPerLine = true }
        let keys = variants.map(Self.key)
        #expect(Set(keys).count == keys.count)
    }
}
