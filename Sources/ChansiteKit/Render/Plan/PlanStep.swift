/// One compiled template: what a `MustacheTemplate` holds, as steps a page renders without
/// looking anything up by dynamic cast or splitting a name (`RenderPlan`).
struct PlanBody: Sendable {
    var steps: [PlanStep]
}

/// One step of a compiled template, one per swift-mustache token.
indirect enum PlanStep: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(PlanPath, escaped: Bool)
    case section(PlanPath, PlanBody)
    case inverted(PlanPath, PlanBody)
    /// `{{> name}}`, or a parent `{{< name}}` with the blocks it overrides.
    case partial(String, indentation: String?, overrides: [String: PlanBody]?)
    /// `{{$name}}default{{/name}}` where a parent's child may override it.
    case block(String, fallback: PlanBody, indentation: String?)
    /// A `{{% CONTENT_TYPE: … }}` pragma: how the rest of the template escapes.
    case escaping(PlanEscaping)
}

/// A variable's name, split once when the template is compiled.
enum PlanPath: Sendable, Equatable {
    /// `a.b.c`: `a` looked up through the context stack, innermost first, then `b` and `c` in it.
    /// No names (`.` alone) is the innermost value.
    case stack([String])
    /// `.a.b`: `a` looked up in the innermost value only.
    case innermost([String])

    /// Splits a name as swift-mustache does (`getChild(named:)`).
    init(_ name: String) {
        let names = name.split(separator: ".").map(String.init)
        self = name.first == "." ? .innermost(names) : .stack(names)
    }
}

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
