import Foundation
import PropertyBased
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// Exports generated at random (text as strings or entity lists, photos, albums, service
/// messages, unknown keys): reading never crashes, and every message's words end up in exactly
/// one post, in id order.
@Suite struct ExportPropertyTests {
    static let kinds = [
        "plain", "bold", "italic", "spoiler", "code", "pre", "text_link", "hashtag", "mention", "blockquote", "custom_emoji", "new_kind",
    ]

    /// One message as JSON, and the unique word its text carries (nil for a service message).
    static func message(id: Int, seed: UInt64, time: Int) -> (json: [String: Any], word: String?) {
        var random = SeededRandom(state: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        if pick(8) == 0 {
            return (
                [
                    "id": id, "type": "service", "action": ["pin_message", "create_channel", "edit_group_photo"][pick(3)],
                    "message_id": max(1, id - 1), "date_unixtime": String(time), "text": "",
                ], nil
            )
        }
        let word = "m\(id)x"
        var parts: [Any] = []
        for index in 0..<(1 + pick(4)) {
            let text = index == 0 ? "\(word) " : ["слово ", "كلمة ", "词", " line\n", "\n\n", "#tag ", "🙂 "][pick(7)]
            parts.append(pick(3) == 0 ? text : ["type": kinds[pick(kinds.count)], "text": text, "href": "https://e.org", "language": "x"])
        }
        var json: [String: Any] = ["id": id, "type": "message", "date_unixtime": String(time), "from_id": "channel1", "text": parts]
        if pick(2) == 0 { json["text_entities"] = parts.map { $0 is String ? ["type": "plain", "text": $0] : $0 } }
        if pick(3) == 0 {
            json["photo"] = ["photos/p\(id).jpg", "(File not included. Change data exporting settings to download.)", "../x.jpg"][pick(3)]
        }
        if pick(6) == 0 { json["future_key_\(pick(3))"] = pick(9) }
        if json["photo"] != nil, pick(2) == 0 {
            // A photo without a caption: the kind of message albums are made of.
            json["text"] = ""
            json["text_entities"] = [Any]()
            return (json, nil)
        }
        return (json, word)
    }

    @Test func everyMessagesWordsLandInExactlyOnePost() async {
        await propertyCheck(count: 200, input: Gen.uint64(), Gen.int(in: 1...40)) { seed, count in
            var random = SeededRandom(state: seed)
            var messages: [[String: Any]] = []
            var words: [String] = []
            var time = 1_700_000_000
            for id in 1...count {
                // Runs of messages in one second make albums when they hold photos.
                if random.next() % 3 != 0 { time += 60 }
                let made = Self.message(id: id, seed: random.next(), time: time)
                messages.append(made.json)
                if let word = made.word { words.append(word) }
            }
            let root: [String: Any] = ["name": "Generated", "type": "public_channel", "id": 42, "messages": messages]
            guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted]) else { return }
            let read = ExportReader().read(path: "/nonexistent/result.json", data: data)
            let posts = read.dumps.first?.posts ?? []
            let text = posts.map(\.text).joined(separator: "\n")
            for word in words {
                #expect(text.components(separatedBy: word + " ").count == 2, "\(word) not exactly once in \(posts.map(\.text))")
            }
            let ids = posts.compactMap { $0.messageID.flatMap { Int($0) } }
            #expect(ids == ids.sorted(), "posts out of id order: \(ids)")
            #expect(posts.allSatisfy { $0.media.allSatisfy { $0.sourcePath == nil } }, "a media path resolved outside a missing export")
            // Every message is a post or part of one (service messages aside): none is lost.
            let kept = Set(posts.flatMap { [$0.messageID ?? ""] + ($0.details?.albumIDs ?? []) })
            for message in messages where message["type"] as? String == "message" {
                #expect(kept.contains(String(message["id"] as? Int ?? 0)), "message \(message["id"] ?? "?") lost")
            }
        }
    }
}
