/// Renders post bodies to HTML: plain text → literal Markdown (`PostMarkdown`) → cmark-gfm.
public struct MarkdownRenderer: Sendable {
    public var markdown: PostMarkdown

    public init(tagURL: @escaping @Sendable (String) -> String?) {
        self.markdown = PostMarkdown(tagURL: tagURL)
    }

    /// The HTML of a post body; with `paragraphPerLine` every line is its own paragraph.
    public func html(for text: String, paragraphPerLine: Bool = false) -> String {
        let source = paragraphPerLine ? text.lineSlices().joined(separator: "\n\n") : text
        return CMark.renderHTML(markdown.markdown(for: source))
    }
}
