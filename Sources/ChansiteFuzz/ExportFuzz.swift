import ChansiteCore
import Foundation

/// A structure-aware target over `result.json`: the fuzzer's bytes choose a valid export whose
/// keys carry hostile values (numbers out of every range, ids that are not numbers, odd types,
/// hostile text, paths, entities), and the whole build runs on it in memory — read, model,
/// media, render, index. No input may crash it; every failure must be a diagnostic.
enum ExportFuzz {
    static let messageKeys = [
        "id", "type", "date", "date_unixtime", "edited", "edited_unixtime", "from", "from_id", "author", "forwarded_from",
        "reply_to_message_id", "reply_to_peer_id", "via_bot", "action", "message_id", "title", "photo", "photo_file_size",
        "file", "file_name", "file_size", "thumbnail", "mime_type", "media_type", "width", "height", "duration_seconds",
        "sticker_emoji", "performer", "media_spoiler", "place_name", "address",
    ]
    static let entityTypes = [
        "plain", "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link", "link", "mention",
        "mention_name", "hashtag", "cashtag", "bot_command", "email", "phone", "bank_card", "blockquote", "custom_emoji", "unknown",
    ]

    static func document(_ choices: inout FuzzChoices) -> String {
        let type = choices.pick(["\"public_channel\"", "\"private_channel\"", "\"personal_chat\"", "null", "\"\"", "1"])
        let messages = (0..<(1 + choices.below(8))).map { index in message(index, &choices) }
        let chat =
            "{\"name\":\(choices.hostileString()),\"type\":\(type),\"id\":\(choices.hostileNumber()),\"messages\":[\(messages.joined(separator: ",\n"))]}"
        return choices.chance(1) ? "{\"chats\":{\"list\":[\(chat)]}}" : chat
    }

    static func message(_ index: Int, _ choices: inout FuzzChoices) -> String {
        var fields = ["\"id\":\(choices.chance(6) ? String(index + 1) : choices.hostileNumber())", "\"type\":\"message\""]
        if choices.chance(6) { fields.append("\"date_unixtime\":\"\(1_709_632_800 + index)\"") }
        for _ in 0..<choices.below(6) {
            let key = choices.pick(messageKeys)
            fields.append("\"\(key)\":\(choices.chance(3) ? choices.hostileValue() : choices.hostileNumber())")
        }
        fields.append("\"text\":\(text(&choices))")
        if choices.chance(2) { fields.append("\"text_entities\":\(text(&choices))") }
        if choices.chance(1) { fields.append("\"poll\":\(poll(&choices))") }
        if choices.chance(1) { fields.append("\"reactions\":[{\"type\":\"emoji\",\"emoji\":\"👍\",\"count\":\(choices.hostileNumber())}]") }
        if choices.chance(1) {
            fields.append("\"location_information\":{\"latitude\":\(choices.hostileNumber()),\"longitude\":\(choices.hostileNumber())}")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func text(_ choices: inout FuzzChoices) -> String {
        guard choices.chance(5) else { return choices.hostileString() }
        let parts = (0..<choices.below(5)).map { _ -> String in
            if choices.chance(2) { return choices.hostileString() }
            var part = "{\"type\":\"\(choices.pick(entityTypes))\",\"text\":\(choices.hostileString())"
            if choices.chance(3) { part += ",\"href\":\(choices.hostileString())" }
            if choices.chance(2) { part += ",\"user_id\":\(choices.hostileNumber())" }
            if choices.chance(2) { part += ",\"language\":\(choices.hostileValue())" }
            return part + "}"
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    static func poll(_ choices: inout FuzzChoices) -> String {
        let answers = (0..<choices.below(4)).map { _ in
            "{\"text\":\(choices.hostileString()),\"voters\":\(choices.hostileNumber()),\"chosen\":\(choices.pick(["true", "false", "1"]))}"
        }
        return "{\"question\":\(choices.hostileString()),\"total_voters\":\(choices.hostileNumber()),\"answers\":[\(answers.joined(separator: ","))]}"
    }

    static func run(_ data: Data) {
        var choices = FuzzChoices([UInt8](data))
        let json = document(&choices)
        FuzzProject.shared.build(files: ["Content/export/result.json": Data(json.utf8)])
    }
}
