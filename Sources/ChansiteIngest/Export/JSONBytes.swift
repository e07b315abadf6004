/// A strict reader of JSON bytes (RFC 8259) for the export's hot path: one pass validates a
/// message and lays its values out flat (kind, bytes, where the next sibling starts), and
/// strings, integers and flags are then read in place, without Codable's per-field cost. It
/// answers nil wherever it meets something it does not read exactly as `JSONDecoder` does (an
/// escaped or repeated key, a fraction, a lone surrogate, nesting deeper than `maxDepth`, more
/// than `maxMembers` keys): the caller then asks the decoder, so this is only ever a faster way
/// to the decoder's values, never a second opinion. Strings' text is checked as UTF-8 when it is
/// read; skipped values are not (the export reader runs `JSONRepair` first).
struct JSONBytes {
    enum Kind: Equatable {
        case object, array, string, number, `true`, `false`, null
    }

    /// A value's kind and bytes (a string's include its quotes).
    struct Value {
        var kind: Kind
        var range: Range<Int>
        /// Its place among the values, which its children follow.
        fileprivate var node: Int
    }

    struct Member {
        /// The key's bytes between its quotes (never escaped).
        var key: Range<Int>
        var value: Value
    }

    /// A value as laid out: its children (an object's keys and values alternating) follow it,
    /// and its next sibling starts at `next`.
    private struct Node {
        var kind: Kind
        var range: Range<Int>
        var next: Int
    }

    /// Deeper values are left to the decoder (which allows 512 levels): no message nests this deep.
    static let maxDepth = 64
    /// Objects with more keys are left to the decoder: finding repeated keys stays cheap.
    static let maxMembers = 64

    let bytes: UnsafeBufferPointer<UInt8>
    private var nodes: [Node] = []

    /// The one value filling `range` (whitespace around it allowed) laid out; nil unless it is
    /// valid JSON.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        var cursor = skipSpace(range.lowerBound, end: range.upperBound)
        guard scan(&cursor, end: range.upperBound, depth: 0), skipSpace(cursor, end: range.upperBound) == range.upperBound else {
            return nil
        }
    }

    /// The value filling the range given.
    var root: Value { value(0) }

    private func value(_ node: Int) -> Value {
        Value(kind: nodes[node].kind, range: nodes[node].range, node: node)
    }

    /// An object's members in order; nil for a key with an escape or a byte beyond ASCII (no key
    /// the client writes has one), a key given twice, or more than `maxMembers` keys.
    func members(of object: Value) -> [Member]? {
        guard object.kind == .object else { return nil }
        var members: [Member] = []
        var node = object.node + 1
        while node < nodes[object.node].next {
            let key = nodes[node].range.lowerBound + 1..<nodes[node].range.upperBound - 1
            guard members.count < Self.maxMembers, bytes[key].allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\\") }) else { return nil }
            guard !members.contains(where: { same($0.key, key) }) else { return nil }
            let value = nodes[node].next
            members.append(Member(key: key, value: self.value(value)))
            node = nodes[value].next
        }
        return members
    }

    /// An array's elements in order.
    func elements(of array: Value) -> [Value]? {
        guard array.kind == .array else { return nil }
        var elements: [Value] = []
        var node = array.node + 1
        while node < nodes[array.node].next {
            elements.append(value(node))
            node = nodes[node].next
        }
        return elements
    }

    /// Whether `key` (never escaped) names the member whose key is at `range`.
    func matches(_ key: StaticString, _ range: Range<Int>) -> Bool {
        guard key.utf8CodeUnitCount == range.count else { return false }
        let start = key.utf8Start
        for offset in 0..<range.count where start[offset] != bytes[range.lowerBound + offset] {
            return false
        }
        return true
    }

    /// The key's text.
    func key(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A string value's text, escapes read; nil for anything but a string of valid UTF-8.
    func string(_ value: Value) -> String? {
        guard value.kind == .string else { return nil }
        let inside = value.range.lowerBound + 1..<value.range.upperBound - 1
        guard bytes[inside].contains(UInt8(ascii: "\\")) else {
            return String(validating: UnsafeBufferPointer(rebasing: bytes[inside]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(inside.count)
        var index = inside.lowerBound
        while index < inside.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // `scan` let through only escapes that pair up.
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex(at: index + 2) - 0xDC00)
                    index += 6
                }
                guard let character = Unicode.Scalar(scalar) else { return nil }
                UTF8.encode(character) { out.append($0) }
            default: out.append(escape)  // '"', '\\' and '/' stand for themselves
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// A number's text as `JSONDecoder` gives it for an `Int64`: only whole numbers of at most
    /// 18 digits, which read back the same (`-0` and longer ones are the decoder's).
    func integerText(_ value: Value) -> String? {
        guard value.kind == .number, value.range.count <= 19 else { return nil }
        var digits = value.range
        if bytes[digits.lowerBound] == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard digits.count <= 18, bytes[digits].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard !(digits.count == 1 && bytes[digits.lowerBound] == 0x30 && digits != value.range) else { return nil }
        return key(value.range)
    }

    // MARK: - Scanning

    /// JSON's whitespace: space, tab, line feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && bytes[a].elementsEqual(bytes[b])
    }

    private func skipSpace(_ start: Int, end: Int) -> Int {
        var index = start
        while index < end, Self.isSpace(bytes[index]) { index += 1 }
        return index
    }

    /// Validates the value starting at `cursor`, lays it out and moves past it.
    private mutating func scan(_ cursor: inout Int, end: Int, depth: Int) -> Bool {
        guard cursor < end, depth <= Self.maxDepth else { return false }
        let start = cursor
        let node = nodes.count
        nodes.append(Node(kind: .null, range: start..<start, next: node + 1))
        let kind: Kind
        switch bytes[cursor] {
        case UInt8(ascii: "\""):
            guard scanString(&cursor, end: end) else { return false }
            kind = .string
        case UInt8(ascii: "{"):
            guard scanContainer(&cursor, end: end, depth: depth, close: UInt8(ascii: "}"), keyed: true) else { return false }
            kind = .object
        case UInt8(ascii: "["):
            guard scanContainer(&cursor, end: end, depth: depth, close: UInt8(ascii: "]"), keyed: false) else { return false }
            kind = .array
        case UInt8(ascii: "t"):
            guard literal("true", &cursor, end: end) else { return false }
            kind = .true
        case UInt8(ascii: "f"):
            guard literal("false", &cursor, end: end) else { return false }
            kind = .false
        case UInt8(ascii: "n"):
            guard literal("null", &cursor, end: end) else { return false }
            kind = .null
        default:
            guard scanNumber(&cursor, end: end) else { return false }
            kind = .number
        }
        nodes[node] = Node(kind: kind, range: start..<cursor, next: nodes.count)
        return true
    }

    private mutating func scanContainer(_ cursor: inout Int, end: Int, depth: Int, close: UInt8, keyed: Bool) -> Bool {
        cursor = skipSpace(cursor + 1, end: end)
        if cursor < end, bytes[cursor] == close {
            cursor += 1
            return true
        }
        while cursor < end {
            if keyed {
                guard bytes[cursor] == UInt8(ascii: "\""), scan(&cursor, end: end, depth: depth + 1) else { return false }
                cursor = skipSpace(cursor, end: end)
                guard cursor < end, bytes[cursor] == UInt8(ascii: ":") else { return false }
                cursor = skipSpace(cursor + 1, end: end)
            }
            guard scan(&cursor, end: end, depth: depth + 1) else { return false }
            cursor = skipSpace(cursor, end: end)
            guard cursor < end else { return false }
            if bytes[cursor] == close {
                cursor += 1
                return true
            }
            guard bytes[cursor] == UInt8(ascii: ",") else { return false }
            cursor = skipSpace(cursor + 1, end: end)
        }
        return false
    }

    /// A string with only valid escapes, no raw control characters and no lone surrogates.
    private func scanString(_ cursor: inout Int, end: Int) -> Bool {
        var index = cursor + 1
        while index < end {
            index = Self.stringTextEnd(bytes, from: index, end: end)
            guard index < end else { return false }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                cursor = index + 1
                return true
            }
            if byte < 0x20 { return false }
            guard index + 1 < end else { return false }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 2
            case UInt8(ascii: "u"):
                guard index + 6 <= end, isHex(index + 2) else { return false }
                let unit = hex(at: index + 2)
                index += 6
                if (0xDC00...0xDFFF).contains(unit) { return false }
                if (0xD800...0xDBFF).contains(unit) {
                    guard index + 6 <= end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"), isHex(index + 2),
                        (0xDC00...0xDFFF).contains(hex(at: index + 2))
                    else { return false }
                    index += 6
                }
            default: return false
            }
        }
        return false
    }

    /// The first offset from `start` holding a quote, a backslash or a control character (where
    /// a string's text may end or need a closer look): eight bytes at a time, as a string's text
    /// is most of a message. The messages-array scan skips strings with it too.
    static func stringTextEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                // A byte of zero in `quote` or `backslash`, or below 0x20 in `word`, sets its high bit.
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                index += 8
            }
        }
        while index < end, bytes[index] >= 0x20, bytes[index] != 0x22, bytes[index] != 0x5C { index += 1 }
        return index
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private func scanNumber(_ cursor: inout Int, end: Int) -> Bool {
        var index = cursor
        func digits() -> Int {
            let start = index
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end else { return false }
        if bytes[index] == 0x30 {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        // A number runs to a delimiter; "01" or "1x" is not one.
        if index < end, !Self.delimiters.contains(bytes[index]) { return false }
        cursor = index
        return true
    }

    private static let delimiters: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]

    private func literal(_ word: StaticString, _ cursor: inout Int, end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard cursor + count <= end, matches(word, cursor..<cursor + count) else { return false }
        cursor += count
        if cursor < end, !Self.delimiters.contains(bytes[cursor]) { return false }
        return true
    }

    private func isHex(_ index: Int) -> Bool {
        (index..<index + 4).allSatisfy { Self.hexValue(bytes[$0]) != nil }
    }

    private func hex(at index: Int) -> UInt32 {
        (index..<index + 4).reduce(0) { $0 << 4 | UInt32(Self.hexValue(bytes[$1]) ?? 0) }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
