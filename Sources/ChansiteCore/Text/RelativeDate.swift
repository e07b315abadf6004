import Algorithms

/// Relative dates as aggregator sites print them: `5 months, 2 weeks ago`, `an hour ago`, `3 дня назад`.
/// Pages put a no-break space between number and unit, so spaces of any kind are accepted.
package enum RelativeDate {
    static let englishUnits: Set<String> = ["second", "minute", "hour", "day", "week", "month", "year"]
    static let russianStems = ["секунд", "минут", "час", "дн", "день", "недел", "месяц", "год", "лет"]

    /// True when the whole line is a relative date.
    package static func isDateLine(_ line: String) -> Bool {
        // At most three count-and-unit pairs and "ago": never a long line.
        guard line.utf8.count <= 160, line.containsBytes("ago") || line.containsBytes("назад"), endsLikeDateLine(line) else { return false }
        var words = line.normalizedSpaces.split(separator: " ").map { String($0).droppingTrailingCommas() }
        guard words.count >= 3 else { return false }
        let last = words.removeLast()
        guard last == "ago" || last == "назад" else { return false }
        guard words.count % 2 == 0, words.count <= 6 else { return false }
        for pair in words.chunks(ofCount: 2) {
            let count = pair[pair.startIndex].lowercased()
            guard Int(count) != nil || count == "a" || count == "an", isUnit(pair[pair.startIndex + 1]) else { return false }
        }
        return true
    }

    /// What a date line must end with, checked from the end before the line is split: `ago`
    /// or `назад`, then commas, then spaces (many lines hold "ago" somewhere, few end so).
    private static func endsLikeDateLine(_ line: String) -> Bool {
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, last.isSpaceLike { scalars.removeLast() }
        while scalars.last == "," { scalars.removeLast() }
        let rest = Substring(scalars)
        return rest.hasSuffix("ago") || rest.hasSuffix("назад")
    }

    /// The largest part of a relative date as a count and an English unit (`9 months, 2 weeks
    /// ago` → 9, `month`; `3 дня назад` → 3, `day`), or nil when the line is not one.
    package static func leadingSpan(_ line: String) -> (count: Int, unit: String)? {
        guard isDateLine(line) else { return nil }
        let words = line.normalizedSpaces.split(separator: " ").map { String($0).droppingTrailingCommas().lowercased() }
        guard words.count >= 3 else { return nil }
        let count = Int(words[0]) ?? 1
        var unit = words[1]
        if unit.hasSuffix("s") { unit.removeLast() }
        if englishUnits.contains(unit) { return (count, unit) }
        let russian: [(String, String)] = [
            ("секунд", "second"), ("минут", "minute"), ("час", "hour"), ("дн", "day"), ("день", "day"), ("недел", "week"),
            ("месяц", "month"), ("год", "year"), ("лет", "year"),
        ]
        return russian.first { words[1].hasPrefix($0.0) }.map { (count, $0.1) }
    }

    static func isUnit(_ word: String) -> Bool {
        let lower = word.lowercased()
        var singular = lower
        if singular.hasSuffix("s") { singular.removeLast() }
        return englishUnits.contains(singular) || russianStems.contains { lower.hasPrefix($0) }
    }
}

extension String {
    fileprivate func droppingTrailingCommas() -> String {
        var text = Substring(self)
        while text.last == "," { text = text.dropLast() }
        return String(text)
    }
}
