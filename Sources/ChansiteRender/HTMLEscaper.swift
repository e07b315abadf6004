import ChansiteCore

/// HTML escaping for every `{{variable}}`, through `HTMLText` (bytes): every `<`, `>`, `&`, `"`
/// and `'`, also where a combining mark follows (walking Characters would see one Character
/// there and leave the `<` as it is).
enum HTMLEscaper {
    /// The content type's name in a pragma (`{{% CONTENT_TYPE: CHANSITE_HTML}}`, the same as
    /// `HTML`), kept for templates written when every template started with it.
    static let name = "CHANSITE_HTML"

    static func escape(_ text: String) -> String {
        HTMLText.escape(text)
    }
}
