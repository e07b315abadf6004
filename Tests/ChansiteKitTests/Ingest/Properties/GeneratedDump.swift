/// A dump generated from a format's grammar: the posts it holds, and their text as a reader
/// should get it back. Made from a seed, so a failing case is reproduced from its seed.

struct GeneratedDump: CustomStringConvertible {
    enum Kind: String, CaseIterable {
        case webPreview = "tme_s_text_placeholders"
        case aggregatorReadMore = "tg_aggregator_name_readmore"
        case aggregatorRelativeDate = "tg_aggregator_reldate_recommend"
        case headingDoubleBody = "tg_heading_doublebody_reactions"
        case cardsDoubleBody = "tme_s_dupbody_reactions"
    }

    let kind: Kind
    var lines: [String] = []
    /// Each post's text lines, in the order the site shows posts (oldest first).
    var posts: [[String]] = []

    var text: String { lines.joined(separator: "\n") }
    var description: String { "\(kind.rawValue) dump:\n" + text }
}

/// Words and lines in many scripts, with emoji and odd spaces, that never look like a marker
/// of any format: every line has letters, none is a date, a count, a hashtag line or a
/// reaction line.
struct LineMaker {
    static let pools: [[String]] = [
        ["model", "data", "paper", "release", "notes", "weekly", "review", "update", "science", "space"],
        ["модель", "данные", "статья", "выпуск", "заметки", "обзор", "наука", "космос", "новости"],
        ["новини", "дані", "стаття", "огляд", "наука", "тиждень", "люди", "місто"],
        ["مرحبا", "أخبار", "علوم", "بيانات", "عالم"],
        ["学习", "模型", "数据", "新闻", "科学"],
        ["שלום", "חדשות", "מדע"],
    ]
    static let decorations = ["", "", "", " 🚀", " ❤️", " 👍🏽", " 🇺🇦", "!", "?", ":", " (x)", " — ok"]
    static let spaces = [" ", " ", " ", " ", "\u{A0}", "\u{2009}"]

    var random: SeededRandom

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }

    /// A line of 2–9 words, unique thanks to `serial` (posts must be told apart by their words).
    mutating func line(_ serial: Int) -> String {
        let pool = pick(Self.pools)
        var words = (0..<int(2...9)).map { _ in pick(pool) }
        words.insert("w\(serial)", at: int(0...words.count - 1))
        var text = ""
        for (i, word) in words.enumerated() { text += (i == 0 ? "" : pick(Self.spaces)) + word }
        return text + pick(Self.decorations)
    }

    mutating func name() -> String { pick(["Alpha", "Бета", "Гамма Ньюз", "Delta Daily", "Эпсилон"]) + " " + pick(["Channel", "Канал", "Хроніка"]) }

    /// Reaction chips; sometimes a paid reaction first, which a copy shows as a bare count.
    mutating func reactions() -> String {
        let paid = int(0...3) == 0 ? String(int(1...999)) : ""
        return paid + (0..<int(1...4)).map { _ in pick(["👍", "❤", "🔥", "❤‍🔥", "🎉", "🤔"]) + String(int(1...999)) }.joined()
    }
}
