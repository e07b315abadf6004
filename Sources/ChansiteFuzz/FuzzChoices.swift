/// The fuzzer's bytes read as a sequence of choices, so a structure-aware target builds valid
/// JSON whose shape and values the fuzzer steers (and mutates one choice at a time). Once the
/// bytes run out every choice is the first option: every input makes a whole document.
struct FuzzChoices {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A number in `0..<count`.
    mutating func below(_ count: Int) -> Int { count <= 1 ? 0 : Int(byte()) % count }

    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    mutating func chance(_ inEight: Int) -> Bool { Int(byte() & 7) < inEight }

    /// A JSON number or string from the values a hostile archive would try.
    mutating func hostileNumber() -> String {
        pick([
            "0", "1", "-1", "7", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "92233720368547759",
            "18446744073709551616", "1e30", "1e308", "-1e308", "1.5", "-0.0", "0.1", "\"nan\"", "\"inf\"", "\"-inf\"", "\"1e30\"",
            "\"\"", "\"12\"", "\"-5\"", "\"0x10\"", "\"99999999999999999999999\"", "null", "true", "[]", "{}", "\"1709632800\"",
            "1709632800", "253402300800", "-62135596801", "\"abc\"",
        ])
    }

    /// A JSON string (quoted, escaped) from hostile and ordinary texts.
    mutating func hostileString() -> String {
        let texts = [
            "", "hello", "Привет, мир", "مرحبا بالعالم", "你好", "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd",
            "/etc/passwd", "index", "archive", "page-2", "archive-2024-01", "\\u0000", "\\ud800", "\\udc00x", "\\u001b[31m", "#tag #другой",
            "@someone", "https://t.me/channel/5", "\\\"quoted\\\"", "a\\nb", String(repeating: "#t ", count: 40),
            String(repeating: "x", count: 300), "👍🏽🇷🇺", "\\u202e", "photos/p.jpg", "files/f.html", "(File not included.)",
        ]
        return "\"" + pick(texts) + "\""
    }

    /// Any JSON value: mostly hostile scalars, sometimes a small array or object of them.
    mutating func hostileValue(depth: Int = 0) -> String {
        switch below(depth > 2 ? 2 : 4) {
        case 0: return hostileNumber()
        case 1: return hostileString()
        case 2: return "[" + (0..<below(4)).map { _ in hostileValue(depth: depth + 1) }.joined(separator: ",") + "]"
        default: return "{\"text\":\(hostileString()),\"type\":\(hostileString())}"
        }
    }
}
