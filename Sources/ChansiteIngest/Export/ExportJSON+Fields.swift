import ChansiteCore
import Foundation

/// Where a message's fields come from: the JSON decoder (`ExportJSON.FieldReader`, any
/// bytes), or the message's bytes read in place (`ExportJSON.ByteFields`, the common messages).
/// `ExportJSON.Message` is made by one initializer from either, so both read the same fields.
protocol MessageFields {
    /// Every key the message has.
    var keys: [String] { get }
    /// What was present but could not be used, each said as "'key' …".
    var rejected: [String] { get set }
    /// A string or number as text; nil when absent or null.
    mutating func string(_ key: StaticString) -> String?
    /// The value as `T`; nil when absent or null, and nil with a note in `rejected` when it is no `T`.
    mutating func decode<T: Decodable>(_ type: T.Type, _ key: StaticString) -> T?
}

extension MessageFields {
    /// An integer within `range`; anything else present is rejected.
    mutating func int(_ key: StaticString, in range: ClosedRange<Int>) -> Int? {
        guard let raw = string(key) else { return nil }
        guard let value = ExportJSON.integer(raw, in: range) else {
            rejected.append("'\(key)' \(ExportJSON.FieldReader.shown(raw)) is not a number from \(range.lowerBound) to \(range.upperBound); left out")
            return nil
        }
        return value
    }

    /// A message number (a reply's or a pin's target) as canonical decimal text.
    mutating func messageNumber(_ key: StaticString) -> String? {
        int(key, in: InputRange.messageID).map(String.init)
    }
}

extension ExportJSON {
    /// Reads one message's keys so that nothing present is lost silently: a key that is there
    /// but has the wrong type or an out-of-range value is noted in `rejected` (and becomes a
    /// diagnostic naming the message), where a bare `try?` would have made it nil unseen.
    struct FieldReader: MessageFields {
        let container: KeyedDecodingContainer<Message.Key>
        var rejected: [String] = []

        var keys: [String] { container.allKeys.map(\.stringValue) }

        /// A string or number as text; nil when absent or null.
        mutating func string(_ key: StaticString) -> String? {
            decode(Flexible.self, key)?.text
        }

        mutating func decode<T: Decodable>(_ type: T.Type, _ key: StaticString) -> T? {
            let codingKey = Message.Key(key.description)
            guard container.contains(codingKey) else { return nil }
            do {
                return try container.decodeIfPresent(type, forKey: codingKey)
            } catch {
                rejected.append("'\(key)' cannot be read (\(ExportJSON.describe(error))); left out")
                return nil
            }
        }

        /// A value as a diagnostic shows it: quoted, at most 40 characters.
        static func shown(_ raw: String) -> String {
            "'" + (raw.count > 40 ? raw.prefix(40) + "…" : raw) + "'"
        }
    }

    /// A whole number written as the client writes one (digits, or a JSON number with no
    /// fraction), within `range`; nil otherwise.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let magnitude = Int(digits) else {
            return nil
        }
        let value = negative ? -magnitude : magnitude
        return range.contains(value) ? value : nil
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default: return "\(error)"
        }
    }
}
