/// Writes dumps in each format's grammar (see docs/formats.md), from random posts.
enum DumpGrammar {
    static func make(_ kind: GeneratedDump.Kind, seed: UInt64, postCount: Int) -> GeneratedDump {
        var maker = LineMaker(random: SeededRandom(state: seed))
        var dump = GeneratedDump(kind: kind)
        var serial = 0
        func nextLine() -> String {
            serial += 1
            return maker.line(serial)
        }
        let title = maker.name()
        switch kind {
        case .webPreview:
            dump.lines = [title, "\(maker.int(2...90_000)) subscribers", "\(maker.int(1...300)) photos", nextLine(), "Download Telegram"]
            for n in 0..<postCount {
                var text: [String] = []
                if maker.int(0...4) == 0 { dump.lines.append("Forwarded from\u{A0}" + maker.name()) }
                for paragraph in 0..<maker.int(1...3) {
                    if paragraph > 0 {
                        dump.lines.append("")
                        text.append("")
                    }
                    for _ in 0..<maker.int(1...3) {
                        let line = nextLine()
                        dump.lines.append(line)
                        text.append(line)
                    }
                }
                dump.posts.append(text)
                // Every post but the last ends with a marker: a hashtag line or the placeholder.
                guard n < postCount - 1 else { break }
                if maker.int(0...1) == 0 {
                    dump.lines += ["", "#tag\(maker.int(1...9)) #теги"]
                } else {
                    dump.lines += ["Please open Telegram to view this post", "VIEW IN TELEGRAM"]
                }
            }
        case .aggregatorReadMore:
            let handle = "chan_\(maker.int(100...999))"
            dump.lines = [
                "\(handle) | Новости", "", "Telegram-канал \(handle) - \(title)", "", "\(maker.int(100...99_999))", "", nextLine(), "",
                "Подписаться на канал", "",
            ]
            var posts: [[String]] = []
            for _ in 0..<postCount {
                let text = (0..<maker.int(1...4)).map { _ in nextLine() }
                dump.lines += [title, ""] + text + ["", "Читать полностью…", ""]
                posts.append(text)
            }
            dump.posts = posts.reversed()  // the page lists posts newest first
        case .aggregatorRelativeDate:
            dump.lines = [title, "", "Description", nextLine(), ""]
            var posts: [[String]] = []
            for n in 0..<postCount {
                let text = (0..<maker.int(1...4)).map { _ in nextLine() }
                dump.lines += ["\(n + 1) month\(n == 0 ? "" : "s"), \(maker.int(1...3)) weeks ago", ""] + text
                posts.append(text)
            }
            dump.posts = posts.reversed()
        case .headingDoubleBody, .cardsDoubleBody:
            for n in 0..<postCount {
                let head = nextLine()
                let body = (0..<maker.int(1...3)).map { _ in nextLine() }
                dump.lines += [head] + body + body + [maker.reactions()]
                dump.posts.append([head] + body)
                // Pin notices mark the heading format (a card copy never shows them).
                if kind == .headingDoubleBody, n == 0 { dump.lines.append("\(title) pinned «\(head.prefix(12))…»") }
            }
        }
        return dump
    }
}
