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
        var quotable: [String] = []
        /// A reply quote to an earlier post, sometimes: a name line, then the start of that post's
        /// first line (whole, or cut and ended with `…`). Each post is quoted at most once.
        func reply() -> [String] {
            guard maker.int(0...3) == 0, !quotable.isEmpty else { return [] }
            let source = quotable.remove(at: maker.int(0...(quotable.count - 1)))
            var author = maker.name()
            while author == title { author = maker.name() }
            let cut = maker.int(0...1) == 0 ? source : String(String.UnicodeScalarView(source.unicodeScalars.prefix(20).drop { $0 == " " })) + "…"
            return [author, cut]
        }
        func remember(_ first: String) {
            // A quote's source is a message's first line; one of a few words reads as a name.
            if first.unicodeScalars.count >= 24, first.split(whereSeparator: { $0.isWhitespace }).count > 5 { quotable.append(first) }
        }
        switch kind {
        case .webPreview:
            dump.lines = [title, "\(maker.int(2...90_000)) subscribers", "\(maker.int(1...300)) photos", nextLine(), "Download Telegram"]
            var seamNeeded = false
            for n in 0..<postCount {
                var text: [String] = []
                // Between posts: a service line or a day separator (each is a seam), sometimes.
                var seamMade = false
                if n > 0, maker.int(0...3) == 0 {
                    dump.lines.append(maker.pick(["Channel photo updated", "\(title) pinned «x»", "May \(maker.int(1...28))", "Channel created"]))
                    seamMade = true
                }
                let forwarded = maker.int(0...4) == 0
                let labelled = maker.int(0...4) == 0
                let quote = reply()
                // A forward line, a reply quote or a player's label starts a post too; otherwise
                // the previous post needs its placeholder.
                if seamNeeded && !seamMade && !forwarded && !labelled && quote.isEmpty {
                    dump.lines += ["Please open Telegram to view this post", "VIEW IN TELEGRAM"]
                }
                if forwarded { dump.lines.append("Forwarded from\u{A0}" + maker.name()) }
                dump.lines += quote
                // A player's label comes before the caption.
                if labelled {
                    dump.lines += [maker.pick(["This media is not supported in your browser", "Media is too big"]), "VIEW IN TELEGRAM"]
                    if maker.int(0...1) == 0 { dump.lines.append("0:\(maker.int(10...59))") }
                }
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
                remember(text[0])
                // A post ends with a marker (a hashtag line, the placeholder, a footer), or the
                // next post must start with one.
                seamNeeded = false
                switch maker.int(0...3) {
                case 0: dump.lines += ["", "#tag\(maker.int(1...9)) #теги"]
                case 1: dump.lines += ["Please open Telegram to view this post", "VIEW IN TELEGRAM"]
                case 2: dump.lines += [maker.pick(["1.2K", "345", "edited"]), "\(maker.int(0...23)):\(maker.int(10...59))"]
                default: seamNeeded = true
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
                var parts: [String] = []
                if maker.int(0...4) == 0 { parts.append("Forwarded from\u{A0}" + maker.name()) }
                parts += reply()
                if maker.int(0...4) == 0 { parts += ["This media is not supported in your browser", "VIEW IN TELEGRAM"] }
                dump.lines += [title, ""] + parts + text + ["", "Читать полностью…", ""]
                remember(text[0])
                if maker.int(0...5) == 0 { dump.lines += ["Channel photo updated", ""] }
                posts.append(text)
            }
            dump.posts = posts.reversed()  // the page lists posts newest first
        case .aggregatorRelativeDate:
            dump.lines = [title, "", "Description", nextLine(), ""]
            var posts: [[String]] = []
            for n in 0..<postCount {
                let text = (0..<maker.int(1...4)).map { _ in nextLine() }
                var parts: [String] = []
                if maker.int(0...4) == 0 { parts.append("Forwarded from\u{A0}" + maker.name()) }
                parts += reply()
                if maker.int(0...4) == 0 { parts += ["Media is too big", "VIEW IN TELEGRAM"] }
                remember(text[0])
                dump.lines += ["\(n + 1) month\(n == 0 ? "" : "s"), \(maker.int(1...3)) weeks ago", ""] + parts + text
                if maker.int(0...5) == 0 { dump.lines.append("\(title) pinned «x»") }
                posts.append(text)
            }
            dump.posts = posts.reversed()
        case .headingDoubleBody, .cardsDoubleBody:
            for n in 0..<postCount {
                let head = nextLine()
                let body = (0..<maker.int(1...3)).map { _ in nextLine() }
                // Page parts before the text: a forward line, a player's label.
                if maker.int(0...4) == 0 { dump.lines.append("Forwarded from\u{A0}" + maker.name()) }
                dump.lines += reply()
                if maker.int(0...4) == 0 { dump.lines += ["Media is too big", "VIEW IN TELEGRAM"] }
                dump.lines += [head] + body + body
                // Sometimes the placeholder pair after the text (posts with custom emoji).
                if maker.int(0...4) == 0 { dump.lines += ["Please open Telegram to view this post", "VIEW IN TELEGRAM"] }
                dump.lines.append(maker.reactions())
                remember(head)
                // A footer after the reactions.
                if maker.int(0...3) == 0 { dump.lines += [maker.pick(["1.2K", "87", "edited"]), "\(maker.int(0...23)):\(maker.int(10...59))"] }
                dump.posts.append([head] + body)
                // Pin notices mark the heading format (a card copy never shows them).
                if kind == .headingDoubleBody, n == 0 { dump.lines.append("\(title) pinned «\(head.prefix(12))…»") }
            }
        }
        return dump
    }
}
