import ChansiteCore
import ChansiteModel
import Foundation

/// A default message of a Desktop HTML export page, read into the message value the JSON reader
/// makes: date (with its UTC offset), sender, forward (with its original date), reply, media,
/// text with its entities, signature and reactions. The client writes them in a fixed order;
/// for a forward, reply, media, text and signature sit inside `div.forwarded.body`.
struct DesktopHTMLMessage {
    var message: ExportJSON.Message

    /// The classes a message's parts are sorted by, and the part each field is read from.
    static let classes = ClassNames([
        "forwarded", "body", "date", "details", "pull_right", "from_name", "reply_to", "media_wrap", "text", "signature", "reactions",
    ])
    enum Part: CaseIterable {
        case forward, date, from, reply, media, text, signature, reactions

        /// The classes the part has, all of them.
        var classes: [String] {
            switch self {
            case .forward: ["forwarded", "body"]
            case .date: ["date", "details", "pull_right"]
            case .from: ["from_name"]
            case .reply: ["reply_to"]
            case .media: ["media_wrap"]
            case .text: ["text"]
            case .signature: ["signature"]
            case .reactions: ["reactions"]
            }
        }
    }
    static let masks: [Part: UInt64] = Dictionary(
        uniqueKeysWithValues: Part.allCases.map { part in (part, part.classes.reduce(0) { $0 | classes.bit($1) }) })

    init(id: String, parts: [HTMLElement], sender: String?) {
        message = ExportJSON.Message(id: id, type: "message")
        // Each part's classes read once; then each field is the first part with its classes.
        let bits = parts.map { $0.classBits(Self.classes) }
        func index(_ part: Part, in range: Range<Int>) -> Int? {
            let mask = Self.masks[part] ?? 0
            // The forward and the text are `div`s (a `span.text` is not the message's text).
            let div = part == .forward || part == .text
            return range.first { bits[$0] & mask == mask && (!div || parts[$0].isTag("div")) }
        }
        func first(_ part: Part, in range: Range<Int>) -> HTMLElement? { index(part, in: range).map { parts[$0] } }
        let all = 0..<parts.count
        let forwardIndex = index(.forward, in: all)
        // A forward's own parts follow it in document order: the run of its descendants. What
        // lies outside the run (the date, the forwarder's name) is the message's; the run holds
        // the forwarded content.
        let inner = forwardIndex.map { ($0 + 1)..<($0 + 1 + parts[$0].descendants().count) } ?? 0..<0
        let outside = { (range: Range<Int>) in range.clamped(to: 0..<inner.lowerBound) }
        let outerRanges = forwardIndex == nil ? [all] : [outside(all), inner.upperBound..<parts.count]
        func firstOutside(_ part: Part) -> HTMLElement? { outerRanges.lazy.compactMap { first(part, in: $0) }.first }
        let content = forwardIndex == nil ? all : inner
        if let date = firstOutside(.date)?.attribute("title") { apply(date: date) }
        if let from = firstOutside(.from) { apply(sender: from.text) }
        if let forwardIndex { apply(forward: parts[forwardIndex], name: first(.from, in: content)) }
        if let reply = first(.reply, in: content) { apply(reply: reply) }
        if let media = first(.media, in: content) { DesktopHTMLMedia.apply(media, to: &message) }
        if let text = first(.text, in: content) { message.text = DesktopHTMLText.parts(of: text) }
        if let signature = first(.signature, in: content) {
            message.author = signature.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let reactions = first(.reactions, in: all) { message.reactions = Self.reactions(reactions) }
    }

    /// `DD.MM.YYYY HH:MM:SS UTC+08:00`: the instant when the offset is there, else the local
    /// wall-clock time as old JSON exports give it.
    mutating func apply(date title: String) {
        guard let parsed = DesktopHTMLDate(title) else {
            message.rejected.append("date \(ExportJSON.FieldReader.shown(title)) cannot be read; left out")
            return
        }
        message.date = parsed.local
        message.dateUnixtime = parsed.unixTime.map(String.init)
    }

    /// `Name` or `Name  via @bot` (the client's trailing space makes two).
    mutating func apply(sender text: String) {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let via = name.firstRange(of: " via @") {
            message.from = String(name[..<via.lowerBound]).trimmingCharacters(in: .whitespaces)
            message.viaBot = "@" + name[via.upperBound...]
        } else {
            message.from = name
        }
    }

    /// The forward's origin: its name (the date span left out) and the original date.
    mutating func apply(forward: HTMLElement, name: HTMLElement?) {
        guard let from = name else {
            message.forwardedFrom = ""
            return
        }
        var name = ""
        for case .text(let text) in from.children { name += text }
        message.forwardedFrom = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let span = from.first({ $0.hasClasses("date", "details") }), let title = span.attribute("title"),
            let date = DesktopHTMLDate(title)
        {
            message.forwardedDate = date.unixTime.map(String.init)
        }
    }

    mutating func apply(reply: HTMLElement) {
        let links = reply.descendants().filter { $0.isTag("a") }
        if let target = links.lazy.compactMap({ DesktopHTMLPage.messageNumber(in: $0.attribute("href") ?? "") }).first {
            message.replyTo = target
        } else if reply.text.contains("another chat") {
            message.replyToPeer = "another chat"
        }
    }

    /// `span.reactions > span.reaction` (since v5.13) or the older `div`s: the emoji (a custom
    /// one is a link, a paid one the star), and the count, or the number of recent reactors
    /// shown when the client left the count out.
    static func reactions(_ element: HTMLElement) -> [ExportJSON.Reaction] {
        element.descendants().filter { $0.hasClass("reaction") }.map { reaction in
            let parts = reaction.descendants()
            let emoji = parts.first { $0.hasClass("emoji") }
            let custom = emoji?.descendants().contains { $0.isTag("a") } ?? false
            let countText = parts.first { $0.hasClass("count") }?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let count = countText ?? String(parts.filter { $0.hasClass("userpic") }.count)
            let type = reaction.hasClass("paid") ? "paid" : custom ? "custom_emoji" : "emoji"
            let shown = emoji?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return ExportJSON.Reaction(
                type: type, count: ExportJSON.Flexible(text: count), emoji: type == "emoji" ? shown : nil, documentID: nil)
        }
    }
}

/// A date as the Desktop HTML export writes it in a `title`.
struct DesktopHTMLDate {
    /// The wall-clock time as ISO 8601 without an offset (JSON's `date`).
    var local: String
    /// The instant, when the title has its `UTC±HH:MM` (exports since mid-2022).
    var unixTime: Int?

    init?(_ title: String) {
        // One pass over the bytes (a page has a date per message): six numbers separated by
        // spaces, dots or colons, then an optional `UTC±HH[:MM]`.
        var numbers: [Int] = []
        var zone: (sign: Int, hours: Int, minutes: Int)?
        var utf8 = Array(title.utf8)[...]
        while let byte = utf8.first, numbers.count < 6 {
            if Self.isDigit(byte) {
                guard let number = Self.number(&utf8, maxDigits: numbers.count == 2 ? 4 : 2) else { return nil }
                numbers.append(number)
            } else if byte == 0x20 || byte == 0x2E || byte == 0x3A {
                utf8 = utf8.dropFirst()
            } else {
                return nil
            }
        }
        guard numbers.count == 6 else { return nil }
        let (day, month, year, hour, minute, second) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
        if utf8.starts(with: "UTC".utf8) {
            utf8 = utf8.dropFirst(3)
            guard let sign = utf8.first.flatMap({ $0 == 0x2B ? 1 : $0 == 0x2D ? -1 : nil }) else { return nil }
            utf8 = utf8.dropFirst()
            guard let hours = Self.number(&utf8, maxDigits: 2), (0...14).contains(hours) else { return nil }
            var minutes = 0
            if utf8.first == 0x3A {
                utf8 = utf8.dropFirst()
                minutes = Self.number(&utf8, maxDigits: 2) ?? 0
            }
            zone = (sign, hours, minutes)
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        local = "\(paddedYear)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
        let wall = Self.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        unixTime = zone.map { wall - $0.sign * ($0.hours * 3600 + $0.minutes * 60) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The decimal number at the start of `bytes` (at most `maxDigits` digits), consumed.
    private static func number(_ bytes: inout ArraySlice<UInt8>, maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while let byte = bytes.first, isDigit(byte) {
            count += 1
            guard count <= maxDigits else { return nil }
            value = value * 10 + Int(byte - 0x30)
            bytes = bytes.dropFirst()
        }
        return count > 0 ? value : nil
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
