import ChansiteCore
import Mustache

/// HTML escaping for every `{{variable}}`, through `HTMLText` (bytes). swift-mustache's own
/// escaper walks Characters: slower, and a `<` followed by a combining mark forms one Character
/// that it leaves unescaped. Same replacements otherwise, so pages are unchanged.
struct HTMLEscaper: MustacheContentType {
    /// The content-type name every template is given (`TemplateSet` prepends the pragma).
    static let name = "CHANSITE_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the escaper with swift-mustache once.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaper(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        HTMLText.escape(text)
    }
}
