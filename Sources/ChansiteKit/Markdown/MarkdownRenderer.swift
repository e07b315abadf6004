/// Renders post bodies to HTML: plain text → literal Markdown (`PostMarkdown`) → cmark-gfm.
public struct MarkdownRenderer: Sendable {
    public var markdown: PostMarkdown

    public init(tagURL: @escaping @Sendable (String) -> String?) {
        self.markdown = PostMarkdown(tagURL: tagURL)
    }

    /// The HTML of a post body.
    public func html(for text: String) -> String {
        CMark.renderHTML(markdown.markdown(for: text))
    }
}
