extension ExportJSON {
    /// A message's fields read from its bytes in place (`JSONBytes`): ids, dates, names, media
    /// fields, text and reactions, which is all most messages hold. Anything else present (a
    /// poll, a to-do list, a value of a type the decoder would reject or read differently) sets
    /// `unsupported`, and the message is read by the decoder instead: the same `Message` either way.
    struct ByteFields: MessageFields {
        let json: JSONBytes
        let members: [JSONBytes.Member]
        var rejected: [String] = []
        /// Something here is the decoder's to read.
        private(set) var unsupported = false

        var keys: [String] { members.map { json.key($0.key) } }

        mutating func string(_ key: StaticString) -> String? {
            guard let value = lookup(key) else { return nil }
            return flexible(value)
        }

        mutating func decode<T: Decodable>(_ type: T.Type, _ key: StaticString) -> T? {
            guard let value = lookup(key) else { return nil }
            let read: Any?
            if T.self == Bool.self {
                read = bool(value)
            } else if T.self == Text.self {
                read = text(value)
            } else if T.self == [Reaction].self {
                read = reactions(value)
            } else {
                read = nil
            }
            guard let read = read as? T else {
                unsupported = true
                return nil
            }
            return read
        }

        /// The member named `key`, nil when absent or null.
        private func lookup(_ key: StaticString) -> JSONBytes.Value? {
            guard let member = members.first(where: { json.matches(key, $0.key) }), member.value.kind != .null else { return nil }
            return member.value
        }

        /// `Flexible`: a string, or a whole number as the decoder writes it.
        private mutating func flexible(_ value: JSONBytes.Value) -> String? {
            guard let text = json.string(value) ?? json.integerText(value) else {
                unsupported = true
                return nil
            }
            return text
        }

        private func bool(_ value: JSONBytes.Value) -> Bool? {
            switch value.kind {
            case .true: true
            case .false: false
            default: nil
            }
        }

        /// `Text`: a string, or a list of strings and entity objects.
        private mutating func text(_ value: JSONBytes.Value) -> Text? {
            if value.kind == .string {
                guard let string = json.string(value) else { return nil }
                return Text(parts: string.isEmpty ? [] : [Part(plain: string)])
            }
            guard let elements = json.elements(of: value) else { return nil }
            var parts: [Part] = []
            parts.reserveCapacity(elements.count)
            for element in elements {
                guard let part = part(element) else { return nil }
                parts.append(part)
            }
            return Text(parts: parts)
        }

        private mutating func part(_ value: JSONBytes.Value) -> Part? {
            if value.kind == .string { return json.string(value).map(Part.init(plain:)) }
            guard let members = json.members(of: value) else { return nil }
            var fields = ByteFields(json: json, members: members)
            var part = Part(plain: "")
            part.type = fields.optionalString("type") ?? "plain"
            part.text = fields.optionalString("text") ?? ""
            part.href = fields.optionalString("href")
            part.language = fields.optionalString("language")
            if let collapsed = fields.lookup("collapsed") {
                part.collapsed = bool(collapsed)
                if part.collapsed == nil { return nil }
            }
            part.userID = fields.string("user_id").map(Flexible.init(text:))
            // As the decoder's `try?` does: an id that is not a string is no id.
            part.documentID = fields.lookup("document_id").flatMap(json.string)
            return fields.unsupported ? nil : part
        }

        /// A member that must be a string when present and not null.
        private mutating func optionalString(_ key: StaticString) -> String? {
            guard let value = lookup(key) else { return nil }
            guard let string = json.string(value) else {
                unsupported = true
                return nil
            }
            return string
        }

        private mutating func reactions(_ value: JSONBytes.Value) -> [Reaction]? {
            guard let elements = json.elements(of: value) else { return nil }
            var reactions: [Reaction] = []
            for element in elements {
                guard let members = json.members(of: element) else { return nil }
                var fields = ByteFields(json: json, members: members)
                let reaction = Reaction(
                    type: fields.optionalString("type"), count: fields.string("count").map(Flexible.init(text:)),
                    emoji: fields.optionalString("emoji"), documentID: fields.optionalString("document_id"))
                guard !fields.unsupported else { return nil }
                reactions.append(reaction)
            }
            return reactions
        }
    }
}

extension ExportJSON.Message {
    /// The message read from its bytes in place, or nil when the decoder must read it (see
    /// `ExportJSON.ByteFields`).
    init?(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        guard let json = JSONBytes(bytes, range: range), let members = json.members(of: json.root) else { return nil }
        var fields = ExportJSON.ByteFields(json: json, members: members)
        // try?: a message without an id is the decoder's to report.
        guard let message = try? Self(fields: &fields), !fields.unsupported else { return nil }
        self = message
    }
}
