/// Adds `Encodable` values to a `Fingerprint` through their own `encode(to:)`, so a model value's
/// key names every field it has now or gains later (a post's details feed its view's key, and a
/// field left out of a hand-written list would leave a page stale). Every keyed value goes in
/// with its key and every nested value between an open and a close mark, so two different
/// values never give the same sequence.
extension Fingerprint {
    package mutating func add(encodable value: some Encodable) {
        let sink = FingerprintEncoder.Sink(self)
        self = Fingerprint()
        FingerprintEncoder.add(value, to: sink, path: [])
        self = sink.fingerprint
    }
}

/// The `Encoder` behind `Fingerprint.add(encodable:)`.
struct FingerprintEncoder: Encoder {
    /// The fingerprint being written, shared by every container of one value.
    final class Sink {
        var fingerprint: Fingerprint
        init(_ fingerprint: Fingerprint) { self.fingerprint = fingerprint }
    }

    let sink: Sink
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Adds `value` between an open and a close mark; a value that throws while encoding adds
    /// its error, so it still differs from every value that does not.
    static func add(_ value: some Encodable, to sink: Sink, path: [any CodingKey]) {
        sink.fingerprint.add("\u{1}(")
        do {
            try value.encode(to: FingerprintEncoder(sink: sink, codingPath: path))
        } catch {
            sink.fingerprint.add("\u{1}!" + String(describing: error))
        }
        sink.fingerprint.add("\u{1})")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.fingerprint.add("\u{1}{")
        return KeyedEncodingContainer(Keyed<Key>(sink: sink, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.fingerprint.add("\u{1}[")
        return Unkeyed(sink: sink, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(sink: sink, codingPath: codingPath)
    }

    /// Adds one primitive with a mark of its type.
    static func primitive(_ value: some Encodable, to sink: Sink) {
        switch value {
        case let text as String: sink.fingerprint.add(text)
        case let number as Int: sink.fingerprint.add(number)
        case let flag as Bool: sink.fingerprint.add(flag ? "\u{1}t" : "\u{1}f")
        case let number as Double: sink.fingerprint.add("\u{1}d" + String(number.bitPattern))
        case let number as Float: sink.fingerprint.add("\u{1}d" + String(Double(number).bitPattern))
        default: sink.fingerprint.add("\u{1}n" + String(describing: value))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        let codingPath: [any CodingKey]

        func encodeNil(forKey key: Key) {
            sink.fingerprint.add(key.stringValue)
            sink.fingerprint.add("\u{1}0")
        }

        func encode(_ value: some Encodable, forKey key: Key) {
            sink.fingerprint.add(key.stringValue)
            if FingerprintEncoder.isPrimitive(value) {
                FingerprintEncoder.primitive(value, to: sink)
            } else {
                FingerprintEncoder.add(value, to: sink, path: codingPath + [key])
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            sink.fingerprint.add(key.stringValue)
            return FingerprintEncoder(sink: sink, codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.fingerprint.add(key.stringValue)
            return FingerprintEncoder(sink: sink, codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { FingerprintEncoder(sink: sink, codingPath: codingPath) }
        func superEncoder(forKey key: Key) -> any Encoder {
            sink.fingerprint.add(key.stringValue)
            return FingerprintEncoder(sink: sink, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        let codingPath: [any CodingKey]
        var count = 0

        mutating func encodeNil() {
            count += 1
            sink.fingerprint.add("\u{1}0")
        }

        mutating func encode(_ value: some Encodable) {
            count += 1
            if FingerprintEncoder.isPrimitive(value) {
                FingerprintEncoder.primitive(value, to: sink)
            } else {
                FingerprintEncoder.add(value, to: sink, path: codingPath)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return FingerprintEncoder(sink: sink, codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return FingerprintEncoder(sink: sink, codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { FingerprintEncoder(sink: sink, codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        let codingPath: [any CodingKey]

        func encodeNil() { sink.fingerprint.add("\u{1}0") }

        func encode(_ value: some Encodable) {
            if FingerprintEncoder.isPrimitive(value) {
                FingerprintEncoder.primitive(value, to: sink)
            } else {
                FingerprintEncoder.add(value, to: sink, path: codingPath)
            }
        }
    }

    /// The standard library's leaf values, written directly; anything else encodes itself.
    static func isPrimitive(_ value: some Encodable) -> Bool {
        switch value {
        case is String, is Bool, is Double, is Float, is Int, is Int8, is Int16, is Int32, is Int64, is UInt, is UInt8, is UInt16,
            is UInt32, is UInt64:
            true
        default: false
        }
    }
}
