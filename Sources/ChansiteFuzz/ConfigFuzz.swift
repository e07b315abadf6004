import ChansiteCore
import Foundation

/// A structure-aware target over `chansite.json`: the fuzzer's bytes choose a configuration
/// whose keys carry hostile values, and a small site is built with it in memory. A bad value
/// must be an error naming the key, never a crash.
enum ConfigFuzz {
    static let keys = [
        "title", "description", "baseURL", "language", "postsPerPage", "tagPostsPerPage", "homePostsPerChannel", "timeZone", "channelOrder",
        "exportChatTypes", "channelHandles", "channelLanguages", "postsPerFolder", "maxMediaFileSize",
    ]
    static let languages = ["\"ru\"", "\"en\"", "\"ru_RU\"", "\"pt-BR\"", "\"\"", "\"x\"", "\"zh-Hant-TW\"", "\"en-\"", "\"<b>\"", "\"ar\""]
    static let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег\n\nSecond post @someone https://t.me/x/1\n"

    static func run(_ data: Data) {
        var choices = FuzzChoices([UInt8](data))
        var fields: [String] = []
        for _ in 0..<(1 + choices.below(6)) {
            let key = choices.pick(keys)
            let value =
                key == "language"
                ? choices.pick(languages) : choices.chance(4) ? choices.hostileNumber() : choices.hostileValue()
            fields.append("\"\(key)\":\(value)")
        }
        let config = "{" + fields.joined(separator: ",") + "}"
        FuzzProject.shared.build(files: ["chansite.json": Data(config.utf8), "Content/a.txt": Data(dump.utf8)])
    }
}
