import ChansiteCore
import Foundation

/// The words of the site's interface in its language, from a strings file
/// (`Templates/strings/<language>.json`): plain texts, and counted texts with a form per plural
/// category (`"posts": {"one": "{n} пост", "few": "{n} поста", "many": "{n} постов"}`).
/// A key a file lacks falls back to English.
package struct SiteStrings: Sendable, Hashable {
    package let language: String
    package var plural: PluralRule
    package var texts: [String: String]
    package var counted: [String: [String: String]]
    /// The language's number format, made once (counts are written on every page).
    private var numberStyle: IntegerFormatStyle<Int>
    /// 0 to 999 written once in that format (reaction counts and page numbers, thousands of
    /// times a build, each a Foundation call otherwise).
    private let smallNumbers: [String]

    package init(language: String, plural: PluralRule, texts: [String: String], counted: [String: [String: String]]) {
        let style = IntegerFormatStyle<Int>(locale: Locale(identifier: language))
        self.numberStyle = style
        self.smallNumbers = (0..<1000).map { $0.formatted(style) }
        self.language = language
        self.plural = plural
        self.texts = texts
        self.counted = counted
    }

    /// A plain text; the key itself when no file has it (a test keeps the files complete).
    package func text(_ key: String) -> String { texts[key] ?? key }

    /// A text with `{name}` placeholders filled.
    package func text(_ key: String, _ values: [String: String]) -> String {
        text(key).fillingPlaceholders(values)
    }

    /// `5 постов`: the form for `n`'s plural category (else `other`, else `many`), with `{n}`
    /// written in the language's number format.
    package func count(_ key: String, _ n: Int) -> String {
        let forms = counted[key] ?? [:]
        let form = forms[plural.category(n)] ?? forms["other"] ?? forms["many"] ?? "{n} \(key)"
        return form.fillingPlaceholders(["n": number(n)])
    }

    /// A count with a text instead of a number (`1.2K subscribers`): the form for "many things",
    /// unless the text is a plain number.
    package func count(_ key: String, text: String) -> String {
        if let n = Int(text.filter { !$0.isWhitespace }) { return count(key, n) }
        let forms = counted[key] ?? [:]
        let form = forms["many"] ?? forms["other"] ?? "{n} \(key)"
        return form.fillingPlaceholders(["n": text])
    }

    /// `12 345` or `12,345`, as the language groups digits.
    package func number(_ n: Int) -> String {
        smallNumbers.indices.contains(n) ? smallNumbers[n] : n.formatted(numberStyle)
    }

    /// Everything the search page's script needs: the plural rule and its texts, as JSON.
    package func scriptJSON(keys: [String], countedKeys: [String]) -> String {
        var object: [String: Any] = ["plural": plural.rawValue]
        for key in keys { object[key] = text(key) }
        for key in countedKeys { object[key] = counted[key] ?? [:] }
        // try?: strings and maps of strings, which JSONSerialization always writes.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension SiteStrings {
    /// Reads a strings file; `fallback` (English) fills the keys it lacks.
    /// - Throws: `DiagnosticError` naming the file when it is not a strings file.
    package static func parse(_ data: Data, language: String, shownPath: String, fallback: SiteStrings?) throws -> SiteStrings {
        // try?: any failure is reported below as the file not being a strings file, with its path.
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DiagnosticError(
                .error("not a strings file (a JSON object with 'plural', 'texts' and 'counted')", at: SourceLocation(path: shownPath)))
        }
        let ruleName = object["plural"] as? String ?? fallback?.plural.rawValue ?? "one-other"
        guard let rule = PluralRule(rawValue: ruleName) else {
            let known = PluralRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw DiagnosticError(.error("unknown plural rule '\(ruleName)' (known: \(known))", at: SourceLocation(path: shownPath)))
        }
        var texts = fallback?.texts ?? [:]
        for (key, value) in object["texts"] as? [String: String] ?? [:] { texts[key] = value }
        var counted = fallback?.counted ?? [:]
        for (key, value) in object["counted"] as? [String: [String: String]] ?? [:] { counted[key] = value }
        return SiteStrings(language: language, plural: rule, texts: texts, counted: counted)
    }
}
