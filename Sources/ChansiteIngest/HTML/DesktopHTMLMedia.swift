import ChansiteCore

/// A message's `div.media_wrap` read into the media fields of the export's message: photos,
/// videos, animations, stickers and the generic blocks (voice, audio, files, contacts,
/// locations, placeholders for files left out of the export) and polls.
enum DesktopHTMLMedia {
    static func apply(_ wrap: HTMLElement, to message: inout ExportJSON.Message) {
        let parts = wrap.descendants()
        func first(_ names: String...) -> HTMLElement? {
            parts.first { element in names.allSatisfy { element.hasClass($0) } }
        }
        if let photo = first("photo_wrap"), let href = photo.attribute("href") {
            message.photo = href
        } else if let video = first("video_file_wrap"), let href = video.attribute("href") {
            file(href, type: "video_file", thumbnail: first("video_file")?.attribute("src"), in: &message)
            message.durationSeconds = first("video_duration").flatMap { duration($0.text) }
        } else if let animation = first("animated_wrap"), let href = animation.attribute("href") {
            file(href, type: "animation", thumbnail: first("animated")?.attribute("src"), in: &message)
        } else if let sticker = first("sticker_wrap"), let href = sticker.attribute("href") {
            file(href, type: "sticker", thumbnail: first("sticker")?.attribute("src"), in: &message)
        } else if let poll = first("media_poll") {
            // A to-do list is written as a poll whose details say so; the HTML keeps no done state.
            let details = poll.descendants().filter { $0.hasClass("details") && !$0.hasClass("total") }
            if details.contains(where: { $0.text.lowercased().contains("to-do") }) {
                message.todoList = Self.todo(Self.poll(poll))
            } else {
                message.poll = Self.poll(poll)
            }
        } else if let giveaway = first("media_giveaway") {
            Self.giveaway(giveaway, in: &message)
        } else if let block = first("media") {
            generic(block, in: &message)
        } else if let kind = parts.first(where: { $0.name == "div" })?.attribute("class") {
            message.rejected.append("media of a kind this reader does not know ('\(kind.prefix(40))') left out")
        }
    }

    /// A to-do list from its poll-shaped markup: the title and the items, numbered in order.
    static func todo(_ poll: ExportJSON.Poll) -> ExportJSON.TodoList {
        ExportJSON.TodoList(
            title: poll.question,
            answers: (poll.answers ?? []).enumerated().map { n, answer in
                ExportJSON.TodoList.Item(text: answer.text, id: ExportJSON.Flexible(text: String(n + 1)))
            })
    }

    /// `div.media_giveaway`: sections of a title (`div.section_title`) and bodies. A giveaway's
    /// ("Giveaway Prizes", "with", "Participants", "Winners Selection Date") give its quantity,
    /// prize, stars or Premium months, how many chats take part, the countries and whether only
    /// new subscribers count; its results' ("Winners Selected!") the number of winners and the
    /// giveaway's message. The results' "Winners" section names people: it is never read.
    static func giveaway(_ element: HTMLElement, in message: inout ExportJSON.Message) {
        var sections: [(title: String, bodies: [HTMLElement])] = []
        for part in element.descendants() {
            if part.hasClass("section_title") {
                sections.append((part.text.trimmingCharacters(in: .whitespacesAndNewlines), []))
            } else if part.hasClass("section_body"), !sections.isEmpty {
                sections[sections.count - 1].bodies.append(part)
            }
        }
        func bold(_ body: HTMLElement?) -> [String] {
            (body?.descendants() ?? []).filter { $0.name == "b" }.map { leadingNumber($0.text) }
        }
        func number(_ text: String?) -> ExportJSON.Flexible? {
            text.flatMap { $0 == "0" ? nil : ExportJSON.Flexible(text: $0) }
        }
        guard let first = sections.first else { return }
        if first.title.hasPrefix("Winner") {
            let body = first.bodies.first
            let launch = (body?.descendants() ?? []).compactMap { $0.attribute("href") }.lazy.compactMap(DesktopHTMLPage.messageNumber).first
            message.giveawayResults = ExportJSON.GiveawayResults(
                launchMessageID: launch.map { ExportJSON.Flexible(text: $0) },
                winnersCount: number(bold(body).first))
            return
        }
        let prizeBody = first.bodies.first
        var prize = ""
        for case .text(let run) in prizeBody?.children ?? [] { prize += run }
        let with = sections.first { $0.title == "with" }?.bodies.first
        let withNumbers = bold(with)
        let isStars = with?.text.contains("Star") == true
        let participants = sections.first { $0.title == "Participants" }?.bodies ?? []
        let countries = participants.dropFirst().flatMap { countryCodes(in: $0.text) }
        let until = sections.first { $0.title == "Winners Selection Date" }?.bodies.first.flatMap { localISODate($0.text) }
        message.giveaway = ExportJSON.Giveaway(
            quantity: number(bold(prizeBody).first), months: isStars ? nil : number(withNumbers.dropFirst().first), untilDate: until,
            channels: participants.first.map { body in bold(body).map { _ in ExportJSON.Flexible(text: "0") } },
            countries: countries, additionalPrize: prize.trimmingCharacters(in: .whitespacesAndNewlines),
            stars: isStars ? number(withNumbers.first) : nil, isOnlyNewSubscribers: participants.first?.text.contains("joined") == true)
    }

    /// The countries a giveaway names, each written as its flag (two regional-indicator
    /// letters) and its English name: the flags' ISO codes.
    static func countryCodes(in text: String) -> [String] {
        var codes: [String] = []
        var letters: [Character] = []
        for scalar in text.unicodeScalars {
            guard (0x1F1E6...0x1F1FF).contains(scalar.value), let letter = Unicode.Scalar(scalar.value - 0x1F1E6 + 65) else {
                letters.removeAll()
                continue
            }
            letters.append(Character(letter))
            if letters.count == 2 {
                codes.append(String(letters))
                letters.removeAll()
            }
        }
        return codes
    }

    /// "20.03.2025 18:00:00" (the client's local date and time) as the JSON export writes it:
    /// "2025-03-20T18:00:00"; nil when it is not one.
    static func localISODate(_ text: String) -> String? {
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: { ". :".contains($0) })
        guard fields.count == 6, fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            [2, 2, 4, 2, 2, 2] == fields.map(\.count)
        else { return nil }
        return "\(fields[2])-\(fields[1])-\(fields[0])T\(fields[3]):\(fields[4]):\(fields[5])"
    }

    static func file(_ href: String, type: String?, thumbnail: String?, in message: inout ExportJSON.Message) {
        message.file = href
        message.mediaType = type
        message.thumbnail = thumbnail
    }

    /// `div.media.{class}` (a file left out of the export) or `a.media.block_link.{class}[href]`
    /// with a title, a description (why a file is missing) and a status (duration, size, place).
    static func generic(_ block: HTMLElement, in message: inout ExportJSON.Message) {
        let parts = block.descendants()
        func text(_ name: String) -> String? {
            parts.first { $0.hasClass(name) }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let title = text("title") ?? ""
        let status = text("status")
        let path = block.name == "a" ? block.attribute("href") : nil
        let placeholder = path == nil ? Self.placeholder(text("description")) : nil
        switch true {
        case block.hasClass("media_contact"):
            let phone = status?.components(separatedBy: " - vCard").first
            message.contact = ExportJSON.Contact(firstName: title, lastName: nil, phoneNumber: phone)
        case block.hasClass("media_location"), block.hasClass("media_live_location"), block.hasClass("media_venue"):
            let numbers = (status ?? "").split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            if numbers.count == 2, let latitude = numbers[0], let longitude = numbers[1] {
                message.location = ExportJSON.Location(latitude: latitude, longitude: longitude)
            }
            if block.hasClass("media_venue") { message.placeName = title }
        case block.hasClass("media_photo") where title != "Sticker":
            message.photo = path ?? placeholder
        case block.hasClass("media_photo"):
            file(path ?? placeholder ?? "", type: "sticker", thumbnail: nil, in: &message)
            message.stickerEmoji = status
        case block.hasClass("media_voice_message"):
            file(path ?? placeholder ?? "", type: "voice_message", thumbnail: nil, in: &message)
            message.durationSeconds = status.flatMap(duration)
        case block.hasClass("media_audio_file"):
            file(path ?? placeholder ?? "", type: "audio_file", thumbnail: nil, in: &message)
            let names = title.components(separatedBy: " – ")
            if names.count == 2 {
                message.performer = names[0]
                message.title = names[1]
            } else if title != "Audio file" {
                message.fileName = title
            }
            message.durationSeconds = status.flatMap(duration)
        case block.hasClass("media_video"):
            let type = title == "Video message" ? "video_message" : title == "Animation" ? "animation" : "video_file"
            file(path ?? placeholder ?? "", type: type, thumbnail: nil, in: &message)
            message.durationSeconds = status.flatMap(duration)
        case block.hasClass("media_file"):
            file(path ?? placeholder ?? "", type: nil, thumbnail: nil, in: &message)
            if title != "File" { message.fileName = title }
        case block.hasClass("media_invoice") where title.isEmpty:
            // Paid media: an invoice without a title, in stars ("⭐1,000"; currency XTR).
            message.paidStars = paidStars(status ?? "")
        default:
            break  // games, invoices, calls: nothing the archive shows
        }
    }

    /// The stars of a paid post's price ("⭐1,000", or "XTR" and the amount): its digits, the
    /// client's separators left out; nil for a price in another currency.
    static func paidStars(_ status: String) -> Int? {
        guard status.contains("\u{2B50}") || status.contains("XTR") else { return nil }
        return ExportJSON.integer(String(status.filter { $0.isASCII && $0.isNumber }), in: InputRange.count)
    }

    /// The JSON export's sentence for a file left out, from the HTML export's description.
    static func placeholder(_ description: String?) -> String {
        switch description {
        case let text? where text.hasPrefix("Exceeds"):
            return "(File exceeds maximum size. Change data exporting settings to download.)"
        case let text? where text.hasPrefix("Unavailable"):
            return "(File unavailable, please try again later)"
        default:
            return "(File not included. Change data exporting settings to download.)"
        }
    }

    /// `mm:ss` or `h:mm:ss` in seconds.
    static func duration(_ text: String) -> Int? {
        let fields = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let numbers = fields.compactMap { Int($0) }
        guard numbers.count == fields.count else { return nil }
        return numbers.reduce(0) { $0 * 60 + $1 }
    }

    /// `div.media_poll`: the question, whether results are final, each answer's votes and the
    /// exporter's own vote, and the total.
    static func poll(_ element: HTMLElement) -> ExportJSON.Poll {
        let parts = element.descendants()
        let question = parts.first { $0.hasClass("question") }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let details = parts.filter { $0.hasClass("details") && !$0.hasClass("total") }
        let closed = details.contains { $0.text.contains("Final results") }
        let answers = parts.filter { $0.hasClass("answer") }.map { answer -> ExportJSON.Poll.Answer in
            let votes = answer.descendants().first { $0.hasClass("details") }?.text ?? ""
            var text = ""
            for case .text(let run) in answer.children { text += run }
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("- ") { text.removeFirst(2) }
            return ExportJSON.Poll.Answer(
                text: ExportJSON.Text(parts: [ExportJSON.Part(plain: text)]), voters: ExportJSON.Flexible(text: leadingNumber(votes)),
                chosen: votes.contains("chosen vote"))
        }
        let total = parts.first { $0.hasClass("total") }.map { leadingNumber($0.text) } ?? "0"
        return ExportJSON.Poll(
            question: ExportJSON.Text(parts: [ExportJSON.Part(plain: question)]), closed: closed,
            totalVoters: ExportJSON.Flexible(text: total), answers: answers)
    }

    /// The digits a count text starts with (`40 votes` → `40`), else `0`.
    static func leadingNumber(_ text: String) -> String {
        let digits = text.trimmingCharacters(in: .whitespacesAndNewlines).prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? "0" : String(digits)
    }
}
