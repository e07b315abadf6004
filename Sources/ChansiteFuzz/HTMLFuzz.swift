import ChansiteCore
import ChansiteIngest
import ChansiteRender
import Foundation

/// Any bytes as a page of a Telegram Desktop HTML export: parsed by libxml2, read into
/// messages and posts (every chat published, so every post is made), their text rendered.
enum HTMLFuzz {
    static let reader = DesktopHTMLReader(chatTypes: ["public_channel", "unknown"])
    static let formatted = FormattedText(tagURL: { _ in nil })

    static func run(_ data: Data) {
        let (dumps, _) = reader.read(folder: "fuzz", pages: [("fuzz/messages.html", data), ("fuzz/messages2.html", data.prefix(data.count / 2))])
        for post in dumps.flatMap(\.posts).prefix(64) {
            _ = post.spans.map(formatted.html)
        }
    }
}
