/// How a language picks a plural form for a count: the CLDR rules of a few families, named in a
/// strings file (`"plural": "east-slavic"`), so a new language needs no code.
package enum PluralRule: String, Sendable, Hashable, CaseIterable {
    /// English, German, Dutch, the Nordic languages, Italian, Spanish…: 1 → `one`, else `other`.
    case oneOther = "one-other"
    /// French, Portuguese (Brazil): 0 and 1 → `one`, else `other`.
    case zeroOneOther = "zero-one-other"
    /// Russian, Ukrainian, Belarusian: 1, 21, 31… → `one`; 2–4, 22–24… → `few`; else `many`.
    case eastSlavic = "east-slavic"
    /// Polish: 1 → `one`; 2–4, 22–24… (not 12–14) → `few`; else `many`.
    case polish
    /// Czech, Slovak: 1 → `one`; 2–4 → `few`; else `other`.
    case westSlavic = "west-slavic"
    /// Chinese, Japanese, Korean, Thai, Vietnamese…: always `other`.
    case none

    package func category(_ n: Int) -> String {
        let (mod10, mod100) = (abs(n) % 10, abs(n) % 100)
        switch self {
        case .oneOther: return n == 1 ? "one" : "other"
        case .zeroOneOther: return n == 0 || n == 1 ? "one" : "other"
        case .eastSlavic:
            if mod10 == 1 && mod100 != 11 { return "one" }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return "few" }
            return "many"
        case .polish:
            if n == 1 { return "one" }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return "few" }
            return "many"
        case .westSlavic:
            if n == 1 { return "one" }
            return (2...4).contains(n) ? "few" : "other"
        case .none: return "other"
        }
    }
}
