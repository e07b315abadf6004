import ChansiteCore

/// A message's `div.text` read back into the export's text parts: the client writes each
/// entity as one flat element (it never nests them) and every line break as `<br>`, so raw line
/// breaks in the markup are only its indentation.
enum DesktopHTMLText {
    static func parts(of text: HTMLElement) -> [ExportJSON.Part] {
        var parts: [ExportJSON.Part] = []
        func add(_ type: String, _ text: String, href: String? = nil) {
            guard !text.isEmpty else { return }
            if type == "plain", let last = parts.last, last.type == "plain" {
                parts[parts.count - 1].text += text
            } else {
                parts.append(ExportJSON.Part(type: type, text: text, href: href))
            }
        }
        for child in text.children {
            switch child {
            case .text(let raw): add("plain", withoutIndentation(raw))
            case .element(let element):
                if element.isTag("br") {
                    add("plain", "\n")
                } else {
                    // Entities are written inline: their only line breaks are `<br>`s.
                    let (type, href) = entity(element)
                    add(type, element.text, href: href)
                }
            }
        }
        return parts
    }

    /// The entity an element stands for, and a `text_link`'s target.
    static func entity(_ element: HTMLElement) -> (type: String, href: String?) {
        switch element.name {
        case "strong", "b": return ("bold", nil)
        case "em", "i": return ("italic", nil)
        case "u": return ("underline", nil)
        case "s", "strike", "del": return ("strikethrough", nil)
        case "code": return ("code", nil)
        case "pre": return ("pre", nil)
        case "blockquote": return ("blockquote", nil)
        case "span" where element.hasClass("spoiler"): return ("spoiler", nil)
        case "a": return link(element)
        default: return ("plain", nil)
        }
    }

    /// The `onclick` calls the client writes for entities that link nowhere.
    static let calls = [
        ("ShowMentionName", "mention_name"), ("ShowHashtag", "hashtag"), ("ShowCashtag", "cashtag"),
        ("ShowBotCommand", "bot_command"), ("ShowNotLoadedEmoji", "custom_emoji"), ("ShowNotAvailableEmoji", "custom_emoji"),
    ]

    /// What a link is: a URL written out, a mention, a hashtag and the like (shown by an
    /// `onclick`), an e-mail address, a phone number, a custom emoji, or a text link.
    static func link(_ element: HTMLElement) -> (type: String, href: String?) {
        let href = element.attribute("href") ?? ""
        let onclick = element.attribute("onclick") ?? ""
        let text = element.text
        if !onclick.isEmpty {
            for (call, type) in Self.calls where onclick.containsBytes(call) { return (type, nil) }
        }
        if href.hasPrefix("mailto:") { return ("email", nil) }
        if href.hasPrefix("tel:") { return ("phone", nil) }
        if text.hasPrefix("@"), href.hasSuffix("/" + text.dropFirst()) { return ("mention", nil) }
        // A URL written out links itself (`example.com/page` too, with no scheme).
        if href == text { return ("link", nil) }
        // A custom emoji links its sticker file, relative to the export (`stickers/…`).
        let sticker = ["webp", "tgs", "webm", "png", "jpg"].contains(PathName.extension(href).lowercased())
        if sticker, !href.containsBytes("://") { return ("custom_emoji", nil) }
        return ("text_link", href)
    }

    /// Text with the markup's own line breaks and the indentation after them taken out.
    static func withoutIndentation(_ raw: String) -> String {
        guard raw.utf8.contains(0x0A) else { return raw }
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var skipping = false
        for byte in raw.utf8 {
            if byte == 0x0A {
                skipping = true
            } else if skipping, byte == 0x20 || byte == 0x09 {
                continue
            } else {
                skipping = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
