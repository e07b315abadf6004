import ChansiteCore
import ChansiteModel
import Foundation

/// A static check of template sources: every partial a template includes must exist, and every
/// variable it names must be one chansite provides. A misspelt variable would otherwise render
/// as nothing, silently.
enum TemplateCheck {
    /// Every name a page's view can hold, at any depth: the union of the view types' variables
    /// (docs/templates.md).
    static let variables: Set<String> = ViewCatalog.names.union(PageView.templateFlags)

    /// The keys of the built-in English strings, which every language falls back to.
    static let stringKeys: Set<String> = {
        let data = Data((BuiltinTemplates.files["strings/en.json"] ?? "{}").utf8)
        // try?: the built-in strings file is tested to parse (SiteStringsTests); nil would only empty the check.
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return Set(((object?["texts"] as? [String: Any]) ?? [:]).keys)
    }()

    /// One problem: where, what, and whether it stops the build.
    struct Problem {
        var line: Int
        var message: String
        var isMissingPartial: Bool
    }

    /// The templates a template includes (`{{> name}}`, and the parent of `{{< name}}`), with lines.
    static func includes(in tags: [TemplateParser.Tag]) -> [(name: String, line: Int)] {
        tags.filter { $0.sigil == ">" || $0.sigil == "<" }.map { ($0.name, $0.line) }
    }

    /// Include cycles: no view holds a nested copy of itself, so a template that includes
    /// itself, directly or through others, would never end (it used to crash the build). Each
    /// cycle once, where the include that closes it is, with the templates it passes.
    static func cycles(_ includes: [String: [(name: String, line: Int)]]) -> [(template: String, line: Int, path: [String])] {
        var state: [String: Bool] = [:]  // false while on the path, true when done
        var path: [String] = []
        var found: [(template: String, line: Int, path: [String])] = []
        func visit(_ template: String) {
            state[template] = false
            path.append(template)
            for include in includes[template] ?? [] {
                switch state[include.name] {
                case false?:
                    let start = path.lastIndex(of: include.name) ?? 0
                    found.append((template, include.line, Array(path[start...]) + [include.name]))
                case nil where includes[include.name] != nil:
                    visit(include.name)
                default:
                    continue
                }
            }
            path.removeLast()
            state[template] = true
        }
        for template in includes.keys.sorted() where state[template] == nil { visit(template) }
        return found
    }

    /// The problems of one template's tags (`TemplateParser` lists them with their lines).
    static func problems(in tags: [TemplateParser.Tag], partials: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        for found in tags {
            let (name, line) = (found.name, found.line)
            switch found.sigil {
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
