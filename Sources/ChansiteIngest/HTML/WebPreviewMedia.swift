import ChansiteCore
import ChansiteModel
import Foundation

/// The media, polls, places, reactions and link cards of a web-preview post. The page names
/// media files only by CDN addresses whose tokens expire: the site never loads them (readers'
/// browsers would be sent to Telegram's servers, and the links break later). Each becomes a
/// media entry that says what it was — kind, size or duration — without a file.
enum WebPreviewMedia {
    static func read(_ parts: [HTMLElement], into post: inout Post, details: inout PostDetails) {
        var media: [MediaFile] = []
        // Each player's duration is the next duration label in the page (found once, not per player).
        var videoDurations = parts.filter { $0.hasClass("message_video_duration") }.makeIterator()
        var voiceDurations = parts.filter { $0.hasClass("tgme_widget_message_voice_duration") }.makeIterator()
        for part in parts {
            if part.hasClass("tgme_widget_message_photo_wrap") {
                media.append(MediaFile(kind: .photo, unavailable: .remote))
            } else if part.hasClass("tgme_widget_message_video_player") {
                var file = MediaFile(kind: .videoFile, unavailable: .remote)
                file.durationSeconds = videoDurations.next().flatMap { DesktopHTMLMedia.duration($0.text) }
                media.append(file)
            } else if part.hasClass("tgme_widget_message_roundvideo_player") {
                media.append(MediaFile(kind: .videoMessage, unavailable: .remote))
            } else if part.isTag("audio"), part.hasClass("tgme_widget_message_voice") {
                var file = MediaFile(kind: .voiceMessage, unavailable: .remote)
                file.durationSeconds = voiceDurations.next().flatMap { DesktopHTMLMedia.duration($0.text) }
                media.append(file)
            } else if part.hasClass("tgme_widget_message_document_wrap") {
                let title = part.descendants().first { $0.hasClass("tgme_widget_message_document_title") }?.text
                var file = MediaFile(kind: .file, unavailable: .remote)
                file.fileName = title?.trimmingCharacters(in: .whitespacesAndNewlines)
                media.append(file)
            } else if part.hasClass("tgme_widget_message_sticker_wrap") {
                media.append(MediaFile(kind: .sticker, unavailable: .remote))
            } else if part.hasClass("tgme_widget_message_location_wrap"), let href = part.attribute("href") {
                details.location = location(href)
            } else if part.hasClass("tgme_widget_message_poll") {
                details.poll = poll(part)
            } else if part.hasClass("message_media_not_supported_label") {
                post.hasMediaPlaceholder = true
            }
        }
        post.media = media
    }

    /// `https://maps.google.com/maps?q=LAT,LON&…`.
    static func location(_ href: String) -> PostDetails.Location? {
        guard let query = href.split(separator: "?").last else { return nil }
        for pair in query.replacingOccurrences(of: "&amp;", with: "&").split(separator: "&") where pair.hasPrefix("q=") {
            let numbers = pair.dropFirst(2).split(separator: ",").compactMap { Double($0) }
            guard numbers.count == 2, InputRange.latitude.contains(numbers[0]), InputRange.longitude.contains(numbers[1]) else { return nil }
            return PostDetails.Location(latitude: numbers[0], longitude: numbers[1])
        }
        return nil
    }

    /// A poll: question, each option's text and share (the page shows shares, not votes).
    static func poll(_ element: HTMLElement) -> PostDetails.Poll {
        let parts = element.descendants()
        let question = parts.first { $0.hasClass("tgme_widget_message_poll_question") }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let answers = parts.filter { $0.hasClass("tgme_widget_message_poll_option") }.map { option -> PostDetails.Poll.Answer in
            let inner = option.descendants()
            let text = inner.first { $0.hasClass("tgme_widget_message_poll_option_text") }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let percent = inner.first { $0.hasClass("tgme_widget_message_poll_option_percent") }?.text ?? ""
            // A share in percent: anything else on a hostile page counts as 0, so the total
            // below cannot overflow.
            let share = ExportJSON.integer(DesktopHTMLMedia.leadingNumber(percent), in: 0...100) ?? 0
            return PostDetails.Poll.Answer(text: text, voters: share, chosen: false)
        }
        return PostDetails.Poll(question: question, closed: false, totalVoters: answers.reduce(0) { $0 + $1.voters }, answers: answers)
    }

    /// `span.tgme_reaction`: an emoji (or a custom one, or the star of a paid reaction) and
    /// its count as shown (`2.4K`).
    static func reactions(_ parts: [HTMLElement]) -> [Reaction]? {
        let chips = parts.filter { $0.hasClass("tgme_reaction") }
        guard !chips.isEmpty else { return nil }
        let reactions = chips.compactMap { chip -> Reaction? in
            let inner = chip.descendants()
            let emoji: String
            if chip.hasClass("tgme_reaction_paid") {
                emoji = "⭐"
            } else if inner.contains(where: { $0.isTag("tg-emoji") }) {
                emoji = "✨"
            } else {
                emoji = inner.first { $0.isTag("b") }?.text ?? ""
            }
            var countText = ""
            for case .text(let run) in chip.children { countText += run }
            guard !emoji.isEmpty, let count = count(countText) else { return nil }
            return Reaction(emoji: emoji, count: count)
        }
        return reactions.isEmpty ? nil : reactions
    }

    /// `12`, `2.4K`, `1.1M` as a number within `InputRange.count`.
    static func count(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let scale: Double = trimmed.hasSuffix("K") ? 1_000 : trimmed.hasSuffix("M") ? 1_000_000 : 1
        guard let value = Double(scale == 1 ? trimmed : String(trimmed.dropLast())), value.isFinite else { return nil }
        let counted = (value * scale).rounded()
        guard counted >= 0, counted <= Double(InputRange.count.upperBound) else { return nil }
        return Int(counted)
    }

    static func linkPreview(_ element: HTMLElement) -> LinkPreview {
        let parts = element.descendants()
        func text(_ name: String) -> String {
            parts.first { $0.hasClass(name) }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        return LinkPreview(
            site: text("link_preview_site_name"), title: text("link_preview_title"), description: text("link_preview_description"),
            url: element.attribute("href"))
    }
}
