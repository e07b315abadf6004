import ChansiteCore
import Foundation

extension ExportJSON {
    /// Reads one message's keys so that nothing present is lost silently: a key that is there
    /// but has the wrong type or an out-of-range value is noted in `rejected` (and becomes a
    /// diagnostic naming the message), where a bare `try?` would have made it nil unseen.
    struct FieldReader {
        let container: KeyedDecodingContainer<Message.Key>
        var rejected: [String] = []

        /// A string or number as text; nil when absent or null.
        mutating func string(_ key: String) -> String? {
            decode(Flexible.self, key)?.text
        }

        /// An integer within `range`; anything else present is rejected.
        mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
            guard let raw = string(key) else { return nil }
            guard let value = ExportJSON.integer(raw, in: range) else {
                rejected.append("'\(key)' \(Self.shown(raw)) is not a number from \(range.lowerBound) to \(range.upperBound); left out")
                return nil
            }
            return value
        }

        /// A message number (a reply's or a pin's target) as canonical decimal text.
        mutating func messageNumber(_ key: String) -> String? {
            int(key, in: InputRange.messageID).map(String.init)
        }

        mutating func decode<T: Decodable>(_ type: T.Type, _ key: String) -> T? {
            let codingKey = Message.Key(key)
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
