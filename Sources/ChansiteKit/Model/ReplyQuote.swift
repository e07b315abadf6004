/// The quote a reply shows above its text: the replied-to author and the start of their text.
public struct ReplyQuote: Sendable, Hashable, Codable {
    public var author: String
    public var text: String

    public init(author: String, text: String) {
        self.author = author
        self.text = text
    }
}
