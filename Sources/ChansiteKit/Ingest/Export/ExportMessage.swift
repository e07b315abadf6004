import Foundation

extension ExportJSON {
    /// One message of an export, every version's keys read; see
    /// `shared/formats/telegram-desktop-export.md`.
    struct Message: Decodable {
        var id: String
        var type: String
        var date: String?
        var dateUnixtime: String?
        var edited: String?
        var editedUnixtime: String?
        var from: String?
        var fromID: String?
        var author: String?
        var forwardedFrom: String?
        var forwardedFromID: String?
        var savedFrom: String?
        var replyTo: String?
        var replyToPeer: String?
        var viaBot: String?
        var action: String?
        var actionMessageID: String?
        var actionTitle: String?
        var text: [Part]
        var photo: String?
        var file: String?
        var fileName: String?
        var fileSize: Int?
        var thumbnail: String?
        var mimeType: String?
        var mediaType: String?
        var width: Int?
        var height: Int?
        var durationSeconds: Int?
        var stickerEmoji: String?
        var performer: String?
        var title: String?
        var mediaSpoiler: Bool
        var poll: Poll?
        var location: Location?
        var placeName: String?
        var address: String?
        var contact: Contact?
        var reactions: [Reaction]
        /// Keys of this message that chansite does not read.
        var unknownKeys: [String]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
            init(_ name: String) { stringValue = name }
        }

        /// Keys read here, and keys known and deliberately left out (buttons, self-destruct
        /// timers, giveaways and the like have no place in an archive page).
        static let knownKeys: Set<String> = [
            "id", "type", "date", "date_unixtime", "edited", "edited_unixtime", "from", "from_id", "author",
            "forwarded_from", "forwarded_from_id", "saved_from", "reply_to_message_id", "reply_to_peer_id", "via_bot",
            "actor", "actor_id", "action", "message_id", "title", "text", "text_entities", "photo", "photo_file_size",
            "file", "file_name", "file_size", "thumbnail", "thumbnail_file_size", "mime_type", "media_type", "width",
            "height", "duration_seconds", "sticker_emoji", "performer", "media_spoiler", "poll", "location_information",
            "place_name", "address", "contact_information", "contact_vcard", "reactions", "inline_bot_buttons",
            "members", "live_location_period_seconds", "self_destruct_period_seconds", "todo_list", "game_title",
            "game_description", "game_link", "invoice_information", "giveaway_information", "giveaway_results",
            "boosts", "period", "duration", "discard_reason", "reason_domain", "emoticon", "values", "cost", "months",
            "from_user", "to_user", "photo_text", "button_text", "reply_to_story_id",
        ]

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            func string(_ key: String) -> String? { (try? c.decodeIfPresent(Flexible.self, forKey: Key(key)))??.text }
            func int(_ key: String) -> Int? { (try? c.decodeIfPresent(Int.self, forKey: Key(key))) ?? nil }
            guard let id = string("id") else {
                throw DecodingError.keyNotFound(Key("id"), .init(codingPath: c.codingPath, debugDescription: "a message without an id"))
            }
            self.id = id
            type = string("type") ?? "message"
            date = string("date")
            dateUnixtime = string("date_unixtime")
            edited = string("edited")
            editedUnixtime = string("edited_unixtime")
            from = string("from")
            fromID = string("from_id")
            author = string("author")
            forwardedFrom = string("forwarded_from")
            forwardedFromID = string("forwarded_from_id")
            savedFrom = string("saved_from")
            replyTo = string("reply_to_message_id")
            replyToPeer = string("reply_to_peer_id")
            viaBot = string("via_bot")
            action = string("action")
            actionMessageID = string("message_id")
            actionTitle = string("title")
            // `text_entities` (since late 2022) is the same text as `text`, always as a list.
            let entities = (try? c.decodeIfPresent([Part].self, forKey: Key("text_entities"))) ?? nil
            text = entities ?? ((try? c.decodeIfPresent(Text.self, forKey: Key("text")))??.parts ?? [])
            photo = string("photo")
            file = string("file")
            fileName = string("file_name")
            fileSize = int("file_size") ?? int("photo_file_size")
            thumbnail = string("thumbnail")
            mimeType = string("mime_type")
            mediaType = string("media_type")
            width = int("width")
            height = int("height")
            durationSeconds = int("duration_seconds")
            stickerEmoji = string("sticker_emoji")
            performer = string("performer")
            title = actionTitle
            mediaSpoiler = ((try? c.decodeIfPresent(Bool.self, forKey: Key("media_spoiler"))) ?? nil) ?? false
            poll = (try? c.decodeIfPresent(Poll.self, forKey: Key("poll"))) ?? nil
            location = (try? c.decodeIfPresent(Location.self, forKey: Key("location_information"))) ?? nil
            placeName = string("place_name")
            address = string("address")
            contact = (try? c.decodeIfPresent(Contact.self, forKey: Key("contact_information"))) ?? nil
            reactions = ((try? c.decodeIfPresent([Reaction].self, forKey: Key("reactions"))) ?? nil) ?? []
            unknownKeys = c.allKeys.map(\.stringValue).filter { !Self.knownKeys.contains($0) }
        }
    }
}
