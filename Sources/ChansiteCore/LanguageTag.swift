/// BCP 47 language tags as a page's `lang`, a feed's `xml:lang` and the browser's
/// `toLocaleString` need them: a tag they reject (`ru_RU`) would make the search page throw.
package enum LanguageTag {
    /// The tag in canonical form (`ru_RU` → `ru-RU`, `EN` → `en`); nil when it is not a
    /// well-formed tag: a 2–3 letter language, then an optional 4-letter script, a 2-letter or
    /// 3-digit region and variants of 4–8 letters or digits (private `x-` parts as they are).
    package static func normalize(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "_", omittingEmptySubsequences: false)
        }
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isLetter) else { return nil }
        var out = [language.lowercased()]
        var privateUse = false
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
            if privateUse || part.lowercased() == "x" {
                privateUse = true
                out.append(part.lowercased())
            } else if part.count == 4, part.allSatisfy(isLetter), out.count == 1 {
                out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else if part.count == 2, part.allSatisfy(isLetter) {
                out.append(part.uppercased())
            } else if part.count == 3, part.allSatisfy(isDigit) {
                out.append(String(part))
            } else if (5...8).contains(part.count) || (part.count == 4 && part.first.map(isDigit) == true) {
                out.append(part.lowercased())
            } else {
                return nil
            }
        }
        return out.joined(separator: "-")
    }

    private static func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
