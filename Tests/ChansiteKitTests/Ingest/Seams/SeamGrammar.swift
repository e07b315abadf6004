/// Writes channel copies with a style of their own (how the channel opens and closes its posts),
/// in the t.me/s form or the generic one, where some posts lost the marker after them: the seam
/// model's test data, with the truth of where each unmarked post starts.
struct SeamGrammar {
    enum Style: CaseIterable {
        /// Own posts open with one emoji.
        case emoji
        /// Own posts open with a label from a few (`[Update]`, `Breaking:`).
        case label
        /// Own posts end with the channel's signature line.
        case signature
        /// Own posts' last line ends with hashtags.
        case hashtags
        /// Own posts open with a short title line and a blank line.
        case title
        /// No habit at all: nothing should be learned.
        case plain
        /// Posts open with an emoji that also starts list items inside posts: nothing to learn.
        case bullets
    }

    enum Form: CaseIterable {
        case webPreview
        case generic
    }

    struct Dump {
        var lines: [String] = []
        /// Each post's text lines.
        var posts: [[String]] = []
        /// 1-based lines where a post starts with no marker before it.
        var unmarked: Set<Int> = []
        var text: String { lines.joined(separator: "\n") }
    }

    static func make(_ style: Style, _ form: Form, seed: UInt64, postCount: Int, lostShare: Int = 8) -> Dump {
        var maker = Lines(maker: LineMaker(random: SeededRandom(state: seed)))
        var dump = Dump()
        if form == .webPreview {
            dump.lines = [maker.name(), "\(maker.int(100...90_000)) subscribers", "\(maker.int(1...300)) photos", maker.line(), "Download Telegram"]
        }
        let emoji = maker.pick(["📌", "🔥", "⚡️", "🟢", "📰"])
        let labels = maker.pick([["[Update]", "[News]", "[Guide]"], ["Breaking:", "Update:", "Opinion:"], ["【更新】", "【公告】"]])
        let signature = maker.pick(["— Delta Daily (@delta_daily)", "@hronika_news", "Подписаться: t.me/example_news"])
        var previousLost = false
        for n in 0..<postCount {
            let forwarded = form == .webPreview && maker.int(0...9) == 0
            if forwarded { dump.lines.append("Forwarded from\u{A0}" + maker.name()) }
            let start = dump.lines.count + 1
            if previousLost && !forwarded { dump.unmarked.insert(start) }
            var text = forwarded ? maker.paragraphs() : styled(style, &maker, emoji: emoji, labels: labels, signature: signature)
            if text.last == "" { text.removeLast() }
            dump.lines += text
            dump.posts.append(text)
            previousLost = n < postCount - 1 && maker.int(0...99) < lostShare
            guard !previousLost, n < postCount - 1 else { continue }
            switch form {
            case .generic:
                dump.lines += ["", ""]
            case .webPreview:
                switch maker.int(0...3) {
                case 0: dump.lines += ["Please open Telegram to view this post", "VIEW IN TELEGRAM"]
                case 1: dump.lines += [maker.pick(["1.2K", "345", "87"]), "\(maker.int(0...23)):\(maker.int(10...59))"]
                case 2: dump.lines += [maker.pick(["1.2K", "345"]), "edited", "\(maker.int(0...23)):\(maker.int(10...59))"]
                default: dump.lines += [maker.pick(["12K", "990"]), "\(maker.int(1...12)):\(maker.int(10...59)) PM"]
                }
            }
        }
        return dump
    }

    private static func styled(_ style: Style, _ maker: inout Lines, emoji: String, labels: [String], signature: String) -> [String] {
        var text = maker.paragraphs()
        switch style {
        case .emoji: text[0] = emoji + " " + text[0]
        case .label: text[0] = maker.pick(labels) + " " + text[0]
        case .signature: text.append(signature)
        case .hashtags: text[text.count - 1] += " #" + maker.pick(["news", "новости", "علوم"]) + " #tag\(maker.int(1...5))"
        case .title: text = [maker.pick(["Weekly notes", "Новини дня", "Итоги недели", "مراجعة", "本周新闻"])] + [""] + text
        case .plain: break
        case .bullets:
            text[0] = "🔹 " + text[0]
            text += ["🔹 " + maker.line(), "🔹 " + maker.line()]
        }
        return text
    }

    /// `LineMaker` with the serial that keeps every line unique.
    struct Lines {
        var maker: LineMaker
        var serial = 0

        mutating func line() -> String {
            serial += 1
            return maker.line(serial)
        }

        mutating func pick<T>(_ items: [T]) -> T { maker.pick(items) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { maker.int(range) }
        mutating func name() -> String { maker.name() }

        /// One to three paragraphs of one to three lines, a blank line between paragraphs.
        mutating func paragraphs() -> [String] {
            var text: [String] = []
            for paragraph in 0..<int(1...3) {
                if paragraph > 0 { text.append("") }
                for _ in 0..<int(1...3) { text.append(line()) }
            }
            return text
        }
    }
}
