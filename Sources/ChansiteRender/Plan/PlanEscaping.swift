import ChansiteCore

/// How escaped variables are written: swift-mustache's escapers, by the pragma that chose them.
enum PlanEscaping: Sendable {
    /// chansite's escaper (`HTMLEscaper`), which every template names in its first line.
    case chansite
    /// swift-mustache's default (`HTML`): the same five characters, compared as Characters.
    case mustacheHTML
    /// `TEXT`: nothing escaped.
    case text

    func escape(_ text: String) -> String {
        switch self {
        case .chansite: HTMLEscaper.escape(text)
        case .text: text
        case .mustacheHTML: Self.characterEscape(text)
        }
    }

    /// swift-mustache's `htmlEscape`: Character by Character, so a `<` that a combining mark
    /// joins is a different Character and stays as it is.
    static func characterEscape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
