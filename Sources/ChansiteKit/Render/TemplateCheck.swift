import Foundation

/// A static check of template sources: every partial a template includes must exist, and every
/// variable it names must be one chansite provides. A misspelt variable would otherwise render
/// as nothing, silently.
enum TemplateCheck {
    /// Every name a page's view can hold, at any depth: the union of the view types' variables
    /// (README, "Templates").
    static let variables: Set<String> = ViewCatalog.names.union(PageView.templateFlags)

    /// The keys of the built-in English strings, which every language falls back to.
    static let stringKeys: Set<String> = {
        let data = Data((BuiltinTemplates.files["strings/en.json"] ?? "{}").utf8)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return Set(((object?["texts"] as? [String: Any]) ?? [:]).keys)
    }()

    /// One problem: where, what, and whether it stops the build.
    struct Problem {
        var line: Int
        var message: String
        var isMissingPartial: Bool
    }

    // {{name}}, {{{name}}}, {{&name}}, {{#name}}, {{^name}}, {{/name}}, {{> partial}}, {{! comment}} …
    private static let tag = try? NSRegularExpression(pattern: #"\{\{(\{?)\s*([#^/&>$<!%=]?)\s*([^}]*?)\s*\}?\}\}"#)

    static func problems(in text: String, partials: Set<String>) -> [Problem] {
        guard let tag else { return [] }
        let ns = text as NSString
        var problems: [Problem] = []
        for match in tag.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let sigil = ns.substring(with: match.range(at: 2))
            let name = ns.substring(with: match.range(at: 3))
            let line = ns.substring(to: match.range.location).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            switch sigil {
            case ">":
                if !partials.contains(name) {
                    problems.append(Problem(line: line, message: "partial '\(name)' does not exist", isMissingPartial: true))
                }
            case "", "#", "^", "&":
                guard name != ".", !name.isEmpty else { continue }
                if name.hasPrefix("t.") {
                    if !stringKeys.contains(String(name.dropFirst(2))) {
                        problems.append(
                            Problem(
                                line: line, message: "unknown string '\(name)' (not in strings/en.json; renders as nothing)", isMissingPartial: false)
                        )
                    }
                    continue
                }
                let unknown = name.split(separator: ".").filter { !variables.contains(String($0)) }
                if !unknown.isEmpty {
                    problems.append(Problem(line: line, message: "unknown variable '\(name)' (renders as nothing)", isMissingPartial: false))
                }
            default:
                continue  // closing tags, blocks, parents, comments, pragmas, delimiters
            }
        }
        return problems
    }
}
