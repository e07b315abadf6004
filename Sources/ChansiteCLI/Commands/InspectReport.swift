import ChansiteCore
import ChansiteIngest
import Foundation

/// The human-readable form of `chansite inspect`.
struct InspectReport {
    let parsed: ParsedDump

    init(_ parsed: ParsedDump) {
        self.parsed = parsed
    }

    var text: String {
        var out = "\(parsed.path): format \(parsed.format)\n"
        let channel = parsed.channel
        out += "channel: \(channel.title ?? "(no title)")"
        if let handle = channel.handle { out += " @\(handle)" }
        if let subscribers = channel.subscribers { out += ", \(subscribers) subscribers" }
        out += "\n"
        if let description = channel.description {
            out += "  " + description.split(separator: "\n").joined(separator: " ") + "\n"
        }
        out += "\(Counted.of(parsed.posts.count, "post")), \(Counted.of(parsed.droppedLines.count, "line")) dropped"
        if !parsed.learnedSeams.isEmpty { out += ", \(Counted.of(parsed.learnedSeams.count, "learned split"))" }
        out += "\n\n"
        let learned = Dictionary(parsed.learnedSeams.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        for (n, post) in parsed.posts.enumerated() {
            out += String(format: "%3d  lines %d-%d  ", n + 1, post.source.firstLine, post.source.lastLine)
            out += post.excerpt(maxLength: 70) + "\n"
            var meta: [String] = []
            if let title = post.title { meta.append("title: \(title)") }
            if let id = post.messageID { meta.append("message \(id)" + (post.date.map { ", \($0.formatted(.iso8601))" } ?? "")) }
            if let reply = post.replyTo { meta.append("reply to \(reply)") }
            let media = post.media.filter { $0.kind != .placeholder }.map { $0.kind.name + ($0.unavailable == nil ? "" : " (not in the export)") }
            if !media.isEmpty { meta.append("media: " + media.joined(separator: ", ")) }
            if !post.hashtags.isEmpty { meta.append("tags: " + post.hashtags.joined(separator: " ")) }
            if let forwarded = post.forwardedFrom { meta.append("forwarded from: \(forwarded)") }
            if let date = post.dateText { meta.append("date: \(date)") }
            if let reactions = post.reactions { meta.append("reactions: " + reactions.map { "\($0.emoji)\($0.count)" }.joined(separator: " ")) }
            if post.hasMediaPlaceholder { meta.append("media not captured") }
            if let seam = learned[post.source.firstLine] { meta.append("starts at a learned seam (score \(seam.scoreText))") }
            for card in post.linkPreviews { meta.append("card: \(card.site) — \(card.title)") }
            for line in meta { out += "       \(line)\n" }
        }
        let diagnostics = parsed.diagnostics + parsed.learnedSeamNotes + parsed.droppedLineNotes
        if !diagnostics.isEmpty {
            out += "\n"
            for diagnostic in diagnostics { out += diagnostic.description + "\n" }
        }
        return out
    }
}
