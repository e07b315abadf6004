/// Random bytes shaped like a Telegram export's JSON, for checking byte scanners against each
/// other: pieces drawn from structure, keys, escapes, text in several scripts, raw controls and
/// broken UTF-8, so every state a scanner has (in a string, after a backslash, inside a
/// messages array) is entered and left in every way.
enum JSONLikeBytes {
    static let pieces: [[UInt8]] = [
        Array(#"{"messages": ["#.utf8), Array(#""messages":"#.utf8), Array(#"{"id": 1, "text": ""#.utf8), Array("\"".utf8),
        Array("\\".utf8), Array("\\\"".utf8), Array("\\\\".utf8), Array("\\u".utf8), Array("\\ud83d\\ude00".utf8), Array("\\udc00".utf8),
        Array("\\u0001".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(":".utf8), Array(",".utf8),
        Array(" ".utf8), Array("\n".utf8), Array("\t".utf8), Array("\r".utf8), [0x01], [0x7F], Array("plain words ".utf8),
        Array("Привет ".utf8), Array("مرحبا".utf8), Array("你好".utf8), Array("😀".utf8), [0xC2, 0x85], [0xC2, 0xA0], [0xEF, 0xBF, 0xBE],
        [0xC0, 0xAF], [0xC3], [0xD0], [0x80], [0xFF], [0xED, 0xA0, 0x80], Array("m\\u0065ssages".utf8),
    ]

    static func make(_ random: inout SeededRandom) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...40, using: &random) {
            bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
        }
        return bytes
    }
}
