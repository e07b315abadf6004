import Mustache

/// HTML escaping for every `{{variable}}`, on UTF-8 bytes. swift-mustache's own escaper walks
/// Characters: slower, and a `<` followed by a combining mark forms one Character that it
/// leaves unescaped. Same replacements otherwise, so pages are unchanged.
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
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x26: out += Array("&amp;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
