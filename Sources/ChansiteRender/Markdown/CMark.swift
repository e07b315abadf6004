import CCmarkGFM
import ChansiteCore
import Foundation

/// The only code that touches cmark-gfm's C API: Markdown in, HTML out.
package enum CMark {
    /// Rendering options, mapped to `CMARK_OPT_*` bits in one place.
    package struct Options: OptionSet, Sendable {
        package let rawValue: Int32
        package init(rawValue: Int32) { self.rawValue = rawValue }

        /// Render soft line breaks as `<br />`: Telegram shows single line breaks.
        package static let hardBreaks = Options(rawValue: CMARK_OPT_HARDBREAKS)
        /// Turn straight quotes and dashes into typographic ones.
        package static let smart = Options(rawValue: CMARK_OPT_SMART)
        /// Check and fix invalid UTF-8.
        package static let validateUTF8 = Options(rawValue: CMARK_OPT_VALIDATE_UTF8)
    }

    /// The GFM extensions attached to every parser. `tagfilter` is belt and braces: without
    /// `CMARK_OPT_UNSAFE` cmark already replaces raw HTML and `javascript:` links.
    static let extensionNames = ["autolink", "strikethrough", "table", "tagfilter"]

    /// Registers the GFM extensions once. Debian's cmark-gfm has no run-once guard, so the
    /// pipeline calls this before any concurrent rendering starts.
    package static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Renders Markdown to HTML with the GFM autolink, strikethrough and table extensions.
    /// Raw HTML is never passed through (no `CMARK_OPT_UNSAFE`).
    package static func renderHTML(_ markdown: String, options: Options = [.hardBreaks, .validateUTF8]) -> String {
        _ = registerExtensions
        let cOptions = options.rawValue
        guard let parser = cmark_parser_new(cOptions) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, cOptions, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
