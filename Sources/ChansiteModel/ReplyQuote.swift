import ChansiteCore

/// The quote a reply shows above its text: the replied-to author and the start of their text.
package struct ReplyQuote: Sendable, Hashable, Codable {
    package var author: String
    package var text: String

    package init(author: String, text: String) {
        self.author = author
        self.text = text
    }
}
