import ChansiteCore
import ChansiteModel
import Foundation

extension ExportJSON {
    /// One message of an export, every version's keys read; see
    /// `shared/formats/telegram-desktop-export.md`.
    struct Message: Decodable, Equatable {
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
        /// The forwarded message's own date as a Unix time (only HTML exports show it).
        var forwardedDate: String?
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
        var todoList: TodoList?
        var giveaway: Giveaway?
        var giveawayResults: GiveawayResults?
        var paidStars: Int?
        /// Service messages' payloads: to-do items completed, reopened and added; stars, boosts,
        /// winners; a suggested post's price and outcome.
        var todoCompleted: [Int] = []
        var todoIncompleted: [Int] = []
        var todoAdded: [TodoList.Item] = []
        var count: Int?
        var priceAmount: String?
        var priceCurrency: String?
        var suggestionRejected = false
        /// Keys of this message that chansite does not read.
        var unknownKeys: [String]
        /// False when the id is not a message number (`id` then holds it as written).
        var hasValidID: Bool
        /// What was present but could not be used, each said as "'key' …", for a diagnostic.
        var rejected: [String]

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
            "from_user", "to_user", "photo_text", "button_text", "reply_to_story_id", "paid_stars_amount", "completed",
            "incompleted", "items", "others_can_append", "others_can_complete", "gift_id", "stars", "is_limited", "is_anonymous",
            "gift_text", "price_amount_whole", "price_amount_nano", "price_currency", "scheduled_date", "rejected", "comment",
            "user_initiated", "winners", "unclaimed", "messages_count", "stars_count", "price_stars", "is_broadcast_messages_allowed",
            "amount", "currency", "gift_code", "boost_peer_id", "via_giveaway", "days", "option",
        ]

        init(from decoder: any Decoder) throws {
            var fields = FieldReader(container: try decoder.container(keyedBy: Key.self))
            try self.init(fields: &fields)
        }

        /// The message `fields` read, in one order whatever they are read from (so the notes
        /// in `rejected` come in one order too).
        init<Fields: MessageFields>(fields: inout Fields) throws {
            guard let rawID = fields.string("id") else {
                throw DecodingError.keyNotFound(Key("id"), .init(codingPath: [], debugDescription: "a message without an id"))
            }
            // The client numbers messages with positive integers; anything else (a string, a
            // fraction, 1e30) could collide with another message's or a page's file name.
            let number = ExportJSON.integer(rawID, in: InputRange.messageID)
            id = number.map(String.init) ?? rawID
            hasValidID = number != nil
            if number == nil { fields.rejected.append("'id' \(FieldReader.shown(rawID)) is not a message number; its page is named after its text") }
            type = fields.string("type") ?? "message"
            date = fields.string("date")
            dateUnixtime = fields.string("date_unixtime")
            edited = fields.string("edited")
            editedUnixtime = fields.string("edited_unixtime")
            from = fields.string("from")
            fromID = fields.string("from_id")
            author = fields.string("author")
            forwardedFrom = fields.string("forwarded_from")
            forwardedFromID = fields.string("forwarded_from_id")
            savedFrom = fields.string("saved_from")
            replyTo = fields.messageNumber("reply_to_message_id")
            replyToPeer = fields.string("reply_to_peer_id")
            viaBot = fields.string("via_bot")
            action = fields.string("action")
            actionMessageID = fields.messageNumber("message_id")
            actionTitle = fields.string("title")
            // `text_entities` (since late 2022) is the same text as `text`, always as a list.
            let entities = fields.decode(Text.self, "text_entities")
            let read = entities ?? fields.decode(Text.self, "text")
            text = read?.parts ?? []
            for problem in read?.unreadable ?? [] {
                fields.rejected.append("a part of its text cannot be read (\(problem)); left out")
            }
            photo = fields.string("photo")
            file = fields.string("file")
            fileName = fields.string("file_name")
            fileSize = fields.int("file_size", in: InputRange.fileSize) ?? fields.int("photo_file_size", in: InputRange.fileSize)
            thumbnail = fields.string("thumbnail")
            mimeType = fields.string("mime_type")
            mediaType = fields.string("media_type")
            width = fields.int("width", in: InputRange.pixels)
            height = fields.int("height", in: InputRange.pixels)
            durationSeconds = fields.int("duration_seconds", in: InputRange.duration)
            stickerEmoji = fields.string("sticker_emoji")
            performer = fields.string("performer")
            title = actionTitle
            mediaSpoiler = fields.decode(Bool.self, "media_spoiler") ?? false
            poll = fields.decode(Poll.self, "poll")
            location = fields.decode(Location.self, "location_information")
            placeName = fields.string("place_name")
            address = fields.string("address")
            contact = fields.decode(Contact.self, "contact_information")
            reactions = fields.decode([Reaction].self, "reactions") ?? []
            todoList = fields.decode(TodoList.self, "todo_list")
            giveaway = fields.decode(Giveaway.self, "giveaway_information")
            giveawayResults = fields.decode(GiveawayResults.self, "giveaway_results")
            paidStars = fields.int("paid_stars_amount", in: InputRange.count)
            todoCompleted = ExportJSON.integers(fields.decode([Flexible].self, "completed"), in: InputRange.count)
            todoIncompleted = ExportJSON.integers(fields.decode([Flexible].self, "incompleted"), in: InputRange.count)
            todoAdded = fields.decode([TodoList.Item].self, "items") ?? []
            let counted =
                fields.decode(NumberOrFlag.self, "stars")?.number ?? fields.string("boosts") ?? fields.string("price_stars")
                ?? fields.string("winners")
            count = counted.flatMap { ExportJSON.integer($0, in: InputRange.count) }
            priceAmount = Self.price(whole: fields.string("price_amount_whole"), nano: fields.string("price_amount_nano"))
            priceCurrency = fields.string("price_currency")
            suggestionRejected = fields.decode(Bool.self, "rejected") ?? false
            rejected = fields.rejected
            // Sorted: the decoder lists keys in an order of its own.
            unknownKeys = fields.keys.filter { !Self.knownKeys.contains($0) }.sorted()
        }
    }
}

extension ExportJSON.Message {
    /// A price from its whole and nano parts (`1.5`), range-checked; nil when absent or not numbers.
    static func price(whole: String?, nano: String?) -> String? {
        guard let whole, let units = ExportJSON.integer(whole, in: InputRange.count) else { return nil }
        guard let nano, let fraction = ExportJSON.integer(nano, in: 0...999_999_999), fraction > 0 else { return String(units) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(units).\(digits)"
    }

    /// A message made by a reader other than the JSON decoder (an HTML export's page), every
    /// field empty until set.
    init(id: String, type: String) {
        self.id = id
        self.type = type
        hasValidID = ExportJSON.integer(id, in: InputRange.messageID) != nil
        text = []
        mediaSpoiler = false
        reactions = []
        unknownKeys = []
        rejected = []
    }
}
