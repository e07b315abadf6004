import ChansiteCore
import ChansiteModel
import Foundation

/// The JSON of a Telegram Desktop export, as `Decodable` values that accept every version the
/// client has written: numeric or string ids, `text` as a string or a list of parts, optional
/// `text_entities`. Keys a message has that chansite does not know are collected, not rejected.
enum ExportJSON {
    /// `result.json`: one chat, or a whole account with lists of chats.
    struct Root: Decodable {
        var chat: Chat?
        var chats: [Chat]
        var leftChats: [Chat]

        enum CodingKeys: String, CodingKey {
            case messages, chats
            case leftChats = "left_chats"
        }
        struct ChatList: Decodable { var list: [Chat]? }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            chat = c.contains(.messages) ? try Chat(from: decoder) : nil
            chats = try c.decodeIfPresent(ChatList.self, forKey: .chats)?.list ?? []
            leftChats = try c.decodeIfPresent(ChatList.self, forKey: .leftChats)?.list ?? []
        }
    }

    /// A chat without its messages: `messages` holds the slot of its array among those
    /// `JSONMessageArrays` found (written there in place of the array), and the messages are
    /// decoded one at a time from that array's bytes.
    struct Chat: Decodable {
        var name: String?
        var type: String?
        var id: Flexible?
        var slot: Int?

        enum CodingKeys: String, CodingKey {
            case name, type, id
            case slot = "messages"
        }

        init(name: String?, type: String?, id: Flexible?, slot: Int? = nil) {
            self.name = name
            self.type = type
            self.id = id
            self.slot = slot
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            type = try c.decodeIfPresent(String.self, forKey: .type)
            id = try c.decodeIfPresent(Flexible.self, forKey: .id)
            // Every array under a `messages` key was replaced by `[slot]`; anything else here
            // was not an array in the file, which no export writes.
            let slots = try c.decode([Int].self, forKey: .slot)
            guard slots.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .slot, in: c, debugDescription: "'messages' is not a list of messages")
            }
            slot = slots[0]
        }
    }

    /// A message whose bytes are not JSON, and where that shows.
    struct MalformedMessage: Error {
        var reason: String
        var line: Int
        var column: Int?
    }

    /// Decodes `T`, keeping the failure instead of failing the whole list.
    struct Lenient<T: Decodable>: Decodable {
        var value: Result<T, any Error>
        init(from decoder: any Decoder) throws {
            value = Result { try T(from: decoder) }
        }
    }

    /// A string or number (ids, `from_id`, `date_unixtime` across versions), kept as text.
    struct Flexible: Decodable, Hashable {
        var text: String
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            // try?: a type probe: a string, else a number, else the error below.
            if let string = try? c.decode(String.self) {
                text = string
            } else if let int = try? c.decode(Int64.self) {
                text = String(int)
            } else {
                text = String(try c.decode(Double.self))
            }
        }
    }

    /// A text part: a bare string, or an entity object.
    struct Part: Decodable, Equatable {
        var type: String
        var text: String
        var href: String?
        var language: String?
        var collapsed: Bool?
        var userID: Flexible?
        var documentID: String?

        enum CodingKeys: String, CodingKey {
            case type, text, href, language, collapsed
            case userID = "user_id"
            case documentID = "document_id"
        }

        init(from decoder: any Decoder) throws {
            // try?: a type probe: a bare string, else an entity object.
            if let string = try? decoder.singleValueContainer().decode(String.self) {
                type = "plain"
                text = string
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = try c.decodeIfPresent(String.self, forKey: .type) ?? "plain"
            text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
            href = try c.decodeIfPresent(String.self, forKey: .href)
            language = try c.decodeIfPresent(String.self, forKey: .language)
            collapsed = try c.decodeIfPresent(Bool.self, forKey: .collapsed)
            userID = try c.decodeIfPresent(Flexible.self, forKey: .userID)
            // try?: a custom emoji's id is never shown (its emoji text is); a malformed one changes nothing.
            documentID = try? c.decodeIfPresent(String.self, forKey: .documentID)
        }
    }

    /// `text`: a plain string or a list of parts.
    struct Text: Decodable, Equatable {
        var parts: [Part]
        /// Why each part that could not be read was left out (the rest of the text is kept).
        var unreadable: [String] = []

        init(from decoder: any Decoder) throws {
            // try?: a type probe: a bare string, else a list of parts.
            if let string = try? decoder.singleValueContainer().decode(String.self) {
                parts = string.isEmpty ? [] : [Part(plain: string)]
                return
            }
            parts = []
            for part in try [Lenient<Part>](from: decoder) {
                switch part.value {
                case .success(let value): parts.append(value)
                case .failure(let error): unreadable.append(ExportJSON.describe(error))
                }
            }
        }
    }

    struct Reaction: Decodable, Equatable {
        var type: String?
        var count: Flexible?
        var emoji: String?
        var documentID: String?
        enum CodingKeys: String, CodingKey {
            case type, count, emoji
            case documentID = "document_id"
        }
    }

    struct Poll: Decodable, Equatable {
        struct Answer: Decodable, Equatable {
            var text: Text?
            var voters: Flexible?
            var chosen: Bool?
        }
        var question: Text?
        var closed: Bool?
        var totalVoters: Flexible?
        var answers: [Answer]?
        enum CodingKeys: String, CodingKey {
            case question, closed, answers
            case totalVoters = "total_voters"
        }
    }

    struct Location: Decodable, Equatable {
        var latitude: Double?
        var longitude: Double?
    }

    struct Contact: Decodable, Equatable {
        var firstName: String?
        var lastName: String?
        var phoneNumber: String?
        enum CodingKeys: String, CodingKey {
            case firstName = "first_name"
            case lastName = "last_name"
            case phoneNumber = "phone_number"
        }
    }
}

extension ExportJSON.Part {
    init(plain: String) {
        type = "plain"
        text = plain
    }

    init(type: String, text: String, href: String? = nil) {
        self.type = type
        self.text = text
        self.href = href
    }
}

extension ExportJSON.Flexible {
    init(text: String) { self.text = text }
}

extension ExportJSON.Text {
    init(parts: [ExportJSON.Part]) { self.parts = parts }
}
