import ChansiteCore
import ChansiteModel

/// A web-preview post's text (`.tgme_widget_message_text`) read into text spans: `<br>` as a
/// line break, `<b>`, `<i>`, `<u>`, `<s>`, `<code>`, `<pre>`, `<blockquote>`, `<tg-spoiler>`,
/// links (hashtags link `?q=%23tag`, mentions `t.me/<name>`), emoji images as their character
/// and custom emoji (`<tg-emoji>`) as their fallback. Nested formatting takes the outer kind.
enum WebPreviewText {
    static func spans(of element: HTMLElement) -> [TextSpan] {
        var spans: [TextSpan] = []
        func add(_ kind: String, _ text: String, href: String? = nil) {
            guard !text.isEmpty else { return }
            if kind == "plain", let last = spans.last, last.kind == "plain" {
                spans[spans.count - 1].text += text
            } else {
                spans.append(TextSpan(kind: kind, text: text, href: href))
            }
        }
        for child in element.children {
            switch child {
            case .text(let text): add("plain", text)
            case .element(let inner):
                if inner.isTag("br") {
                    add("plain", "\n")
                } else {
                    let (kind, href) = entity(inner)
                    add(kind, inner.text, href: href)
                }
            }
        }
        // The page's own indentation around the text is not the author's.
        if let first = spans.first, first.kind == "plain" { spans[0].text = String(first.text.drop { $0 == " " || $0 == "\n" }) }
        if let last = spans.last, last.kind == "plain" {
            spans[spans.count - 1].text = String(last.text.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
        }
        return spans.filter { !$0.text.isEmpty }
    }

    static func entity(_ element: HTMLElement) -> (kind: String, href: String?) {
        switch element.name {
        case "b", "strong": return ("bold", nil)
        case "i" where element.hasClass("emoji"): return ("plain", nil)
        case "i", "em": return ("italic", nil)
        case "u", "ins": return ("underline", nil)
        case "s", "strike", "del": return ("strikethrough", nil)
        case "code": return ("code", nil)
        case "pre": return ("pre", nil)
        case "blockquote": return ("blockquote", nil)
        case "tg-spoiler": return ("spoiler", nil)
        case "span" where element.hasClass("tg-spoiler"): return ("spoiler", nil)
        case "tg-emoji": return ("custom_emoji", nil)
        case "a": return link(element)
        default: return ("plain", nil)
        }
    }

    static func link(_ element: HTMLElement) -> (kind: String, href: String?) {
        // The preview has written '&' as '&amp;' inside link targets since 2024.
        let href = (element.attribute("href") ?? "").replacingOccurrences(of: "&amp;", with: "&")
        let text = element.text
        if href.hasPrefix("?q=%23") || href.hasPrefix("?q=#") { return ("hashtag", nil) }
        if href.hasPrefix("?q=%24") { return ("cashtag", nil) }
        if text.hasPrefix("@"), href.hasSuffix("/" + text.dropFirst()) { return ("mention", nil) }
        if href.hasPrefix("mailto:") { return ("email", nil) }
        if href.hasPrefix("tel:") { return ("phone", nil) }
        if href == text || href == "https://" + text || href == "http://" + text { return ("link", nil) }
        return ("text_link", href)
    }
}
